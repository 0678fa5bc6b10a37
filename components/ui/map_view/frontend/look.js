// How each concept and relation looks in vis-network's items: shown or hidden by the filters, lit or
// plain, judged in a scored student's map, never too small to see. What is not lit is faded by a wash
// drawn over the map (fade.js), so a click changes only the few items it lights; only items whose look
// changed are sent to vis-network (on a large map, a full update is slow).

import { light } from "./state.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Lit} Lit
 * @typedef {import("./graph.js").Concept} Concept
 * @typedef {import("./graph.js").Relation} Relation
 * @typedef {import("./graph.js").Line} Line
 */

export const MIN_SHAPE = 7; // on-screen px: a concept is never drawn smaller than this (its radius), to be seen and hit

/**
 * Show what the filters keep, and light the selection, its neighbours and any highlight.
 * @param {View} view
 */
export function restyle(view) {
  const network = view.network;
  if (!network || !view.map) return;
  light(view);
  if (view.large) {
    // Drawn by the view: nothing to send to vis-network. One frame for this and a camera move after it.
    network.body.emitter.emit("_requestRedraw");
    return;
  }
  const nodes = /** @type {import("../types/vis-network").DataSet} */ (view.nodes);
  const edges = /** @type {import("../types/vis-network").DataSet} */ (view.edges);
  const nodeUpdates = [];
  for (const raw of view.map.raw.nodes.values()) {
    const look = nodeLook(view, raw);
    if (look) nodeUpdates.push(look);
  }
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  const edgeUpdates = [];
  for (const raw of view.map.raw.edges.values()) {
    const look = edgeLook(view, raw);
    if (look) edgeUpdates.push(look);
  }
  if (edgeUpdates.length) edges.update(edgeUpdates);
  const selected = view.selected;
  if (selected?.kind === "concept" && nodes.get(selected.id)) network.selectNodes([selected.id], false);
  else if (selected?.kind === "relation" && edges.get(selected.id)) network.selectEdges([selected.id]);
  else network.unselectAll();
}

/**
 * A concept's look (shown or hidden, its outline), or null if it is the look it was last given.
 * @param {View} view
 * @param {Concept} raw
 */
export function nodeLook(view, raw) {
  const hidden = view.visible ? !view.visible.nodeSet.has(raw.id) : false;
  const key = `${hidden}|${view.palette.border}`;
  if (view.looked.nodes.get(raw.id) === key) return null;
  view.looked.nodes.set(raw.id, key);
  return { id: raw.id, hidden, borderWidth: view.palette.border };
}

/**
 * A relation's look (shown or hidden, lit, judged in a student's map), or null if unchanged.
 * @param {View} view
 * @param {Relation} raw
 */
export function edgeLook(view, raw) {
  const { palette } = view;
  const theme = /** @type {import("./theme.js").Theme} */ (view.theme);
  const emphasised = Boolean(view.keep?.edges.has(raw.id));
  const judged = verdictLine(view, raw.id);
  const hidden = view.visible ? !view.visible.edgeSet.has(raw.id) : false;
  const color = judged?.color ?? (emphasised ? theme.text : theme.line(palette.edgeAlpha));
  const width = judged ? palette.emphasis + 0.8 : emphasised ? palette.emphasis : palette.width;
  const dashes = judged ? judged.dashes : raw.dashes;
  const key = `${hidden}|${color}|${width}|${dashes}|${theme.text}`;
  if (view.looked.edges.get(raw.id) === key) return null;
  view.looked.edges.set(raw.id, key);
  const lit = judged?.color ?? theme.text;
  return { id: raw.id, hidden, width, dashes, color: { color, highlight: lit, hover: lit } };
}

/**
 * How a judged relation of a scored student's map is drawn (its verdict's line), or null.
 * @param {View} view
 * @param {string} id
 * @returns {Line | null}
 */
export function verdictLine(view, id) {
  const verdict = view.verdicts.get(id);
  return (verdict && view.overlay?.lines.find((line) => line.standing === verdict)) || null;
}

/**
 * The student's links that this map does not have, drawn as extra lines while the score is shown.
 * @param {View} view
 */
export function drawExtra(view) {
  const edges = view.edges;
  const overlay = view.overlay;
  if (!edges) return;
  edges.remove(edges.getIds({ filter: (edge) => String(edge.id).startsWith("extra:") }));
  if (!overlay) return;
  const style = overlay.lines.find((line) => line.standing === "extra");
  const color = style?.color ?? "";
  const raw = view.map?.raw.nodes ?? new Map();
  edges.add(
    overlay.extra
      .filter((extra) => raw.has(extra.from) && raw.has(extra.to))
      .map((extra, index) => ({
        id: `extra:${index}`,
        from: extra.from,
        to: extra.to,
        width: view.palette.emphasis + 0.8,
        dashes: style?.dashes ?? false,
        color: { color, highlight: color, hover: color },
        arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      })),
  );
}

/**
 * Zoomed out, a concept keeps a size one can see and click.
 * @param {View} view
 */
export function resizeShapes(view) {
  if (view.large || !view.network || !view.map || !view.nodes) return;
  const least = MIN_SHAPE / view.network.getScale();
  const updates = [];
  for (const raw of view.map.raw.nodes.values()) {
    const size = Math.max(raw.size, raw.landmark ? least * (raw.landmark / view.map.names.readable) * 1.3 : least);
    if (view.sizes.get(raw.id) !== size) {
      view.sizes.set(raw.id, size);
      updates.push({ id: raw.id, size });
    }
  }
  if (updates.length) view.nodes.update(updates);
}
