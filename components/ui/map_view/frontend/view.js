// The map view, wired: its markup (built here, no text from the map in it), its state (state.js), the
// canvas (canvas.js), and what each new set of data changes. The page (network.js, through Python) and
// the standalone explorer (components/exchange/standalone/explorer.js) each mount it with their own host.

import { announce } from "./announce.js";
import { frame, frameOnce, stopGliding } from "./camera.js";
import { create, RESIZE_MAX, relayout, update } from "./canvas.js";
import { offerLinking } from "./drawlink.js";
import { onKey, pageKeys } from "./keyboard.js";
import { drawLegend, setLegend } from "./legend.js";
import { drawExtra, restyle } from "./look.js";
import { markup } from "./markup.js";
import { looksOf, neighbourhood, selectionKey, visibleIds } from "./shown.js";
import { createState, select, setScene, setTheme } from "./state.js";
import { readTheme } from "./theme.js";
import { hideTip } from "./tooltip.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Host} Host
 * @typedef {import("./state.js").Selected} Selected
 * @typedef {import("./state.js").Highlight} Highlight
 * @typedef {import("./state.js").Overlay} Overlay
 * @typedef {import("./graph.js").Graph} Graph
 * @typedef {import("../types/vis-network").Vis} Vis
 * What the view is told to show (by Python on each run, or by the explorer once).
 * @typedef {{graph: Graph, visible: {nodes: string[], edges: string[]} | null, visibleTag: string | null,
 *   selected: Selected | null, highlight: Highlight | null, present: boolean, contrast: string,
 *   frame: string[], touring: boolean, overlay: Overlay | null, minHeight: number, linking?: boolean}} Scene
 * (`linking`: the author may draw a relation on the map, drawlink.js)
 */

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

/**
 * The view's markup in `parent`, and its state, with everything that listens for the reader.
 * @param {HTMLElement} parent
 * @param {Host} host
 * @returns {{view: View, teardown: () => void}}
 */
export function mount(parent, host) {
  parent.append(markup(MAP_HTML));
  const root = /** @type {HTMLElement} */ (parent.querySelector(".atlas-network"));
  const view = createState(root, host);
  const onResize = () => fitHeight(view);
  window.addEventListener("resize", onResize);
  const onPageKey = pageKeys(view);
  document.addEventListener("keydown", onPageKey, true);
  /** @param {string} action */
  const button = (action) => /** @type {HTMLElement} */ (root.querySelector(`[data-action=${action}]`));
  button("fit").onclick = () => frame(view, visibleIds(view), true);
  button("relayout").onclick = () => relayout(view);
  button("legend").onclick = () => setLegend(view, view.legend.hidden);
  view.canvas.tabIndex = 0;
  view.canvas.onkeydown = (event) => onKey(view, event);
  view.canvas.addEventListener("pointerdown", (event) => {
    view.pointer.type = event.pointerType;
    if (event.pointerType !== "mouse") hideTip(view);
  });
  view.canvas.addEventListener("pointerleave", () => hideTip(view));
  // On a phone, once the map has scrolled away above the details: one tap back to it.
  const back = /** @type {HTMLElement} */ (root.querySelector(".atlas-back"));
  back.onclick = () => view.canvas.scrollIntoView({ behavior: "smooth", block: "start" });
  const observer = new IntersectionObserver(([entry]) => {
    back.hidden = entry.isIntersecting || window.innerWidth >= 640;
  });
  observer.observe(view.canvas);
  const teardown = () => {
    stopGliding(view);
    window.removeEventListener("resize", onResize);
    document.removeEventListener("keydown", onPageKey, true);
    observer.disconnect();
    view.network?.destroy();
    view.network = null;
  };
  return { view, teardown };
}

/**
 * The canvas reaches down to the bottom of the window (on a phone, most of it: the details follow), if
 * the host asks; else it fills its container.
 * @param {View} view
 */
export function fitHeight(view) {
  if (!view.host.fillWindow) return;
  const top = view.canvas.getBoundingClientRect().top + window.scrollY;
  const phone = window.innerWidth < 640;
  const room = phone ? window.innerHeight * 0.7 : window.innerHeight - top - 12;
  const height = Math.max(view.minHeight || 320, Math.round(room));
  view.root.style.setProperty("--atlas-height", `${height}px`);
}

/**
 * Show what the host sends: the map (drawn once, then updated in place), the filters, highlights, the
 * selection, the mode; framing what changed once the layout is ready.
 * @param {View} view
 * @param {Vis} vis
 * @param {Scene} data
 */
export function apply(view, vis, data) {
  view.minHeight = data.minHeight;
  view.touring = Boolean(data.touring);
  fitHeight(view);
  setTheme(view, readTheme(view.root, data.contrast === "high"), data.contrast);
  const graph = data.graph;
  if (view.network && graph.version !== view.version && graph.nodes.length > RESIZE_MAX !== view.large) {
    view.network.destroy(); // a map that grew large (or shrank) is drawn the other way: start again
    view.network = null;
    view.settled = false;
  }
  if (!view.network) create(view, vis, graph);
  else if (graph.version !== view.version) update(view, graph);
  offerLinking(view, Boolean(data.linking));
  const changed = setScene(view, data);
  if (changed.present) setLegend(view, !view.present && window.innerWidth >= 640); // in front of a room, the map first
  if (changed.overlay) drawExtra(view);
  drawLegend(view);
  const selected = data.selected ?? null;
  const fromHost = selectionKey(selected) !== selectionKey(view.selected);
  select(view, selected);
  const looks = looksOf(view, selected);
  if (looks !== view.looks) restyle(view);
  view.looks = looks;
  if (fromHost) {
    announce(view);
    view.host.shown(selected);
  }
  view.camera.wanted = data.frame?.length ? data.frame : null; // what to frame once the layout is ready
  if (!view.settled) return;
  if (data.frame?.length) frameOnce(view, data.frame);
  else if (changed.visible)
    frame(view, visibleIds(view), false); // the map changed already: no camera flight on top
  else if (changed.highlight && view.keep && data.highlight) frame(view, [...view.keep.nodes]);
  else if (fromHost && selected) frame(view, neighbourhood(view, selected));
}
