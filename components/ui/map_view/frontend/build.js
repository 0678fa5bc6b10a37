// The Build panel's board on the page: the student draws their own map of the paper in the map's place. Concepts
// come from the map's own list (the search box over the map, so that names match) or are typed anew; links
// are drawn by pointer (sketch.js) or keyboard (buildkeys.js). Every edit is kept in the browser (history.js)
// and told to Python (the element's state `drawing`), which checks it and sends back how each link is judged.

import { addConcept, removePicked, rename, replace, step, textOf, UNJUDGED } from "./board.js";
import { onCanvasKey, onUndoKey } from "./buildkeys.js";
import { createHistory, empty, isDrawing, keep, restore } from "./history.js";
import { markup } from "./markup.js";
import { createBox, useGraph } from "./searchbox.js";
import { draw, listen } from "./sketch.js";
import * as store from "./store.js";

/**
 * @typedef {import("./sync.js").Component} Component
 * @typedef {import("./board.js").Board} Board
 * @typedef {import("./board.js").Line} Line
 * @typedef {import("./history.js").Drawing} Drawing
 * What Python sends the board on each run (map_view.build).
 * @typedef {{run: number, graph: {blob: string, tag: string}, storage: string, phrases: string[],
 *   offered: {id: string, label: string}[], start: Drawing | null, load: {token: string, drawing: Drawing} | null,
 *   known: string | null, checked: {verdicts: Record<string, string>, missing: Board["missing"], lines: Line[]} | null,
 *   minHeight: number}} BuildData
 * @typedef {{board: Board, run: number, storage: string, loaded: string | null, send: Component["setStateValue"],
 *   box: import("./searchbox.js").Box, offered: string}} Mounted
 */

const BUILD_HTML = `
<div class="atlas-build">
  <div class="atlas-build-bar">
    <div class="atlas-build-add"></div>
    <button type="button" data-action="new" title="Add what is typed in the box as a concept of your own">Add as new</button>
  </div>
  <div class="atlas-build-offered" hidden><span>Concepts to use:</span></div>
  <div class="atlas-build-bar">
    <button type="button" data-action="link" title="Link the chosen concept to another (L)">Link to…</button>
    <label class="atlas-build-field"><span>Name</span>
      <input type="text" class="atlas-build-text" autocomplete="off" disabled></label>
    <datalist id="atlas-build-phrases"></datalist>
    <button type="button" data-action="delete" title="Delete what is chosen (Delete)">Delete</button>
    <button type="button" data-action="undo" title="Undo (Ctrl+Z)">Undo</button>
    <button type="button" data-action="redo" title="Redo (Ctrl+Shift+Z)">Redo</button>
    <button type="button" data-action="clear" title="Clear the board (undoable)">Start again</button>
  </div>
  <div class="atlas-build-board">
    <svg class="atlas-build-canvas" tabindex="0" role="application" aria-roledescription="drawing board"
         aria-label="Your map" aria-describedby="atlas-build-keys">
      <g class="atlas-build-layer"></g>
      <line class="atlas-build-rubber" style="display: none"></line>
    </svg>
    <p class="atlas-build-empty">Your map is empty: add a concept with the box above.</p>
    <div class="atlas-build-legend" role="list" aria-label="How your links were judged"></div>
  </div>
  <p class="atlas-build-keys" id="atlas-build-keys">Drag a concept to move it; drag from its dot to another
    concept to link them. Keys: arrows choose a concept, L links it, Enter names, Delete removes, Ctrl+Z undoes.</p>
</div>
`;

/** @type {WeakMap<HTMLElement, Mounted>} */
const boards = new WeakMap(); // parentElement -> the board mounted there

/**
 * @param {Component} component
 * @param {BuildData} data
 */
