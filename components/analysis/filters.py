"""What the map shows: frozen, hashable filter settings and the concepts and relations they keep."""

from __future__ import annotations

from dataclasses import dataclass

from components.analysis import graph as graphs
from components.analysis.graph import Graph
from components.analysis.selection import Selection


@dataclass(frozen=True)
class Visible:
    nodes: frozenset[str]
    edges: frozenset[str]  # relation ids

    def shows(self, selection: Selection) -> bool:
        return selection.id in (self.nodes if selection.concept else self.edges)


@dataclass(frozen=True)
class Filters:
    """Empty sets mean "no restriction"; focus_depth 0 means "no focus". The defaults are the app's."""

    kinds: frozenset[str] = frozenset()
    facets: frozenset[str] = frozenset()
    facet_depth: int = 2
    relation_types: frozenset[str] = frozenset()
    standings: frozenset[str] = frozenset()  # established, tentative, interpretive
    only: frozenset[str] = frozenset()  # a named view's concepts: nothing else is shown
    focus: tuple[str, ...] = ()  # the concepts to focus on (a selected concept, or a relation's two ends)
    focus_depth: int = 0

    @property
    def active(self) -> bool:
        return bool(
            self.kinds or self.facets or self.relation_types or self.standings or self.only
            or (self.focus and self.focus_depth)
        )  # fmt: skip

    def apply(self, graph: Graph[str]) -> Visible:
        """The concepts and relations that pass every filter; a relation shows only if both ends do."""
        if not self.active:
            return Visible(frozenset(graph.nodes), frozenset(key for _, _, key in graph.edges(keys=True)))
        nodes = set(graph.nodes)
        if self.only:
            nodes &= self.only
        if self.kinds:
            nodes = {node for node in nodes if graph.nodes[node]["kind"] in self.kinds}
        if self.facets:
            nodes &= graphs.neighbourhood(graph, self.facets, self.facet_depth)
        edges: list[tuple[str, str, str]] = [
            (source, target, key)
            for source, target, key, data in graph.edges(keys=True, data=True)
            if source in nodes
            and target in nodes
            and (not self.relation_types or data["type"] in self.relation_types)
            and (not self.standings or data["standing"] in self.standings)
        ]
        if self.relation_types or self.standings:
            nodes = {end for source, target, _ in edges for end in (source, target)}
        if self.focus and self.focus_depth:
            shown: Graph[str] = graphs.Graph()
            shown.add_nodes_from(node for node in self.focus if node in graph)
            for source, target, key in edges:
                shown.add_edge(source, target, key=key)
            nodes = graphs.neighbourhood(shown, self.focus, self.focus_depth)
            edges = [edge for edge in edges if edge[0] in nodes and edge[1] in nodes]
        return Visible(frozenset(nodes), frozenset(key for _, _, key in edges))
