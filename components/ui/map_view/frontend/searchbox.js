// The search box: an ARIA combobox over every concept and relation of a map, searched in the browser
// (ranking.js: what matches, and in which order). The page mounts it above the map (search.js); the
// standalone explorer in its header. Choosing an entry selects it, as a click on the map does.

import { markup } from "./markup.js";
import { search } from "./ranking.js";
import { indexing } from "./searchindex.js";

/**
 * @typedef {import("./graph.js").Graph} Graph
 * @typedef {import("./state.js").Selected} Selected
 * @typedef {import("./searchindex.js").Entry} Entry
 * @typedef {import("./searchindex.js").Index} Index
 * @typedef {Object} Box
 * @property {HTMLElement} root
 * @property {HTMLInputElement} input
 * @property {HTMLElement} list
 * @property {HTMLElement} hint
 * @property {Graph | null} graph  the map, once unpacked
 * @property {Index | null} index  of the map's words: made when the page is first idle (or the box used)
 * @property {{steps: Generator<undefined, Index>, version: string} | null} building  the index being made
 * @property {string | null} version  of the map indexed
 * @property {Selected | null} selected
 * @property {Entry[]} matches
 * @property {number} active  the option the arrow keys are on
 * @property {(selected: Selected) => void} onPick
 */

const SEARCH_HTML = `
<div class="atlas-search">
  <input type="text" role="combobox" aria-label="Search" aria-autocomplete="list" aria-expanded="false"
         aria-controls="atlas-search-list" aria-describedby="atlas-search-hint" autocomplete="off"
         spellcheck="false">
  <ul role="listbox" id="atlas-search-list" aria-label="Matching concepts and relations" hidden></ul>
  <p class="atlas-hidden atlas-search-hint" id="atlas-search-hint"></p>
</div>
`;
const SHOWN = 40; // entries listed at most: typing narrows the rest

/**
 * @param {HTMLElement} parent
 * @param {(selected: Selected) => void} onPick
 * @returns {Box}
 */
export function createBox(parent, onPick) {
  parent.append(markup(SEARCH_HTML));
  const root = /** @type {HTMLElement} */ (parent.querySelector(".atlas-search"));
  /** @type {Box} */
  const box = {
    root,
    input: /** @type {HTMLInputElement} */ (root.querySelector("input")),
    list: /** @type {HTMLElement} */ (root.querySelector("[role=listbox]")),
    hint: /** @type {HTMLElement} */ (root.querySelector(".atlas-search-hint")),
    graph: null,
    index: null,
    building: null,
    version: null,
    selected: null,
    matches: [],
    active: -1,
    onPick,
  };
  box.input.addEventListener("input", () => open(box));
  box.input.addEventListener("focus", () => {
    box.input.select();
    startIndexing(box); // before the first letter, not with it
  });
  box.input.addEventListener("keydown", (event) => onKey(box, event));
  box.input.addEventListener("blur", () => setTimeout(() => close(box, true), 150));
  box.list.addEventListener("pointerdown", (event) => event.preventDefault()); // keep the focus in the box
  box.list.addEventListener("click", (event) => {
    const option = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest("[role=option]"));
    if (option) pick(box, Number(option.dataset.index));
  });
  return box;
}

/**
 * The map to search: indexed once the page is idle, or when the box is focused or typed in.
 * @param {Box} box
 * @param {Graph} graph
 */
export function useGraph(box, graph) {
  box.graph = graph;
  if (box.version !== graph.version) box.index = null;
  showSelected(box);
  if ("requestIdleCallback" in window) requestIdleCallback(() => startIndexing(box), { timeout: 3000 });
}

/**
 * What is selected (from a click on the map, say), shown in the box while it is not being typed in.
 * @param {Box} box
 * @param {Selected | null} selected
 */
export function setSelected(box, selected) {
  box.selected = selected;
  showSelected(box);
}

/**
 * Makes the index a step at a time, between the page's other work (a large map takes a tenth of a second).
 * @param {Box} box
 */
