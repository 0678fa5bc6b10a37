// The board by keyboard alone: the arrow keys go from concept to concept (Shift moves the one picked), L links
// it to another (arrows choose which, Enter draws it, then its words are asked for), Enter or F2 renames,
// Delete removes, Escape lets go, A adds a concept; Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes anywhere
// on the board but in a text field, which keeps its own undo.

import { addLink, edit, pick, removePicked, step } from "./board.js";

/** @typedef {import("./board.js").Board} Board */

const NUDGE = 20; // px a concept moves with Shift and an arrow key

/**
 * Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y, or ⌘ on a Mac), for the whole board.
 * @param {Board} board
 * @param {KeyboardEvent} event
 */
export function onUndoKey(board, event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const target = /** @type {Element} */ (event.target);
  if (target.closest("input, textarea")) return;
  const key = event.key.toLowerCase();
  if (key === "z") step(board, event.shiftKey ? "redo" : "undo");
  else if (key === "y") step(board, "redo");
  else return;
  event.preventDefault();
  event.stopPropagation();
}

/**
 * A key on the canvas.
 * @param {Board} board
 * @param {KeyboardEvent} event
 */
export function onCanvasKey(board, event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const concepts = board.drawing.concepts;
  const picked = board.picked?.kind === "concept" ? board.picked.id : null;
  const arrow = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (arrow && event.shiftKey && picked) nudge(board, picked, event.key);
  else if (arrow && concepts.length) {
    const from = board.linking ? (board.target ?? board.linking) : picked;
    const at = concepts.findIndex((c) => c.id === from);
    let next = concepts[(at + arrow + concepts.length) % concepts.length];
    if (at === -1) next = concepts[arrow > 0 ? 0 : concepts.length - 1];
    if (board.linking && next.id === board.linking && concepts.length > 1) {
      next = concepts[(concepts.indexOf(next) + arrow + concepts.length) % concepts.length];
    }
    if (board.linking) {
      board.target = next.id;
      board.redraw();
    } else pick(board, { kind: "concept", id: next.id });
  } else if (event.key === "l" || event.key === "L") {
    if (!picked) return;
    board.linking = picked;
    board.target = null;
    board.redraw();
  } else if (event.key === "Enter") {
    if (board.linking && board.target) {
      addLink(board, board.linking, board.target);
      board.ask("text");
    } else if (board.picked && !board.linking) board.ask("text");
    else return;
  } else if (event.key === "F2" && board.picked) board.ask("text");
  else if (event.key === "Delete" || event.key === "Backspace") removePicked(board);
  else if (event.key === "Escape") {
    board.linking = null;
    board.target = null;
    pick(board, null);
  } else if (event.key === "a" || event.key === "A" || event.key === "/") board.ask("search");
  else return;
  event.preventDefault();
  event.stopPropagation();
}

/**
 * @param {Board} board
 * @param {string} id
 * @param {string} key
 */
function nudge(board, id, key) {
  const [dx, dy] = /** @type {Record<string, number[]>} */ ({
    ArrowRight: [1, 0],
    ArrowLeft: [-1, 0],
    ArrowDown: [0, 1],
    ArrowUp: [0, -1],
  })[key];
  edit(board, (drawing) => {
    for (const c of drawing.concepts) {
      if (c.id !== id) continue;
      c.x += dx * NUDGE;
      c.y += dy * NUDGE;
    }
  });
}
