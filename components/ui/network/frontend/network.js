// Empathy Atlas network view: a Streamlit custom component (v2) that draws the map with vis-network.
//
// One component, mounted three ways (see network/__init__.py): as a hidden blob of bytes (the map, or
// what the filters show; store.js), as the search box (search.js), and as the map itself.
// One vis-network instance per mounted map, kept across reruns: new data is applied to its DataSets in
// place (add, update, remove by id), so zoom, positions and the settled layout survive.
// vis-network is loaded once per page from this component's own asset folder, never from a CDN.
// vis-network draws the shapes and lines; the view draws the names itself (drawLabels), so that they
// keep a readable size, wrap at spaces only and never overlap, the most important first.
// Every text from the map reaches the page as text (canvas text, textContent), never as HTML.

import * as store from "./store.js";
import { renderSearch } from "./search.js";
import { markup } from "./markup.js";
import { Boxes, placeName } from "./names.js";

const VIS_URL = new URL("./vis-network.min.js", import.meta.url).href;
let visLoading = null;

function loadVis() {
  if (globalThis.vis?.Network) return Promise.resolve(globalThis.vis);
  visLoading ??= import(VIS_URL).then(() => globalThis.vis);
  return visLoading;
}

// The map's markup, built by the view (no text from the map in it).
const MAP_HTML = `
<div class="atlas-network">
  <div class="atlas-canvas" role="application" aria-roledescription="concept map"
       aria-describedby="atlas-keys">
    <div class="atlas-graph"></div>
    <div class="atlas-status"></div>
    <div class="atlas-toolbar">
      <button type="button" data-action="fit" title="Show all that is shown (F)">Fit</button>
      <button type="button" data-action="relayout" title="Arrange the map again">Re-layout</button>
      <button type="button" data-action="legend" aria-pressed="true" title="Show or hide the legend">Legend</button>
    </div>
    <div class="atlas-legend" role="list" aria-label="Kinds of concept on the map"></div>
    <div class="atlas-tip" role="tooltip" hidden></div>
  </div>
  <p class="atlas-hidden" id="atlas-keys">Arrow keys move between related concepts, Enter opens one,
    Escape clears the selection, F fits the map, plus and minus zoom.</p>
  <div class="atlas-hidden atlas-announce" aria-live="polite"></div>
  <button type="button" class="atlas-back" hidden>Back to the map</button>
</div>
`;

const views = new WeakMap(); // parentElement -> view state

const SMALLEST = 11; // on-screen px under which an unimportant name is not drawn at all
const ROOM_PER_NAME = 12000; // px² of canvas a promised name needs: a phone promises fewer (never under 8)
const TOLERANCE = 8; // on-screen px within which a click or hover still finds a relation
const MIN_SHAPE = 7; // on-screen px: a concept is never drawn smaller than this (its radius), to be seen and hit
const RESIZE_MAX = 500; // concepts: above this the view draws the concepts and relations itself (drawShapes)
const DOT = 3; // on-screen px: above RESIZE_MAX, a concept drawn smaller than this is drawn as a dot this size
const BORDER = "#333333"; // a concept's outline
const LANDMARK_ORDER = { facet: 0, system: 1, pitfall: 2, trend: 3 };
// A scored student's map on the expert's: each judged relation in its own colour and line.
// The student's links the map lacks ("extra") are drawn as lines of their own; the rest are the map's.
const OVERLAY = {
  correct: { color: "#1a7f37", dashes: false, label: "Drawn right" },
  reversed: { color: "#c2185b", dashes: [14, 4, 3, 4], label: "Drawn the other way round" },
  misplaced: { color: "#1565c0", dashes: [6, 4], label: "Where the map joins it" },
  wrong: { color: "#c62828", dashes: false, label: "Drawn differently" },
  missing: { color: "#b45309", dashes: [10, 6], label: "Missing" },
  extra: { color: "#7b3fa0", dashes: [2, 6], label: "Not in this map" },
};
const JUDGED = Object.keys(OVERLAY).filter((verdict) => verdict !== "extra");
const PALETTES = {
  normal: { edgeAlpha: 0.55, wash: 0.85, width: 1.3, emphasis: 2.4, border: 1.5, halo: 4 },
  high: { edgeAlpha: 0.85, wash: 0.7, width: 2, emphasis: 3.6, border: 3, halo: 6 },
};

// Every mount's data is bytes: a JSON object (it starts with "{"), or a blob for the store.
export default function render(component) {
  const bytes = component.data;
  if (!(bytes instanceof Uint8Array)) return undefined;
  if (bytes[0] !== OPENING_BRACE) {
    // A blob: the page says which tag it holds, so that Python sends its content only when needed.
    const held = store.put(bytes);
    if (held !== heldBy.get(component.parentElement)) {
      heldBy.set(component.parentElement, held);
      component.setStateValue("held", held);
    }
    return undefined;
  }
  const data = JSON.parse(new TextDecoder().decode(bytes));
  if (data.role === "search") return renderSearch({ ...component, data });
  return renderMap({ ...component, data });
}

const OPENING_BRACE = 123;
const heldBy = new WeakMap(); // a blob's element -> the tag it last told Python the page holds

function renderMap(component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data?.graph) return undefined;

  let view = views.get(parentElement);
  if (!view) {
    parentElement.append(markup(MAP_HTML));
    view = createView(parentElement.querySelector(".atlas-network"));
    views.set(parentElement, view);
  }
  // A render overtaken by a newer run's can still arrive after it (rapid reruns): the older is dropped.
  if (data.run < view.run) return undefined;
  view.run = data.run;
  const root = view.root;
  view.setTriggerValue = setTriggerValue;
  view.minHeight = data.minHeight;
  view.touring = Boolean(data.touring);
  view.canvas.setAttribute("aria-label", `${data.title}: concept map`);
  fitHeight(view);
  view.pending = data;
  view.graphBlob = data.graph.blob;
  const graph = store.json(data.graph.blob, data.graph.tag);
  const shown = data.visible ? store.bytes(data.visible.blob, data.visible.tag) : null;
  performance.mark("atlas:data");
  Promise.all([loadVis(), graph, shown])
    .then(([vis, graph, bits]) => {
      performance.mark("atlas:ready"); // the map unpacked and vis-network loaded
      if (view.pending !== data) return; // a later run's data has come: it is the one to show
      view.pending = null;
      apply(view, vis, { ...data, graph, visible: bits && unpackVisible(graph, bits), visibleTag: data.visible?.tag ?? null });
    })
    .catch((error) => showError(root, error));

  return () => {
    // Streamlit calls the cleanup of a render that a newer one overtook (rapid reruns) as soon as it
    // returns, while the element is still on the page: the newer render owns the view, which stays.
    // Only an element that has left the page is torn down.
    if (parentElement.isConnected) return;
    stopGliding(view);
    window.removeEventListener("resize", view.onResize);
    document.removeEventListener("keydown", view.onPageKey, true);
    document.removeEventListener("atlas:search", view.onSearch);
    view.observer?.disconnect();
    view.network?.destroy();
    view.network = null;
    views.delete(parentElement);
  };
}

// What the filters show, sent as bits: one per concept, then one per relation, in the map's order.
function unpackVisible(graph, bits) {
  const on = (index) => (bits[index >> 3] >> (index & 7)) & 1;
  const offset = Math.ceil(graph.nodes.length / 8) * 8;
  return {
    nodes: graph.nodes.filter((_, index) => on(index)).map((node) => node.id),
    edges: graph.edges.filter((_, index) => on(offset + index)).map((edge) => edge.id),
  };
}

