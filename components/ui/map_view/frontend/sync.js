// What the map view and the rest of the page tell each other on the Streamlit page (the standalone
// explorer wires the same parts directly): a choice on the map goes to Python (setTriggerValue) and to the
// search box above the map (a document event, `atlas:selected`); the box's choice comes to the map the same
// way (`atlas:search`). Each side names the map by its blob (the hidden element that carries its data).

/**
 * @typedef {import("./state.js").Host} Host
 * @typedef {import("./state.js").Selected} Selected
 * What a custom component (v2) is given on each run (Streamlit's own type, the part used here).
 * @typedef {{data: unknown, parentElement: HTMLElement, setStateValue: (name: string, value: unknown) => void,
 *   setTriggerValue: (name: string, value: unknown) => void}} Component
 * @typedef {Host & {setTriggerValue: Component["setTriggerValue"] | null, graphBlob: string | null}} PageHost
 */

/**
 * The map's host on the page: choices go to Python through the latest run's setTriggerValue.
 * @returns {PageHost}
 */
export function pageHost() {
  /** @type {PageHost} */
  const host = {
    fillWindow: true,
    setTriggerValue: null,
    graphBlob: null,
    send: (name, value) => host.setTriggerValue?.(name, value),
    // The search box above this map shows what is selected: a click reruns only the map and the panel,
    // not the header the box is in, so the box hears of it here.
    shown: (selected) => announceTo("atlas:selected", host.graphBlob, selected),
  };
  return host;
}

/**
 * A choice in the search box, told to the map it searches.
 * @param {string | null} map
 * @param {Selected | null} selected
 */
export function tellMap(map, selected) {
  announceTo("atlas:search", map, selected);
}

/**
 * Calls `heard(map, selected)` on each choice made in a search box; returns what stops it.
 * @param {(map: string | null, selected: Selected | null) => void} heard
 */
export function listenForSearch(heard) {
  return listen("atlas:search", heard);
}

/**
 * Calls `heard(map, selected)` on each selection a map shows; returns what stops it.
 * @param {(map: string | null, selected: Selected | null) => void} heard
 */
export function listenForMap(heard) {
  return listen("atlas:selected", heard);
}

/**
 * @param {string} type
 * @param {string | null} map
 * @param {Selected | null} selected
 */
function announceTo(type, map, selected) {
  document.dispatchEvent(new CustomEvent(type, { detail: { map, selected } }));
}

/**
 * @param {string} type
 * @param {(map: string | null, selected: Selected | null) => void} heard
 */
function listen(type, heard) {
  /** @param {Event} event */
  const handler = (event) => {
    const { detail } = /** @type {CustomEvent<{map: string | null, selected: Selected | null}>} */ (event);
    heard(detail.map, detail.selected ?? null);
  };
  document.addEventListener(type, handler);
  return () => document.removeEventListener(type, handler);
}
