// What the search box finds, best first, in the index of the map's words (searchindex.js). Pure (no DOM),
// so node runs it too: tests/test_search_ranking.py checks it there (through tests/js/rank.mjs).
//
// Text is folded (case, accents, punctuation and hyphens: "Theory-theory" is "theory theory") and each
// word made singular ("neurons" is "neuron", "studies" "study"). A query's words match an entry's in any
// order, each exactly, as the start of a word, inside one (three letters or more), or with a typo (one
// edit from five letters, two from eight). The tiers, best first:
//   0. the name typed exactly, or an abbreviation or older name typed exactly;
//   1. a name (or older name) that starts with what is typed;
//   2. every word typed is a whole word of the entry;
//   3. every word typed starts a word of the entry;
//   4. some word is found inside a word;
//   5. some word only with a typo.
// Within a tier: concepts before relations, the name alone matching before a match that needs an older
// name or the kind, the shorter name first, then the concepts by name and the relations in the map's order.
// The index maps each distinct word to the entries that have it, so a keystroke looks at the map's
// vocabulary (thousands of words) and at the entries that have the words typed, not at every entry.

import { bitCount, mask, within, words } from "./words.js";

/**
 * @typedef {import("./searchindex.js").Index} Index
 * @typedef {import("./searchindex.js").Entry} Entry
 * @typedef {import("./searchindex.js").Matching} Matching
 */

const NONE = 255;
const QUALITY = { exact: 0, prefix: 1, inside: 2, typo: 3 };
const REMEMBERED = 64; // typed words whose matching words the index keeps (typing repeats the earlier ones)

/**
 * Entry `number` as the search box lists it.
 * @param {Index} index
 * @param {number} number
 * @returns {Entry}
 */
function entryOf(index, number) {
  const source = index.sources[number];
  if ("label" in source) return { id: source.id, kind: "concept", text: source.search, name: source.label };
  return { id: source.id, kind: "relation", text: source.search, name: source.search };
}

// The first of the sorted keys not before `key`.
/**
 * @param {string[]} keys
 * @param {string} key
 */
function lowerBound(keys, key) {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The index's words that match a typed word, each with how well: [word numbers], [qualities].
/**
 * @param {Index} index
 * @param {string} typed
 * @returns {Matching}
 */
function matchingTerms(index, typed) {
  const remembered = index.remembered.get(typed);
  if (remembered) return remembered;
  const numbers = [];
  const qualities = [];
  const exact = index.term.get(typed);
  const fuzz = typed.length >= 8 ? 2 : typed.length >= 5 ? 1 : 0;
  const bits = mask(typed);
  for (let number = 0; number < index.terms.length; number++) {
    const word = index.terms[number];
    let quality = NONE;
    if (number === exact) quality = QUALITY.exact;
    else if (word.startsWith(typed)) quality = QUALITY.prefix;
    else if (typed.length >= 3 && word.includes(typed)) quality = QUALITY.inside;
    else if (
      fuzz &&
      Math.abs(word.length - typed.length) <= fuzz &&
      bitCount(bits & ~index.letters[number]) <= fuzz && // an edit brings in at most one letter
      within(typed, word, fuzz)
    ) {
      quality = QUALITY.typo;
    }
    if (quality !== NONE) {
      numbers.push(number);
      qualities.push(quality);
    }
  }
  if (index.remembered.size >= REMEMBERED) index.remembered.clear();
  const postings = numbers.reduce((sum, number) => sum + index.end[number] - index.start[number], 0);
  const found = { numbers, qualities, postings };
  index.remembered.set(typed, found);
  return found;
}

// The entries that match `text`, best first, at most `limit`. The typed word found in fewest entries
// names the candidates; each other word keeps those it is found in, at its best quality there.
/**
 * @param {Index} index
 * @param {string} text
 * @returns {Entry[]}
 */
export function search(index, text, limit = 40) {
  const all = words(text);
  const typed = [...new Set(all)];
  if (!typed.length) return [];
  const matched = typed.map((word) => matchingTerms(index, word)).sort((a, b) => a.postings - b.postings);
  const { best, named, seen, worst, worstNamed, candidates } = index.scratch;
  let found = 0; // candidates[0 .. found): the entries every typed word so far is found in
  matched.forEach(({ numbers, qualities }, which) => {
    const round = ++index.scratch.round;
    for (let i = 0; i < numbers.length; i++) {
      const quality = qualities[i];
      for (let at = index.start[numbers[i]]; at < index.end[numbers[i]]; at++) {
        const code = index.codes[at];
        const entry = code >> 1;
        if (seen[entry] !== round) {
          seen[entry] = round;
          best[entry] = NONE;
          named[entry] = NONE;
          if (which === 0) candidates[found++] = entry;
        }
        if (quality < best[entry]) best[entry] = quality;
        if (code & 1 && quality < named[entry]) named[entry] = quality;
      }
    }
    let kept = 0;
    for (let i = 0; i < found; i++) {
      const entry = candidates[i];
      if (seen[entry] !== round) continue;
      candidates[kept++] = entry;
      // The worst of each typed word's best match, in the entry and in its name alone.
      worst[entry] = which === 0 ? best[entry] : Math.max(worst[entry], best[entry]);
      worstNamed[entry] = which === 0 ? named[entry] : Math.max(worstNamed[entry], named[entry]);
    }
    found = kept;
  });
  if (!found) return [];
  // The entries whose name (0) or older name (1) is the query exactly, or whose name starts with it (2).
  const { tier, tierRound } = index.scratch;
  const round = ++index.scratch.round;
  const key = all.join(" ");
  for (let at = lowerBound(index.keys, key); at < index.keys.length && index.keys[at].startsWith(key); at++) {
    const entry = index.keyEntry[at];
    const how = index.keys[at] === key ? index.keyOlder[at] : 2;
    if (tierRound[entry] !== round || how < tier[entry]) tier[entry] = how;
    tierRound[entry] = round;
  }
  const top = new Float64Array(Math.min(limit, found)).fill(Infinity); // the best, in order
  let filled = 0;
  for (let i = 0; i < found; i++) {
    const number = candidates[i];
    const quality = worst[number];
    let rank = quality + 2; // 2 whole words, 3 starts of words, 4 inside words, 5 with a typo
    let name = worstNamed[number] <= quality ? 0 : 1;
    if (quality <= QUALITY.prefix && tierRound[number] === round) {
      rank = tier[number] === 2 ? 1 : 0;
      if (rank === 0) name = tier[number]; // the name itself before an older name
    }
    // One number orders them: ((tier * 2 + relation) * 2 + not by name) * 256 + the name's length, then the
    // index's own order (base holds relation and length); the best `limit` are kept in order as they come.
    const value = (rank * 1024 + name * 256 + index.base[number]) * 2 ** 26 + number;
    if (filled < top.length || value < top[top.length - 1]) {
      let at = Math.min(filled, top.length - 1);
      while (at > 0 && top[at - 1] > value) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = value;
      if (filled < top.length) filled++;
    }
  }
  return Array.from(top.subarray(0, filled), (value) => entryOf(index, value % 2 ** 26));
}
