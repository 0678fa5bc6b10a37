// The search box's index of a map's words: each distinct word (folded and made singular, words.js) with
// the entries that have it, so that a keystroke looks at the map's vocabulary (thousands of words) and at
// the entries that have the words typed, not at every entry (ranking.js searches it). Pure (no DOM).

import { mask, words } from "./words.js";

/**
 * What the index reads of the map (drawing.payload's nodes and edges).
 * @typedef {Pick<import("./graph.js").NodeData, "id" | "label" | "search" | "also">} SearchNode
 * @typedef {Pick<import("./graph.js").EdgeData, "id" | "from" | "to" | "relation" | "search">} SearchEdge
 * @typedef {{nodes: SearchNode[], edges: SearchEdge[]}} Searched
 * An entry as the search box lists it.
 * @typedef {{id: string, kind: "concept" | "relation", text: string, name: string}} Entry
 * The index's words that match a typed word, each with how well, and how many entries have them.
 * @typedef {{numbers: number[], qualities: number[], postings: number}} Matching
 * @typedef {{count: number, concepts: number, sources: (SearchNode | SearchEdge)[], term: Map<string, number>,
 *   terms: string[], start: Int32Array, end: Int32Array, codes: Int32Array, base: Float64Array,
 *   letters: Int32Array, keys: string[], keyEntry: Uint32Array, keyOlder: Uint8Array,
 *   remembered: Map<string, Matching>, scratch: Scratch}} Index
 * Per entry, reused by every search (so a keystroke makes next to no garbage).
 * @typedef {{best: Uint8Array, named: Uint8Array, seen: Uint32Array, round: number, worst: Uint8Array,
 *   worstNamed: Uint8Array, candidates: Int32Array, tier: Uint8Array, tierRound: Uint32Array}} Scratch
 */

const STEP = 2_000; // entries indexed between pauses (see `indexing`)

// The index of a map's search entries: concepts by name, then relations as they read.
//   graph.nodes: [{id, label, search, also: [other names]}], graph.edges: [{id, from, to, relation, search}]
// A concept's words are its name's (which rank it higher), its other names' and its kind's; a relation's,
// its ends' and its wording's. The same text recurs (a concept's name in each of its relations), so each
// is folded once; the postings are one array (word n's are codes[start[n]] up to codes[end[n]]), so
// that a map of 10,000 concepts makes little garbage to collect.
/**
 * @param {Searched} graph
 * @returns {Index}
 */
export function buildIndex(graph) {
  const steps = indexing(graph);
  for (;;) {
    const { done, value } = steps.next();
    if (done) return value;
  }
}

// The same, a step at a time: it yields after every STEP entries of each pass, so that the page can do
// other work between (a map of 10,000 concepts takes a tenth of a second or more in all).
/**
 * @param {Searched} graph
 * @returns {Generator<undefined, Index>}
 */
export function* indexing(graph) {
  /** @type {Map<string, number>} */
  const term = new Map(); // word -> its number
  /** @type {string[]} */
  const terms = []; // the words, by number
  /** @type {Map<string, number[]>} */
  const known = new Map(); // text -> its words' numbers
  /** @param {string} text */
  const numbersOf = (text) => {
    let found = known.get(text);
    if (found === undefined) {
      found = words(text).map((word) => {
        let number = term.get(word);
        if (number === undefined) {
          number = terms.length;
          term.set(word, number);
          terms.push(word);
        }
        return number;
      });
      known.set(text, found);
    }
    return found;
  };
  const byName = graph.nodes.map((node) => /** @type {[string, SearchNode]} */ ([node.label.toLowerCase(), node]));
  byName.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const nodes = byName.map(([, node]) => node);
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  /** @type {(SearchNode | SearchEdge)[]} */
  const sources = [...nodes, ...graph.edges];
  const count = sources.length;
  // Calls post(word number, 1 if in the name) for each of entry `number`'s words; returns how many are named.
  /**
   * @param {number} number
   * @param {(word: number, flag: number) => void} post
   */
  const visit = (number, post) => {
    /** @param {string} text @param {number} flag */
    const each = (text, flag) => {
      for (const word of numbersOf(text)) post(word, flag);
    };
    if (number < nodes.length) {
      const node = nodes[number];
      each(node.label, 1);
      for (const alias of node.also ?? []) each(alias, 0);
      each(node.search.split(" · ")[1] ?? "", 0); // its kind: "Name · kind · also …"
      return numbersOf(node.label).length;
    }
    const edge = /** @type {SearchEdge} */ (sources[number]);
    const ends = [labels.get(edge.from) ?? "", edge.relation ?? "", labels.get(edge.to) ?? ""];
    for (const text of ends) each(text, 1);
    return ends.reduce((sum, text) => sum + numbersOf(text).length, 0);
  };
  /** @type {number[]} */
  const counted = [];
  for (let number = 0; number < count; number++) {
    visit(number, (word) => (counted[word] = (counted[word] ?? 0) + 1));
    if (number % STEP === STEP - 1) yield;
  }
  const start = new Int32Array(terms.length + 1);
  for (let number = 0; number < terms.length; number++) start[number + 1] = start[number] + (counted[number] ?? 0);
  const codes = new Int32Array(start[terms.length]);
  const next = start.slice(0, terms.length);
  const last = new Int32Array(terms.length).fill(-1); // the last code posted for each word: no repeats
  const base = new Float64Array(count);
  for (let number = 0; number < count; number++) {
    const named = visit(number, (word, flag) => {
      const code = number * 2 + flag;
      if (last[word] !== code) codes[next[word]++] = last[word] = code;
    });
    // The part of the entry's rank that no query changes: relation or not, then the name's length.
    base[number] = (number < nodes.length ? 0 : 1) * 2 * 256 + Math.min(named, 255);
    if (number % STEP === STEP - 1) yield;
  }
  // Every concept's name and older names, sorted: those a query is, or starts, are a range of them.
  /** @param {string} text */
  const key = (text) =>
    numbersOf(text)
      .map((word) => terms[word])
      .join(" ");
  const keys = nodes.flatMap(
    (node, number) =>
      /** @type {[string, number, number][]} */ ([
        [key(node.label), number, 0],
        ...(node.also ?? []).map((alias) => [key(alias), number, 1]),
      ]),
  );
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    count,
    concepts: nodes.length,
    sources,
    term,
    terms,
    start,
    end: next,
    codes,
    base,
    letters: Int32Array.from(terms, mask),
    keys: keys.map(([key]) => key),
    keyEntry: Uint32Array.from(keys, ([, number]) => number),
    keyOlder: Uint8Array.from(keys, ([, , older]) => older),
    remembered: new Map(), // typed word -> its matching words
    scratch: {
      // per entry, reused by every search (so a keystroke makes next to no garbage)
      best: new Uint8Array(count),
      named: new Uint8Array(count),
      seen: new Uint32Array(count),
      round: 0,
      worst: new Uint8Array(count),
      worstNamed: new Uint8Array(count),
      candidates: new Int32Array(count),
      tier: new Uint8Array(count),
      tierRound: new Uint32Array(count),
    },
  };
}
