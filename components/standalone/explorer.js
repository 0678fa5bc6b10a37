// The standalone explorer: the map drawn by vis-network, a search box, a details panel with the
// citations, and the legend. Every string from the map goes into the page as text (textContent), never
// as markup; a link is made only of an https address. `#concept-id` in the address selects a concept.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("atlas-data").textContent);
  const DASHES = { established: false, tentative: [8, 5], interpretive: [2, 4] };
  const MAX_MATCHES = 12;

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = String(text);
    return made;
  }

  function safeLink(url, text) {
    if (typeof url !== "string" || !url.startsWith("https://")) return element("span", null, text);
    const link = element("a", null, text);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  document.title = data.meta.title;
  document.getElementById("title").textContent = data.meta.title;

  // --- the map -------------------------------------------------------------------------------------------------
  // vis-network draws the shapes and lines; the names are drawn as the page draws them (atlasNames, the
  // page's own code): readable, wrapped at spaces only, never over each other, the most important first.
  const styles = data.graph.styles;
  const large = data.graph.nodes.length > 1500;
  const raw = new Map(data.graph.nodes.map((node) => [node.id, node]));
  const nodes = new vis.DataSet(
    data.graph.nodes.map((node) => {
      const style = styles[node.kind];
      return {
        id: node.id,
        x: node.x,
        y: node.y,
        shape: style.shape,
        size: style.size,
        color: { background: style.color, border: style.border, highlight: { background: style.color, border: "#000" } },
      };
    }),
  );
  const edges = new vis.DataSet(
    data.graph.edges.map((edge) => ({
      id: edge.id,
      from: edge.from,
      to: edge.to,
      arrows: edge.directed ? { to: { enabled: true, scaleFactor: 0.5 } } : undefined,
      dashes: DASHES[edge.standing] ?? false,
      color: { color: "#9aa0a6", highlight: "#1d5fa7" },
    })),
  );
  const network = new vis.Network(
    document.getElementById("map"),
    { nodes, edges },
    {
      physics: false,
      layout: { improvedLayout: false },
      interaction: { hover: !large, hideEdgesOnDrag: large, hideEdgesOnZoom: large, keyboard: false },
      edges: { smooth: false, width: 1.2, selectionWidth: 2 },
      nodes: { borderWidth: 1.5 },
    },
  );

  // Names as the page gives them (network.js, drawName): landmarks and as many of the most connected as
  // the canvas has room for are promised a readable size; the others appear as they grow on zooming in.
  const SMALLEST = 11;
  const ROOM_PER_NAME = 12000;
  const LANDMARK_ORDER = { facet: 0, system: 1, pitfall: 2, trend: 3 };
  const order = data.graph.nodes
    .map((node) => node.id)
    .sort((a, b) => {
      const key = (id) => [styles[raw.get(id).kind].landmark ? (LANDMARK_ORDER[raw.get(id).kind] ?? 8) : 9, raw.get(id).rank];
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1];
    });
  let focus = null; // the ids in focus (the selection and its neighbours), or null
  let drawnNames = [];
  const container = document.getElementById("map");

  function drawNames(context) {
    const width = container.clientWidth;
    const height = container.clientHeight;
    const names = data.graph.names;
    const promisedRank = Math.max(8, Math.min(names.topRanked, Math.floor((width * height) / ROOM_PER_NAME)));
    const scale = network.getScale();
    const ratio = context.canvas.width / width;
    const taken = new atlasNames.Boxes();
    const shapes = new atlasNames.Boxes();
    const origin = container.getBoundingClientRect();
    const over = document.getElementById("legend").getBoundingClientRect(); // names keep off the legend
    taken.add(over.left - origin.left, over.top - origin.top, over.width, over.height);
    const placed = new Map();
    for (const id of order) {
      const position = network.getPosition(id);
      const centre = network.canvasToDOM(position);
      const radius = styles[raw.get(id).kind].size * scale + 3;
      placed.set(id, { centre, radius });
      shapes.add(centre.x - radius, centre.y - radius, 2 * radius, 2 * radius, id);
    }
    const first = focus ? [...focus] : [];
    const seen = new Set(first);
    context.save();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawnNames = [];
    for (const id of [...first, ...order.filter((other) => !seen.has(other))]) {
      const node = raw.get(id);
      const style = styles[node.kind];
      const kept = !focus || focus.has(id);
      if (!kept && node.kind !== "facet") continue;
      const promised = Boolean(style.landmark) || node.rank < promisedRank;
      let size = style.font * scale;
      if (style.landmark && kept) size = Math.max(size, style.landmark);
      else if (style.landmark) size = Math.min(Math.max(size, names.readable), style.landmark);
      else if (promised || (focus && kept)) size = Math.max(size, names.readable);
      else if (size < SMALLEST) continue;
      const box = atlasNames.placeName(
        context,
        {
          id,
          label: node.label,
          ...placed.get(id),
          size: Math.min(size, 40),
          weight: style.landmark ? "600" : "400",
          promised: promised || Boolean(focus && kept),
          kept,
          focus,
        },
        { taken, shapes, width, height, lineEm: names.lineEm, font: "system-ui, sans-serif", text: "#1a1a1a",
          dimText: "rgba(26, 26, 26, 0.45)", background: "#ffffff", halo: 4 },
      );
      if (box) drawnNames.push(box);
    }
    context.restore();
    document.body.setAttribute("data-names", String(drawnNames.length));
  }
  network.on("afterDrawing", drawNames);
  network.once("afterDrawing", () => {
    network.fit({ animation: false });
    const wanted = addressed();
    select(wanted, Boolean(wanted));
    document.body.setAttribute("data-ready", "true");
  });

  // The concept or relation the address names (`#tpj`), or null: any other hash (`#constructor`,
  // `#__proto__`, a broken escape such as `#%E0%A4%A`) names nothing.
  function addressed() {
    let wanted;
    try {
      wanted = decodeURIComponent(location.hash.slice(1));
    } catch {
      return null;
    }
    return known(wanted) ? wanted : null;
  }

  // Whether `id` is a concept's or a relation's own id (not a name every object inherits, like `toString`).
  function known(id) {
    return typeof id === "string" && (Object.hasOwn(data.concepts, id) || Object.hasOwn(data.relations, id));
  }
  network.on("click", (event) => {
    if (event.nodes.length) select(event.nodes[0]);
    else if (event.edges.length) select(event.edges[0]);
    else select(null);
  });

  // --- the details panel -------------------------------------------------------------------------------------
  const panel = document.getElementById("details");

  function citationList(keys) {
    const list = element("ol", "citations");
    for (const key of keys) {
      const citation = data.citations[key];
      if (!citation) continue;
      const item = element("li");
      item.append(element("span", null, citation.text + " "));
      if (citation.url) item.append(safeLink(citation.url, citation.url.replace("https://", "")));
      list.append(item);
    }
    return list;
  }

  function conceptButton(id) {
    const button = element("button", "concept-link", data.concepts[id].name);
    button.type = "button";
    button.addEventListener("click", () => select(id, true));
    return button;
  }

  function start() {
    panel.replaceChildren(
      element("h2", null, "Start here"),
      element("p", null, data.meta.description),
      element("p", "hint", "Click a concept or a relation to read what it is and which works support it, or search above."),
    );
    const source = element("p", "source");
    source.append(element("span", null, "Based on "), safeLink(data.meta.sourceUrl, data.meta.source));
    panel.append(source);
  }

  function showConcept(id) {
    const concept = data.concepts[id];
    panel.replaceChildren(element("p", "kind", concept.kind), element("h2", null, concept.name), element("p", null, concept.summary));
    if (concept.mni) {
      const where = concept.mni.map(([x, y, z]) => `x ${x}, y ${y}, z ${z}`).join(" and ");
      panel.append(element("p", "mni", `MNI coordinates: ${where} mm (approximate)`));
    }
    if (concept.refs.length) {
      panel.append(element("h3", null, "Defined in"), citationList(concept.refs));
    }
    const groups = new Map();
    for (const [relationId, relation] of Object.entries(data.relations)) {
      let phrase, other;
      if (relation.source === id) [phrase, other] = [relation.label, relation.target];
      else if (relation.target === id) [phrase, other] = [relation.inverse, relation.source];
      else continue;
      if (!groups.has(phrase)) groups.set(phrase, []);
      groups.get(phrase).push([relationId, relation, other]);
    }
    if (groups.size) panel.append(element("h3", null, "Relations"));
    for (const [phrase, links] of groups) {
      panel.append(element("p", "phrase", `${concept.name} ${phrase}`));
      const list = element("ul", "links");
      links.sort((a, b) => data.concepts[a[2]].name.localeCompare(data.concepts[b[2]].name));
      for (const [, relation, other] of links) {
        const item = element("li");
        item.append(conceptButton(other), element("p", "note", relation.note));
        item.append(citationList(relation.refs));
        list.append(item);
      }
      panel.append(list);
    }
  }

  function showRelation(id) {
    const relation = data.relations[id];
    const sentence = element("p", "claim");
    sentence.append(conceptButton(relation.source), element("span", null, ` ${relation.label} `), conceptButton(relation.target));
    panel.replaceChildren(element("p", "kind", `Relation · ${relation.standing}`), element("h2", null, "Relation"), sentence,
      element("p", null, relation.note), element("h3", null, "Supported by"), citationList(relation.refs));
  }

  // The selection and its neighbours keep their colours and names; the rest fades.
  const neighbours = new Map();
  for (const edge of data.graph.edges) {
    for (const [a, b] of [[edge.from, edge.to], [edge.to, edge.from]]) {
      if (!neighbours.has(a)) neighbours.set(a, new Set());
      neighbours.get(a).add(b);
    }
  }
  const looks = new Map(nodes.get().map((node) => [node.id, { color: node.color }]));
  const FADED = { background: "#e4e4e4", border: "#cfcfcf" };

  function light(keep, keepEdges) {
    focus = keep;
    nodes.update(nodes.getIds().map((id) => ({ id, color: !keep || keep.has(id) ? looks.get(id).color : FADED })));
    edges.update(
      edges.getIds().map((id) => ({ id, color: { color: !keepEdges || keepEdges.has(id) ? "#5f6b7a" : "#ececec", highlight: "#1d5fa7" } })),
    );
  }

  function lightAround(ids) {
    const keep = new Set(ids);
    for (const id of ids) for (const other of neighbours.get(id) ?? []) keep.add(other);
    const keepEdges = new Set(data.graph.edges.filter((edge) => ids.includes(edge.from) || ids.includes(edge.to)).map((edge) => edge.id));
    light(keep, keepEdges);
    return [...keep];
  }

  function select(id, centre = false) {
    if (!known(id)) id = null;
    if (id && Object.hasOwn(data.concepts, id)) {
      network.selectNodes([id]);
      const around = large ? [id] : lightAround([id]);
      showConcept(id);
      if (centre) network.fit({ nodes: around, maxZoomLevel: 1.5, animation: { duration: 250 } });
    } else if (id) {
      network.selectEdges([id]);
      if (!large) lightAround([data.relations[id].source, data.relations[id].target]);
      showRelation(id);
    } else {
      network.unselectAll();
      if (!large) light(null, null);
      start();
    }
    document.body.setAttribute("data-selected", id || "");
    const wanted = id ? `#${encodeURIComponent(id)}` : " ";
    if (location.hash !== wanted.trim()) history.replaceState(null, "", wanted);
  }

  // --- search ------------------------------------------------------------------------------------------------
  const input = document.getElementById("search");
  const list = document.getElementById("matches");
  const searchable = [
    ...data.graph.nodes.map((node) => [node.id, node.search.toLowerCase(), data.concepts[node.id].name, data.concepts[node.id].kind]),
    ...data.graph.edges.map((edge) => [edge.id, edge.search.toLowerCase(), edge.search, "relation"]),
  ];

  function showMatches() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      return;
    }
    const found = searchable.filter(([, text]) => words.every((word) => text.includes(word))).slice(0, MAX_MATCHES);
    for (const [index, [id, , name, kind]] of found.entries()) {
      const option = element("li", null, `${name} · ${kind}`);
      option.id = `match-${index}`;
      option.setAttribute("role", "option");
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(id);
      });
      option.dataset.id = id;
      list.append(option);
    }
    if (!found.length) list.append(element("li", "none", "Nothing matches"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function choose(id) {
    input.value = "";
    showMatches();
    select(id, true);
  }

  input.addEventListener("input", showMatches);
  input.addEventListener("keydown", (event) => {
    const first = list.querySelector("[role=option]");
    if (event.key === "Enter" && first) choose(first.dataset.id);
    if (event.key === "Escape") {
      input.value = "";
      showMatches();
    }
  });
  input.addEventListener("blur", () => setTimeout(() => (list.hidden = true), 150));

  // --- the legend --------------------------------------------------------------------------------------------
  const legend = document.getElementById("legend");
  for (const entry of data.graph.legend) {
    const row = element("span", "entry");
    const swatch = element("span", "swatch");
    swatch.style.background = styles[entry.kind]?.color ?? "#999";
    row.append(swatch, element("span", null, entry.label));
    legend.append(row);
  }

  start();
  // For tests: where a concept is drawn, in pixels from the map's top left.
  window.atlasExplorer = {
    nodePosition: (id) => network.canvasToDOM(network.getPosition(id)),
    names: () => drawnNames, // the names drawn last, in px from the map's top left
  };
})();
