// What a point on the canvas is on: a relation (or its line: a near miss counts), or on a large map, a
// concept drawn as a dot (vis-network finds the concepts it draws itself).

import { DOT } from "./draw.js";
import { placeOf } from "./place.js";
import { isEdgeShown, isShown } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {{x: number, y: number}} Point
 */

const TOLERANCE = 8; // on-screen px within which a click or hover still finds a relation

/**
 * The relation nearest to a point on the canvas (px from its top left), if it passes within TOLERANCE px.
 * @param {View} view
 * @param {Point} point
 * @returns {string | null}
 */
export function edgeNear(view, point) {
  const { network, map } = view;
  if (!network || !map) return null;
  const scale = network.getScale();
  const at = network.DOMtoCanvas(point);
  const reach = TOLERANCE / scale;
  let best = null;
  let bestDistance = reach;
  for (const [id, raw] of map.raw.edges) {
    if (!isEdgeShown(view, id)) continue;
    const edge = view.large ? null : network.body.edges[id];
    if (!view.large && !edge?.connected) continue;
    const from = placeOf(view, raw.from);
    const to = placeOf(view, raw.to);
    if (!from || !to) continue;
    if (at.x < Math.min(from.x, to.x) - reach * 4 || at.x > Math.max(from.x, to.x) + reach * 4) continue;
    if (at.y < Math.min(from.y, to.y) - reach * 4 || at.y > Math.max(from.y, to.y) + reach * 4) continue;
    const distance = edge
      ? edge.edgeType.getDistanceToEdge(from.x, from.y, to.x, to.y, at.x, at.y)
      : segmentDistance(from, to, at);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * How far a point is from the straight line between two others (a large map's relations are straight).
 * @param {Point} a
 * @param {Point} b
 * @param {Point} point
 */
function segmentDistance(a, b, point) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const along = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(a.x + along * dx - point.x, a.y + along * dy - point.y);
}

/**
 * The concept drawn as a dot under a point on the canvas (a large map), if any: of the dots under it,
 * the most important (as the names are ranked: landmarks, then the most connected), which is drawn on
 * top; else the nearest within reach.
 * @param {View} view
 * @param {Point} point
 * @returns {string | null}
 */
export function dotNear(view, point) {
  const { network, map } = view;
  if (!view.large || !network || !map) return null;
  const scale = network.getScale();
  const at = network.DOMtoCanvas(point);
  const under = DOT / scale;
  const reach = (DOT + TOLERANCE / 2) / scale;
  let best = null;
  let bestDistance = Infinity;
  /** @type {string | null} */
  let top = null;
  const rank = (/** @type {string} */ id) => map.rankOf.get(id) ?? Infinity;
  for (const [id, raw] of map.raw.nodes) {
    if (!isShown(view, id)) continue;
    const distance = Math.hypot(raw.x - at.x, raw.y - at.y);
    if (distance < Math.max(raw.size, under) && (top === null || rank(id) < rank(top))) top = id;
    if (distance < Math.max(raw.size, reach) && distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return top ?? best;
}

/**
 * The concept under a point: the one vis-network draws there, or a large map's dot.
 * @param {View} view
 * @param {Point} point
 * @returns {string | null}
 */
export function conceptAt(view, point) {
  return view.network?.getNodeAt(point) ?? dotNear(view, point);
}
