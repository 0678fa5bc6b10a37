// What the view shows, asked of its state (state.js) without changing it: the selection as a key, what the
// filters keep, the concepts around a selection.

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Selected} Selected
 * @typedef {import("./graph.js").Drawn} Drawn
 */

/** @param {Selected | null} selected */
export function selectionKey(selected) {
  return selected ? `${selected.kind}:${selected.id}` : "";
}

/**
 * What the view shows, as a key: the selection and the rest of the scene.
 * @param {View} view
 * @param {Selected | null} selected
 */
export function looksOf(view, selected) {
  return `${selectionKey(selected)}|${view.scene}`;
}

/** @param {View} view */
export function visibleIds(view) {
  return view.visible ? view.visible.nodes : [...(view.map?.raw.nodes.keys() ?? [])];
}

/** @param {View} view @param {string} id */
export function isShown(view, id) {
  return !view.visible || view.visible.nodeSet.has(id);
}

/** @param {View} view @param {string} id */
export function isEdgeShown(view, id) {
  return !view.visible || view.visible.edgeSet.has(id);
}

/**
 * The concepts to frame for a selection: a concept and its shown neighbours, or a relation's two ends.
 * @param {View} view
 * @param {Selected} selected
 */
export function neighbourhood(view, selected) {
  const map = /** @type {Drawn} */ (view.map);
  if (selected.kind === "relation") {
    const edge = map.raw.edges.get(selected.id);
    return edge ? [edge.from, edge.to] : [];
  }
  if (!map.raw.nodes.has(selected.id)) return [];
  const around = (map.neighbours.get(selected.id) ?? []).filter((n) => isEdgeShown(view, n.edge)).map((n) => n.node);
  return [selected.id, ...around];
}