export function renderBuild(component, data) {
  const { parentElement } = component;
  const mounted = boards.get(parentElement) ?? mountBoard(parentElement, data);
  const cleanup = () => {
    if (!parentElement.isConnected) boards.delete(parentElement);
  };
  if (data.run < mounted.run) return cleanup; // an overtaken run's data (see network.js)
  mounted.run = data.run;
  mounted.send = component.setStateValue;
  const { board } = mounted;
  if (data.load && data.load.token !== mounted.loaded && isDrawing(data.load.drawing)) {
    mounted.loaded = data.load.token; // a file opened: once, never again on return
    replace(board, data.load.drawing);
  }
  board.verdicts = data.checked?.verdicts ?? {};
  board.missing = data.checked?.missing ?? [];
  board.lines = data.checked?.lines ?? [];
  board.root.dataset.checked = String(Boolean(data.checked));
  offer(mounted, data.offered);
  const phrases = /** @type {HTMLElement} */ (board.root.querySelector("datalist"));
  if (phrases.childElementCount !== data.phrases.length) {
    phrases.replaceChildren(
      ...data.phrases.map((phrase) => Object.assign(document.createElement("option"), { value: phrase })),
    );
  }
  fitHeight(board, data.minHeight);
  shown(mounted);
  if (board.drawing.rev !== data.known) tell(mounted);
  store.json(data.graph.blob, data.graph.tag).then((graph) => {
    // Once per map: useGraph shows the box's selection again, which would wipe what is being typed.
    if (mounted.box.graph?.version !== graph.version) useGraph(mounted.box, graph);
  });
  return cleanup;
}

/**
 * The board's markup and state in `parent`: the drawing the browser kept for this map, else the exercise's start.
 * @param {HTMLElement} parent
 * @param {BuildData} data
 * @returns {Mounted}
 */
function mountBoard(parent, data) {
  parent.append(markup(BUILD_HTML));
  const root = /** @type {HTMLElement} */ (parent.querySelector(".atlas-build"));
  /** @param {string} selector */
  const find = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  const kept = restore(data.storage);
  const start = data.start && isDrawing(data.start) ? data.start : empty();
  /** @type {Board} */
  const board = {
    root,
    svg: /** @type {SVGSVGElement} */ (/** @type {unknown} */ (find(".atlas-build-canvas"))),
    drawing: kept?.drawing ?? start,
    history: createHistory(),
    picked: null,
    linking: null,
    target: null,
    pan: { x: 0, y: 0 },
    verdicts: {},
    missing: [],
    lines: [],
    changed: () => {
      keep(mounted.storage, { drawing: board.drawing, loaded: mounted.loaded });
      shown(mounted);
      tell(mounted);
    },
    redraw: () => shown(mounted),
    ask: (what) => (what === "search" ? mounted.box.input : text).focus(),
  };
  const text = /** @type {HTMLInputElement} */ (find(".atlas-build-text"));
  /** @type {Mounted} */
  const mounted = {
    board,
    run: 0,
    storage: data.storage,
    loaded: kept?.loaded ?? null,
    send: () => {},
    box: createBox(find(".atlas-build-add"), (selected) => {
      if (selected.kind !== "concept") return; // a relation of the map: the student draws their own
      const node = mounted.box.graph?.nodes.find((n) => n.id === selected.id);
      if (node) addConcept(board, node.label, node.id);
      mounted.box.selected = null; // the box adds, it does not select: empty again for the next
      mounted.box.input.value = "";
    }),
    offered: "",
  };
  const box = mounted.box;
  box.input.placeholder = "Add a concept: search the map's names, or type a new one";
  box.input.setAttribute("aria-label", "Add a concept");
  box.input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.defaultPrevented || !box.input.value.trim()) return;
    addConcept(board, box.input.value); // nothing on the map matches: a concept of the student's own
    box.input.value = "";
  });
  /** @param {string} action @param {() => void} act */
  const button = (action, act) => {
    find(`[data-action=${action}]`).onclick = act;
  };
  button("new", () => {
    addConcept(board, box.input.value);
    box.input.value = "";
  });
  button("link", () => {
    if (board.picked?.kind !== "concept") return board.svg.focus();
    board.linking = board.picked.id;
    shown(mounted);
    board.svg.focus();
  });
  button("delete", () => removePicked(board));
  button("undo", () => step(board, "undo"));
  button("redo", () => step(board, "redo"));
  button("clear", () => replace(board, empty()));
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      rename(board, text.value);
      board.svg.focus({ preventScroll: true });
    } else if (event.key === "Escape") board.svg.focus({ preventScroll: true });
    else return;
    event.preventDefault();
  });
  text.addEventListener("change", () => rename(board, text.value));
  board.svg.addEventListener("keydown", (event) => onCanvasKey(board, event));
  board.svg.addEventListener("dblclick", () => board.picked && text.focus());
  root.addEventListener("keydown", (event) => onUndoKey(board, event));
  listen(board);
  boards.set(parent, mounted);
  return mounted;
}