// Everything the view keeps between reruns, declared in one place.
function createView(root) {
  const view = {
    root,
    canvas: root.querySelector(".atlas-canvas"), // the focusable region: the drawing and what floats on it
    graph: root.querySelector(".atlas-graph"), // vis-network's own container
    status: root.querySelector(".atlas-status"),
    overlays: [...root.querySelectorAll(".atlas-toolbar, .atlas-legend")], // names are not drawn under these
    tip: root.querySelector(".atlas-tip"),
    announcer: root.querySelector(".atlas-announce"),
    setTriggerValue: null, // the latest run's, to send clicks to Python
    run: 0, // the number of the Python run whose data the view shows (see renderMap)
    pending: null, // data from Python waiting for vis-network to load
    network: null, // the vis-network instance, made on the first data
    nodes: null, // its DataSets
    edges: null,
    raw: { nodes: new Map(), edges: new Map() }, // nodes and edges as Python sent them, by id
    neighbours: new Map(), // node id -> [{node, edge}]
    order: [], // node ids, the names to draw first first: landmarks, then the most connected
    rankOf: new Map(), // node id -> its place in order
    names: null, // how names are drawn: {readable px, topRanked, lineEm}, sent with the map
    version: null, // of the graph drawn
    minHeight: 0, // px; the canvas fills the window below its top, but never less
    theme: null, // text, background and dimmed-text colours read from Streamlit's theme
    palette: PALETTES.normal,
    fontScale: 1, // names grow in presentation mode
    present: null, // in presentation mode (null until the first data)
    visible: null, // {nodes, edges, nodeSet, edgeSet} the filters keep, or null for all
    visibleTag: null, // names what the filters keep (null: all)
    highlight: null, // {nodes, edges} a chosen reference supports, or null
    overlay: null, // a scored student's map: {correct, reversed, misplaced, wrong, missing: [edge ids], extra: [{from, to}]}
    verdicts: new Map(), // relation id -> its verdict (a key of OVERLAY but "extra"), from the overlay
    selected: null, // {kind: "concept"|"relation", id} last shown, from a click or from Python
    keep: null, // {nodes, edges} in full colour (the selection and its neighbours), or null for all
    sizes: new Map(), // node id -> the size last given to vis-network (see resizeShapes)
    looked: { nodes: new Map(), edges: new Map() }, // id -> the look last given to vis-network (see restyle)
    large: false, // drawn by the view itself, vis-network only the camera (see create)
    drawStart: 0,
    drawMs: [], // how long the last frames took to draw (benchmarks)
    promisedRank: 8, // concepts ranked under this have their names promised (see isPromised), set each frame
    cursor: null, // node id the keyboard is on
    hovered: null, // {kind, id} under the pointer
    pointerType: "mouse", // of the last pointer down: a touch selects, it never opens a tooltip
    labelBoxes: [], // the names drawn last, in px from the canvas's top left (tests and benchmarks)
    looks: null, // what the last restyle showed; a rerun that changes none of it costs nothing
    legendKey: null, // what the legend last counted (the map's version, the filters, the kinds of line)
    scene: "", // what the view shows besides the selection (the map, filters, highlights, theme), as a key
    framed: null, // what the view was last framed on
    gliding: 0, // the animation frame of a camera move under way (see glide), or 0
    wanted: null, // concepts Python asks to frame (a tour step, a path), framed once each
    settled: false, // the first layout has finished
    createdAt: 0, // when the layout started, for data-layout-ms
    clicks: 0, // so that two clicks on the background are two events
    onResize: null,
    onPageKey: null, // turns a tour's pages
    onSearch: null, // shows a choice made in the search box over this map
    graphBlob: null, // the name of the hidden element that carries the map's data
    touring: false, // a tour is being given: the arrow keys turn its pages
    observer: null, // shows "Back to the map" on a phone once the map has scrolled away
  };
  view.onResize = () => fitHeight(view);
  window.addEventListener("resize", view.onResize);
  // During a tour, ← and → turn its pages wherever the focus is (but in a text field).
  view.onPageKey = (event) => {
    if (!view.touring || !["ArrowLeft", "ArrowRight", "PageUp", "PageDown"].includes(event.key)) return;
    const typing = event.composedPath().some((element) => ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
    if (typing) return;
    event.preventDefault();
    event.stopPropagation();
    view.clicks += 1;
    const go = event.key === "ArrowRight" || event.key === "PageDown" ? "next" : "previous";
    view.setTriggerValue("tour", { go, press: view.clicks });
  };
  document.addEventListener("keydown", view.onPageKey, true);
  // A choice in the search box over this map: shown at once (the box tells Python itself).
  view.onSearch = (event) => {
    if (event.detail.map === view.graphBlob && view.settled) show(view, event.detail.selected);
  };
  document.addEventListener("atlas:search", view.onSearch);
  root.atlas = testHooks(view);
  root.querySelector("[data-action=fit]").onclick = () => frame(view, visibleIds(view), true);
  root.querySelector("[data-action=relayout]").onclick = () => relayout(view);
  root.querySelector("[data-action=legend]").onclick = () => setLegend(view, root.querySelector(".atlas-legend").hidden);
  view.canvas.tabIndex = 0;
  view.canvas.onkeydown = (event) => onKey(view, event);
  view.canvas.addEventListener("pointerdown", (event) => {
    view.pointerType = event.pointerType;
    if (event.pointerType !== "mouse") hideTip(view);
  });
  view.canvas.addEventListener("pointerleave", () => hideTip(view));
  const back = root.querySelector(".atlas-back");
  back.onclick = () => view.canvas.scrollIntoView({ behavior: "smooth", block: "start" });
  view.observer = new IntersectionObserver(([entry]) => {
    back.hidden = entry.isIntersecting || window.innerWidth >= 640;
  });
  view.observer.observe(view.canvas);
  return view;
}

// The legend shows (or not): hidden by default on a phone (its canvas is too small to share) and when
// presenting; the Legend button toggles it.
function setLegend(view, shown) {
  view.root.querySelector(".atlas-legend").hidden = !shown;
  view.root.querySelector("[data-action=legend]").setAttribute("aria-pressed", String(shown));
  view.network?.redraw();
}

// The canvas reaches down to the bottom of the window (on a phone, most of it: the details follow).
function fitHeight(view) {
  const top = view.canvas.getBoundingClientRect().top + window.scrollY;
  const phone = window.innerWidth < 640;
  const room = phone ? window.innerHeight * 0.7 : window.innerHeight - top - 12;
  const height = Math.max(view.minHeight || 320, Math.round(room));
  view.root.style.setProperty("--atlas-height", `${height}px`);
}

function apply(view, vis, data) {
  fitHeight(view);
  const theme = readTheme(view.root, data.contrast === "high");
  view.theme = theme;
  view.palette = PALETTES[data.contrast] ?? PALETTES.normal;
  if (view.network && data.graph.version !== view.version && (data.graph.nodes.length > RESIZE_MAX) !== view.large) {
    view.network.destroy(); // a map that grew large (or shrank) is drawn the other way: start again
    view.network = null;
    view.settled = false;
    view.looked = { nodes: new Map(), edges: new Map() };
  }
  if (!view.network) create(view, vis, data);
  else if (data.graph.version !== view.version) update(view, data);
  if (Boolean(data.present) !== view.present) {
    view.present = Boolean(data.present);
    setLegend(view, !view.present && window.innerWidth >= 640); // in front of a room, the map first
  }
  view.fontScale = data.present ? 1.5 : 1;
  const visibleChanged = data.visibleTag !== view.visibleTag;
  const highlightChanged = JSON.stringify(data.highlight) !== JSON.stringify(view.highlight);
  view.visible = data.visible && { nodes: data.visible.nodes, edges: data.visible.edges, nodeSet: new Set(data.visible.nodes), edgeSet: new Set(data.visible.edges) };
  view.visibleTag = data.visibleTag;
  view.root.dataset.visible = data.visibleTag ?? ""; // what the filters show, by its tag (tests, benchmarks)
  view.highlight = data.highlight;
  if (JSON.stringify(data.overlay ?? null) !== JSON.stringify(view.overlay)) drawExtra(view, data.overlay ?? null);
  drawLegend(view, data.graph.legend, view.overlay ? overlayLines(view.overlay) : data.graph.lines);
  const selected = data.selected ?? null;
  const fromPython = selectionKey(selected) !== selectionKey(view.selected);
  view.selected = selected;
  // A rerun that changes nothing the view shows (the echo of a click, say) costs nothing.
  view.scene = JSON.stringify([view.version, data.visibleTag, data.highlight, theme, data.contrast, data.present, data.overlay]);
  const looks = looksOf(view, selected);
  if (looks !== view.looks) restyle(view);
  view.looks = looks;
  view.root.dataset.selected = selectionKey(selected);
  if (fromPython) {
    announce(view);
    tellSearch(view, selected);
  }
  view.wanted = data.frame?.length ? data.frame : null; // what to frame once the layout is ready
  if (!view.settled) return;
  if (data.frame?.length) frameOnce(view, data.frame);
  else if (visibleChanged) frame(view, visibleIds(view), false); // the map changed already: no camera flight on top
  else if (highlightChanged && view.keep && data.highlight) frame(view, [...view.keep.nodes]);
  else if (fromPython && selected) frame(view, neighbourhood(view, selected));
  view.root.dataset.version = data.graph.version;
}

function create(view, vis, data) {
  performance.mark("atlas:create");
  const { nodes, edges } = remember(view, data.graph);
  // A large map is drawn by the view itself (drawShapes, drawLines): vis-network, given no items, is only
  // the camera (pan, zoom, animation) and the source of clicks. Building its items for ten thousand
  // concepts took it a second.
  view.large = nodes.length > RESIZE_MAX;
  view.root.dataset.large = String(view.large);
  // Each item starts with the look it has with nothing filtered or lit, so the first restyle sends nothing.
  view.nodes = new vis.DataSet(view.large ? [] : nodes.map((node) => ({ ...toNode(node), ...nodeLook(view, node, null) })));
  view.edges = new vis.DataSet(view.large ? [] : edges.map((edge) => ({ ...toEdge(edge), ...edgeLook(view, edge, null, null) })));
  view.version = data.graph.version;
  view.root.dataset.version = data.graph.version;
  const options = structuredClone(data.graph.options);
  view.status.textContent = options.physics.enabled ? "Arranging the map…" : "";
  view.createdAt = performance.now();
  view.network = new vis.Network(view.graph, { nodes: view.nodes, edges: view.edges }, options);
  const network = view.network;
  network.on("beforeDrawing", (context) => {
    view.drawStart = performance.now();
    drawLines(view, context);
  });
  network.on("afterDrawing", (context) => {
    drawOverlay(view, context);
    view.drawMs.push(performance.now() - view.drawStart);
    if (view.drawMs.length > 50) view.drawMs.shift();
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
  if (view.large) {
    // No items for vis-network to hover: the tooltip follows the pointer over the view's own drawing.
    let pending = false;
    view.graph.addEventListener("pointermove", (event) => {
      if (pending || view.pointerType !== "mouse") return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const box = view.graph.getBoundingClientRect();
        const concept = dotNear(view, { x: event.clientX - box.left, y: event.clientY - box.top });
        if (concept && view.hovered?.id !== concept) showTip(view, { kind: "concept", id: concept });
        else if (!concept && view.hovered) hideTip(view);
      });
    });
  }
  if (options.physics.enabled) network.once("stabilizationIterationsDone", () => settle(view));
  else requestAnimationFrame(() => settle(view));
}

function settle(view) {
  performance.mark("atlas:settled");
  view.network.setOptions({ physics: { enabled: false } });
  // Facets were pinned so the layout spreads them apart; now every concept can be dragged.
  if (!view.large) view.nodes.update(view.nodes.getIds({ filter: (node) => node.fixed === true }).map((id) => ({ id, fixed: false })));
  view.network.moveTo(fitted(view, visibleIds(view)));
  resizeShapes(view);
  view.settled = true;
  view.status.textContent = "";
  view.root.dataset.settled = "true";
  view.root.dataset.layoutMs = String(Math.round(performance.now() - view.createdAt));
  if (view.wanted) frameOnce(view, view.wanted);
  else if (view.selected) frame(view, neighbourhood(view, view.selected), false);
}

// Whether a concept's name is promised to stay readable: a landmark, or among the most connected (as
// many as the canvas has room for).
function isPromised(view, raw) {
  return Boolean(raw.landmark) || raw.rank < view.promisedRank;
}

// How many of the most connected concepts have their names promised: as many as the canvas has room for.
function promisedRank(view) {
  const room = (view.canvas.clientWidth * view.canvas.clientHeight) / (ROOM_PER_NAME * view.fontScale ** 2);
  return Math.max(8, Math.min(view.names.topRanked, Math.floor(room)));
}

// Zoomed out, a concept keeps a size one can see and click.
function resizeShapes(view) {
  if (view.large) return;
  const least = MIN_SHAPE / view.network.getScale();
  const updates = [];
  for (const raw of view.raw.nodes.values()) {
    const size = Math.max(raw.size, raw.landmark ? least * (raw.landmark / view.names.readable) * 1.3 : least);
    if (view.sizes.get(raw.id) !== size) {
      view.sizes.set(raw.id, size);
      updates.push({ id: raw.id, size });
    }
  }
  if (updates.length) view.nodes.update(updates);
}

function relayout(view) {
  if (!view.network) return;
  if (view.large) {
    view.status.textContent = "This map is too large to arrange again in the browser: its layout is the server's.";
    setTimeout(() => {
      view.status.textContent = "";
    }, 4000);
    return;
  }
  view.nodes.update(
    [...view.raw.nodes.values()].map((node) => ({ id: node.id, x: node.x, y: node.y, fixed: node.fixed ?? false })),
  );
  view.root.dataset.settled = "false";
  view.settled = false;
  view.status.textContent = "Arranging the map…";
  view.network.setOptions({ physics: { enabled: true } });
  view.network.once("stabilized", () => settle(view));
  view.network.stabilize(400);
}

// A new version of the map (the file was edited): add, update and remove in place; existing nodes keep
// where they are on the canvas, new ones start next to a neighbour.
function update(view, data) {
  const before = view.raw;
  const { nodes, edges } = remember(view, data.graph);
  view.looked = { nodes: new Map(), edges: new Map() };
  view.version = data.graph.version;
  if (view.large) return; // drawn from view.raw
  const removed = [...before.nodes.keys()].filter((id) => !view.raw.nodes.has(id));
  const added = [];
  const changed = [];
  for (const node of nodes) {
    const old = before.nodes.get(node.id);
    if (!old) added.push(placeNear(view, node));
    else if (JSON.stringify(old) !== JSON.stringify(node)) {
      const { x, y, ...rest } = toNode(node);
      changed.push(rest);
    }
  }
  view.nodes.remove(removed);
  view.nodes.update(changed);
  view.nodes.add(added.map(toNode));
  view.edges.remove([...before.edges.keys()].filter((id) => !view.raw.edges.has(id)));
  view.edges.update(edges.filter((edge) => JSON.stringify(before.edges.get(edge.id)) !== JSON.stringify(edge)).map(toEdge));
}

function placeNear(view, node) {
  const neighbour = (view.neighbours.get(node.id) ?? []).map((next) => next.node).find((id) => view.nodes.get(id));
  if (!neighbour) return node;
  const position = placeOf(view, neighbour);
  return { ...node, x: position.x + 60, y: position.y + 40 };
}

// The map as drawn: each concept with its kind's look, each relation with its standing's line.
function remember(view, graph) {
  const nodes = graph.nodes.map((node) => {
    const style = graph.styles[node.kind];
    const look = { background: style.color, border: style.border };
    return {
      ...node,
      shape: style.shape,
      size: style.size,
      font: { size: style.font },
      landmark: style.landmark,
      fixed: style.pinned,
      color: { ...look, highlight: look, hover: look },
    };
  });
  const dashes = Object.fromEntries(graph.lines.map((line) => [line.standing, line.dashes]));
  const edges = graph.edges.map((edge) => ({ ...edge, arrows: { to: { enabled: edge.directed } }, dashes: dashes[edge.standing] ?? false }));
  view.names = graph.names;
  view.raw = { nodes: new Map(nodes.map((node) => [node.id, node])), edges: new Map(edges.map((edge) => [edge.id, edge])) };
  view.neighbours = new Map(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    view.neighbours.get(edge.from)?.push({ node: edge.to, edge: edge.id });
    view.neighbours.get(edge.to)?.push({ node: edge.from, edge: edge.id });
  }
  const importance = (node) => [node.landmark ? (LANDMARK_ORDER[node.kind] ?? 8) : 9, node.rank];
  view.order = nodes
    .map((node) => ({ id: node.id, key: importance(node) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map((entry) => entry.id);
  view.rankOf = new Map(view.order.map((id, index) => [id, index]));
  return { nodes, edges };
}

// The view draws names and words itself; vis-network gets shapes and lines only, and no tooltip.
function toNode(node) {
  const { label, tip, search, also, kind, rank, landmark, font, ...shape } = node;
  return shape;
}

function toEdge(edge) {
  const { tip, search, relation, type, directed, ...line } = edge;
  return line;
}

// --- selection and framing --------------------------------------------------------------------------

function onClick(view, event) {
  const concept = event.nodes[0] ?? dotNear(view, event.pointer.DOM);
  if (event.event?.srcEvent?.shiftKey && concept) {
    // Shift-click: the way from the selected concept to this one (Python finds and shows the routes).
    view.clicks += 1;
    view.setTriggerValue("select", { kind: "path_end", id: concept, click: view.clicks });
    return;
  }
  let selected = null;
  if (concept) selected = { kind: "concept", id: concept };
  else if (event.edges.length) selected = { kind: "relation", id: event.edges[0] };
  else {
    const near = edgeNear(view, event.pointer.DOM);
    if (near) selected = { kind: "relation", id: near };
  }
  choose(view, selected);
}

// A selection made here, by a click or a key: shown at once, framed, announced, and sent to Python.
function choose(view, selected) {
  view.clicks += 1;
  view.setTriggerValue("select", selected ?? { kind: "none", id: null, click: view.clicks });
  show(view, selected);
}

// A selection shown before Python has it: drawn and framed once the click has gone (Python's echo of it
// then changes nothing), and announced.
function show(view, selected) {
  view.selected = selected;
  view.root.dataset.selected = selectionKey(selected);
  tellSearch(view, selected);
  // Python first: the view redraws once Streamlit has sent the click (its own zero-delay timer, queued
  // before this one), so the server finds the details while the map is drawn.
  setTimeout(() => {
    if (view.selected !== selected) return;
    restyle(view);
    view.looks = looksOf(view, selected); // Python's echo of this click then draws nothing again
    if (selected) frame(view, neighbourhood(view, selected));
    announce(view);
  }, 0);
}

// The search box above this map shows what is selected: a click reruns only the map and the panel, not
// the header the box is in, so the box hears of it here (search.js).
function tellSearch(view, selected) {
  document.dispatchEvent(new CustomEvent("atlas:selected", { detail: { map: view.graphBlob, selected } }));
}

// What the view shows, as a key: the selection and the rest of the scene (see apply).
function looksOf(view, selected) {
  return `${selectionKey(selected)}|${view.scene}`;
}

function selectionKey(selected) {
  return selected ? `${selected.kind}:${selected.id}` : "";
}

// The concepts to frame for a selection: a concept and its shown neighbours, or a relation's two ends.
function neighbourhood(view, selected) {
  if (selected.kind === "relation") {
    const edge = view.raw.edges.get(selected.id);
    return edge ? [edge.from, edge.to] : [];
  }
  if (!view.raw.nodes.has(selected.id)) return [];
  const shown = view.visible?.edgeSet ?? null;
  const around = view.neighbours.get(selected.id).filter((n) => !shown || shown.has(n.edge)).map((n) => n.node);
  return [selected.id, ...around];
}

function visibleIds(view) {
  return view.visible ? view.visible.nodes : [...view.raw.nodes.keys()];
}

// Long enough to see where the camera went, short enough that a search is answered within half a second.
const FRAME_MS = 250;
const CLOSEST = 1.3; // the closest zoom for a selection, a search, a double-click
const CLOSEST_FRAMED = 2; // ... and for what Python asks to frame (a tour's step, a path): it fills the canvas
const NAME_ROOM = { side: 70, top: 28, bottom: 40 }; // px around framed concepts for their names
const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");

// Move and zoom so that these concepts fill the canvas (not closer than a readable zoom for one or two).
function frame(view, ids, animate = true, closest = CLOSEST) {
  if (!view.settled || !ids.length) return;
  const present = ids.filter((id) => view.raw.nodes.has(id) && placeOf(view, id));
  if (!present.length) return;
  view.framed = JSON.stringify(present);
  view.root.dataset.animating = "true";
  const done = () => {
    view.root.dataset.animating = "false";
  };
  const network = view.network;
  const before = { position: network.getViewPosition(), scale: network.getScale() };
  const target = fitted(view, present, closest);
  stopGliding(view);
  if (animate && !view.large && !REDUCED_MOTION.matches) glide(view, before, target, done);
  else {
    network.moveTo(target);
    done();
  }
}

// A camera move that takes FRAME_MS however busy the page is: vis-network's own counts frames, and while
// Streamlit draws the details it drops them (a 250 ms move took half a second).
function glide(view, from, to, done) {
  const start = performance.now();
  const zoom = to.scale / from.scale;
  const step = (now) => {
    if (!view.network) return; // the view was torn down during the move
    const t = Math.min(1, (now - start) / FRAME_MS);
    const eased = t < 0.5 ? 2 * t * t : 1 - (2 - 2 * t) ** 2 / 2; // ease in and out
    view.network.moveTo({
      position: {
        x: from.position.x + (to.position.x - from.position.x) * eased,
        y: from.position.y + (to.position.y - from.position.y) * eased,
      },
      scale: from.scale * zoom ** eased,
    });
    if (t < 1) {
      view.gliding = requestAnimationFrame(step);
      return;
    }
    view.gliding = 0;
    resizeShapes(view);
    done();
  };
  view.gliding = requestAnimationFrame(step);
}

// A move under way stops where it is (a new one starts, or the reader drags or zooms).
function stopGliding(view) {
  if (!view.gliding) return;
  cancelAnimationFrame(view.gliding);
  view.gliding = 0;
  view.root.dataset.animating = "false";
}

// The view that shows these concepts in the band of the canvas between the buttons and the legend, with
// room around them for their names (NAME_ROOM, in px, so in map units at the zoom found: found twice), no
// closer than `closest` (a tour's step or a path fills the canvas; one concept is not blown up).
function fitted(view, ids, closest = CLOSEST) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const id of ids) {
    const node = placeOf(view, id);
    if (!node) continue;
    const size = sizeOf(view, id);
    [left, top] = [Math.min(left, node.x - size), Math.min(top, node.y - size)];
    [right, bottom] = [Math.max(right, node.x + size), Math.max(bottom, node.y + size)];
  }
  if (left === Infinity) return { position: view.network.getViewPosition(), scale: view.network.getScale() };
  const width = view.canvas.clientWidth;
  const height = view.canvas.clientHeight;
  const buttons = 44;
  const legend = view.root.querySelector(".atlas-legend");
  const below = legend.hidden || !legend.childElementCount ? 8 : legend.offsetHeight + 12;
  const band = Math.max(height - buttons - below, height * 0.5);
  // (on a phone's narrow canvas the room is a share of it: names there may stand apart, with a line)
  const room = {
    side: Math.min(NAME_ROOM.side * view.fontScale, width * 0.08),
    top: Math.min(NAME_ROOM.top, height * 0.06),
    bottom: Math.min(NAME_ROOM.bottom * view.fontScale, height * 0.08),
  };
  let scale = closest;
  for (let pass = 0; pass < 3; pass++) {
    const across = right - left + (2 * room.side) / scale;
    const down = bottom - top + (room.top + room.bottom) / scale;
    scale = Math.min(Math.max(Math.min(width / Math.max(across, 1), band / Math.max(down, 1)), 0.0005), closest);
  }
  const middle = (top - room.top / scale + bottom + room.bottom / scale) / 2;
  const shift = (height / 2 - (buttons + band / 2)) / scale;
  return { position: { x: (left + right) / 2, y: middle + shift }, scale };
}

// How far a point is from the straight line between two others (a large map's relations are straight).
function segmentDistance(a, b, point) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const along = Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(a.x + along * dx - point.x, a.y + along * dy - point.y);
}

function frameOnce(view, ids) {
  if (JSON.stringify(ids) !== view.framed) frame(view, ids, true, CLOSEST_FRAMED);
}

// The relation nearest to a point on the canvas, if it passes within TOLERANCE pixels.
function edgeNear(view, point) {
  const scale = view.network.getScale();
  const at = view.network.DOMtoCanvas(point);
  const reach = TOLERANCE / scale;
  let best = null;
  let bestDistance = reach;
  for (const [id, raw] of view.raw.edges) {
    if (view.visible && !view.visible.edgeSet.has(id)) continue;
    const edge = view.large ? null : view.network.body.edges[id];
    if (!view.large && !edge?.connected) continue;
    const from = placeOf(view, raw.from);
    const to = placeOf(view, raw.to);
    if (!from || !to) continue;
    if (at.x < Math.min(from.x, to.x) - reach * 4 || at.x > Math.max(from.x, to.x) + reach * 4) continue;
    if (at.y < Math.min(from.y, to.y) - reach * 4 || at.y > Math.max(from.y, to.y) + reach * 4) continue;
    const distance = edge ? edge.edgeType.getDistanceToEdge(from.x, from.y, to.x, to.y, at.x, at.y) : segmentDistance(from, to, at);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}

// --- style ------------------------------------------------------------------------------------------

// Show what the filters keep, and light the selection, its neighbours and any highlight: the rest is
// dimmed by a wash drawn over the map (drawOverlay), so a click changes only the few items it lights.
// Only items whose look changed are sent to vis-network (on a large map, a full update is slow).
function restyle(view) {
  const shownNodes = view.visible?.nodeSet ?? null;
  const shownEdges = view.visible?.edgeSet ?? null;
  view.keep = emphasis(view, shownEdges);
  if (view.large) {
    // Drawn by the view: nothing to send to vis-network. One frame for this and a camera move after it.
    view.network.body.emitter.emit("_requestRedraw");
    return;
  }
  const nodeUpdates = [];
  for (const raw of view.raw.nodes.values()) {
    const look = nodeLook(view, raw, shownNodes);
    if (look) nodeUpdates.push(look);
  }
  if (nodeUpdates.length) view.nodes.update(nodeUpdates);
  const edgeUpdates = [];
  for (const raw of view.raw.edges.values()) {
    const look = edgeLook(view, raw, shownEdges, view.keep);
    if (look) edgeUpdates.push(look);
  }
  if (edgeUpdates.length) view.edges.update(edgeUpdates);
  const selected = view.selected;
  if (view.large) return;
  if (selected?.kind === "concept" && view.nodes.get(selected.id)) view.network.selectNodes([selected.id], false);
  else if (selected?.kind === "relation" && view.edges.get(selected.id)) view.network.selectEdges([selected.id]);
  else view.network.unselectAll();
}

// A concept's look (shown or hidden, its outline), or null if it is the look it was last given.
function nodeLook(view, raw, shownNodes) {
  const hidden = shownNodes ? !shownNodes.has(raw.id) : false;
  const key = `${hidden}|${view.palette.border}`;
  if (view.looked.nodes.get(raw.id) === key) return null;
  view.looked.nodes.set(raw.id, key);
  return { id: raw.id, hidden, borderWidth: view.palette.border };
}

// A relation's look (shown or hidden, lit, judged in a student's map), or null if unchanged.
function edgeLook(view, raw, shownEdges, keep) {
  const { theme, palette } = view;
  const emphasised = Boolean(keep?.edges.has(raw.id));
  const judged = view.overlay ? OVERLAY[verdictOf(view, raw.id)] : null;
  const hidden = shownEdges ? !shownEdges.has(raw.id) : false;
  const color = judged?.color ?? (emphasised ? theme.text : theme.line(palette.edgeAlpha));
  const width = judged ? palette.emphasis + 0.8 : emphasised ? palette.emphasis : palette.width;
  const dashes = judged ? judged.dashes : raw.dashes;
  const key = `${hidden}|${color}|${width}|${dashes}|${theme.text}`;
  if (view.looked.edges.get(raw.id) === key) return null;
  view.looked.edges.set(raw.id, key);
  const lit = judged?.color ?? theme.text;
  return { id: raw.id, hidden, width, dashes, color: { color, highlight: lit, hover: lit } };
}

function isShown(view, id) {
  return !view.visible || view.visible.nodeSet.has(id);
}

// On a large map the view draws the concepts in sight: small ones as dots batched by colour (one path
// each), larger ones in their shapes. `ids` and `least`: the lit concepts, drawn again above the wash,
// at least `least` px across, outlined. (In canvas units: the context is the map's.)
function drawShapes(view, context, ids = null, least = DOT) {
  if (!view.large) return;
  const scale = view.network.getScale();
  const radius = least / scale;
  const [topLeft, bottomRight] = inSight(view);
  const byColour = new Map();
  const whole = [];
  for (const id of ids ?? view.raw.nodes.keys()) {
    const raw = view.raw.nodes.get(id);
    if (!raw || !isShown(view, id)) continue;
    const reach = Math.max(raw.size, radius);
    if (raw.x + reach < topLeft.x || raw.x - reach > bottomRight.x || raw.y + reach < topLeft.y || raw.y - reach > bottomRight.y) continue;
    if (raw.size * scale >= least) {
      whole.push(raw);
      continue;
    }
    const colour = raw.color.background;
    if (!byColour.has(colour)) byColour.set(colour, []);
    byColour.get(colour).push(raw);
  }
  const outline = ids ? view.theme.text : BORDER;
  context.save();
  context.lineWidth = 1.5 / scale;
  context.strokeStyle = outline;
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
  context.strokeStyle = BORDER;
  for (const id of ids ? [] : view.order.slice(0, view.promisedRank + LANDMARKS_ON_TOP)) {
    const raw = view.raw.nodes.get(id);
    if (!raw || !isShown(view, id) || raw.size * scale >= least) continue;
    context.beginPath();
    context.arc(raw.x, raw.y, radius * 1.3, 0, 2 * Math.PI);
    context.fillStyle = raw.color.background;
    context.fill();
    context.stroke();
  }
  for (const raw of whole) drawShape(context, raw, outline, (ids ? 2.5 : view.palette.border) / scale);
  context.restore();
}

// The canvas's corners in the map's coordinates: what lies outside them is out of sight.
function inSight(view) {
  const { clientWidth: width, clientHeight: height } = view.canvas;
  return [view.network.DOMtoCanvas({ x: 0, y: 0 }), view.network.DOMtoCanvas({ x: width, y: height })];
}

const LANDMARKS_ON_TOP = 40; // landmarks come first in view.order: room for them beside the promised

// A concept in its kind's shape (the legend's outlines, which fill a 16-unit box round its centre).
const PATHS = new Map();
function drawShape(context, raw, outline, lineWidth) {
  if (!PATHS.has(raw.shape)) PATHS.set(raw.shape, new Path2D(SHAPES[raw.shape] ?? SHAPES.dot));
  const k = raw.size / 7;
  context.save();
  context.translate(raw.x, raw.y);
  context.scale(k, k);
  context.translate(-8, -8);
  context.fillStyle = raw.color.background;
  context.fill(PATHS.get(raw.shape));
  context.lineWidth = lineWidth / k;
  context.strokeStyle = outline;
  context.stroke(PATHS.get(raw.shape));
  context.restore();
}

// The concept drawn as a dot under a point on the canvas (a large map), if any: of the dots under it,
// the most important (as the names are ranked: landmarks, then the most connected), which is drawn on
// top; else the nearest within reach.
function dotNear(view, point) {
  if (!view.large) return null;
  const scale = view.network.getScale();
  const at = view.network.DOMtoCanvas(point);
  const under = DOT / scale;
  const reach = (DOT + TOLERANCE / 2) / scale;
  let best = null;
  let bestDistance = Infinity;
  let top = null;
  for (const [id, raw] of view.raw.nodes) {
    if (!isShown(view, id)) continue;
    const distance = Math.hypot(raw.x - at.x, raw.y - at.y);
    if (distance < Math.max(raw.size, under) && (top === null || view.rankOf.get(id) < view.rankOf.get(top))) top = id;
    if (distance < Math.max(raw.size, reach) && distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return top ?? best;
}

// Where a concept is on the canvas ({x, y} in canvas units) and its size (half its height), as drawn:
// vis-network's on a small map (physics and dragging move it), the server's on a large one.
function placeOf(view, id) {
  return view.large ? (view.raw.nodes.get(id) ?? null) : (view.network.body.nodes[id] ?? null);
}

function sizeOf(view, id) {
  if (view.large) return view.raw.nodes.get(id)?.size ?? 0;
  const node = view.network.body.nodes[id];
  return node ? shapeRadius(node, view.raw.nodes.get(id)) : 0;
}

// On a large map, the relations that are not lit, drawn under the concepts as thin opaque lines in a
// few paths, not one by one with arrows as vis-network does (ten times faster), and solid: dashing
// thousands of long lines took the canvas a second a frame. The lit ones show their dashes and arrows.
function drawLines(view, context) {
  if (!view.large) return;
  const keep = view.keep?.edges;
  const shown = view.visible?.edgeSet;
  // Only the lines that cross the canvas: framed on a concept, most of a large map is out of sight.
  const [topLeft, bottomRight] = inSight(view);
  const ends = [];
  for (const raw of view.raw.edges.values()) {
    if ((shown && !shown.has(raw.id)) || keep?.has(raw.id) || view.verdicts.has(raw.id)) continue;
    const from = view.raw.nodes.get(raw.from);
    const to = view.raw.nodes.get(raw.to);
    if (!from || !to) continue;
    if (Math.max(from.x, to.x) < topLeft.x || Math.min(from.x, to.x) > bottomRight.x) continue;
    if (Math.max(from.y, to.y) < topLeft.y || Math.min(from.y, to.y) > bottomRight.y) continue;
    ends.push(from, to);
  }
  context.save();
  context.lineWidth = 1 / view.network.getScale(); // a pixel wide on screen, at any zoom
  context.strokeStyle = view.theme.solidLine;
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

// On a large map, the lit (and judged) relations, a constant width on screen, with their arrows.
function drawLitLines(view, context) {
  const scale = view.network.getScale();
  context.save();
  for (const id of view.keep.edges) {
    const raw = view.raw.edges.get(id);
    const from = view.raw.nodes.get(raw?.from);
    const to = view.raw.nodes.get(raw?.to);
    if (!from || !to || (view.visible && !view.visible.edgeSet.has(id))) continue;
    const judged = view.overlay ? OVERLAY[verdictOf(view, id)] : null;
    const colour = judged?.color ?? view.theme.text;
    const dashes = judged ? judged.dashes : raw.dashes;
    context.setLineDash(dashes ? dashes.map((length) => length / scale) : []);
    context.lineWidth = (judged ? view.palette.emphasis + 0.8 : view.palette.emphasis) / scale;
    context.strokeStyle = colour;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    if (!raw.directed) continue;
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    const tip = Math.max(to.size, MIN_SHAPE / scale);
    const [x, y] = [to.x - Math.cos(angle) * tip, to.y - Math.sin(angle) * tip];
    const length = 10 / scale;
    context.setLineDash([]);
    context.fillStyle = colour;
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x - length * Math.cos(angle - 0.4), y - length * Math.sin(angle - 0.4));
    context.lineTo(x - length * Math.cos(angle + 0.4), y - length * Math.sin(angle + 0.4));
    context.fill();
  }
  context.restore();
}

// The wash over all but what is lit: the lit relations and concepts are drawn again above it.
function drawLit(view, context) {
  if (!view.keep) return;
  const canvas = context.canvas;
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = view.palette.wash; // how far what is not lit fades
  context.fillStyle = view.theme.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.restore();
  drawFaint(view, context);
  const { nodes, edges } = view.network.body;
  if (view.large) {
    drawLitLines(view, context);
    drawShapes(view, context, view.keep.nodes, MIN_SHAPE);
    const selected = view.selected?.kind === "concept" ? view.raw.nodes.get(view.selected.id) : null;
    if (selected) {
      const scale = view.network.getScale();
      context.beginPath();
      context.arc(selected.x, selected.y, Math.max(selected.size, MIN_SHAPE / scale) + 4 / scale, 0, 2 * Math.PI);
      context.lineWidth = 3 / scale;
      context.strokeStyle = view.theme.text;
      context.stroke();
    }
    return;
  }
  for (const id of view.keep.edges) {
    const edge = edges[id];
    if (!edge?.connected || edge.options.hidden) continue;
    edge.draw(context);
    edge.drawArrows(context);
  }
  for (const id of view.keep.nodes) {
    const node = nodes[id];
    if (node && !node.options.hidden) node.draw(context);
  }
}

// Relations Python asks to show faintly above the wash (the other routes of a path, so that routes are
// told apart: one lit, the others plain), with their concepts.
function drawFaint(view, context) {
  const faint = view.highlight?.faint ?? [];
  if (!faint.length || view.overlay) return;
  const ends = new Set();
  context.save();
  for (const id of faint) {
    const raw = view.raw.edges.get(id);
    if (!raw || (view.visible && !view.visible.edgeSet.has(id))) continue;
    ends.add(raw.from).add(raw.to);
    if (view.large) {
      const from = view.raw.nodes.get(raw.from);
      const to = view.raw.nodes.get(raw.to);
      if (!from || !to) continue;
      context.lineWidth = view.palette.width / view.network.getScale();
      context.strokeStyle = view.theme.line(0.9);
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x, to.y);
      context.stroke();
      continue;
    }
    const edge = view.network.body.edges[id];
    if (!edge?.connected || edge.options.hidden) continue;
    edge.draw(context);
    edge.drawArrows(context);
  }
  context.restore();
  if (view.large) return;
  for (const id of ends) {
    const node = view.network.body.nodes[id];
    if (node && !node.options.hidden && !view.keep?.nodes.has(id)) node.draw(context);
  }
}

function emphasis(view, shownEdges) {
  if (view.overlay) {
    const edges = new Set(JUDGED.flatMap((verdict) => view.overlay[verdict] ?? []));
    const nodes = new Set(view.overlay.extra.flatMap((extra) => [extra.from, extra.to]));
    for (const id of edges) {
      const edge = view.raw.edges.get(id);
      if (edge) nodes.add(edge.from).add(edge.to);
    }
    return { nodes, edges };
  }
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
  if (!selected) return null;
  if (selected.kind === "relation") {
    const edge = view.raw.edges.get(selected.id);
    return edge ? { nodes: new Set([edge.from, edge.to]), edges: new Set([edge.id]) } : null;
  }
  if (!view.raw.nodes.has(selected.id)) return null;
  const nodes = new Set([selected.id]);
  const edges = new Set();
  for (const { node, edge } of view.neighbours.get(selected.id)) {
    if (!shownEdges || shownEdges.has(edge)) {
      edges.add(edge);
      nodes.add(node);
    }
  }
  return { nodes, edges };
}

function verdictOf(view, id) {
  return view.verdicts.get(id) ?? null;
}

// The student's links that this map does not have, drawn as extra lines while the score is shown.
function drawExtra(view, overlay) {
  view.edges.remove(view.edges.getIds({ filter: (edge) => String(edge.id).startsWith("extra:") }));
  view.overlay = overlay;
  view.verdicts = new Map(JUDGED.flatMap((verdict) => (overlay?.[verdict] ?? []).map((id) => [id, verdict])));
  if (!overlay) return;
  const style = OVERLAY.extra;
  view.edges.add(
    overlay.extra
      .filter((extra) => view.raw.nodes.has(extra.from) && view.raw.nodes.has(extra.to))
      .map((extra, index) => ({
        id: `extra:${index}`,
        from: extra.from,
        to: extra.to,
        width: view.palette.emphasis + 0.8,
        dashes: style.dashes,
        color: { color: style.color, highlight: style.color, hover: style.color },
        arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      })),
  );
}

function overlayLines(overlay) {
  return Object.entries(OVERLAY)
    .filter(([verdict]) => overlay[verdict]?.length)
    .map(([verdict, style]) => ({ standing: verdict, label: style.label, dashes: style.dashes, color: style.color, help: style.label }));
}

// --- names on the canvas ----------------------------------------------------------------------------

// After vis-network has drawn: the names, the relations' words around the selection, the keyboard's ring.
function drawOverlay(view, context) {
  view.promisedRank = promisedRank(view);
  drawShapes(view, context);
  drawLit(view, context);
  const ratio = context.canvas.width / view.canvas.clientWidth;
  context.save();
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const taken = new Boxes();
  const origin = view.canvas.getBoundingClientRect();
  for (const overlay of view.overlays) {
    if (overlay.hidden || !overlay.childElementCount) continue;
    const box = overlay.getBoundingClientRect();
    taken.add(box.left - origin.left, box.top - origin.top, box.width, box.height);
  }
  view.labelBoxes = [];
  const shapes = shapeBoxes(view);
  drawRing(view, context);
  for (const id of labelOrder(view)) {
    const box = drawName(view, context, id, taken, shapes);
    if (box) view.labelBoxes.push(box);
  }
  if (view.keep) {
    for (const id of view.keep.edges) drawRelationWords(view, context, id, taken);
  }
  context.restore();
  view.root.dataset.labels = String(view.labelBoxes.length);
}

// The names to draw first first: what the keyboard is on, the selection, then whatever is lit (a selection's
// neighbours, a tour's step, a path, a reference), then the rest by importance.
function labelOrder(view) {
  const first = [];
  if (view.keep) {
    if (view.selected?.kind === "concept" && view.keep.nodes.has(view.selected.id)) first.push(view.selected.id);
    for (const id of view.keep.nodes) if (id !== first[0]) first.push(id);
  }
  if (view.cursor) first.unshift(view.cursor);
  const seen = new Set(first);
  return [...first, ...view.order.filter((id) => !seen.has(id))];
}

// Where the shown concepts are drawn, so that names can keep off them when there is room.
function shapeBoxes(view) {
  const shapes = new Boxes();
  const scale = view.network.getScale();
  const width = view.canvas.clientWidth;
  const height = view.canvas.clientHeight;
  for (const id of view.raw.nodes.keys()) {
    const node = placeOf(view, id);
    if (!node || !isShown(view, id)) continue;
    const centre = view.network.canvasToDOM({ x: node.x, y: node.y });
    if (centre.x < -50 || centre.y < -50 || centre.x > width + 50 || centre.y > height + 50) continue;
    const radius = Math.max(sizeOf(view, id) * scale, view.large ? DOT : 0);
    shapes.add(centre.x - radius, centre.y - radius, 2 * radius, 2 * radius, id);
  }
  return shapes;
}

function drawName(view, context, id, taken, shapes) {
  const raw = view.raw.nodes.get(id);
  const node = placeOf(view, id);
  if (!raw || !node || !isShown(view, id)) return null;
  const kept = !view.keep || view.keep.nodes.has(id);
  const important = isPromised(view, raw) || (view.keep && kept) || id === view.cursor;
  if (!kept && raw.kind !== "facet") return null; // faded concepts keep quiet, but for the facets (orientation)
  const scale = view.network.getScale();
  let size = (raw.font?.size ?? 15) * scale * view.fontScale;
  if (raw.landmark && kept) size = Math.max(size, raw.landmark * view.fontScale);
  else if (raw.landmark) size = Math.min(Math.max(size, view.names.readable * view.fontScale), raw.landmark * view.fontScale); // a faded landmark keeps its name, quietly
  else if (important) size = Math.max(size, view.names.readable * view.fontScale);
  else if (size < SMALLEST) return null;
  return placeName(context, {
    id,
    label: raw.label,
    centre: view.network.canvasToDOM({ x: node.x, y: node.y }),
    radius: Math.max(sizeOf(view, id) * scale, view.large ? DOT : 0) + 3,
    size: Math.min(size, 40 * view.fontScale),
    weight: raw.landmark ? "600" : "400",
    // Near the concept and clear of other shapes; else near; only then (a promised or lit name) farther out.
    promised: isPromised(view, raw) || Boolean(view.keep && kept),
    kept,
    focus: view.keep?.nodes ?? null,
  }, {
    taken,
    shapes,
    width: view.canvas.clientWidth,
    height: view.canvas.clientHeight,
    lineEm: view.names.lineEm,
    font: view.theme.font,
    text: view.theme.text,
    dimText: view.theme.dimText,
    background: view.theme.background,
    halo: view.palette.halo,
  });
}

// Half a concept's drawn height, in canvas units.
function shapeRadius(node, raw) {
  const height = node.shape?.height;
  return Number.isFinite(height) && height > 0 ? height / 2 : node.options?.size ?? raw?.size ?? 15;
}

function drawRelationWords(view, context, id, taken) {
  const raw = view.raw.edges.get(id);
  const middle = edgePoint(view, id, 0.5);
  if (!raw || !middle || (view.visible && !view.visible.edgeSet.has(id))) return;
  const size = 12 * view.fontScale;
  context.font = `italic ${size}px ${view.theme.font}`;
  const width = context.measureText(raw.relation).width;
  const x = middle.x - width / 2;
  const y = middle.y - size / 2;
  if (taken.hits(x, y, width, size * 1.15)) return;
  taken.add(x, y, width, size * 1.15);
  context.textBaseline = "top";
  context.lineWidth = view.palette.halo;
  context.strokeStyle = view.theme.background;
  context.fillStyle = view.theme.text;
  context.strokeText(raw.relation, x, y);
  context.fillText(raw.relation, x, y);
}

// A point along a relation as drawn (0: its start, 1: its end), in px on the canvas; null if not drawn.
function edgePoint(view, id, t) {
  if (!view.large) {
    const edge = view.network.body.edges[id];
    return edge?.connected ? view.network.canvasToDOM(edge.edgeType.getPoint(t)) : null;
  }
  const raw = view.raw.edges.get(id);
  const from = view.raw.nodes.get(raw?.from);
  const to = view.raw.nodes.get(raw?.to);
  return from && to ? view.network.canvasToDOM({ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }) : null;
}

function drawRing(view, context) {
  const node = view.cursor && placeOf(view, view.cursor);
  if (!node || !isShown(view, view.cursor)) return;
  const centre = view.network.canvasToDOM({ x: node.x, y: node.y });
  const radius = Math.max(sizeOf(view, view.cursor) * view.network.getScale(), view.large ? MIN_SHAPE : 0) + 7;
  context.beginPath();
  context.arc(centre.x, centre.y, radius, 0, 2 * Math.PI);
  context.lineWidth = 3;
  context.strokeStyle = view.theme.focus;
  context.stroke();
}

// --- tooltips ---------------------------------------------------------------------------------------

// The tooltip sits in the corner of the canvas farthest from the selection, its neighbours and the
// pointer, so it never hides what is being looked at; it goes when the pointer leaves.
function showTip(view, item) {
  if (view.pointerType !== "mouse") return;
  const raw = item.kind === "concept" ? view.raw.nodes.get(item.id) : view.raw.edges.get(item.id);
  if (!raw) return;
  view.hovered = item;
  view.tip.textContent = raw.tip;
  view.tip.hidden = false;
  const avoid = [...(view.keep ? view.keep.nodes : []), ...(item.kind === "concept" ? [item.id] : [])];
  if (item.kind === "relation") avoid.push(raw.from, raw.to);
  const points = avoid
    .map((id) => placeOf(view, id))
    .filter(Boolean)
    .map((node) => view.network.canvasToDOM({ x: node.x, y: node.y }));
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
  const covered = ([x, y]) =>
    points.filter((p) => p.x > x - 24 && p.x < x + tipWidth + 24 && p.y > y - 24 && p.y < y + tipHeight + 24).length;
  const distance = ([x, y]) => Math.min(...points.map((p) => Math.hypot(p.x - (x + tipWidth / 2), p.y - (y + tipHeight / 2))));
  const [x, y] = corners.sort((a, b) => covered(a) - covered(b) || distance(b) - distance(a))[0];
  view.tip.style.left = `${x}px`;
  view.tip.style.top = `${y}px`;
}

function hideTip(view) {
  view.hovered = null;
  if (view.tip) view.tip.hidden = true;
}

// --- keyboard ---------------------------------------------------------------------------------------

const DIRECTIONS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

function onKey(view, event) {
  if (!view.network) return;
  const key = event.key;
  if (key in DIRECTIONS) moveCursor(view, DIRECTIONS[key]);
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

// From the concept the keyboard is on (or the selection, or the first landmark), to the neighbour
// that lies most nearly in the arrow's direction.
function moveCursor(view, [dx, dy]) {
  const shown = view.visible?.nodeSet ?? null;
  const from = view.cursor ?? (view.selected?.kind === "concept" ? view.selected.id : null);
  if (!from) {
    view.cursor = view.order.find((id) => !shown || shown.has(id)) ?? null;
  } else {
    const origin = placeOf(view, from);
    let best = null;
    let bestScore = Infinity;
    for (const { node } of view.neighbours.get(from) ?? []) {
      if (shown && !shown.has(node)) continue;
      const p = placeOf(view, node);
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
  if (view.cursor) {
    const place = placeOf(view, view.cursor);
    const position = view.network.canvasToDOM(place);
    const inside = position.x > 20 && position.y > 20 && position.x < view.canvas.clientWidth - 20 && position.y < view.canvas.clientHeight - 20;
    if (!inside) view.network.moveTo({ position: { x: place.x, y: place.y }, animation: { duration: 250 } });
  }
  view.network.redraw();
  announce(view, view.cursor);
}

function zoom(view, factor) {
  view.network.moveTo({ scale: view.network.getScale() * factor, animation: { duration: 200 } });
}

// Said aloud by screen readers: the concept the keyboard is on, or what is selected.
function announce(view, cursor = null) {
  if (!view.announcer) return;
  const legend = view.legendByKind ?? {};
  if (cursor) {
    const raw = view.raw.nodes.get(cursor);
    const count = view.neighbours.get(cursor)?.length ?? 0;
    view.announcer.textContent = `${raw.label}, ${legend[raw.kind] ?? raw.kind}, ${count} relations. Enter opens it.`;
    return;
  }
  const selected = view.selected;
  if (!selected) view.announcer.textContent = "Nothing selected.";
  else if (selected.kind === "concept" && view.raw.nodes.has(selected.id)) {
    const raw = view.raw.nodes.get(selected.id);
    view.announcer.textContent = `Selected ${raw.label}, ${legend[raw.kind] ?? raw.kind}. Its details are beside the map.`;
  } else if (view.raw.edges.has(selected.id)) {
    view.announcer.textContent = `Selected the relation: ${view.raw.edges.get(selected.id).tip.split("\n")[0]}`;
  }
}

// --- legend, theme, errors --------------------------------------------------------------------------

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

// Only the kinds on the map as it is shown, each with how many there are; then what its lines mean.
function drawLegend(view, legend, lines) {
  // Counted again only when the map, the filters or the kinds of line change (not on every click).
  const key = JSON.stringify([view.version, view.visibleTag, lines]);
  if (view.legendKey === key) return;
  view.legendKey = key;
  view.legendByKind = Object.fromEntries(legend.map((entry) => [entry.kind, entry.singular]));
  const counts = new Map();
  for (const id of visibleIds(view)) {
    const kind = view.raw.nodes.get(id)?.kind;
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const shownEdges = view.visible ? view.visible.edges : [...view.raw.edges.keys()];
  const standings = new Set(shownEdges.map((id) => view.raw.edges.get(id)?.standing));
  const kinds = legend.filter((entry) => counts.get(entry.kind));
  const styles = lines.filter((line) => line.color || standings.has(line.standing));
  const container = view.root.querySelector(".atlas-legend");
  const signature = JSON.stringify([kinds.map((entry) => [entry.kind, counts.get(entry.kind)]), styles]);
  if (container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  container.replaceChildren(
    ...kinds.map((entry) => legendItem(shapeIcon(entry), `${entry.label} ${counts.get(entry.kind)}`)),
    ...styles.map((line) => legendItem(lineIcon(line), line.label, line.help)),
  );
}

function legendItem(icon, text, help = "") {
  const item = document.createElement("span");
  item.className = "atlas-legend-item";
  item.setAttribute("role", "listitem");
  if (help) item.title = help;
  const label = document.createElement("span");
  label.textContent = text;
  item.append(icon, label);
  return item;
}

function shapeIcon(entry) {
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 16 16");
  icon.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", SHAPES[entry.shape] ?? SHAPES.dot);
  path.setAttribute("fill", entry.color);
  path.setAttribute("stroke", "#333333");
  icon.append(path);
  return icon;
}

function lineIcon(line) {
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 22 8");
  icon.setAttribute("aria-hidden", "true");
  icon.classList.add("atlas-line-icon");
  const stroke = document.createElementNS(SVG, "line");
  for (const [name, value] of [["x1", 1], ["y1", 4], ["x2", 21], ["y2", 4], ["stroke-width", 2]]) stroke.setAttribute(name, value);
  stroke.setAttribute("stroke", line.color ?? "currentColor");
  if (line.dashes) stroke.setAttribute("stroke-dasharray", line.dashes.join(" "));
  icon.append(stroke);
  return icon;
}

function readTheme(root, highContrast) {
  const style = getComputedStyle(root);
  const text = style.getPropertyValue("--st-text-color").trim() || "#31333f";
  const background = style.getPropertyValue("--st-background-color").trim() || "#ffffff";
  const font = style.getPropertyValue("--st-font").trim() || "'Source Sans Pro', sans-serif";
  const focus = style.getPropertyValue("--st-primary-color").trim() || "#1f5fa8";
  const [r, g, b] = rgb(text);
  const dark = luminance(rgb(background)) < 0.4;
  const strongText = highContrast ? (dark ? "#ffffff" : "#000000") : text;
  return {
    text: strongText,
    background,
    font,
    focus,
    dimText: `rgba(${r}, ${g}, ${b}, 0.45)`,
    line: (alpha) => (dark ? `rgba(200, 200, 200, ${alpha})` : `rgba(110, 110, 110, ${alpha})`),
    solidLine: dark ? "#6f7278" : "#bdbdbd", // a line of the map's grey, opaque (drawLines): about 0.5 on the background
    key: `${strongText}|${background}|${font}`,
    toJSON() {
      return this.key;
    },
  };
}

function rgb(color) {
  const probe = document.createElement("canvas").getContext("2d");
  probe.fillStyle = color;
  const hex = probe.fillStyle; // normalised to #rrggbb by the canvas
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return [49, 51, 63];
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance([r, g, b]) {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

function showError(root, error) {
  const status = root.querySelector(".atlas-status");
  status.textContent = `The map view could not start: ${error?.message ?? error}`;
  status.classList.add("atlas-error");
}

// For browser tests and benchmarks: where things are drawn, in pixels from the canvas's top left.
function testHooks(view) {
  return {
    nodePosition: (id) => (view.network && placeOf(view, id) ? view.network.canvasToDOM(placeOf(view, id)) : null),
    scale: () => view.network?.getScale(),
    node: (id) => view.nodes?.get(id) ?? null,
    edge: (id) => {
      const drawn = view.network?.body.edges[id];
      return drawn ? { ...view.edges.get(id), connected: drawn.connected, drawnHidden: drawn.options.hidden, colour: drawn.options.color.color } : null;
    },
    label: (id) => view.raw.nodes.get(id)?.label ?? null,
    labels: () => view.labelBoxes,
    // The names the view promises to draw readably at any zoom: landmarks and the most connected, if shown.
    promised: () => {
      const drawn = new Map(view.labelBoxes.map((box) => [box.id, box]));
      const shown = view.visible?.nodeSet ?? null;
      return [...view.raw.nodes.values()]
        .filter((node) => isPromised(view, node) && (!shown || shown.has(node.id)))
        .map((node) => ({ id: node.id, label: node.label, size: drawn.get(node.id)?.size ?? 0 }));
    },
    tipBox: () => (view.tip.hidden ? null : { x: view.tip.offsetLeft, y: view.tip.offsetTop, width: view.tip.offsetWidth, height: view.tip.offsetHeight }),
    cursor: () => view.cursor,
    drawMs: () => [...view.drawMs],
    nodeAt: (point) => view.network.getNodeAt(point) ?? dotNear(view, point),
    lit: () => (view.keep ? [...view.keep.nodes] : null),
    shownBox: () => {
      const points = visibleIds(view).map((id) => view.network.canvasToDOM(placeOf(view, id)));
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    },
    theme: () => view.theme && { text: view.theme.text, background: view.theme.background },
    emptyPoint: () => {
      const { clientWidth: width, clientHeight: height } = view.canvas;
      const origin = view.canvas.getBoundingClientRect();
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
          const free = view.network.getNodeAt(point) === undefined && view.network.getEdgeAt(point) === undefined && !dotNear(view, point);
          if (free && !covers(point) && !edgeNear(view, point)) return point;
        }
      }
      return null;
    },
    edgePosition: (id) => {
      // A point on the drawn curve that picks this relation and no other concept or relation.
      if (!view.network || !edgePoint(view, id, 0.5)) return null;
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
        const point = edgePoint(view, id, t);
        const around = [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].map(([dx, dy]) => ({ x: point.x + dx, y: point.y + dy }));
        const clear = around.every((p) => edgeNear(view, p) === id && view.network.getNodeAt(p) === undefined && !dotNear(view, p));
        if (clear) return point;
      }
      return null;
    },
  };
}
