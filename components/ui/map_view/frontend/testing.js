// For browser tests and benchmarks only, loaded when the page asks (`window.__atlasTest`, set by the tests
// before the page starts): what the view draws and where, in px from the canvas's top left, as `el.atlas`
// on the view's root element.

import { conceptAt, dotNear, edgeNear } from "./hit.js";
import { edgePoint, isPromised } from "./labels.js";
import { placeOf } from "./place.js";
import { visibleIds } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {{x: number, y: number}} Point
 */

/** @param {View} view */
export function hooks(view) {
  const network = () => /** @type {import("../types/vis-network").Network} */ (view.network);
  const raw = () => /** @type {import("./graph.js").Raw} */ (view.map?.raw);
  /** @param {string} id */
  const position = (id) => {
    const place = placeOf(view, id);
    return view.network && place ? view.network.canvasToDOM(place) : null;
  };
  /** @param {Point} point */
  const free = (point) =>
    network().getNodeAt(point) === undefined && network().getEdgeAt(point) === undefined && !dotNear(view, point);
  return {
    nodePosition: position,
    scale: () => view.network?.getScale(),
    /** @param {string} id */
    node: (id) => view.nodes?.get(id) ?? null,
    /** @param {string} id */
    edge: (id) => {
      const drawn = view.network?.body.edges[id];
      const item = view.edges?.get(id);
      if (!drawn) return null;
      return {
        ...item,
        connected: drawn.connected,
        drawnHidden: drawn.options.hidden,
        colour: drawn.options.color.color,
      };
    },
    /** @param {string} id */
    label: (id) => view.map?.raw.nodes.get(id)?.label ?? null,
    labels: () => view.drawn.boxes,
    // The names the view promises to draw readably at any zoom: landmarks and the most connected, if shown.
    promised: () => {
      const drawn = new Map(view.drawn.boxes.map((box) => [box.id, box]));
      const shown = view.visible?.nodeSet ?? null;
      return [...raw().nodes.values()]
        .filter((node) => isPromised(view, node) && (!shown || shown.has(node.id)))
        .map((node) => ({ id: node.id, label: node.label, size: drawn.get(node.id)?.size ?? 0 }));
    },
    tipBox: () => {
      const tip = view.tip;
      return tip.hidden
        ? null
        : { x: tip.offsetLeft, y: tip.offsetTop, width: tip.offsetWidth, height: tip.offsetHeight };
    },
    cursor: () => view.cursor,
    drawMs: () => [...view.drawn.ms],
    /** @param {Point} point */
    nodeAt: (point) => conceptAt(view, point),
    lit: () => (view.keep ? [...view.keep.nodes] : null),
    shownBox: () => {
      const points = visibleIds(view).flatMap((id) => position(id) ?? []);
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    },
    theme: () => view.theme && { text: view.theme.text, background: view.theme.background },
    // The legend's entries as they read, and the lines as each standing is drawn (for comparing views).
    legend: () => [...view.legend.children].map((item) => /** @type {HTMLElement} */ (item).textContent?.trim() ?? ""),
    lines: () => Object.fromEntries((view.map?.lines ?? []).map((line) => [line.standing, line.dashes])),
    selected: () => view.selected,
    camera: () => ({ position: network().getViewPosition(), scale: network().getScale() }),
    /** @param {{position: Point, scale: number}} camera */
    moveTo: (camera) => network().moveTo(camera),
    emptyPoint: () => {
      const { clientWidth: width, clientHeight: height } = view.canvas;
      const origin = view.canvas.getBoundingClientRect();
      /** @param {Point} point */
      const covers = (point) =>
        view.overlays.some((overlay) => {
          const box = overlay.getBoundingClientRect();
          const x = point.x + origin.left;
          const y = point.y + origin.top;
          return !overlay.hidden && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        });
      for (let y = 30; y < height - 30; y += 25) {
        for (let x = 30; x < width - 30; x += 25) {
          const point = { x, y };
          if (free(point) && !covers(point) && !edgeNear(view, point)) return point;
        }
      }
      return null;
    },
    // A point on the drawn curve that picks this relation and no other concept or relation.
    /** @param {string} id */
    edgePosition: (id) => {
      if (!view.network || !edgePoint(view, id, 0.5)) return null;
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
        const point = /** @type {Point} */ (edgePoint(view, id, t));
        const around = [
          [0, 0],
          [4, 0],
          [-4, 0],
          [0, 4],
          [0, -4],
        ].map(([dx, dy]) => ({ x: point.x + dx, y: point.y + dy }));
        const clear = around.every(
          (p) => edgeNear(view, p) === id && network().getNodeAt(p) === undefined && !dotNear(view, p),
        );
        if (clear) return point;
      }
      return null;
    },
  };
}