/**
 * The drawing, what is chosen, the field for its words, the legend.
 * @param {Mounted} mounted
 */
function shown(mounted) {
  const { board } = mounted;
  draw(board);
  const root = board.root;
  root.dataset.concepts = String(board.drawing.concepts.length);
  root.dataset.links = String(board.drawing.links.length);
  /** @param {string} selector */
  const find = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
  find(".atlas-build-empty").hidden = board.drawing.concepts.length > 0;
  const text = /** @type {HTMLInputElement} */ (find(".atlas-build-text"));
  const picked = board.picked;
  const isLink = picked?.kind === "link";
  find(".atlas-build-field span").textContent = isLink ? "Link words" : "Name";
  if (isLink) text.setAttribute("list", "atlas-build-phrases");
  else text.removeAttribute("list");
  text.placeholder = isLink ? "e.g. is part of" : picked ? "" : "Choose a concept or link";
  text.disabled = !picked;
  const focused = /** @type {Document | ShadowRoot} */ (root.getRootNode()).activeElement;
  if (focused !== text) text.value = picked ? textOf(board, picked) : "";
  find("[data-action=link]").setAttribute("aria-pressed", String(Boolean(board.linking)));
  legend(board, find(".atlas-build-legend"));
  const drawn = new Set(board.drawing.concepts.map((c) => c.id));
  for (const button of root.querySelectorAll("[data-offer]")) {
    button.classList.toggle("drawn", drawn.has(/** @type {HTMLElement} */ (button).dataset.offer ?? ""));
  }
}

/**
 * The verdicts the drawing shows, each with its line.
 * @param {Board} board
 * @param {HTMLElement} element
 */
function legend(board, element) {
  const shownVerdicts = new Set(
    [...board.root.querySelectorAll("[data-verdict]")].map((e) => /** @type {HTMLElement} */ (e).dataset.verdict),
  );
  if (board.missing.length) shownVerdicts.add("missing");
  const items = board.lines
    .filter((line) => shownVerdicts.has(line.standing))
    .map((line) => {
      const item = document.createElement("div");
      item.setAttribute("role", "listitem");
      const swatch = document.createElement("span");
      swatch.className = "atlas-build-swatch";
      const style = Array.isArray(line.dashes) ? "dashed" : "solid";
      swatch.style.borderTop = `3px ${style} ${line.color}`;
      item.append(swatch, document.createTextNode(line.label));
      return item;
    });
  if (shownVerdicts.has(UNJUDGED)) {
    const item = document.createElement("div");
    item.setAttribute("role", "listitem");
    item.textContent = "… words not in the vocabulary: not judged";
    items.push(item);
  }
  element.replaceChildren(...items);
  element.hidden = !items.length;
}

/**
 * The map's concepts the exercise asks for, as buttons (grey once drawn).
 * @param {Mounted} mounted
 * @param {{id: string, label: string}[]} offered
 */
function offer(mounted, offered) {
  const root = /** @type {HTMLElement} */ (mounted.board.root.querySelector(".atlas-build-offered"));
  const names = offered.map((c) => c.id).join(" ");
  if (names !== mounted.offered) {
    mounted.offered = names;
    const buttons = offered.map((concept) => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.offer = concept.id;
      button.textContent = concept.label;
      button.onclick = () => addConcept(mounted.board, concept.label, concept.id);
      return button;
    });
    root.replaceChildren(/** @type {Node} */ (root.firstElementChild), ...buttons);
  }
  root.hidden = !offered.length;
}

/**
 * Python hears of the drawing (it keeps it for the check, the download and the session).
 * @param {Mounted} mounted
 */
function tell(mounted) {
  const { concepts, links, rev } = mounted.board.drawing;
  mounted.send("drawing", { concepts, links, rev });
}

/**
 * The board reaches down to the bottom of the window (on a phone, most of it).
 * @param {Board} board
 * @param {number} least
 */
function fitHeight(board, least) {
  const top = board.svg.getBoundingClientRect().top + window.scrollY;
  const room = window.innerWidth < 640 ? window.innerHeight * 0.6 : window.innerHeight - top - 40;
  board.root.style.setProperty("--atlas-build-height", `${Math.max(least || 320, Math.round(room))}px`);
}
