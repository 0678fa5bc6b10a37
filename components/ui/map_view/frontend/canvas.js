// vis-network on the view's canvas: made once per mounted map, its items updated in place (add, update,
// remove by id) when the map changes, so zoom, positions and the settled layout survive; arranged again
// on request. Above RESIZE_MAX concepts it is given no items: the view draws the map itself (draw.js) and
// vis-network is only the camera (pan, zoom, animation) and the source of clicks. Building its items for
// ten thousand concepts took it a second.

import { fitted, frame, frameOnce, stopGliding } from "./camera.js";
import { drawLines, drawShapes } from "./draw.js";
import { drawLit } from "./fade.js";
import { toEdge, toNode } from "./graph.js";
import { dotNear } from "./hit.js";
import { drawNames, promise } from "./labels.js";
import { edgeLook, nodeLook, resizeShapes } from "./look.js";
import { placeOf } from "./place.js";
import { onClick } from "./selection.js";
import { neighbourhood, visibleIds } from "./shown.js";
import { setMap } from "./state.js";
import { hideTip, showTip } from "./tooltip.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./graph.js").Graph} Graph
 * @typedef {import("./graph.js").Concept} Concept
 * @typedef {import("../types/vis-network").Vis} Vis
 */

export const RESIZE_MAX = 500; // concepts: above this the view draws the concepts and relations itself

/**
 * @param {View} view
 * @param {Vis} vis
 * @param {Graph} graph
 */
export function create(view, vis, graph) {
  performance.mark("atlas:create");
  setMap(view, graph);
  const map = /** @type {import("./graph.js").Drawn} */ (view.map);
  view.large = graph.nodes.length > RESIZE_MAX;
  view.root.dataset.large = String(view.large);
  // Each item starts with the look it has with nothing filtered or lit, so the first restyle sends nothing.
  const nodes = view.large
    ? []
    : [...map.raw.nodes.values()].map((node) => ({ ...toNode(node), ...nodeLook(view, node) }));
  const edges = view.large
    ? []
    : [...map.raw.edges.values()].map((edge) => ({ ...toEdge(edge), ...edgeLook(view, edge) }));
  view.nodes = new vis.DataSet(nodes);
  view.edges = new vis.DataSet(edges);
  const options = structuredClone(graph.options);
  view.status.textContent = options.physics.enabled ? "Arranging the map…" : "";
  view.createdAt = performance.now();
  const network = new vis.Network(view.container, { nodes: view.nodes, edges: view.edges }, options);
  view.network = network;
  network.on("beforeDrawing", (context) => {
    view.drawn.start = performance.now();
    drawLines(view, context);
  });
  network.on("afterDrawing", (context) => {
    promise(view);
    drawShapes(view, context);
    drawLit(view, context);
    drawNames(view, context);
    view.drawn.ms.push(performance.now() - view.drawn.start);
    if (view.drawn.ms.length > 50) view.drawn.ms.shift();
  });
  network.on("click", (event) => onClick(view, event));
  network.on("hoverNode", (event) => showTip(view, { kind: "concept", id: event.node }));
  network.on("hoverEdge", (event) => showTip(view, { kind: "relation", id: event.edge }));
  network.on("blurNode", () => hideTip(view));
  network.on("blurEdge", () => hideTip(view));
  network.on("dragStart", () => {
    stopGliding(view);
    hideTip(view);
  });
  network.on("zoom", () => {
    stopGliding(view);
    resizeShapes(view);
  });
  network.on("animationFinished", () => resizeShapes(view));
  network.on("doubleClick", (event) => {
    const concept = event.nodes[0] ?? dotNear(view, event.pointer.DOM);
    if (concept) frame(view, [concept], true);
  });
  if (view.large) followPointer(view);
  if (options.physics.enabled) network.once("stabilizationIterationsDone", () => settle(view));
  else requestAnimationFrame(() => settle(view));
}

/**
 * No items for vis-network to hover on a large map: the tooltip follows the pointer over the view's drawing.
 * @param {View} view
 */
