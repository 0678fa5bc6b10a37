// A student's drawing kept: its undo and redo (every edit a whole copy: a drawing is small), and the copy the
// browser keeps (localStorage, one per map and version) so that no reload or closed tab loses the work.

/**
 * A concept drawn: an id (the map's own for a concept of its list, "new_N" for one the student typed),
 * its name and where it stands on the canvas.
 * @typedef {{id: string, label: string, x: number, y: number}} Spot
 * A link drawn from one concept to another, with its words ("is part of", or the student's own).
 * @typedef {{id: string, from: string, to: string, words: string}} Tie
 * The drawing; `rev` changes with every edit (Python is told each one it has not seen).
 * @typedef {{concepts: Spot[], links: Tie[], rev: string}} Drawing
 * @typedef {{past: string[], future: string[]}} History
 * What the browser keeps: the drawing, and the last file opened into it (not opened again on return).
 * @typedef {{drawing: Drawing, loaded: string | null}} Kept
 */

const DEEPEST = 200; // edits that can be undone
const PREFIX = "atlas-build:";
let edits = 0;

/** @returns {Drawing} */
export function empty() {
  return { concepts: [], links: [], rev: "empty" };
}

/** @returns {History} */
export function createHistory() {
  return { past: [], future: [] };
}

/** A new revision name: unique in this page, and across reloads. */
export function nextRev() {
  edits += 1;
  return `${Date.now().toString(36)}-${edits}`;
}

/**
 * Before an edit: the drawing as it was, to come back to.
 * @param {History} history
 * @param {Drawing} drawing
 */
export function remember(history, drawing) {
  history.past.push(JSON.stringify(drawing));
  if (history.past.length > DEEPEST) history.past.shift();
  history.future = [];
}

/**
 * The drawing before the last edit (null: nothing to undo).
 * @param {History} history
 * @param {Drawing} drawing the drawing now
 * @returns {Drawing | null}
 */
export function undo(history, drawing) {
  const before = history.past.pop();
  if (before === undefined) return null;
  history.future.push(JSON.stringify(drawing));
  return { ...JSON.parse(before), rev: nextRev() };
}

/**
 * The drawing after the last undone edit (null: nothing to redo).
 * @param {History} history
 * @param {Drawing} drawing
 * @returns {Drawing | null}
 */
export function redo(history, drawing) {
  const after = history.future.pop();
  if (after === undefined) return null;
  history.past.push(JSON.stringify(drawing));
  return { ...JSON.parse(after), rev: nextRev() };
}

/**
 * What the browser keeps under `name` (null: nothing, or storage refused).
 * @param {string} name
 * @returns {Kept | null}
 */
export function restore(name) {
  try {
    const text = localStorage.getItem(PREFIX + name);
    if (!text) return null;
    const kept = JSON.parse(text);
    return isDrawing(kept?.drawing) ? { drawing: kept.drawing, loaded: kept.loaded ?? null } : null;
  } catch {
    return null; // storage off (a private window) or a copy no longer readable: start afresh
  }
}

/**
 * Keep the drawing under `name`.
 * @param {string} name
 * @param {Kept} kept
 */
export function keep(name, kept) {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(kept));
  } catch {
    // storage full or off: the drawing still lives in the page and in the session
  }
}

/**
 * Whether `value` has a drawing's shape (what a hand-edited or older copy may not).
 * @param {any} value
 * @returns {value is Drawing}
 */
export function isDrawing(value) {
  return (
    Boolean(value) &&
    Array.isArray(value.concepts) &&
    Array.isArray(value.links) &&
    value.concepts.every(
      (/** @type {any} */ c) => typeof c?.id === "string" && typeof c.label === "string" && Number.isFinite(c.x),
    ) &&
    value.links.every((/** @type {any} */ l) => typeof l?.from === "string" && typeof l.to === "string")
  );
}
