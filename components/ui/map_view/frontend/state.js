// The view's state, declared in one place. What the view shows (the map, the filters, highlights, the
// selection, the theme) changes only through the functions here; each module's own working state (the
// camera's move, the names drawn last, the keyboard's concept, the tooltip's) is a part named for it.

/**
 * @typedef {import("./graph.js").Drawn} Drawn
 * @typedef {import("./graph.js").Graph} Graph
 * @typedef {import("./graph.js").Visible} Visible
 * @typedef {import("./graph.js").Line} Line
 * @typedef {import("./theme.js").Theme} Theme
 * @typedef {import("./theme.js").Palette} Palette
 * @typedef {import("../types/vis-network").Network} Network
 * @typedef {import("../types/vis-network").DataSet} DataSet
 * @typedef {{kind: "concept" | "relation", id: string}} Selected
 * @typedef {{nodes: Set<string>, edges: Set<string>}} Lit
 * What Python asks to light: a reference's concepts and relations, a path's other routes (faint).
 * @typedef {{nodes: string[], edges: string[], faint?: string[]}} Highlight
 * A scored student's map (ui/score.overlay): the map's relations by verdict, the student's links it lacks,
 * and how each verdict is drawn.
 * @typedef {{[verdict: string]: string[] | Extra[] | Line[] | undefined, extra: Extra[], lines: Line[]}} Overlay
 * @typedef {{from: string, to: string, type?: string}} Extra
 * What the view asks of the page it is on: the page's is Python (sync.js), the explorer's its own script.
 * @typedef {Object} Host
 * @property {(name: "select" | "tour" | "link", value: object) => void} send  a choice made on the map
 * @property {(selected: Selected | null) => void} shown  the selection shown now (for the search box)
 * @property {boolean} fillWindow  the canvas reaches down to the window's bottom (else it fills its container)
 * @typedef {Object} View
 * @property {HTMLElement} root
 * @property {HTMLElement} canvas  the focusable region: the drawing and what floats on it
 * @property {HTMLElement} container  vis-network's own
 * @property {HTMLElement} status
 * @property {HTMLElement} legend
 * @property {HTMLElement[]} overlays  names are not drawn under these
 * @property {HTMLElement} tip
 * @property {HTMLElement} announcer
 * @property {Host} host
 * @property {Network | null} network  made on the first data (view.js)
 * @property {DataSet | null} nodes  its items (none on a large map)
 * @property {DataSet | null} edges
 * @property {boolean} large  drawn by the view itself, vis-network only the camera
 * @property {boolean} settled  the first layout has finished
 * @property {number} createdAt  when the layout started
 * @property {number} minHeight  px; the canvas fills the window below its top, but never less
 * @property {boolean} touring  the arrow keys turn a tour's pages
 * @property {number} clicks  so that two clicks on the background are two events
 * @property {Drawn | null} map  the map drawn (setMap)
 * @property {string | null} version  of the map drawn
 * @property {Theme | null} theme  (setScene, and below)
 * @property {Palette} palette
 * @property {number} fontScale  names grow in presentation mode
 * @property {boolean | null} present  in presentation mode (null until the first data)
 * @property {Visible | null} visible  what the filters keep, or null for all
 * @property {string | null} visibleTag  names what the filters keep
 * @property {Highlight | null} highlight
 * @property {Overlay | null} overlay
 * @property {Map<string, string>} verdicts  relation id -> its verdict, from the overlay
 * @property {Selected | null} selected  (select)
 * @property {Lit | null} keep  in full colour: the selection and its neighbours, or what Python lights (light)
 * @property {string} scene  what the view shows besides the selection, as a key
 * @property {string | null} looks  what the last restyle showed: a rerun that changes none of it costs nothing
 * @property {{nodes: Map<string, string>, edges: Map<string, string>}} looked  the look last given to each item
 * @property {Map<string, number>} sizes  the size last given to each concept (view.js, resizeShapes)
 * @property {{gliding: number, framed: string | null, wanted: string[] | null}} camera  (camera.js)
 * @property {{start: number, ms: number[], promisedRank: number, boxes: Box[]}} drawn  (labels.js): frames'
 *   times, how many of the most connected have their names promised, the names drawn last
 * @property {string | null} cursor  the concept the keyboard is on (keyboard.js)
 * @property {{type: string, hovered: Selected | null}} pointer  (tooltip.js)
 * @property {import("./drawlink.js").Linking} link  drawing a relation, if the host offers it (drawlink.js)
 * @property {{key: string | null, byKind: Record<string, string>}} legendState  (legend.js)
 * @typedef {import("./names.js").Drawn} Box
 */

import { remember } from "./graph.js";
import { selectionKey } from "./shown.js";
import { PALETTES } from "./theme.js";

/**
 * @param {HTMLElement} root the view's markup (view.js)
 * @param {Host} host
 * @returns {View}
 */
export function createState(root, host) {
  /** @param {string} selector */
  const find = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  return {
    root,
    canvas: find(".atlas-canvas"),
    container: find(".atlas-graph"),
    status: find(".atlas-status"),
    legend: find(".atlas-legend"),
    overlays: [...root.querySelectorAll(".atlas-toolbar, .atlas-legend")].map((e) => /** @type {HTMLElement} */ (e)),
    tip: find(".atlas-tip"),
    announcer: find(".atlas-announce"),
    host,
    network: null,
    nodes: null,
    edges: null,
    large: false,
    settled: false,
    createdAt: 0,
    minHeight: 0,
    touring: false,
    clicks: 0,
    map: null,
    version: null,
    theme: null,
    palette: PALETTES.normal,
    fontScale: 1,
    present: null,
    visible: null,
    visibleTag: null,
    highlight: null,
    overlay: null,
    verdicts: new Map(),
    selected: null,
    keep: null,
    scene: "",
    looks: null,
    looked: { nodes: new Map(), edges: new Map() },
    sizes: new Map(),
    camera: { gliding: 0, framed: null, wanted: null },
    drawn: { start: 0, ms: [], promisedRank: 8, boxes: [] },
    cursor: null,
    pointer: { type: "mouse", hovered: null },
    legendState: { key: null, byKind: {} },
    link: { offered: false, active: false, from: null },
  };
}

