// What screen readers say aloud: the concept the keyboard is on, or what is selected.

/** @typedef {import("./state.js").View} View */

/**
 * @param {View} view
 * @param {string | null} cursor
 */
export function announce(view, cursor = null) {
  const map = view.map;
  if (!map) return;
  const kinds = view.legendState.byKind;
  /** @param {string} kind */
  const kindOf = (kind) => (Object.hasOwn(kinds, kind) ? kinds[kind] : kind);
  const raw = cursor ? map.raw.nodes.get(cursor) : null;
  if (cursor && raw) {
    const count = map.neighbours.get(cursor)?.length ?? 0;
    view.announcer.textContent = `${raw.label}, ${kindOf(raw.kind)}, ${count} relations. Enter opens it.`;
    return;
  }
  const selected = view.selected;
  const concept = selected?.kind === "concept" ? map.raw.nodes.get(selected.id) : null;
  const relation = selected ? map.raw.edges.get(selected.id) : null;
  if (!selected) view.announcer.textContent = "Nothing selected.";
  else if (concept) {
    view.announcer.textContent = `Selected ${concept.label}, ${kindOf(concept.kind)}. Its details are beside the map.`;
  } else if (relation) {
    view.announcer.textContent = `Selected the relation: ${relation.tip.split("\n")[0]}`;
  }
}
