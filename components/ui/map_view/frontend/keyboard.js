// The keyboard on the map: the arrow keys move between related concepts, Enter opens one, Escape clears,
// F fits, + and - zoom; in edit mode, R draws a relation (drawlink.js). During a tour, the left and right arrow keys turn its pages anywhere on the page.

import { announce } from "./announce.js";
import { frame, zoom } from "./camera.js";
import { linkKey } from "./drawlink.js";
import { placeOf } from "./place.js";
import { choose } from "./selection.js";
import { visibleIds } from "./shown.js";
import { press } from "./state.js";

/** @typedef {import("./state.js").View} View */

/** @type {Record<string, [number, number]>} */
const DIRECTIONS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/**
 * @param {View} view
 * @param {KeyboardEvent} event
 */
export function onKey(view, event) {
  if (!view.network) return;
  const key = event.key;
  if (linkKey(view, event)) {
    event.preventDefault();
    return;
  }
  if (Object.hasOwn(DIRECTIONS, key)) moveCursor(view, DIRECTIONS[key]);
  else if (key === "Enter" && view.cursor) choose(view, { kind: "concept", id: view.cursor });
  else if (key === "Escape") {
    view.cursor = null;
    choose(view, null);
  } else if (key === "f" || key === "F") frame(view, visibleIds(view));
  else if (key === "+" || key === "=") zoom(view, 1.25);
  else if (key === "-" || key === "_") zoom(view, 0.8);
  else return;
  event.preventDefault();
}

/**
 * During a tour, ← and → turn its pages wherever the focus is (but in a text field).
 * @param {View} view
 * @returns {(event: KeyboardEvent) => void}
 */
export function pageKeys(view) {
  return (event) => {
    if (!view.touring || !["ArrowLeft", "ArrowRight", "PageUp", "PageDown"].includes(event.key)) return;
    const fields = ["INPUT", "TEXTAREA", "SELECT"];
    const typing = event.composedPath().some((element) => fields.includes(/** @type {Element} */ (element).tagName));
    if (typing) return;
    event.preventDefault();
    event.stopPropagation();
    const go = event.key === "ArrowRight" || event.key === "PageDown" ? "next" : "previous";
    view.host.send("tour", { go, press: press(view) });
  };
}

/**
 * From the concept the keyboard is on (or the selection, or the first landmark), to the neighbour
 * that lies most nearly in the arrow's direction.
 * @param {View} view
 * @param {[number, number]} direction
 */
function moveCursor(view, [dx, dy]) {
  const { network, map } = view;
  if (!network || !map) return;
  const shown = view.visible?.nodeSet ?? null;
  const from = view.cursor ?? (view.selected?.kind === "concept" ? view.selected.id : null);
  const origin = from && placeOf(view, from);
  if (!from) {
    view.cursor = map.order.find((id) => !shown || shown.has(id)) ?? null;
  } else if (origin) {
    let best = null;
    let bestScore = Infinity;
    // Drawing a relation, its other end may be any concept shown; else the arrows follow relations.
    const around = view.link.active ? visibleIds(view) : (map.neighbours.get(from) ?? []).map((next) => next.node);
    for (const node of around) {
      if (node === from) continue;
      const p = placeOf(view, node);
      if ((shown && !shown.has(node)) || !p) continue;
      const vx = p.x - origin.x;
      const vy = p.y - origin.y;
      const length = Math.hypot(vx, vy) || 1;
      const along = (vx * dx + vy * dy) / length;
      if (along < 0.3) continue;
      const score = length * (2 - along);
      if (score < bestScore) {
        best = node;
        bestScore = score;
      }
    }
    if (best) view.cursor = best;
  }
  const place = view.cursor && placeOf(view, view.cursor);
  if (place) {
    const position = network.canvasToDOM(place);
    const { clientWidth: width, clientHeight: height } = view.canvas;
    const inside = position.x > 20 && position.y > 20 && position.x < width - 20 && position.y < height - 20;
    if (!inside) network.moveTo({ position: { x: place.x, y: place.y }, animation: { duration: 250 } });
  }
  network.redraw();
  announce(view, view.cursor);
}