/**
 * The map to draw (a new one, or a new version of it): every item's look is given again.
 * @param {View} view
 * @param {Graph} graph
 */
export function setMap(view, graph) {
  view.map = remember(graph);
  view.version = graph.version;
  view.looked = { nodes: new Map(), edges: new Map() };
  view.root.dataset.version = graph.version;
}

/**
 * The colours to draw with: the page's theme, normal or high contrast.
 * @param {View} view
 * @param {Theme} theme
 * @param {string} contrast
 */
export function setTheme(view, theme, contrast) {
  view.theme = theme;
  view.palette = PALETTES[contrast] ?? PALETTES.normal;
}

/**
 * What the view shows besides the selection (after setTheme and setMap). Returns what changed.
 * @param {View} view
 * @param {{contrast: string, present: boolean, visible: {nodes: string[], edges: string[]} | null,
 *   visibleTag: string | null, highlight: Highlight | null, overlay: Overlay | null}} data
 */
export function setScene(view, data) {
  const changed = {
    present: Boolean(data.present) !== view.present,
    visible: data.visibleTag !== view.visibleTag,
    highlight: JSON.stringify(data.highlight) !== JSON.stringify(view.highlight),
    overlay: JSON.stringify(data.overlay ?? null) !== JSON.stringify(view.overlay),
  };
  view.present = Boolean(data.present);
  view.fontScale = data.present ? 1.5 : 1;
  const visible = data.visible;
  view.visible = visible && { ...visible, nodeSet: new Set(visible.nodes), edgeSet: new Set(visible.edges) };
  view.visibleTag = data.visibleTag;
  view.root.dataset.visible = data.visibleTag ?? ""; // what the filters show, by its tag (tests, benchmarks)
  view.highlight = data.highlight;
  if (changed.overlay) {
    const overlay = data.overlay ?? null;
    view.overlay = overlay;
    view.verdicts = new Map(judged(overlay).flatMap((verdict) => ids(overlay, verdict).map((id) => [id, verdict])));
  }
  // A rerun that changes nothing the view shows (the echo of a click, say) costs nothing.
  const scene = [view.version, data.visibleTag, data.highlight, view.theme, data.contrast, data.present, data.overlay];
  view.scene = JSON.stringify(scene);
  return changed;
}

/**
 * The verdicts on the map's own relations (all the overlay's lines but the student's extra links).
 * @param {Overlay | null} overlay
 */
export function judged(overlay) {
  return (overlay?.lines ?? []).map((line) => line.standing).filter((verdict) => verdict !== "extra");
}

/**
 * @param {Overlay | null} overlay
 * @param {string} verdict
 * @returns {string[]}
 */
function ids(overlay, verdict) {
  return /** @type {string[]} */ (overlay?.[verdict] ?? []);
}

/**
 * The selection shown now: it is told to the page (its search box), and set on the root for tests.
 * @param {View} view
 * @param {Selected | null} selected
 */
export function select(view, selected) {
  view.selected = selected;
  view.root.dataset.selected = selectionKey(selected);
}

/**
 * What is in full colour, the rest faded: a scored map's judged relations, else what Python lights, else
 * the selection and its shown neighbours (or a relation and its two ends); null for all.
 * @param {View} view
 */
export function light(view) {
  view.keep = lit(view);
}

/**
 * @param {View} view
 * @returns {Lit | null}
 */
function lit(view) {
  const raw = /** @type {Drawn} */ (view.map).raw;
  /** @param {Set<string>} nodes @param {Iterable<string>} edges */
  const withEnds = (nodes, edges) => {
    for (const id of edges) {
      const edge = raw.edges.get(id);
      if (edge) nodes.add(edge.from).add(edge.to);
    }
    return nodes;
  };
  const overlay = view.overlay;
  if (overlay) {
    const edges = new Set(judged(overlay).flatMap((verdict) => ids(overlay, verdict)));
    return { nodes: withEnds(new Set(overlay.extra.flatMap((extra) => [extra.from, extra.to])), edges), edges };
  }
  const highlight = view.highlight;
  if (highlight && (highlight.nodes.length || highlight.edges.length)) {
    return { nodes: withEnds(new Set(highlight.nodes), highlight.edges), edges: new Set(highlight.edges) };
  }
  const selected = view.selected;
  if (!selected) return null;
  if (selected.kind === "relation") {
    const edge = raw.edges.get(selected.id);
    return edge ? { nodes: new Set([edge.from, edge.to]), edges: new Set([edge.id]) } : null;
  }
  if (!raw.nodes.has(selected.id)) return null;
  const shownEdges = view.visible?.edgeSet ?? null;
  const nodes = new Set([selected.id]);
  const edges = new Set();
  for (const { node, edge } of view.map?.neighbours.get(selected.id) ?? []) {
    if (!shownEdges || shownEdges.has(edge)) {
      edges.add(edge);
      nodes.add(node);
    }
  }
  return { nodes, edges };
}

/**
 * The next number for a click or a key sent to the page: two clicks on the background are two events.
 * @param {View} view
 */
export function press(view) {
  view.clicks += 1;
  return view.clicks;
}
