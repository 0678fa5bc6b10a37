// The legend over the map's corner: only the kinds on the map as it is shown, each with how many there
// are, then what its lines mean (how firmly a relation stands, or a scored map's verdicts).

import { shapePath } from "./shapes.js";
import { visibleIds } from "./shown.js";

/**
 * @typedef {import("./state.js").View} View
 * @typedef {import("./graph.js").Kind} Kind
 * @typedef {import("./graph.js").Line} Line
 */

const SVG = "http://www.w3.org/2000/svg";

/**
 * Counted again only when the map, the filters or the kinds of line change (not on every click).
 * @param {View} view
 */
export function drawLegend(view) {
  const map = view.map;
  if (!map) return;
  const lines = view.overlay ? view.overlay.lines : map.lines;
  const key = JSON.stringify([view.version, view.visibleTag, lines]);
  if (view.legendState.key === key) return;
  view.legendState.key = key;
  view.legendState.byKind = Object.fromEntries(map.kinds.map((entry) => [entry.kind, entry.singular]));
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const id of visibleIds(view)) {
    const kind = map.raw.nodes.get(id)?.kind;
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const shownEdges = view.visible ? view.visible.edges : [...map.raw.edges.keys()];
  const standings = new Set(shownEdges.map((id) => map.raw.edges.get(id)?.standing));
  const kinds = map.kinds.filter((entry) => counts.get(entry.kind));
  const styles = lines.filter((line) => line.color || standings.has(line.standing));
  const container = view.legend;
  const signature = JSON.stringify([kinds.map((entry) => [entry.kind, counts.get(entry.kind)]), styles]);
  if (container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  container.replaceChildren(
    ...kinds.map((entry) => legendItem(shapeIcon(entry), `${entry.label} ${counts.get(entry.kind)}`)),
    ...styles.map((line) => legendItem(lineIcon(line), line.label, line.help)),
  );
}

/**
 * The legend shows (or not): hidden by default on a phone (its canvas is too small to share) and when
 * presenting; the Legend button toggles it.
 * @param {View} view
 * @param {boolean} shown
 */
export function setLegend(view, shown) {
  view.legend.hidden = !shown;
  view.root.querySelector("[data-action=legend]")?.setAttribute("aria-pressed", String(shown));
  view.network?.redraw();
}

/**
 * @param {Element} icon
 * @param {string} text
 */
function legendItem(icon, text, help = "") {
  const item = document.createElement("span");
  item.className = "atlas-legend-item";
  item.setAttribute("role", "listitem");
  if (help) item.title = help;
  const label = document.createElement("span");
  label.textContent = text;
  item.append(icon, label);
  return item;
}

/** @param {Kind} entry */
function shapeIcon(entry) {
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 16 16");
  icon.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", shapePath(entry.shape));
  path.setAttribute("fill", entry.color);
  path.setAttribute("stroke", entry.border);
  icon.append(path);
  return icon;
}

/** @param {Line} line */
function lineIcon(line) {
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 22 8");
  icon.setAttribute("aria-hidden", "true");
  icon.classList.add("atlas-line-icon");
  const stroke = document.createElementNS(SVG, "line");
  const ends = { x1: "1", y1: "4", x2: "21", y2: "4", "stroke-width": "2" };
  for (const [name, value] of Object.entries(ends)) stroke.setAttribute(name, value);
  stroke.setAttribute("stroke", line.color ?? "currentColor");
  if (line.dashes) stroke.setAttribute("stroke-dasharray", line.dashes.join(" "));
  icon.append(stroke);
  return icon;
}
