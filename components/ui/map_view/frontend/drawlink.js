// Drawing a relation on the map, for an author editing it (offered only when the host asks: the Edit panel).
// "Draw a relation" on the toolbar, or R on the keyboard, starts it: drag from one concept to another
// (vis-network's own edge-drawing mode, addEdgeMode, whose addEdge callback is always cancelled: the map's
// data is not changed), or click one and then the other, or choose each end with the arrow keys and Enter.
// Escape cancels. The two ends go to the page (`link`: {from, to}); the relation is written only when the
// author saves it there, and the map shows it once the file is read again. On a large map vis-network has no
// items to drag from, so its ends are chosen by clicks or keys alone.

import { press } from "./state.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {{offered: boolean, active: boolean, from: string | null}} Linking
 */

const BUTTON_TITLE = "Draw a relation: drag from one concept to another (R; Escape cancels)";

/**
 * The toolbar's button exists only while the host offers drawing relations; without it, none can start.
 * @param {View} view
 * @param {boolean} offered
 */
export function offerLinking(view, offered) {
  if (offered === view.link.offered) return;
  view.link.offered = offered;
  const toolbar = view.root.querySelector(".atlas-toolbar");
  if (!offered) {
    stopLinking(view);
    view.root.querySelector("[data-action=link]")?.remove();
    view.overlays = view.overlays.filter((overlay) => !overlay.classList.contains("atlas-linkhint"));
    view.root.querySelector(".atlas-linkhint")?.remove();
    return;
  }
  const hint = document.createElement("div");
  hint.className = "atlas-linkhint";
  hint.hidden = true;
  view.canvas.append(hint);
  view.overlays.push(hint); // names are not drawn under it
  const button = document.createElement("button");
  button.type = "button";
  button.dataset.action = "link";
  button.title = BUTTON_TITLE;
  button.textContent = "Draw a relation";
  button.setAttribute("aria-pressed", "false");
  button.onclick = () => (view.link.active ? stopLinking(view) : startLinking(view, null));
  toolbar?.append(button);
}

/**
 * Wait for the two ends: `from`, if given, is the first (the concept the keyboard is on, or the selection).
 * @param {View} view
 * @param {string | null} from
 */
export function startLinking(view, from) {
  const network = view.network;
  if (!view.link.offered || !network) return;
  view.link.active = true;
  view.link.from = from;
  view.root.dataset.linking = "true";
  view.root.querySelector("[data-action=link]")?.setAttribute("aria-pressed", "true");
  if (!view.large) {
    network.setOptions({
      manipulation: {
        enabled: false, // no vis-network toolbar: this view has its own button
        addEdge: (/** @type {{from: string, to: string}} */ data, /** @type {(edge: null) => void} */ keep) => {
          keep(null); // nothing is added to the map's data: the page writes the relation, if saved
          if (data.from !== data.to) finish(view, data.from, data.to);
          // a click (from = to) is taken by `linkClick`, as the map's click event
        },
      },
    });
    network.addEdgeMode();
  }
  tell(view);
}

/**
 * Drawing stops, nothing sent.
 * @param {View} view
 */
export function stopLinking(view) {
  if (!view.link.active) return;
  view.link.active = false;
  view.link.from = null;
  view.root.dataset.linking = "false";
  view.root.querySelector("[data-action=link]")?.setAttribute("aria-pressed", "false");
  view.network?.disableEditMode();
  hintOf(view)?.setAttribute("hidden", "");
  view.network?.redraw();
}

/**
 * A click while drawing: the first end, then the other (a click on the background changes nothing).
 * @param {View} view
 * @param {string | null} concept
 */
export function linkClick(view, concept) {
  if (!concept) return;
  if (!view.link.from || view.link.from === concept) {
    view.link.from = concept;
    view.cursor = concept; // ringed, as the keyboard's concept is
    view.network?.redraw();
    tell(view);
  } else finish(view, view.link.from, concept);
}

/**
 * The keys that draw: R starts (from the concept the keyboard is on, or the selected one); while drawing,
 * Enter takes the concept the keyboard is on as the next end, Escape cancels. Returns whether it took the key
 * (the arrow keys stay the keyboard's, which moves to any concept while drawing).
 * @param {View} view
 * @param {KeyboardEvent} event
 */
export function linkKey(view, event) {
  const link = view.link;
  if (!link.offered) return false;
  const key = event.key;
  if (!link.active && (key === "r" || key === "R") && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const selected = view.selected?.kind === "concept" ? view.selected.id : null;
    startLinking(view, view.cursor ?? selected);
    view.cursor = link.from;
    return true;
  }
  if (!link.active) return false;
  if (key === "Escape") {
    stopLinking(view);
    view.announcer.textContent = "No relation drawn.";
    return true;
  }
  if (key === "Enter") {
    linkClick(view, view.cursor);
    return true;
  }
  return false;
}

/**
 * @param {View} view
 * @param {string} from
 * @param {string} to
 */
function finish(view, from, to) {
  stopLinking(view);
  view.host.send("link", { from, to, press: press(view) });
  const label = (/** @type {string} */ id) => view.map?.raw.nodes.get(id)?.label ?? id;
  view.announcer.textContent = `A new relation from ${label(from)} to ${label(to)}: its form is beside the map.`;
}

/**
 * What to do next, on the map and to screen readers.
 * @param {View} view
 */
function tell(view) {
  const from = view.link.from && view.map?.raw.nodes.get(view.link.from);
  const text = from
    ? `From ${from.label}: now choose the other concept (click it, or the arrow keys and Enter). Escape cancels.`
    : "Drag from one concept to another, or click one then the other (or the arrow keys and Enter). Escape cancels.";
  const hint = hintOf(view);
  if (hint) {
    const line = document.createElement("span"); // an element: names are drawn clear of it (labels.js)
    line.textContent = text;
    hint.replaceChildren(line);
    hint.hidden = false;
    view.network?.redraw();
  }
  view.announcer.textContent = text;
}

/** @param {View} view */
function hintOf(view) {
  return /** @type {HTMLElement | null} */ (view.root.querySelector(".atlas-linkhint"));
}
