// A large map drawn by the view itself, on vis-network's camera: the concepts in sight (small ones as
// dots batched by colour, one path each; larger ones in their shapes) and the relations as thin opaque
// lines in a few paths, not one by one with arrows as vis-network does (ten times faster).

import { inSight } from "./place.js";
import { drawShape } from "./shapes.js";
import { isShown } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./graph.js").Concept} Concept
 * @typedef {import("../types/vis-network").Network} Network
 */

export const DOT = 3; // on-screen px: above RESIZE_MAX, a concept drawn smaller than this is drawn as a dot this size
export const LANDMARKS_ON_TOP = 40; // landmarks come first in the names' order: room for them beside the promised

/**
 * The concepts in sight. `ids` and `least`: the lit concepts, drawn again above the wash, at least `least`
 * px across, outlined. (In canvas units: the context is the map's.)
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 * @param {Iterable<string> | null} ids
 */
export function drawShapes(view, context, ids = null, least = DOT) {
  const { network, map, theme } = view;
  if (!view.large || !network || !map || !theme) return;
  const scale = network.getScale();
  const radius = least / scale;
  const [topLeft, bottomRight] = inSight(view, network);
  /** @type {Map<string, Concept[]>} */
  const byColour = new Map();
  const whole = [];
  for (const id of ids ?? map.raw.nodes.keys()) {
    const raw = map.raw.nodes.get(id);
    if (!raw || !isShown(view, id)) continue;
    const reach = Math.max(raw.size, radius);
    if (
      raw.x + reach < topLeft.x ||
      raw.x - reach > bottomRight.x ||
      raw.y + reach < topLeft.y ||
      raw.y - reach > bottomRight.y
    )
      continue;
    if (raw.size * scale >= least) {
      whole.push(raw);
      continue;
    }
    const colour = raw.color.background;
    const group = byColour.get(colour) ?? [];
    if (!group.length) byColour.set(colour, group);
    group.push(raw);
  }
  context.save();
  context.lineWidth = 1.5 / scale;
  context.strokeStyle = theme.text;
  for (const [colour, group] of byColour) {
    context.beginPath();
    for (const raw of group) {
      context.moveTo(raw.x + radius, raw.y);
      context.arc(raw.x, raw.y, radius, 0, 2 * Math.PI);
    }
    context.fillStyle = colour;
    context.fill();
    if (ids) context.stroke();
  }
  // The most important concepts in sight (those whose names are promised) again, on top, as dotNear
  // picks them.
  context.lineWidth = 1 / scale;
  for (const id of ids ? [] : map.order.slice(0, view.drawn.promisedRank + LANDMARKS_ON_TOP)) {
    const raw = map.raw.nodes.get(id);
    if (!raw || !isShown(view, id) || raw.size * scale >= least) continue;
    context.beginPath();
    context.arc(raw.x, raw.y, radius * 1.3, 0, 2 * Math.PI);
    context.fillStyle = raw.color.background;
    context.strokeStyle = raw.color.border;
    context.fill();
    context.stroke();
  }
  for (const raw of whole) {
    drawShape(context, raw, ids ? theme.text : raw.color.border, (ids ? 2.5 : view.palette.border) / scale);
  }
  context.restore();
}

/**
 * The relations that are not lit, drawn under the concepts, solid: dashing thousands of long lines took
 * the canvas a second a frame. Only those that cross the canvas: framed on a concept, most of a large
 * map is out of sight. The lit ones show their dashes and arrows (drawLitLines).
 * @param {View} view
 * @param {CanvasRenderingContext2D} context
 */
export function drawLines(view, context) {
  const { network, map, theme } = view;
  if (!view.large || !network || !map || !theme) return;
  const keep = view.keep?.edges;
  const shown = view.visible?.edgeSet;
  const [topLeft, bottomRight] = inSight(view, network);
  const ends = [];
  for (const raw of map.raw.edges.values()) {
    if ((shown && !shown.has(raw.id)) || keep?.has(raw.id) || view.verdicts.has(raw.id)) continue;
    const from = map.raw.nodes.get(raw.from);
    const to = map.raw.nodes.get(raw.to);
    if (!from || !to) continue;
    if (Math.max(from.x, to.x) < topLeft.x || Math.min(from.x, to.x) > bottomRight.x) continue;
    if (Math.max(from.y, to.y) < topLeft.y || Math.min(from.y, to.y) > bottomRight.y) continue;
    ends.push(from, to);
  }
  context.save();
  context.lineWidth = 1 / network.getScale(); // a pixel wide on screen, at any zoom
  context.strokeStyle = theme.solidLine;
  for (let start = 0; start < ends.length; start += 2000) {
    context.beginPath();
    for (let i = start; i < Math.min(start + 2000, ends.length); i += 2) {
      context.moveTo(ends[i].x, ends[i].y);
      context.lineTo(ends[i + 1].x, ends[i + 1].y);
    }
    context.stroke();
  }
  context.restore();
}
