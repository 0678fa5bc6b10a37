// Words as the search box compares them: folded (case, accents, punctuation and hyphens: "Theory-theory"
// is "theory theory"), each made singular ("neurons" is "neuron", "studies" "study"), and how far apart two
// are (a typo). Pure, for ranking.js.

// Lower case, no accents, letters and digits only, single spaces. Plain ASCII (most text) takes a quick
// path; anything else is decomposed and its accents dropped.
/** @param {string} text */
export function fold(text) {
  let folded = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 127) return foldUnicode(text);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (gap && folded) folded += " ";
      folded += String.fromCharCode(code);
      gap = false;
    } else gap = true;
  }
  return folded;
}

/** @param {string} text */
function foldUnicode(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// A plural made singular: neurons → neuron, studies → study, processes → process; not "ss", "us", "is".
/** @param {string} word */
export function singular(word) {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** @param {string} text */
export function words(text) {
  const folded = fold(text);
  return folded ? folded.split(" ").map(singular) : [];
}

// A bit for each of the letters a-z a word has, and one for any digit.
/** @param {string} word */
export function mask(word) {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    bits |= code >= 97 && code <= 122 ? 1 << (code - 97) : 1 << 26;
  }
  return bits;
}

/** @param {number} bits */
export function bitCount(bits) {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

// Whether two words are at most `most` edits apart (insert, delete, substitute, swap two neighbours).
/**
 * @param {string} a
 * @param {string} b
 * @param {number} most
 */
export function within(a, b, most) {
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      if (value < least) least = value;
    }
    if (least > most) return false;
    before = previous;
    previous = row;
  }
  return previous[b.length] <= most;
}
