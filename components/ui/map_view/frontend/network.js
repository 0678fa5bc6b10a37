// Empathy Atlas network view: a Streamlit custom component (v2) that draws the map with vis-network.
//
// One component, mounted three ways (see network/__init__.py): as a hidden blob of bytes (the map, or
// what the filters show; store.js), as the search box (search.js), and as the map itself (view.js, with
// Python as its host: sync.js). One view per mounted map, kept across reruns: new data is applied to it in
// place, so zoom, positions and the settled layout survive. vis-network is loaded once per page from this
// component's own asset folder, never from a CDN. Every text from the map reaches the page as text (canvas
// text, textContent), never as HTML. The standalone explorer (components/exchange/standalone) is built from the same
// modules, all but the page's own: this one, search.js, store.js and sync.js.

// Every module the view imports, asked for at once: found import by import, they came eight requests deep.
// (The Build panel's board and its modules are loaded when a board is first asked for: renderBuildLater.)
import "./announce.js";
import "./camera.js";
import "./canvas.js";
import "./draw.js";
import "./drawlink.js";
import "./fade.js";
import "./hit.js";
import "./keyboard.js";
import "./labels.js";
import "./legend.js";
import "./look.js";
import "./markup.js";
import "./names.js";
import "./place.js";
import "./ranking.js";
import "./searchbox.js";
import "./searchindex.js";
import "./shapes.js";
import "./shown.js";
import "./state.js";
import "./theme.js";
import "./tooltip.js";
import "./words.js";
import { unpackVisible } from "./graph.js";
import { renderSearch } from "./search.js";
import { show } from "./selection.js";
import * as store from "./store.js";
import { listenForSearch, pageHost } from "./sync.js";
import { apply, fitHeight, mount } from "./view.js";

/**
 * @typedef {import("./sync.js").Component} Component
 * @typedef {import("./sync.js").PageHost} PageHost
 * @typedef {import("./view.js").Scene} Scene
 * @typedef {import("./state.js").View} View
 * @typedef {import("./graph.js").Graph} Graph
 * @typedef {import("../types/vis-network").Vis} Vis
 * What Python sends the map on each run (network/__init__.py).
 * @typedef {Omit<Scene, "graph" | "visible" | "visibleTag"> & {role: "map", run: number, title: string,
 *   graph: {blob: string, tag: string}, visible: {blob: string, tag: string} | null}} MapData
 * @typedef {{view: View, host: PageHost, run: number, pending: MapData | null, teardown: () => void}} Mounted
 */

const VIS_URL = new URL("./vis-network.min.js", import.meta.url).href;
/** @type {Promise<Vis> | null} */
let visLoading = null;

/** @returns {Promise<Vis>} */
function loadVis() {
  if (globalThis.vis?.Network) return Promise.resolve(globalThis.vis);
  visLoading ??= import(VIS_URL).then(() => /** @type {Vis} */ (globalThis.vis));
  return visLoading;
}

/** @type {Promise<typeof import("./build.js")> | null} */
let building = null;

/**
 * The Build panel's board (build.js and its modules), loaded the first time a board is asked for: the map's
 * own page load fetches none of it.
 * @param {Component} component
 * @param {Parameters<typeof import("./build.js").renderBuild>[1]} data
 */
function renderBuildLater(component, data) {
  building ??= import("./build.js");
  let gone = false;
  /** @type {(() => void) | undefined} */
  let cleanup;
  building.then((module) => {
    if (!gone) cleanup = module.renderBuild(component, data);
  });
  return () => {
    gone = true;
    cleanup?.();
  };
}

// Test hooks (testing.js), loaded only when a test asks for them before the page starts.
const TESTING = globalThis.__atlasTest ? import("./testing.js") : null;

const OPENING_BRACE = 123;
/** @type {WeakMap<HTMLElement, string | null>} */
const heldBy = new WeakMap(); // a blob's element -> the tag it last told Python the page holds
/** @type {WeakMap<HTMLElement, Mounted>} */
const views = new WeakMap(); // parentElement -> the map mounted there

/**
 * Every mount's data is bytes: a JSON object (it starts with "{"), or a blob for the store.
 * @param {Component} component
 */
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
  if (data.role === "search") return renderSearch(component, data);
  if (data.role === "build") return renderBuildLater(component, data);
  return renderMap(component, data);
}

/**
 * @param {Component} component
 * @param {MapData} data
 */
function renderMap(component, data) {
  const { parentElement, setTriggerValue } = component;
  if (!data?.graph) return undefined;
  const mounted = views.get(parentElement) ?? mountMap(parentElement);
  const { view, host } = mounted;
  // A render overtaken by a newer run's can still arrive after it (rapid reruns): the older is dropped.
  if (data.run < mounted.run) return undefined;
  mounted.run = data.run;
  host.setTriggerValue = setTriggerValue;
  host.graphBlob = data.graph.blob;
  view.minHeight = data.minHeight;
  view.touring = Boolean(data.touring);
  fitHeight(view);
  view.canvas.setAttribute("aria-label", `${data.title}: concept map`);
  mounted.pending = data;
  const graph = store.json(data.graph.blob, data.graph.tag);
  const shown = data.visible ? store.bytes(data.visible.blob, data.visible.tag) : null;
  performance.mark("atlas:data");
  Promise.all([loadVis(), graph, shown, hooked(view)])
    .then(([vis, graph, bits]) => {
      performance.mark("atlas:ready"); // the map unpacked and vis-network loaded
      if (mounted.pending !== data) return; // a later run's data has come: it is the one to show
      mounted.pending = null;
      const visible = bits && unpackVisible(graph, bits);
      apply(view, vis, { ...data, graph, visible, visibleTag: data.visible?.tag ?? null });
    })
    .catch((error) => showError(view, error));

  return () => {
    // Streamlit calls the cleanup of a render that a newer one overtook (rapid reruns) as soon as it
    // returns, while the element is still on the page: the newer render owns the view, which stays.
    // Only an element that has left the page is torn down.
    if (parentElement.isConnected) return;
    mounted.teardown();
    views.delete(parentElement);
  };
}

/**
 * The map's view in this element, with Python as its host.
 * @param {HTMLElement} parentElement
 * @returns {Mounted}
 */
function mountMap(parentElement) {
  const host = pageHost();
  const { view, teardown } = mount(parentElement, host);
  // A choice in the search box over this map: shown at once (the box tells Python itself).
  const stopListening = listenForSearch((map, selected) => {
    if (map === host.graphBlob && view.settled) show(view, selected);
  });
  /** @type {Mounted} */
  const mounted = {
    view,
    host,
    run: 0,
    pending: null,
    teardown: () => {
      stopListening();
      teardown();
    },
  };
  views.set(parentElement, mounted);
  return mounted;
}

/**
 * The test hooks on the view's root (`el.atlas`), before its first data is shown, if a test asked for them.
 * @param {View} view
 */
function hooked(view) {
  return TESTING?.then((testing) => {
    view.root.atlas ??= testing.hooks(view);
  });
}

/**
 * @param {View} view
 * @param {unknown} error
 */
function showError(view, error) {
  view.status.textContent = `The map view could not start: ${error instanceof Error ? error.message : error}`;
  view.status.classList.add("atlas-error");
}
