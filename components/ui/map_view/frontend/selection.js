// Choosing on the map: a click on a concept or a relation (or near its line), on the background to clear,
// a shift-click for a path's end; shown at once, framed and announced, and told to the page (Python).

import { announce } from "./announce.js";
import { frame } from "./camera.js";
import { linkClick } from "./drawlink.js";
import { dotNear, edgeNear } from "./hit.js";
import { restyle } from "./look.js";
import { looksOf, neighbourhood } from "./shown.js";
import { press, select } from "./state.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./state.js").Selected} Selected
 * @typedef {import("../types/vis-network").ClickEvent} ClickEvent
 */

/**
 * @param {View} view
 * @param {ClickEvent} event
 */
export function onClick(view, event) {
  const concept = event.nodes[0] ?? dotNear(view, event.pointer.DOM);
  if (view.link.active) {
    linkClick(view, concept ?? null); // drawing a relation: a click chooses its ends, not the selection
    return;
  }
  if (event.event?.srcEvent?.shiftKey && concept) {
    // Shift-click: the way from the selected concept to this one (Python finds and shows the routes).
    view.host.send("select", { kind: "path_end", id: concept, click: press(view) });
    return;
  }
  /** @type {Selected | null} */
  let selected = null;
  if (concept) selected = { kind: "concept", id: concept };
  else if (event.edges.length) selected = { kind: "relation", id: event.edges[0] };
  else {
    const near = edgeNear(view, event.pointer.DOM);
    if (near) selected = { kind: "relation", id: near };
  }
  choose(view, selected);
}

/**
 * A selection made here, by a click or a key: shown at once, framed, announced, and sent to the page.
 * @param {View} view
 * @param {Selected | null} selected
 */
export function choose(view, selected) {
  const click = press(view);
  view.host.send("select", selected ?? { kind: "none", id: null, click });
  show(view, selected);
}

/**
 * A selection shown before Python has it: drawn and framed once the click has gone (Python's echo of it
 * then changes nothing), and announced.
 * @param {View} view
 * @param {Selected | null} selected
 */
export function show(view, selected) {
  select(view, selected);
  view.host.shown(selected);
  // Python first: the view redraws once Streamlit has sent the click (its own zero-delay timer, queued
  // before this one), so the server finds the details while the map is drawn.
  setTimeout(() => {
    if (view.selected !== selected) return;
    restyle(view);
    view.looks = looksOf(view, selected); // Python's echo of this click then draws nothing again
    if (selected) frame(view, neighbourhood(view, selected));
    announce(view);
  }, 0);
}
