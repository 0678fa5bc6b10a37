// The standalone explorer: the page's own map view (view.js and the modules it imports, inlined into one
// script at export time: see modules.py), its search box, a details panel from the map's own words and
// citations, and the selection in the address (`#concept-id`). With no server, a choice is shown here
// rather than sent: only the details panel (details.js) and this wiring are the explorer's own.

import { createBox, setSelected, useGraph } from "../../ui/map_view/frontend/searchbox.js";
import { choose, show } from "../../ui/map_view/frontend/selection.js";
import { hooks } from "../../ui/map_view/frontend/testing.js";
import { apply, mount } from "../../ui/map_view/frontend/view.js";
import { detailsPanel } from "./details.js";

/**
 * @typedef {import("./details.js").Data} Data
 * @typedef {import("../../ui/map_view/frontend/state.js").Selected} Selected
 * @typedef {import("../../ui/map_view/frontend/state.js").Host} Host
 */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @type {Data} */
const data = JSON.parse(byId("atlas-data").textContent ?? "{}");
const vis = /** @type {import("../../ui/map_view/types/vis-network").Vis} */ (globalThis.vis);
document.title = data.meta.title;
byId("title").textContent = data.meta.title;

/**
 * What the address names (`#id`, percent-escaped), if it is on the map; a broken escape or a name of
 * Object's own (`#constructor`, `#__proto__`) names nothing.
 * @returns {Selected | null}
 */
function wanted() {
  let id = "";
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return null;
  }
  if (Object.hasOwn(data.concepts, id)) return { kind: "concept", id };
  if (Object.hasOwn(data.relations, id)) return { kind: "relation", id };
  return null;
}

const showDetails = detailsPanel(byId("details"), data, (id) => choose(view, { kind: "concept", id }));

/**
 * A choice made on the map, in the search box or in the panel: its details, and the address.
 * @param {Selected | null} selected
 */
function chosen(selected) {
  showDetails(selected);
  document.body.dataset.selected = selected?.id ?? "";
  const address = selected ? `#${encodeURIComponent(selected.id)}` : " ";
  if (location.hash !== address.trim()) history.replaceState(null, "", address);
}

/** @type {Host} */
const host = {
  fillWindow: false, // the map fills its part of the page
  send: (name, value) => {
    if (name !== "select") return;
    const choice = /** @type {{kind: string, id: string | null}} */ (value);
    // A shift-click asks the page for a path, which needs the server: here it selects the concept.
    if (choice.kind === "path_end" && choice.id) choose(view, { kind: "concept", id: choice.id });
    else chosen(choice.kind === "concept" || choice.kind === "relation" ? /** @type {Selected} */ (choice) : null);
  },
  shown: (selected) => setSelected(box, selected),
};
const { view } = mount(byId("map"), host);
view.canvas.setAttribute("aria-label", `${data.meta.title}: concept map`);
const box = createBox(byId("search"), (selected) => {
  chosen(selected);
  if (view.settled) show(view, selected);
});
box.input.placeholder = "Search: a name, abbreviation or older term";
box.hint.textContent = "Search the map's concepts and relations by name, abbreviation or older term.";
useGraph(box, data.graph);

if (globalThis.__atlasTest) {
  // For tests: the page's hooks on the view (el.atlas), and the explorer's own names for two of them.
  const atlas = hooks(view);
  view.root.atlas = atlas;
  globalThis.atlasExplorer = { nodePosition: atlas.nodePosition, names: atlas.labels };
}

const first = wanted();
new MutationObserver((_, observer) => {
  if (view.root.dataset.settled !== "true") return;
  observer.disconnect();
  document.body.dataset.ready = "true";
}).observe(view.root, { attributes: true, attributeFilter: ["data-settled"] });
chosen(first);
apply(view, vis, {
  graph: data.graph,
  visible: null,
  visibleTag: null,
  selected: first,
  highlight: null,
  present: false,
  contrast: "normal",
  frame: [],
  touring: false,
  overlay: null,
  minHeight: 0,
});
