"""What the map shows: frozen, hashable filter settings and the concepts and relations they keep."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from . import graph as graphs


@dataclass(frozen=True)
class Visible:
    nodes: frozenset[str]
    edges: frozenset[str]  # relation ids


@dataclass(frozen=True)
class Filters:
    """Empty sets mean "no restriction"; focus_depth 0 means "no focus"."""

    kinds: frozenset[str] = frozenset()
    facets: frozenset[str] = frozenset()
    facet_depth: int = 2
    relation_types: frozenset[str] = frozenset()
    focus: tuple[str, ...] = ()  # the concepts to focus on (a selected concept, or a relation's two ends)
    focus_depth: int = 0

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.facets or self.relation_types or (self.focus and self.focus_depth))

    def apply(self, graph: nx.MultiDiGraph) -> Visible:
        """The concepts and relations that pass every filter; a relation shows only if both ends do."""
        nodes = set(graph.nodes)
        if self.kinds:
            nodes = {node for node in nodes if graph.nodes[node]["kind"] in self.kinds}
        if self.facets:
            nodes &= graphs.neighbourhood(graph, self.facets, self.facet_depth)
        edges = [
            (source, target, key)
            for source, target, key, kind in graph.edges(keys=True, data="type")
            if source in nodes and target in nodes and (not self.relation_types or kind in self.relation_types)
        ]
        if self.relation_types:
            nodes = {end for source, target, _ in edges for end in (source, target)}
        if self.focus and self.focus_depth:
            shown = nx.MultiDiGraph(graph.edge_subgraph(edges))
            shown.add_nodes_from(node for node in self.focus if node in graph)
            nodes = graphs.neighbourhood(shown, self.focus, self.focus_depth)
            edges = [edge for edge in edges if edge[0] in nodes and edge[1] in nodes]
        return Visible(frozenset(nodes), frozenset(key for _, _, key in edges))
