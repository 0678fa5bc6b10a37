// Fading: a wash over all but what is lit (the selection and its neighbours, a step, a path, a reference,
// a scored map's judged relations), which is drawn again above it, with a path's other routes faint.

import { drawShapes } from "./draw.js";
import { MIN_SHAPE, verdictLine } from "./look.js";
import { isEdgeShown } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Lit} Lit
 * @typedef {import("../types/vis-network").Network} Network
 */

/**
 * The wash, then what is lit above it.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 */
export function drawLit(view, context) {
  const { keep, network, map, theme } = view;
  if (!keep || !network || !map || !theme) return;
  const canvas = context.canvas;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = view.palette.wash; // how far what is not lit fades
  context.fillStyle = theme.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.restore();
  drawFaint(view, context, network);
  if (view.large) {
    drawLitLines(view, context, network, keep);
    drawShapes(view, context, keep.nodes, MIN_SHAPE);
    const selected = view.selected?.kind === "concept" ? map.raw.nodes.get(view.selected.id) : null;
    if (selected) {
      const scale = network.getScale();
      context.beginPath();
      context.arc(selected.x, selected.y, Math.max(selected.size, MIN_SHAPE / scale) + 4 / scale, 0, 2 * Math.PI);
      context.lineWidth = 3 / scale;
      context.strokeStyle = theme.text;
      context.stroke();
    }
    return;
  }
  const { nodes, edges } = network.body;
  for (const id of keep.edges) {
    const edge = edges[id];
    if (!edge?.connected || edge.options.hidden) continue;
    edge.draw(context);
    edge.drawArrows(context);
  }
  for (const id of keep.nodes) {
    const node = nodes[id];
    if (node && !node.options.hidden) node.draw(context);
  }
}

/**
 * On a large map, the lit (and judged) relations, a constant width on screen, with their arrows.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {Network} network
 * @param {Lit} keep
 */
function drawLitLines(view, context, network, keep) {
  const raw = /** @type {import("./graph.js").Raw} */ (view.map?.raw);
  const theme = /** @type {import("./theme.js").Theme} */ (view.theme);
  const scale = network.getScale();
  context.save();
  for (const id of keep.edges) {
    const edge = raw.edges.get(id);
    const from = edge && raw.nodes.get(edge.from);
    const to = edge && raw.nodes.get(edge.to);
    if (!edge || !from || !to || !isEdgeShown(view, id)) continue;
    const judged = view.overlay ? verdictLine(view, id) : null;
    const colour = judged?.color ?? theme.text;
    const dashes = judged ? judged.dashes : edge.dashes;
    context.setLineDash(dashes ? dashes.map((length) => length / scale) : []);
    context.lineWidth = (judged ? view.palette.emphasis + 0.8 : view.palette.emphasis) / scale;
    context.strokeStyle = colour;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    if (!edge.directed) continue;
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    const tip = Math.max(to.size, MIN_SHAPE / scale);
    const [x, y] = [to.x - Math.cos(angle) * tip, to.y - Math.sin(angle) * tip];
    const length = 10 / scale;
    context.setLineDash([]);
    context.fillStyle = colour;
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x - length * Math.cos(angle - 0.4), y - length * Math.sin(angle - 0.4));
    context.lineTo(x - length * Math.cos(angle + 0.4), y - length * Math.sin(angle + 0.4));
    context.fill();
  }
  context.restore();
}

/**
 * Relations Python asks to show faintly above the wash (the other routes of a path, so that routes are
 * told apart: one lit, the others plain), with their concepts.
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {Network} network
 */
function drawFaint(view, context, network) {
  const faint = view.highlight?.faint ?? [];
  const raw = view.map?.raw;
  const theme = view.theme;
  if (!faint.length || view.overlay || !raw || !theme) return;
  /** @type {Set<string>} */
  const ends = new Set();
  context.save();
  for (const id of faint) {
    const edge = raw.edges.get(id);
    if (!edge || !isEdgeShown(view, id)) continue;
    ends.add(edge.from).add(edge.to);
    if (view.large) {
      const from = raw.nodes.get(edge.from);
      const to = raw.nodes.get(edge.to);
      if (!from || !to) continue;
      context.lineWidth = view.palette.width / network.getScale();
      context.strokeStyle = theme.line(0.9);
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x, to.y);
      context.stroke();
      continue;
    }
    const drawn = network.body.edges[id];
    if (!drawn?.connected || drawn.options.hidden) continue;
    drawn.draw(context);
    drawn.drawArrows(context);
  }
  context.restore();
  if (view.large) return;
  for (const id of ends) {
    const node = network.body.nodes[id];
    if (node && !node.options.hidden && !view.keep?.nodes.has(id)) node.draw(context);
  }
}
