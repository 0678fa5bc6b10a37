// The student's drawing on an SVG canvas, and what a pointer does there (mouse, pen or finger alike): drag a
// concept to move it, drag from its handle (the dot on its right edge) to another concept to link them, or tap
// the handle and then the other; tap a link to pick it; drag the background to move the whole canvas. Every
// name and word reaches the canvas as text (textContent), never as markup.

import { addLink, conceptOf, moved, pick, UNJUDGED, verdictOf } from "./board.js";

/**
 * @typedef {import("./board.js").Board} Board
 * @typedef {import("./history.js").Spot} Spot
 * @typedef {{mode: "move" | "link" | "pan", id: string, start: {x: number, y: number}, grip: {x: number, y: number},
 *   before: string, far: boolean, end: {x: number, y: number}}} Drag
 */

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 32; // px: a concept's box
const LONGEST = 30; // characters of a name shown on its box (the whole name is its tooltip)
const FAR = 4; // px a pointer moves before a press is a drag
const ARROW = 9; // px: an arrowhead's length
/** @type {WeakMap<Element, string>} */
const drawnAs = new WeakMap(); // the canvas -> what it last drew

/**
 * @param {string} label
 * @returns {number} the box's width
 */
export function widthOf(label) {
  return Math.min(LONGEST, label.length) * 7.4 + 26;
}

/**
 * Whether the canvas point lies on this concept's box.
 * @param {Spot} c
 * @param {{x: number, y: number}} at
 */
function inside(c, at) {
  return Math.abs(at.x - c.x) <= widthOf(c.label) / 2 + 6 && Math.abs(at.y - c.y) <= HEIGHT / 2 + 6;
}

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {Element | null} parent
 */
function el(tag, attributes, parent = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

/**
 * Where a line from `c`'s middle towards `to` leaves its box.
 * @param {Spot} c
 * @param {{x: number, y: number}} to
 */
function edgePoint(c, to) {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  const half = { x: widthOf(c.label) / 2 + 3, y: HEIGHT / 2 + 3 };
  const scale = Math.min(dx ? half.x / Math.abs(dx) : Infinity, dy ? half.y / Math.abs(dy) : Infinity, 1);
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/**
 * A line with its arrowhead and its words, in `parent`.
 * @param {Element} parent
 * @param {Spot} from
 * @param {Spot} to
 * @param {string} words
 * @param {string} className
 * @param {{color?: string, dashes?: boolean | number[]}} look
 */
function line(parent, from, to, words, className, look) {
  const a = edgePoint(from, to);
  const b = edgePoint(to, from);
  const group = el("g", { class: className }, parent);
  el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "atlas-build-hit" }, group);
  const stroke = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "atlas-build-stroke" }, group);
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const tip = (/** @type {number} */ turn) =>
    `${b.x - ARROW * Math.cos(angle + turn)},${b.y - ARROW * Math.sin(angle + turn)}`;
  const head = el("polygon", { points: `${b.x},${b.y} ${tip(0.45)} ${tip(-0.45)}`, class: "atlas-build-head" }, group);
  if (look.color) {
    stroke.setAttribute("style", `stroke: ${look.color}`);
    head.setAttribute("style", `fill: ${look.color}`);
  }
  if (Array.isArray(look.dashes)) stroke.setAttribute("stroke-dasharray", look.dashes.join(" "));
  const text = el("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 5, class: "atlas-build-words" }, group);
  text.textContent = words || "…";
  return group;
}

/**
 * The drawing, drawn again whole (a student's map is small).
 * @param {Board} board
 */
export function draw(board) {
  const layer = /** @type {SVGGElement} */ (board.svg.querySelector(".atlas-build-layer"));
  const { drawing, picked, linking, target, pan, verdicts, missing, lines: drawn } = board;
  const seen = JSON.stringify([drawing, picked, linking, target, pan, verdicts, missing, drawn]);
  if (seen === drawnAs.get(layer)) return; // a rerun that changed nothing: the same elements stay
  drawnAs.set(layer, seen);
  layer.replaceChildren();
  layer.setAttribute("transform", `translate(${board.pan.x} ${board.pan.y})`);
  const lines = Object.fromEntries(board.lines.map((l) => [l.standing, l]));
  for (const gap of board.missing) {
    const from = conceptOf(board, gap.from);
    const to = conceptOf(board, gap.to);
    if (from && to) line(layer, from, to, gap.words, "atlas-build-missing", lines.missing ?? {});
  }
  for (const link of board.drawing.links) {
    const from = conceptOf(board, link.from);
    const to = conceptOf(board, link.to);
    if (!from || !to) continue;
    const verdict = verdictOf(board, link);
    const picked = board.picked?.kind === "link" && board.picked.id === link.id;
    const group = line(
      layer,
      from,
      to,
      link.words,
      `atlas-build-link${picked ? " picked" : ""}`,
      lines[verdict ?? ""] ?? {},
    );
    group.dataset.id = link.id;
    if (verdict) group.dataset.verdict = verdict;
    if (verdict === UNJUDGED) group.classList.add("atlas-build-unjudged");
    el("title", {}, group).textContent = `${from.label} ${link.words || "…"} ${to.label}`;
  }
  for (const c of board.drawing.concepts) {
    const width = widthOf(c.label);
    const classes = ["atlas-build-concept"];
    if (board.picked?.kind === "concept" && board.picked.id === c.id) classes.push("picked");
    if (board.linking === c.id) classes.push("linking");
    if (board.target === c.id) classes.push("target");
    const group = el("g", { class: classes.join(" "), transform: `translate(${c.x} ${c.y})` }, layer);
    group.dataset.id = c.id;
    el("rect", { x: -width / 2, y: -HEIGHT / 2, width, height: HEIGHT, rx: 7 }, group);
    const text = el("text", { x: 0, y: 5 }, group);
    text.textContent = c.label.length > LONGEST ? `${c.label.slice(0, LONGEST - 1)}…` : c.label;
    el("title", {}, group).textContent = c.label;
    const handle = el("g", { class: "atlas-build-handle", transform: `translate(${width / 2} 0)` }, group);
    handle.dataset.handle = c.id;
    el("circle", { r: 16, class: "atlas-build-hit" }, handle);
    el("circle", { r: 6 }, handle);
  }
}

