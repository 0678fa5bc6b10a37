// The tooltip: a concept's or a relation's words, as text, in the corner of the canvas farthest from the
// selection, its neighbours and the pointer, so it never hides what is being looked at; it goes when the
// pointer leaves. A touch selects; it never opens a tooltip.

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Selected} Selected
 */

import { placeOf } from "./place.js";

/**
 * @param {View} view
 * @param {Selected} item
 */
export function showTip(view, item) {
  const { network, map } = view;
  if (view.pointer.type !== "mouse" || !network || !map) return;
  const raw = item.kind === "concept" ? map.raw.nodes.get(item.id) : map.raw.edges.get(item.id);
  if (!raw) return;
  view.pointer.hovered = item;
  view.tip.textContent = raw.tip;
  view.tip.hidden = false;
  const avoid = [...(view.keep ? view.keep.nodes : []), ...(item.kind === "concept" ? [item.id] : [])];
  if ("from" in raw) avoid.push(raw.from, raw.to);
  const points = avoid
    .map((id) => placeOf(view, id))
    .filter((node) => node !== null)
    .map((node) => network.canvasToDOM({ x: node.x, y: node.y }));
  const width = view.canvas.clientWidth;
  const height = view.canvas.clientHeight;
  const tipWidth = view.tip.offsetWidth;
  const tipHeight = view.tip.offsetHeight;
  const corners = [
    [8, 8],
    [width - tipWidth - 8, 8],
    [8, height - tipHeight - 8],
    [width - tipWidth - 8, height - tipHeight - 8],
  ];
  /** @param {number[]} corner */
  const covered = ([x, y]) =>
    points.filter((p) => p.x > x - 24 && p.x < x + tipWidth + 24 && p.y > y - 24 && p.y < y + tipHeight + 24).length;
  /** @param {number[]} corner */
  const distance = ([x, y]) =>
    Math.min(...points.map((p) => Math.hypot(p.x - (x + tipWidth / 2), p.y - (y + tipHeight / 2))));
  const [x, y] = corners.sort((a, b) => covered(a) - covered(b) || distance(b) - distance(a))[0];
  view.tip.style.left = `${x}px`;
  view.tip.style.top = `${y}px`;
}

/** @param {View} view */
export function hideTip(view) {
  view.pointer.hovered = null;
  view.tip.hidden = true;
}
