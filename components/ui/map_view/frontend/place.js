// Where a concept is on the canvas and how large it is drawn: vis-network's place on a small map (physics
// and dragging move it), the server's on a large one, which the view draws itself.

/** @typedef {import("./state.js").View} View */

/**
 * {x, y} in canvas units, or null if the concept is not drawn.
 * @param {View} view
 * @param {string} id
 * @returns {{x: number, y: number} | null}
 */
export function placeOf(view, id) {
  if (view.large) return view.map?.raw.nodes.get(id) ?? null;
  return view.network?.body.nodes[id] ?? null;
}

/**
 * Half a concept's drawn height, in canvas units.
 * @param {View} view
 * @param {string} id
 */
export function sizeOf(view, id) {
  const raw = view.map?.raw.nodes.get(id);
  if (view.large) return raw?.size ?? 0;
  const node = view.network?.body.nodes[id];
  if (!node) return 0;
  const height = node.shape?.height;
  return Number.isFinite(height) && height > 0 ? height / 2 : (node.options?.size ?? raw?.size ?? 15);
}

/**
 * The canvas's corners in the map's coordinates: what lies outside them is out of sight.
 * @param {View} view
 * @param {import("../types/vis-network").Network} network
 */
export function inSight(view, network) {
  const { clientWidth: width, clientHeight: height } = view.canvas;
  return [network.DOMtoCanvas({ x: 0, y: 0 }), network.DOMtoCanvas({ x: width, y: height })];
}