/**
 * What a pointer does on the canvas.
 * @param {Board} board
 */
export function listen(board) {
  const svg = board.svg;
  const rubber = /** @type {SVGLineElement} */ (svg.querySelector(".atlas-build-rubber"));
  /** @type {Drag | null} */
  let drag = null;
  /** @param {PointerEvent} event */
  const at = (event) => {
    const box = svg.getBoundingClientRect();
    return { x: event.clientX - box.left - board.pan.x, y: event.clientY - box.top - board.pan.y };
  };
  svg.addEventListener("pointerdown", (event) => {
    if (event.button > 0) return;
    const target = /** @type {Element} */ (event.target);
    const handle = /** @type {HTMLElement | null} */ (target.closest("[data-handle]"));
    const concept = /** @type {HTMLElement | null} */ (target.closest(".atlas-build-concept"));
    const link = /** @type {HTMLElement | null} */ (target.closest(".atlas-build-link"));
    const point = at(event);
    const base = { start: point, end: point, before: JSON.stringify(board.drawing), far: false };
    if (handle?.dataset.handle) drag = { mode: "link", id: handle.dataset.handle, grip: { x: 0, y: 0 }, ...base };
    else if (concept?.dataset.id) {
      const spot = conceptOf(board, concept.dataset.id);
      const grip = spot ? { x: point.x - spot.x, y: point.y - spot.y } : { x: 0, y: 0 };
      drag = { mode: "move", id: concept.dataset.id, grip, ...base };
    } else if (link?.dataset.id) {
      board.linking = null;
      pick(board, { kind: "link", id: link.dataset.id });
      return;
    } else drag = { mode: "pan", id: "", grip: { x: event.clientX, y: event.clientY }, ...base };
    svg.setPointerCapture(event.pointerId);
    svg.focus({ preventScroll: true });
    event.preventDefault();
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const point = at(event);
    drag.far ||= Math.hypot(point.x - drag.start.x, point.y - drag.start.y) > FAR;
    if (!drag.far) return;
    if (drag.mode === "move") {
      const spot = conceptOf(board, drag.id);
      if (spot) Object.assign(spot, { x: point.x - drag.grip.x, y: point.y - drag.grip.y });
      draw(board);
    } else if (drag.mode === "pan") {
      board.pan.x += event.clientX - drag.grip.x;
      board.pan.y += event.clientY - drag.grip.y;
      drag.grip = { x: event.clientX, y: event.clientY };
      draw(board);
    } else {
      const from = conceptOf(board, drag.id);
      const to = board.drawing.concepts.find((c) => c.id !== drag?.id && inside(c, point));
      board.target = to?.id ?? null;
      if (from) {
        for (const [name, value] of Object.entries({ x1: from.x, y1: from.y, x2: point.x, y2: point.y }))
          rubber.setAttribute(name, String(value + (name.startsWith("x") ? board.pan.x : board.pan.y)));
      }
      rubber.style.display = "";
      draw(board);
    }
  });
  const end = (/** @type {PointerEvent} */ event) => {
    const done = drag;
    drag = null;
    rubber.style.display = "none";
    if (!done) return;
    if (event.type === "pointercancel") return draw(board);
    if (done.mode === "move") {
      if (done.far) moved(board, done.before);
      else if (board.linking && board.linking !== done.id) addLink(board, board.linking, done.id);
      else pick(board, { kind: "concept", id: done.id });
    } else if (done.mode === "link") {
      const to = board.drawing.concepts.find((c) => c.id !== done.id && inside(c, at(event)));
      if (to) addLink(board, done.id, to.id);
      else if (!done.far) {
        board.linking = done.id; // a tap on the handle: now tap the other concept
        pick(board, { kind: "concept", id: done.id });
      } else {
        board.target = null;
        draw(board);
      }
    } else if (!done.far) {
      board.linking = null;
      board.target = null;
      pick(board, null);
    }
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
}
