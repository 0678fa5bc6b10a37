// The search box above the map on the page (searchbox.js), mounted as a Streamlit element of its own.
//
// It searches in the browser, in the map the page already holds (see store.js), so typing costs the
// server nothing and no list of every name crosses the wire on each run, however large the map. What
// it shows and matches on (a concept's name, abbreviation, kind and older names; a relation as it reads)
// is made in Python, in drawing.search_labels, with each concept's other names apart (a node's `also`,
// drawing.search_aliases) so that one typed exactly ranks its concept first.

import { createBox, setSelected, useGraph } from "./searchbox.js";
import * as store from "./store.js";
import { listenForMap, tellMap } from "./sync.js";

/**
 * @typedef {import("./searchbox.js").Box} Box
 * @typedef {import("./sync.js").Component} Component
 * @typedef {{run: number, graph: {blob: string, tag: string}, selected: import("./state.js").Selected | null,
 *   placeholder?: string, help?: string}} SearchData
 * @typedef {{box: Box, run: number, picks: number, wanted: string | null, mapBlob: string | null,
 *   setTriggerValue: Component["setTriggerValue"], stopListening: () => void}} Mounted
 */

/** @type {WeakMap<HTMLElement, Mounted>} */
const boxes = new WeakMap(); // parentElement -> the box mounted there

/**
 * @param {Component} component
 * @param {SearchData} data
 */
export function renderSearch(component, data) {
  const { parentElement, setTriggerValue } = component;
  let mounted = boxes.get(parentElement);
  if (!mounted) mounted = mountBox(parentElement, setTriggerValue);
  const { box } = mounted;
  const cleanup = () => {
    if (parentElement.isConnected) return; // an overtaken render's cleanup: the box stays (see network.js)
    mounted.stopListening();
    boxes.delete(parentElement);
  };
  if (data.run < mounted.run) return cleanup; // an overtaken run's data, come after a newer one's
  mounted.run = data.run;
  mounted.setTriggerValue = setTriggerValue;
  box.input.placeholder = data.placeholder ?? "Search";
  box.input.title = data.help ?? "";
  box.hint.textContent = data.help ?? "";
  mounted.wanted = data.graph.tag;
  mounted.mapBlob = data.graph.blob; // names the map this box searches
  box.selected = data.selected ?? null;
  store.json(data.graph.blob, data.graph.tag).then((graph) => {
    if (mounted.wanted === graph.version) useGraph(box, graph);
  });
  return cleanup;
}

/**
 * @param {HTMLElement} parentElement
 * @param {Component["setTriggerValue"]} setTriggerValue
 * @returns {Mounted}
 */
function mountBox(parentElement, setTriggerValue) {
  /** @type {Mounted} */
  const mounted = {
    box: createBox(parentElement, (selected) => {
      mounted.picks += 1;
      mounted.setTriggerValue("select", { ...selected, click: mounted.picks });
      // The map shows the choice at once, while Python finds its details (see sync.js).
      tellMap(mounted.mapBlob, selected);
    }),
    run: 0,
    picks: 0,
    wanted: null,
    mapBlob: null,
    setTriggerValue,
    stopListening: () => {},
  };
  // A selection made on the map (or in the panel) reruns the map, not the header: the map tells the box.
  mounted.stopListening = listenForMap((map, selected) => {
    if (map === mounted.mapBlob) setSelected(mounted.box, selected);
  });
  boxes.set(parentElement, mounted);
  return mounted;
}
