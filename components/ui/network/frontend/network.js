// Empathy Atlas network view: a Streamlit custom component (v2) that draws the map with vis-network.
//
// One vis-network instance per mounted component, kept across reruns: new data is applied to its
// DataSets in place (add, update, remove by id), so zoom, positions and the settled layout survive.
// vis-network is loaded once per page from this component's own asset folder, never from a CDN.
// Every text from the map reaches the page as text (canvas labels, textContent), never as HTML.

const VIS_URL = new URL("./vis-network.min.js", import.meta.url).href;
let visLoading = null;

function loadVis() {
  if (globalThis.vis?.Network) return Promise.resolve(globalThis.vis);
  visLoading ??= import(VIS_URL).then(() => globalThis.vis);
  return visLoading;
}

const views = new WeakMap(); // parentElement -> view state

const DIM_OPACITY = 0.15;
const EDGE_COLOR = "rgba(130, 130, 130, 0.55)";
const EDGE_DIM = "rgba(130, 130, 130, 0.12)";

export default function render(component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector(".atlas-network");
  if (!root || !data?.graph) return undefined;

  let view = views.get(parentElement);
  if (!view) {
    view = createView(root);
    views.set(parentElement, view);
  }
  view.setTriggerValue = setTriggerValue;
  root.style.setProperty("--atlas-height", `${data.height}px`);
  view.canvas.setAttribute("aria-label", data.title);
  view.pending = data;
  loadVis()
    .then((vis) => apply(view, vis))
    .catch((error) => showError(root, error));

  return () => {
    view.network?.destroy();
    views.delete(parentElement);
  };
}

// Everything the view keeps between reruns, declared in one place.
function createView(root) {
  const view = {
    root,
    canvas: root.querySelector(".atlas-canvas"),
    status: root.querySelector(".atlas-status"),
    setTriggerValue: null, // the latest run's, to send clicks to Python
    pending: null, // data from Python waiting for vis-network to load
    network: null, // the vis-network instance, made on the first data
    nodes: null, // its DataSets
    edges: null,
    raw: { nodes: new Map(), edges: new Map() }, // nodes and edges as Python sent them, by id
    version: null, // of the graph drawn
    labelWidth: 0, // canvas pixels a normal label may take (landmarks' grow with their font)
    theme: null, // text, background and dimmed-text colours read from Streamlit's theme
    visible: null, // {nodes, edges} the filters keep, or null for all
    highlight: null, // {nodes, edges} a chosen reference supports, or null
    selected: null, // {kind: "concept"|"relation", id} last shown, from a click or from Python
    dimmed: new Map(), // node id -> faded because something else is selected
    looks: null, // what the last restyle showed; a rerun that changes none of it costs nothing
    settled: false, // the first layout has finished
    createdAt: 0, // when the layout started, for data-layout-ms
    clicks: 0, // so that two clicks on the background are two events
  };
  // For browser tests and benchmarks: where a node is drawn, in pixels from the canvas's top left.
  root.atlas = {
    nodePosition: (id) => (view.network ? view.network.canvasToDOM(view.network.getPosition(id)) : null),
    scale: () => view.network?.getScale(),
    node: (id) => view.nodes?.get(id) ?? null,
    emptyPoint: () => {
      const { clientWidth: width, clientHeight: height } = view.canvas;
      for (let y = 30; y < height - 30; y += 25) {
        for (let x = 30; x < width - 30; x += 25) {
          const point = { x, y };
          if (view.network.getNodeAt(point) === undefined && view.network.getEdgeAt(point) === undefined) return point;
        }
      }
      return null;
    },
    edgePosition: (id) => {
      // A point on the drawn curve (vis-network internals) that picks this edge and not a neighbour.
      const edge = view.network?.body.edges[id];
      if (!edge) return null;
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
        const point = view.network.canvasToDOM(edge.edgeType.getPoint(t));
        const around = [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].map(([dx, dy]) => ({ x: point.x + dx, y: point.y + dy }));
        const clear = around.every((p) => view.network.getEdgeAt(p) === id && view.network.getNodeAt(p) === undefined);
        if (clear) return point;
      }
      return null;
    },
  };
  root.querySelector("[data-action=fit]").onclick = () => view.network?.fit({ animation: { duration: 400 } });
  root.querySelector("[data-action=relayout]").onclick = () => relayout(view);
  return view;
}