function startIndexing(box) {
  const graph = box.graph;
  if (!graph || box.version === graph.version || box.building?.version === graph.version) return;
  const building = { steps: indexing(graph), version: graph.version };
  box.building = building;
  const step = () => {
    if (box.building !== building) return; // finished by a letter typed meanwhile, or another map came
    const next = building.steps.next();
    if (next.done) done(box, next.value);
    else setTimeout(step);
  };
  setTimeout(step);
}

/**
 * The index, finished now if a letter comes before it is.
 * @param {Box} box
 * @param {Graph} graph
 */
function indexed(box, graph) {
  if (box.index && box.version === graph.version) return box.index;
  if (box.building?.version !== graph.version) box.building = { steps: indexing(graph), version: graph.version };
  for (;;) {
    const next = box.building.steps.next();
    if (next.done) return done(box, next.value);
  }
}

/**
 * @param {Box} box
 * @param {Index} index
 */
function done(box, index) {
  box.version = box.building?.version ?? null;
  box.building = null;
  box.index = index;
  return index;
}

/** @param {Box} box */
function showSelected(box) {
  if (focused(box) && !box.list.hidden) return;
  box.input.value = box.selected && box.graph ? nameOf(box.graph, box.selected) : "";
}

/**
 * @param {Graph} graph
 * @param {Selected} selected
 */
function nameOf(graph, selected) {
  if (selected.kind === "concept") return graph.nodes.find((node) => node.id === selected.id)?.label ?? "";
  return graph.edges.find((edge) => edge.id === selected.id)?.search ?? "";
}

/** @param {Box} box */
function open(box) {
  const text = box.input.value;
  box.matches = text.trim() && box.graph ? search(indexed(box, box.graph), text, SHOWN) : [];
  box.active = box.matches.length ? 0 : -1;
  const items = box.matches.map((entry, position) => {
    const item = document.createElement("li");
    item.setAttribute("role", "option");
    item.id = `atlas-search-option-${position}`;
    item.dataset.index = String(position);
    item.textContent = entry.text;
    item.className = entry.kind === "relation" ? "atlas-search-relation" : "";
    return item;
  });
  if (text.trim() && !items.length) {
    const none = document.createElement("li");
    none.className = "atlas-search-none";
    none.textContent = "Nothing on the map matches.";
    items.push(none);
  }
  box.list.replaceChildren(...items);
  box.list.hidden = !items.length;
  box.input.setAttribute("aria-expanded", String(!box.list.hidden));
  highlight(box);
}

/**
 * @param {Box} box
 * @param {boolean} restore
 */
function close(box, restore) {
  box.list.hidden = true;
  box.input.setAttribute("aria-expanded", "false");
  box.input.removeAttribute("aria-activedescendant");
  if (restore && !focused(box)) showSelected(box);
}

/**
 * Whether the box has the keyboard: `document.activeElement` is the component's host, not the input, when the
 * box sits in a shadow root (the page's component), so a rerun while typing wiped what was typed.
 * @param {Box} box
 */
function focused(box) {
  return box.input.matches(":focus");
}

/** @param {Box} box */
function highlight(box) {
  for (const [position, item] of [...box.list.querySelectorAll("[role=option]")].entries()) {
    const active = position === box.active;
    item.setAttribute("aria-selected", String(active));
    if (active) item.scrollIntoView({ block: "nearest" });
  }
  if (box.active >= 0) box.input.setAttribute("aria-activedescendant", `atlas-search-option-${box.active}`);
  else box.input.removeAttribute("aria-activedescendant");
}

/**
 * @param {Box} box
 * @param {KeyboardEvent} event
 */
function onKey(box, event) {
  const count = box.matches.length;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (box.list.hidden) open(box);
    else if (count) box.active = (box.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count;
    highlight(box);
  } else if (event.key === "Enter" && !box.list.hidden && box.active >= 0) pick(box, box.active);
  else if (event.key === "Escape") {
    close(box, false);
    showSelected(box);
  } else return;
  event.preventDefault();
}

/**
 * @param {Box} box
 * @param {number} position
 */
function pick(box, position) {
  const entry = box.matches[position];
  if (!entry) return;
  box.selected = { kind: entry.kind, id: entry.id };
  box.input.value = entry.name;
  close(box, false);
  box.onPick(box.selected);
}
