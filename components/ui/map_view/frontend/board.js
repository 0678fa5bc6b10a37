// The student's board: the drawing being built, what is picked on it, and every edit (add, link, move, rename,
// delete, undo, redo, open), each remembered for undo and then told to the board's owner (build.js).

import { nextRev, redo, remember, undo } from "./history.js";

/**
 * @typedef {import("./history.js").Drawing} Drawing
 * @typedef {import("./history.js").History} History
 * @typedef {import("./history.js").Spot} Spot
 * @typedef {import("./history.js").Tie} Tie
 * @typedef {{kind: "concept" | "link", id: string}} Picked
 * How a verdict is drawn (drawing.verdict_lines, from Python).
 * @typedef {{standing: string, label: string, color: string, dashes: boolean | number[]}} Line
 * @typedef {Object} Board
 * @property {HTMLElement} root
 * @property {SVGSVGElement} svg
 * @property {Drawing} drawing
 * @property {History} history
 * @property {Picked | null} picked
 * @property {string | null} linking  the concept a link is being drawn from ("Link to…" or L)
 * @property {string | null} target  the concept the keyboard points at, while linking
 * @property {{x: number, y: number}} pan  how far the canvas is moved
 * @property {Record<string, string>} verdicts  "from's name|words|to's name" -> verdict, from the last check
 * @property {{from: string, to: string, words: string}[]} missing  links the expert map has between these concepts
 * @property {Line[]} lines  how each verdict is drawn
 * @property {() => void} changed  after each edit: draw, keep, tell Python
 * @property {() => void} redraw  after a change of what is picked
 * @property {(what: "text" | "search") => void} ask  the field for the picked item's words, or the search box
 */

export const UNJUDGED = "unjudged"; // a link whose words name no relation of the vocabulary
const STEP = { x: 230, y: 80 }; // the grid new concepts are placed on
const ROOM = { x: 210, y: 56 }; // a place closer than this to a concept is taken

/**
 * One edit: remembered for undo, made, then told.
 * @param {Board} board
 * @param {(drawing: Drawing) => void} change
 */
export function edit(board, change) {
  remember(board.history, board.drawing);
  const drawing = structuredClone(board.drawing);
  change(drawing);
  drawing.rev = nextRev();
  board.drawing = drawing;
  board.changed();
}

/**
 * A concept: the map's own (by `id`; picked again if already drawn) or a new one named `label`.
 * @param {Board} board
 * @param {string} label
 * @param {string | null} id
 * @param {{x: number, y: number} | null} at
 */
export function addConcept(board, label, id = null, at = null) {
  const name = label.trim();
  if (!name) return;
  const same = board.drawing.concepts.find((c) => (id ? c.id === id : c.label.toLowerCase() === name.toLowerCase()));
  if (same) return pick(board, { kind: "concept", id: same.id });
  const place = at ?? freeSpot(board);
  const newId = id ?? nextId(board.drawing.concepts, "new_");
  edit(board, (drawing) => drawing.concepts.push({ id: newId, label: name, x: place.x, y: place.y }));
  pick(board, { kind: "concept", id: newId });
}

/**
 * A link from one concept to another (the one between them picked, if already drawn).
 * @param {Board} board
 * @param {string} from
 * @param {string} to
 * @param {string} words
 */
export function addLink(board, from, to, words = "") {
  board.linking = null;
  board.target = null;
  if (from === to) return board.redraw();
  const same = board.drawing.links.find((l) => l.from === from && l.to === to);
  if (same) return pick(board, { kind: "link", id: same.id });
  const id = nextId(board.drawing.links, "link_");
  edit(board, (drawing) => drawing.links.push({ id, from, to, words }));
  pick(board, { kind: "link", id });
}

/**
 * The picked concept's name, or the picked link's words.
 * @param {Board} board
 * @param {string} text
 */
export function rename(board, text) {
  const picked = board.picked;
  const value = text.trim();
  if (!picked || (picked.kind === "concept" && !value) || value === textOf(board, picked)) return;
  edit(board, (drawing) => {
    if (picked.kind === "concept") for (const c of drawing.concepts) if (c.id === picked.id) c.label = value;
    if (picked.kind === "link") for (const l of drawing.links) if (l.id === picked.id) l.words = value;
  });
}

