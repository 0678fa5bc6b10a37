// The names the view draws on the canvas and at which size: landmarks and as many of the most connected
// as the canvas has room for are promised a readable size at any zoom; the others appear as they grow
// on zooming in. What is lit is named first; a faded concept keeps quiet (but a facet, for orientation).
// Where each name goes is names.js; the relations' words around a selection and the keyboard's ring too.

import { DOT } from "./draw.js";
import { MIN_SHAPE } from "./look.js";
import { Boxes, placeName } from "./names.js";
import { placeOf, sizeOf } from "./place.js";
import { isEdgeShown, isShown } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./graph.js").Concept} Concept
 * @typedef {import("./graph.js").Drawn} Drawn
 * @typedef {import("./theme.js").Theme} Theme
 * @typedef {import("../types/vis-network").Network} Network
 */

const ROOM_PER_NAME = 12000; // px² of canvas a promised name needs: a phone promises fewer (never under 8)

/**
 * Whether a concept's name is promised to stay readable: a landmark, or among the most connected.
 * @param {View} view
 * @param {Concept} raw
 */
export function isPromised(view, raw) {
  return Boolean(raw.landmark) || raw.rank < view.drawn.promisedRank;
}

/**
 * How many of the most connected concepts have their names promised: as many as the canvas has room for.
 * @param {View} view
 * @param {Drawn} map
 */
function promisedRank(view, map) {
  const room = (view.canvas.clientWidth * view.canvas.clientHeight) / (ROOM_PER_NAME * view.fontScale ** 2);
  return Math.max(8, Math.min(map.names.topRanked, Math.floor(room)));
}

/**
 * The names, the relations' words around the selection and the keyboard's ring, in px on the canvas,
 * kept off the buttons and the legend.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 */
export function drawNames(view, context) {
  const { network, map, theme } = view;
  if (!network || !map || !theme) return;
  const ratio = context.canvas.width / view.canvas.clientWidth;
  context.save();
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const taken = new Boxes();
  const origin = view.canvas.getBoundingClientRect();
  for (const overlay of view.overlays) {
    if (overlay.hidden || !overlay.childElementCount) continue;
    const box = overlay.getBoundingClientRect();
    taken.add(box.left - origin.left, box.top - origin.top, box.width, box.height);
  }
  view.drawn.boxes = [];
  const shapes = shapeBoxes(view, network, map);
  drawRing(view, context, network, theme);
  for (const id of labelOrder(view, map)) {
    const box = drawName(view, context, id, taken, shapes);
    if (box) view.drawn.boxes.push(box);
  }
  for (const id of view.keep?.edges ?? []) drawRelationWords(view, context, id, taken);
  context.restore();
  view.root.dataset.labels = String(view.drawn.boxes.length);
}

/**
 * Set each frame, before anything is drawn: which names are promised.
 * @param {View} view
 */
export function promise(view) {
  if (view.map) view.drawn.promisedRank = promisedRank(view, view.map);
}

/**
 * The names to draw first first: what the keyboard is on, the selection, then whatever is lit (a selection's
 * neighbours, a tour's step, a path, a reference), then the rest by importance.
 * @param {View} view
 * @param {Drawn} map
 */
function labelOrder(view, map) {
  const first = [];
  if (view.keep) {
    if (view.selected?.kind === "concept" && view.keep.nodes.has(view.selected.id)) first.push(view.selected.id);
    for (const id of view.keep.nodes) if (id !== first[0]) first.push(id);
  }
  if (view.cursor) first.unshift(view.cursor);
  const seen = new Set(first);
  return [...first, ...map.order.filter((id) => !seen.has(id))];
}

/**
 * Where the shown concepts are drawn, so that names can keep off them when there is room.
 * @param {View} view
 * @param {Network} network
 * @param {Drawn} map
 */
function shapeBoxes(view, network, map) {
  const shapes = new Boxes();
  const scale = network.getScale();
  const width = view.canvas.clientWidth;
  const height = view.canvas.clientHeight;
  for (const id of map.raw.nodes.keys()) {
    const node = placeOf(view, id);
    if (!node || !isShown(view, id)) continue;
    const centre = network.canvasToDOM({ x: node.x, y: node.y });
    if (centre.x < -50 || centre.y < -50 || centre.x > width + 50 || centre.y > height + 50) continue;
    const radius = Math.max(sizeOf(view, id) * scale, view.large ? DOT : 0);
    shapes.add(centre.x - radius, centre.y - radius, 2 * radius, 2 * radius, id);
  }
  return shapes;
}

