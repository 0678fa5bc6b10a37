// The standalone explorer's details panel: what a concept or a relation is, its relations in words and the
// works that support each, from the map's own data (the page's panel is drawn by Python instead). Every
// string goes into the page as text, never as markup; a link is made only of an https address.

/**
 * The explorer's data (standalone.data in Python), the part the panel reads.
 * @typedef {{name: string, kind: string, summary: string, mni: number[][] | null, refs: string[]}} Concept
 * @typedef {{source: string, target: string, label: string, inverse: string, note: string, standing: string,
 *   refs: string[]}} Relation
 * @typedef {{text: string, short: string, url: string | null}} Citation
 * @typedef {{meta: {title: string, description: string, source: string, sourceUrl: string | null},
 *   concepts: Record<string, Concept>, relations: Record<string, Relation>, citations: Record<string, Citation>,
 *   graph: import("../../ui/map_view/frontend/graph.js").Graph}} Data
 */

/**
 * @param {string} tag
 * @param {string | null} className
 * @param {unknown} text
 */
export function element(tag, className = null, text = undefined) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined && text !== null) made.textContent = String(text);
  return made;
}

/**
 * @param {unknown} url
 * @param {string} text
 */
function safeLink(url, text) {
  if (typeof url !== "string" || !url.startsWith("https://")) return element("span", null, text);
  const link = /** @type {HTMLAnchorElement} */ (element("a", null, text));
  link.href = url;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

/**
 * The panel, drawn for what is selected; `open(id)` selects a concept named in it.
 * @param {HTMLElement} panel
 * @param {Data} data
 * @param {(id: string) => void} open
 */
export function detailsPanel(panel, data, open) {
  /** @param {string[]} keys */
  const citationList = (keys) => {
    const list = element("ol", "citations");
    for (const key of keys) {
      const citation = Object.hasOwn(data.citations, key) ? data.citations[key] : null;
      if (!citation) continue;
      const item = element("li");
      item.append(element("span", null, `${citation.text} `));
      if (citation.url) item.append(safeLink(citation.url, citation.url.replace("https://", "")));
      list.append(item);
    }
    return list;
  };
  /** @param {string} id */
  const conceptButton = (id) => {
    const button = /** @type {HTMLButtonElement} */ (element("button", "concept-link", data.concepts[id].name));
    button.type = "button";
    button.addEventListener("click", () => open(id));
    return button;
  };
  const start = () => {
    panel.replaceChildren(
      element("h2", null, "Start here"),
      element("p", null, data.meta.description),
      element(
        "p",
        "hint",
        "Click a concept or a relation to read what it is and which works support it, or search above.",
      ),
    );
    const source = element("p", "source");
    source.append(element("span", null, "Based on "), safeLink(data.meta.sourceUrl, data.meta.source));
    panel.append(source);
  };
  /** @param {string} id */
  const showConcept = (id) => {
    const concept = data.concepts[id];
    panel.replaceChildren(
      element("p", "kind", concept.kind),
      element("h2", null, concept.name),
      element("p", null, concept.summary),
    );
    if (concept.mni) {
      const where = concept.mni.map(([x, y, z]) => `x ${x}, y ${y}, z ${z}`).join(" and ");
      panel.append(element("p", "mni", `MNI coordinates: ${where} mm (approximate)`));
    }
    if (concept.refs.length) panel.append(element("h3", null, "Defined in"), citationList(concept.refs));
    /** @type {Map<string, [Relation, string][]>} */
    const groups = new Map();
    for (const relation of Object.values(data.relations)) {
      let phrase;
      let other;
      if (relation.source === id) [phrase, other] = [relation.label, relation.target];
      else if (relation.target === id) [phrase, other] = [relation.inverse, relation.source];
      else continue;
      const group = groups.get(phrase) ?? [];
      if (!group.length) groups.set(phrase, group);
      group.push([relation, other]);
    }
    if (groups.size) panel.append(element("h3", null, "Relations"));
    for (const [phrase, links] of groups) {
      panel.append(element("p", "phrase", `${concept.name} ${phrase}`));
      const list = element("ul", "links");
      links.sort((a, b) => data.concepts[a[1]].name.localeCompare(data.concepts[b[1]].name));
      for (const [relation, other] of links) {
        const item = element("li");
        item.append(conceptButton(other), element("p", "note", relation.note), citationList(relation.refs));
        list.append(item);
      }
      panel.append(list);
    }
  };
  /** @param {string} id */
  const showRelation = (id) => {
    const relation = data.relations[id];
    const sentence = element("p", "claim");
    const phrase = element("span", null, ` ${relation.label} `);
    sentence.append(conceptButton(relation.source), phrase, conceptButton(relation.target));
    panel.replaceChildren(
      element("p", "kind", `Relation · ${relation.standing}`),
      element("h2", null, "Relation"),
      sentence,
      element("p", null, relation.note),
      element("h3", null, "Supported by"),
      citationList(relation.refs),
    );
  };
  /** @param {import("../../ui/map_view/frontend/state.js").Selected | null} selected */
  return (selected) => {
    if (selected?.kind === "concept" && Object.hasOwn(data.concepts, selected.id)) showConcept(selected.id);
    else if (selected?.kind === "relation" && Object.hasOwn(data.relations, selected.id)) showRelation(selected.id);
    else start();
  };
}
