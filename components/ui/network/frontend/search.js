// The search box above the map: an ARIA combobox over every concept and relation of the map.
//
// It searches in the browser, in the map the page already holds (see store.js), so typing costs the
// server nothing and no list of every name crosses the wire on each run, however large the map. What
// it shows and matches on (a concept's name, abbreviation, kind and older names; a relation as it reads)
// is made in Python, in view_data.search_labels, with each concept's other names apart (a node's `also`,
// view_data.search_aliases) so that one typed exactly ranks its concept first. What matches, and in
// which order, is ranking.js. Choosing an entry selects it, as a click on the map does.

import * as store from "./store.js";
import { markup } from "./markup.js";
import { indexing, search } from "./ranking.js";

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
const boxes = new WeakMap(); // parentElement -> search state

export function renderSearch(component) {
  const { data, parentElement, setTriggerValue } = component;
  let box = boxes.get(parentElement);
  if (!box) {
    box = createBox(parentElement);
    boxes.set(parentElement, box);
  }
  const cleanup = () => {
    if (parentElement.isConnected) return; // an overtaken render's cleanup: the box stays (see network.js)
    document.removeEventListener("atlas:selected", box.onSelected);
    boxes.delete(parentElement);
  };
  if (data.run < box.run) return cleanup; // an overtaken run's data, come after a newer one's
  box.run = data.run;
  box.setTriggerValue = setTriggerValue;
  box.input.placeholder = data.placeholder ?? "Search";
  box.input.title = data.help ?? "";
  box.hint.textContent = data.help ?? "";
  box.wanted = data.graph.tag;
  box.mapBlob = data.graph.blob; // names the map this box searches
  box.selected = data.selected ?? null;
  store.json(data.graph.blob, data.graph.tag).then((graph) => {
    if (box.wanted !== graph.version) return;
    box.graph = graph; // indexed once the page is idle, or when the box is focused or typed in
    if (box.version !== graph.version) box.index = null;
    showSelected(box);
    if (window.requestIdleCallback) requestIdleCallback(() => startIndexing(box), { timeout: 3000 });
  });
  return cleanup;
}

function createBox(parentElement) {
  parentElement.append(markup(SEARCH_HTML));
  const root = parentElement.querySelector(".atlas-search");
  const box = {
    root,
    input: root.querySelector("input"),
    list: root.querySelector("[role=listbox]"),
    hint: root.querySelector(".atlas-search-hint"),
    graph: null, // the map, once unpacked
    index: null, // ranking.js's index of the map's words: made when the page is first idle (or the box used)
    building: null, // the index being made, a step at a time, and the map's version it is of
    version: null,
    wanted: null,
    selected: null,
    matches: [],
    active: -1,
    picks: 0,
    setTriggerValue: null,
    onSelected: null,
    run: 0, // the number of the Python run whose data the box shows
  };
  box.input.addEventListener("input", () => open(box));
  box.input.addEventListener("focus", () => {
    box.input.select();
    startIndexing(box); // before the first letter, not with it
  });
  box.input.addEventListener("keydown", (event) => onKey(box, event));
  box.input.addEventListener("blur", () => setTimeout(() => close(box, true), 150));
  box.list.addEventListener("pointerdown", (event) => event.preventDefault()); // keep the focus in the box
  // A selection made on the map (or in the panel) reruns the map, not the header: the map tells the box.
  box.onSelected = (event) => {
    if (event.detail.map !== box.mapBlob) return;
    box.selected = event.detail.selected ?? null;
    showSelected(box);
  };
  document.addEventListener("atlas:selected", box.onSelected);
  box.list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) pick(box, Number(option.dataset.index));
  });
  return box;
}

// Makes the index a step at a time, between the page's other work (a large map takes a tenth of a second).
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

// The index, finished now if a letter comes before it is.
function indexed(box) {
  const graph = box.graph;
  if (box.index && box.version === graph.version) return box.index;
  if (box.building?.version !== graph.version) box.building = { steps: indexing(graph), version: graph.version };
  for (;;) {
    const next = box.building.steps.next();
    if (next.done) return done(box, next.value);
  }
}

function done(box, index) {
  box.version = box.building.version;
  box.building = null;
  box.index = index;
  return index;
}

// The box shows what is selected (from a click on the map, say) while it is not being typed in.
function showSelected(box) {
  if (document.activeElement === box.input && !box.list.hidden) return;
  box.input.value = box.selected && box.graph ? nameOf(box.graph, box.selected) : "";
}

function nameOf(graph, selected) {
  if (selected.kind === "concept") return graph.nodes.find((node) => node.id === selected.id)?.label ?? "";
  return graph.edges.find((edge) => edge.id === selected.id)?.search ?? "";
}

// The entries that match what is typed, best first (see ranking.js), at most SHOWN.
function matching(box, text) {
  if (!text.trim() || !box.graph) return [];
  return search(indexed(box), text, SHOWN);
}

function open(box) {
  box.matches = matching(box, box.input.value);
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
  if (box.input.value.trim() && !items.length) {
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

function close(box, restore) {
  box.list.hidden = true;
  box.input.setAttribute("aria-expanded", "false");
  box.input.removeAttribute("aria-activedescendant");
  if (restore && document.activeElement !== box.input) showSelected(box);
}

function highlight(box) {
  for (const [position, item] of [...box.list.querySelectorAll("[role=option]")].entries()) {
    const active = position === box.active;
    item.setAttribute("aria-selected", String(active));
    if (active) item.scrollIntoView({ block: "nearest" });
  }
  if (box.active >= 0) box.input.setAttribute("aria-activedescendant", `atlas-search-option-${box.active}`);
  else box.input.removeAttribute("aria-activedescendant");
}

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

function pick(box, position) {
  const entry = box.matches[position];
  if (!entry) return;
  box.selected = { kind: entry.kind, id: entry.id };
  box.input.value = entry.name;
  close(box, false);
  box.picks += 1;
  box.setTriggerValue("select", { kind: entry.kind, id: entry.id, click: box.picks });
  // The map shows the choice at once, while Python finds its details (see network.js, onSearch).
  document.dispatchEvent(new CustomEvent("atlas:search", { detail: { map: box.mapBlob, selected: box.selected } }));
}