function apply(view, vis) {
  const data = view.pending;
  if (!data) return;
  view.pending = null;
  const theme = readTheme(view.root);
  if (!view.network) {
    create(view, vis, data, theme);
  } else if (data.graph.version !== view.version) {
    update(view, data);
  }
  view.theme = theme;
  view.visible = data.visible;
  view.highlight = data.highlight;
  drawLegend(view.root.querySelector(".atlas-legend"), data.graph.legend);
  const selected = data.selected ?? null;
  const fromPython = selectionKey(selected) !== selectionKey(view.selected);
  view.selected = selected;
  // A rerun that changes nothing the view shows (the echo of a click, say) costs nothing.
  const looks = JSON.stringify([view.version, selected, data.visible, data.highlight, theme]);
  if (looks !== view.looks) restyle(view);
  view.looks = looks;
  if (fromPython && selected) reveal(view, selected);
  view.root.dataset.version = data.graph.version;
  view.root.dataset.selected = selectionKey(selected);
}

function create(view, vis, data, theme) {
  view.nodes = new vis.DataSet(data.graph.nodes.map((node) => toNode(node)));
  view.edges = new vis.DataSet(data.graph.edges.map((edge) => toEdge(edge)));
  remember(view, data.graph);
  view.version = data.graph.version;
  const options = structuredClone(data.graph.options);
  view.labelWidth = options.nodes.widthConstraint.maximum;
  options.nodes.font.color = theme.text;
  options.nodes.font.strokeColor = theme.background;
  options.edges.font.color = theme.text;
  options.edges.font.strokeColor = theme.background;
  options.edges.color = { color: EDGE_COLOR, highlight: theme.text, hover: theme.text };
  view.status.textContent = "Arranging the map…";
  view.createdAt = performance.now();
  view.network = new vis.Network(view.canvas, { nodes: view.nodes, edges: view.edges }, options);
  view.network.once("stabilizationIterationsDone", () => settle(view));
  view.network.on("click", (event) => onClick(view, event));
  view.network.on("zoom", () => resizeLandmarks(view));
  view.network.on("animationFinished", () => resizeLandmarks(view)); // focus, fit and moveTo zoom too
  view.network.on("doubleClick", (event) => {
    if (event.nodes.length) view.network.focus(event.nodes[0], { scale: 1.1, animation: { duration: 400 } });
  });
}

// Landmark labels (facets, systems, pitfalls, trends) never shrink below a readable size on screen,
// so the whole map stays legible when it is zoomed out; the other labels appear as one zooms in.
function landmarkFont(raw, scale) {
  const size = raw.font?.size ?? 15;
  return raw.landmark ? Math.max(size, raw.landmark / scale) : size;
}

// A landmark's label grows as one zooms out; its line width grows with it so words are not broken.
function landmarkStyle(view, raw) {
  const font = nodeFont(view, raw);
  return { font, widthConstraint: { maximum: (view.labelWidth * font.size) / (raw.font?.size ?? 15) } };
}

function resizeLandmarks(view) {
  const scale = view.network.getScale();
  const updates = [];
  for (const raw of view.raw.nodes.values()) {
    if (!raw.landmark) continue;
    const size = landmarkFont(raw, scale);
    if (view.nodes.get(raw.id)?.font?.size !== size) updates.push({ id: raw.id, ...landmarkStyle(view, raw) });
  }
  if (updates.length) view.nodes.update(updates);
}

function settle(view) {
  view.network.setOptions({ physics: { enabled: false } });
  // Facets were pinned so the layout spreads them apart; now every node can be dragged.
  view.nodes.update(view.nodes.getIds({ filter: (node) => node.fixed === true }).map((id) => ({ id, fixed: false })));
  view.network.fit();
  resizeLandmarks(view);
  view.settled = true;
  view.status.textContent = "";
  view.root.dataset.settled = "true";
  view.root.dataset.layoutMs = String(Math.round(performance.now() - view.createdAt));
  if (view.selected) reveal(view, view.selected);
}

function relayout(view) {
  if (!view.network) return;
  view.nodes.update(
    [...view.raw.nodes.values()].map((node) => ({ id: node.id, x: node.x, y: node.y, fixed: node.fixed ?? false })),
  );
  view.root.dataset.settled = "false";
  view.status.textContent = "Arranging the map…";
  view.network.setOptions({ physics: { enabled: true } });
  view.network.once("stabilized", () => settle(view));
  view.network.stabilize(400);
}