function followPointer(view) {
  let pending = false;
  view.container.addEventListener("pointermove", (event) => {
    if (pending || view.pointer.type !== "mouse") return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const box = view.container.getBoundingClientRect();
      const concept = dotNear(view, { x: event.clientX - box.left, y: event.clientY - box.top });
      if (concept && view.pointer.hovered?.id !== concept) showTip(view, { kind: "concept", id: concept });
      else if (!concept && view.pointer.hovered) hideTip(view);
    });
  });
}

/**
 * The first layout has finished (or a new one): the map fits, or what is chosen is framed.
 * @param {View} view
 */
function settle(view) {
  const network = view.network;
  if (!network) return;
  performance.mark("atlas:settled");
  network.setOptions({ physics: { enabled: false } });
  // Facets were pinned so the layout spreads them apart; now every concept can be dragged.
  const nodes = view.nodes;
  if (!view.large && nodes)
    nodes.update(nodes.getIds({ filter: (node) => node.fixed === true }).map((id) => ({ id, fixed: false })));
  network.moveTo(fitted(view, network, visibleIds(view)));
  resizeShapes(view);
  view.settled = true;
  view.status.textContent = "";
  view.root.dataset.settled = "true";
  view.root.dataset.layoutMs = String(Math.round(performance.now() - view.createdAt));
  if (view.camera.wanted) frameOnce(view, view.camera.wanted);
  else if (view.selected) frame(view, neighbourhood(view, view.selected), false);
}

/**
 * *Re-layout*: the physics loosens the server's layout (a large map's is the server's alone).
 * @param {View} view
 */
export function relayout(view) {
  const { network, nodes, map } = view;
  if (!network || !nodes || !map) return;
  if (view.large) {
    view.status.textContent = "This map is too large to arrange again in the browser: its layout is the server's.";
    setTimeout(() => {
      view.status.textContent = "";
    }, 4000);
    return;
  }
  nodes.update(
    [...map.raw.nodes.values()].map((node) => ({ id: node.id, x: node.x, y: node.y, fixed: node.fixed ?? false })),
  );
  view.root.dataset.settled = "false";
  view.settled = false;
  view.status.textContent = "Arranging the map…";
  network.setOptions({ physics: { enabled: true } });
  network.once("stabilized", () => settle(view));
  network.stabilize(400);
}

/**
 * A new version of the map (the file was edited): add, update and remove in place; existing concepts keep
 * where they are on the canvas, new ones start next to a neighbour.
 * @param {View} view
 * @param {Graph} graph
 */
export function update(view, graph) {
  const before = /** @type {import("./graph.js").Raw} */ (view.map?.raw);
  setMap(view, graph);
  const { nodes, edges, map } = view;
  if (view.large || !nodes || !edges || !map) return; // drawn from the map itself
  const removed = [...before.nodes.keys()].filter((id) => !map.raw.nodes.has(id));
  const added = [];
  const changed = [];
  for (const node of map.raw.nodes.values()) {
    const old = before.nodes.get(node.id);
    if (!old) added.push(placeNear(view, node));
    else if (JSON.stringify(old) !== JSON.stringify(node)) {
      const { x, y, ...rest } = toNode(node);
      changed.push(rest);
    }
  }
  nodes.remove(removed);
  nodes.update(changed);
  nodes.add(added.map(toNode));
  edges.remove([...before.edges.keys()].filter((id) => !map.raw.edges.has(id)));
  const edited = [...map.raw.edges.values()].filter(
    (edge) => JSON.stringify(before.edges.get(edge.id)) !== JSON.stringify(edge),
  );
  edges.update(edited.map(toEdge));
}

/**
 * @param {View} view
 * @param {Concept} node
 * @returns {Concept}
 */
function placeNear(view, node) {
  const around = (view.map?.neighbours.get(node.id) ?? []).map((next) => next.node);
  const neighbour = around.find((id) => view.nodes?.get(id));
  const position = neighbour && placeOf(view, neighbour);
  return position ? { ...node, x: position.x + 60, y: position.y + 40 } : node;
}
