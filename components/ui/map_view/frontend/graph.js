// The map as Python sends it (drawing.payload) and as the view keeps it: each concept with its kind's
// look, each relation with its standing's line, who neighbours whom, and which names come first. Pure:
// no DOM, no vis-network. Every size, colour and line style here comes from Python, in the map's data.

/**
 * A concept as Python sends it.
 * @typedef {{id: string, label: string, search: string, also?: string[], tip: string, kind: string, rank: number,
 *   x: number, y: number}} NodeData
 * A relation as Python sends it.
 * @typedef {{id: string, from: string, to: string, search: string, tip: string, relation: string, type: string,
 *   directed: boolean, standing: string}} EdgeData
 * How a kind of concept is drawn (drawing.STYLES, with its landmark size, outline and pin).
 * @typedef {{color: string, shape: string, size: number, font: number, landmark: number, border: string,
 *   pinned: boolean}} KindStyle
 * @typedef {{kind: string, label: string, singular: string, color: string, shape: string}} LegendEntry
 * @typedef {LegendEntry & {border: string}} Kind  a kind of concept as the legend shows it
 * A kind of line and what it means: a standing (drawing.LINES) or a verdict on a student's link.
 * @typedef {{standing: string, label: string, dashes: Dashes, help: string, color?: string}} Line
 * @typedef {false | number[]} Dashes
 * How names are drawn (drawing.py: READABLE, TOP_RANKED, LINE_EM, LABEL_THRESHOLD), in px or font sizes.
 * @typedef {{readable: number, topRanked: number, lineEm: number, smallest: number}} NameSizes
 * @typedef {{nodes: NodeData[], edges: EdgeData[], styles: Record<string, KindStyle>, options: VisOptions,
 *   legend: LegendEntry[], names: NameSizes, lines: Line[], version: string}} Graph
 * @typedef {import("../types/vis-network").Options} VisOptions
 * @typedef {{background: string, border: string}} Colour
 * A concept as the view keeps it: its data and its kind's look, in vis-network's terms.
 * @typedef {NodeData & {shape: string, size: number, font: {size: number}, landmark: number, fixed: boolean,
 *   color: Colour & {highlight: Colour, hover: Colour}}} Concept
 * A relation as the view keeps it: its data and its standing's line.
 * @typedef {EdgeData & {arrows: {to: {enabled: boolean}}, dashes: Dashes}} Relation
 * @typedef {{node: string, edge: string}} Neighbour
 * @typedef {{nodes: Map<string, Concept>, edges: Map<string, Relation>}} Raw
 * The map as drawn, with what the view reads of it again and again.
 * @typedef {{raw: Raw, neighbours: Map<string, Neighbour[]>, order: string[], rankOf: Map<string, number>,
 *   names: NameSizes, kinds: Kind[], lines: Line[]}} Drawn
 * What the filters show: ids in the map's order, and as sets.
 * @typedef {{nodes: string[], edges: string[], nodeSet: Set<string>, edgeSet: Set<string>}} Visible
 */

/**
 * The map as drawn: each concept with its kind's look, each relation with its standing's line, and the
 * names to draw first first: landmarks (in the order of their kinds in the legend: facets, systems,
 * pitfalls, trends), then the most connected.
 * @param {Graph} graph
 * @returns {Drawn}
 */
export function remember(graph) {
  const nodes = graph.nodes.map((node) => {
    const style = graph.styles[node.kind];
    const look = { background: style.color, border: style.border };
    return {
      ...node,
      shape: style.shape,
      size: style.size,
      font: { size: style.font },
      landmark: style.landmark,
      fixed: style.pinned,
      color: { ...look, highlight: look, hover: look },
    };
  });
  const dashes = Object.fromEntries(graph.lines.map((line) => [line.standing, line.dashes]));
  const edges = graph.edges.map((edge) => ({
    ...edge,
    arrows: { to: { enabled: edge.directed } },
    dashes: dashes[edge.standing] ?? false,
  }));
  const neighbours = new Map(nodes.map((node) => [node.id, /** @type {Neighbour[]} */ ([])]));
  for (const edge of edges) {
    neighbours.get(edge.from)?.push({ node: edge.to, edge: edge.id });
    neighbours.get(edge.to)?.push({ node: edge.from, edge: edge.id });
  }
  const kindOrder = new Map(graph.legend.map((entry, index) => [entry.kind, index]));
  const last = graph.legend.length; // after every landmark
  /** @param {Concept} node */
  const importance = (node) => [node.landmark ? (kindOrder.get(node.kind) ?? last) : last, node.rank];
  const order = nodes
    .map((node) => ({ id: node.id, key: importance(node) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map((entry) => entry.id);
  return {
    raw: { nodes: new Map(nodes.map((node) => [node.id, node])), edges: new Map(edges.map((edge) => [edge.id, edge])) },
    neighbours,
    order,
    rankOf: new Map(order.map((id, index) => [id, index])),
    names: graph.names,
    kinds: graph.legend.map((entry) => ({ ...entry, border: graph.styles[entry.kind].border })),
    lines: graph.lines,
  };
}

/**
 * What the filters show, sent as bits: one per concept, then one per relation, in the map's order.
 * @param {Graph} graph
 * @param {Uint8Array} bits
 * @returns {{nodes: string[], edges: string[]}}
 */
export function unpackVisible(graph, bits) {
  /** @param {number} index */
  const on = (index) => (bits[index >> 3] >> (index & 7)) & 1;
  const offset = Math.ceil(graph.nodes.length / 8) * 8;
  return {
    nodes: graph.nodes.filter((_, index) => on(index)).map((node) => node.id),
    edges: graph.edges.filter((_, index) => on(offset + index)).map((edge) => edge.id),
  };
}

/**
 * The concept as vis-network draws it: shapes only (the view draws names and words itself, and no tooltip).
 * @param {Concept} node
 */
export function toNode(node) {
  const { label, tip, search, also, kind, rank, landmark, font, ...shape } = node;
  return shape;
}

/**
 * The relation as vis-network draws it: a line only.
 * @param {Relation} edge
 */
export function toEdge(edge) {
  const { tip, search, relation, type, directed, ...line } = edge;
  return line;
}