// A new version of the map (the file was edited): add, update and remove in place; existing nodes keep
// where they are on the canvas, new ones start next to a neighbour.
function update(view, data) {
  const incoming = new Map(data.graph.nodes.map((node) => [node.id, node]));
  const removed = [...view.raw.nodes.keys()].filter((id) => !incoming.has(id));
  const added = [];
  const changed = [];
  for (const [id, node] of incoming) {
    const before = view.raw.nodes.get(id);
    if (!before) added.push(placeNear(view, node, data.graph.edges));
    else if (JSON.stringify(before) !== JSON.stringify(node)) {
      const { x, y, ...rest } = toNode(node);
      changed.push(rest);
    }
  }
  view.nodes.remove(removed);
  view.nodes.update(changed);
  view.nodes.add(added.map((node) => toNode(node)));

  const edges = new Map(data.graph.edges.map((edge) => [edge.id, edge]));
  view.edges.remove([...view.raw.edges.keys()].filter((id) => !edges.has(id)));
  view.edges.update(
    [...edges.values()]
      .filter((edge) => JSON.stringify(view.raw.edges.get(edge.id)) !== JSON.stringify(edge))
      .map((edge) => toEdge(edge)),
  );
  remember(view, data.graph);
  view.version = data.graph.version;
}

function placeNear(view, node, edges) {
  const neighbour = edges
    .filter((edge) => edge.from === node.id || edge.to === node.id)
    .map((edge) => (edge.from === node.id ? edge.to : edge.from))
    .find((id) => view.nodes.get(id));
  if (!neighbour) return node;
  const position = view.network.getPosition(neighbour);
  return { ...node, x: position.x + 60, y: position.y + 40 };
}

function remember(view, graph) {
  view.raw.nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  view.raw.edges = new Map(graph.edges.map((edge) => [edge.id, edge]));
}

// vis-network shows a string title as plain text; a text node makes that explicit.
function tooltip(text) {
  const element = document.createElement("div");
  element.className = "atlas-tooltip";
  element.textContent = text ?? "";
  return element;
}

function toNode(node) {
  return { ...node, title: tooltip(node.title) };
}

function toEdge(edge) {
  return { ...edge, label: undefined, title: tooltip(edge.title) };
}

function onClick(view, event) {
  let selected = null;
  if (event.nodes.length) selected = { kind: "concept", id: event.nodes[0] };
  else if (event.edges.length) selected = { kind: "relation", id: event.edges[0] };
  view.selected = selected;
  view.root.dataset.selected = selectionKey(selected);
  restyle(view);
  view.looks = JSON.stringify([view.version, selected, view.visible, view.highlight, view.theme]);
  view.clicks += 1;
  view.setTriggerValue("select", selected ?? { kind: "none", id: null, click: view.clicks });
}

function selectionKey(selected) {
  return selected ? `${selected.kind}:${selected.id}` : "";
}

// Show what the filters keep, and dim all but the selection, its neighbours and any highlight.
function restyle(view) {
  const shownNodes = view.visible ? new Set(view.visible.nodes) : null;
  const shownEdges = view.visible ? new Set(view.visible.edges) : null;
  const { nodes: keepNodes, edges: keepEdges } = emphasis(view, shownEdges);
  const theme = view.theme;

  const nodeUpdates = [];
  for (const raw of view.raw.nodes.values()) {
    const hidden = shownNodes ? !shownNodes.has(raw.id) : false;
    const dim = keepNodes && !keepNodes.has(raw.id);
    view.dimmed.set(raw.id, Boolean(dim));
    const style = raw.landmark ? landmarkStyle(view, raw) : { font: nodeFont(view, raw) };
    nodeUpdates.push({ id: raw.id, hidden, opacity: dim ? DIM_OPACITY : 1, ...style });
  }
  view.nodes.update(nodeUpdates);

  const edgeUpdates = [];
  for (const raw of view.raw.edges.values()) {
    const hidden = shownEdges ? !shownEdges.has(raw.id) : false;
    const emphasised = keepEdges?.has(raw.id);
    const dim = keepEdges && !emphasised;
    edgeUpdates.push({
      id: raw.id,
      hidden,
      label: emphasised ? raw.relation : undefined,
      width: emphasised ? 2.2 : 1.3,
      color: { color: dim ? EDGE_DIM : emphasised ? theme.text : EDGE_COLOR, highlight: theme.text },
      font: { color: theme.text, strokeColor: theme.background },
    });
  }
  view.edges.update(edgeUpdates);

  const selected = view.selected;
  if (selected?.kind === "concept" && view.nodes.get(selected.id)) view.network.selectNodes([selected.id], false);
  else if (selected?.kind === "relation" && view.edges.get(selected.id)) view.network.selectEdges([selected.id]);
  else view.network.unselectAll();
}