/**
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {string} id
 * @param {Boxes} taken
 * @param {Boxes} shapes
 */
function drawName(view, context, id, taken, shapes) {
  const network = /** @type {Network} */ (view.network);
  const map = /** @type {Drawn} */ (view.map);
  const theme = /** @type {Theme} */ (view.theme);
  const raw = map.raw.nodes.get(id);
  const node = placeOf(view, id);
  if (!raw || !node || !isShown(view, id)) return null;
  const kept = !view.keep || view.keep.nodes.has(id);
  const important = isPromised(view, raw) || (view.keep && kept) || id === view.cursor;
  if (!kept && raw.kind !== "facet") return null; // faded concepts keep quiet, but for the facets (orientation)
  const { readable, lineEm, smallest } = map.names;
  const scale = network.getScale();
  const grow = view.fontScale;
  let size = (raw.font?.size ?? 15) * scale * grow;
  if (raw.landmark && kept) size = Math.max(size, raw.landmark * grow);
  else if (raw.landmark)
    size = Math.min(Math.max(size, readable * grow), raw.landmark * grow); // a faded landmark keeps its name, quietly
  else if (important) size = Math.max(size, readable * grow);
  else if (size < smallest) return null;
  const name = {
    id,
    label: raw.label,
    centre: network.canvasToDOM({ x: node.x, y: node.y }),
    radius: Math.max(sizeOf(view, id) * scale, view.large ? DOT : 0) + 3,
    size: Math.min(size, 40 * grow),
    weight: raw.landmark ? "600" : "400",
    // Near the concept and clear of other shapes; else near; only then (a promised or lit name) farther out.
    promised: isPromised(view, raw) || Boolean(view.keep && kept),
    kept,
    focus: view.keep?.nodes ?? null,
  };
  const { clientWidth: width, clientHeight: height } = view.canvas;
  const { font, text, dimText, background } = theme;
  const page = { taken, shapes, width, height, lineEm, font, text, dimText, background, halo: view.palette.halo };
  return placeName(context, name, page);
}

/**
 * A lit relation's words at its middle, if there is room.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {string} id
 * @param {Boxes} taken
 */
function drawRelationWords(view, context, id, taken) {
  const raw = view.map?.raw.edges.get(id);
  const middle = edgePoint(view, id, 0.5);
  const theme = /** @type {Theme} */ (view.theme);
  if (!raw || !middle || !isEdgeShown(view, id)) return;
  const size = 12 * view.fontScale;
  context.font = `italic ${size}px ${theme.font}`;
  const width = context.measureText(raw.relation).width;
  const x = middle.x - width / 2;
  const y = middle.y - size / 2;
  if (taken.hits(x, y, width, size * 1.15)) return;
  taken.add(x, y, width, size * 1.15);
  context.textBaseline = "top";
  context.lineWidth = view.palette.halo;
  context.strokeStyle = theme.background;
  context.fillStyle = theme.text;
  context.strokeText(raw.relation, x, y);
  context.fillText(raw.relation, x, y);
}

/**
 * A point along a relation as drawn (0: its start, 1: its end), in px on the canvas; null if not drawn.
 * @param {View} view
 * @param {string} id
 * @param {number} t
 */
export function edgePoint(view, id, t) {
  const { network, map } = view;
  if (!network || !map) return null;
  if (!view.large) {
    const edge = network.body.edges[id];
    return edge?.connected ? network.canvasToDOM(edge.edgeType.getPoint(t)) : null;
  }
  const raw = map.raw.edges.get(id);
  const from = raw && map.raw.nodes.get(raw.from);
  const to = raw && map.raw.nodes.get(raw.to);
  return from && to ? network.canvasToDOM({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }) : null;
}

/**
 * A ring round the concept the keyboard is on.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {Network} network
 * @param {Theme} theme
 */
function drawRing(view, context, network, theme) {
  const node = view.cursor && placeOf(view, view.cursor);
  if (!view.cursor || !node || !isShown(view, view.cursor)) return;
  const centre = network.canvasToDOM({ x: node.x, y: node.y });
  const radius = Math.max(sizeOf(view, view.cursor) * network.getScale(), view.large ? MIN_SHAPE : 0) + 7;
  context.beginPath();
  context.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  context.lineWidth = 3;
  context.strokeStyle = theme.focus;
  context.stroke();
}