/**
 * The picked concept (with its links) or link, gone.
 * @param {Board} board
 */
export function removePicked(board) {
  const picked = board.picked;
  if (!picked) return;
  board.picked = null;
  edit(board, (drawing) => {
    if (picked.kind === "concept") {
      drawing.concepts = drawing.concepts.filter((c) => c.id !== picked.id);
      drawing.links = drawing.links.filter((l) => l.from !== picked.id && l.to !== picked.id);
    } else drawing.links = drawing.links.filter((l) => l.id !== picked.id);
  });
}

/**
 * A concept moved by dragging: one edit however long the drag (`before`: the drawing as the drag began).
 * @param {Board} board
 * @param {string} before
 */
export function moved(board, before) {
  board.history.past.push(before);
  board.history.future = [];
  board.drawing.rev = nextRev();
  board.changed();
}

/**
 * @param {Board} board
 * @param {"undo" | "redo"} way
 */
export function step(board, way) {
  const drawing = way === "undo" ? undo(board.history, board.drawing) : redo(board.history, board.drawing);
  if (!drawing) return;
  board.drawing = drawing;
  if (board.picked && !textOf(board, board.picked) && board.picked.kind === "concept") board.picked = null;
  board.changed();
}

/**
 * A whole drawing in place of this one (a file opened, or "Start again"); undoable.
 * @param {Board} board
 * @param {Drawing} drawing
 */
export function replace(board, drawing) {
  board.picked = null;
  edit(board, (now) => {
    now.concepts = structuredClone(drawing.concepts);
    now.links = structuredClone(drawing.links);
  });
}

/**
 * @param {Board} board
 * @param {Picked | null} picked
 */
export function pick(board, picked) {
  board.picked = picked;
  board.redraw();
}

/**
 * @param {Board} board
 * @param {Picked} picked
 */
export function textOf(board, picked) {
  if (picked.kind === "concept") return board.drawing.concepts.find((c) => c.id === picked.id)?.label ?? "";
  return board.drawing.links.find((l) => l.id === picked.id)?.words ?? "";
}

/**
 * @param {Board} board
 * @param {string} id
 */
export function conceptOf(board, id) {
  return board.drawing.concepts.find((c) => c.id === id) ?? null;
}

/**
 * How the last check judged this link (null: not checked as it is now).
 * @param {Board} board
 * @param {Tie} link
 */
export function verdictOf(board, link) {
  const from = conceptOf(board, link.from)?.label ?? "";
  const to = conceptOf(board, link.to)?.label ?? "";
  return board.verdicts[`${from}|${link.words.trim()}|${to}`] ?? null;
}

/**
 * A place near the middle of what the canvas shows that no concept takes.
 * @param {Board} board
 */
function freeSpot(board) {
  const box = board.svg.getBoundingClientRect();
  const size = { x: box.width || 600, y: box.height || 400 };
  const middle = { x: size.x / 2 - board.pan.x, y: size.y / 2 - board.pan.y };
  /** @param {{x: number, y: number}} spot */
  const inView = (spot) =>
    Math.abs(spot.x - middle.x) <= size.x / 2 - ROOM.x / 2 && Math.abs(spot.y - middle.y) <= size.y / 2 - ROOM.y;
  for (let ring = 0; ring < 16; ring += 1) {
    for (let dy = -ring; dy <= ring; dy += 1) {
      for (let dx = -ring; dx <= ring; dx += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const spot = { x: middle.x + dx * STEP.x, y: middle.y + dy * STEP.y };
        const taken = board.drawing.concepts.some(
          (c) => Math.abs(c.x - spot.x) < ROOM.x && Math.abs(c.y - spot.y) < ROOM.y,
        );
        if (!taken && (inView(spot) || ring > 6)) return spot;
      }
    }
  }
  return middle;
}

/**
 * @param {{id: string}[]} items
 * @param {string} prefix
 */
function nextId(items, prefix) {
  const taken = new Set(items.map((item) => item.id));
  let number = items.length + 1;
  while (taken.has(`${prefix}${number}`)) number += 1;
  return `${prefix}${number}`;
}