function nodeFont(view, raw) {
  const theme = view.theme;
  const scale = view.network?.getScale() ?? 1;
  return {
    ...(raw.font ?? {}),
    size: landmarkFont(raw, scale),
    color: view.dimmed.get(raw.id) ? theme.dimText : theme.text,
    strokeColor: theme.background,
  };
}

function emphasis(view, shownEdges) {
  const highlight = view.highlight;
  if (highlight && (highlight.nodes.length || highlight.edges.length)) {
    const nodes = new Set(highlight.nodes);
    for (const id of highlight.edges) {
      const edge = view.raw.edges.get(id);
      if (edge) nodes.add(edge.from).add(edge.to);
    }
    return { nodes, edges: new Set(highlight.edges) };
  }
  const selected = view.selected;
  if (!selected) return { nodes: null, edges: null };
  if (selected.kind === "relation") {
    const edge = view.raw.edges.get(selected.id);
    return edge ? { nodes: new Set([edge.from, edge.to]), edges: new Set([edge.id]) } : { nodes: null, edges: null };
  }
  const nodes = new Set([selected.id]);
  const edges = new Set();
  for (const edge of view.raw.edges.values()) {
    if ((edge.from === selected.id || edge.to === selected.id) && (!shownEdges || shownEdges.has(edge.id))) {
      edges.add(edge.id);
      nodes.add(edge.from).add(edge.to);
    }
  }
  return { nodes, edges };
}

// Centre the view on a selection made in Python (search, a link in the details panel).
function reveal(view, selected) {
  if (!view.settled) return;
  const scale = Math.max(view.network.getScale(), 0.7);
  const animation = { duration: 450, easingFunction: "easeInOutQuad" };
  view.root.dataset.animating = "true";
  view.network.once("animationFinished", () => {
    view.root.dataset.animating = "false";
  });
  if (selected.kind === "concept" && view.nodes.get(selected.id)) {
    view.network.focus(selected.id, { scale, animation });
  } else if (selected.kind === "relation") {
    const edge = view.raw.edges.get(selected.id);
    if (!edge || !view.nodes.get(edge.from)) return;
    const a = view.network.getPosition(edge.from);
    const b = view.network.getPosition(edge.to);
    view.network.moveTo({ position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, scale, animation });
  }
}

function readTheme(root) {
  const style = getComputedStyle(root);
  const text = style.getPropertyValue("--st-text-color").trim() || "#31333f";
  const background = style.getPropertyValue("--st-background-color").trim() || "#ffffff";
  return { text, background, dimText: withAlpha(text, 0.3) };
}

function withAlpha(color, alpha) {
  const probe = document.createElement("canvas").getContext("2d");
  probe.fillStyle = color;
  const hex = probe.fillStyle; // normalised to #rrggbb by the canvas
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return color;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const SVG = "http://www.w3.org/2000/svg";
const SHAPES = {
  dot: "M8 2a6 6 0 1 0 0.001 0Z",
  square: "M2.5 2.5h11v11h-11Z",
  triangle: "M8 1.5L14.5 13.5H1.5Z",
  triangleDown: "M1.5 2.5H14.5L8 14.5Z",
  diamond: "M8 1L15 8L8 15L1 8Z",
  star: "M8 1l2 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.8 3.7 14.3l1.1-4.9L1 6.1l5-.5Z",
  hexagon: "M4.5 2h7L15 8l-3.5 6h-7L1 8Z",
};

function drawLegend(container, legend) {
  const signature = JSON.stringify(legend);
  if (!container || container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  container.replaceChildren(
    ...legend.map((entry) => {
      const item = document.createElement("span");
      item.className = "atlas-legend-item";
      const icon = document.createElementNS(SVG, "svg");
      icon.setAttribute("viewBox", "0 0 16 16");
      icon.setAttribute("aria-hidden", "true");
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", SHAPES[entry.shape] ?? SHAPES.dot);
      path.setAttribute("fill", entry.color);
      path.setAttribute("stroke", "#333333");
      icon.append(path);
      const label = document.createElement("span");
      label.textContent = entry.label;
      item.append(icon, label);
      return item;
    }),
  );
}

function showError(root, error) {
  const status = root.querySelector(".atlas-status");
  status.textContent = `The map view could not start: ${error?.message ?? error}`;
  status.classList.add("atlas-error");
}
