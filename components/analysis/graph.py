"""A map as a networkx graph, and the questions asked of it: neighbourhoods, facets, centrality."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from components.analysis import evidence
from components.model.concepts import ConceptMap
from components.model.vocabulary import Kind

Graph = nx.MultiDiGraph  # concepts as nodes (by id), relations as edges keyed by their id


def build(concept_map: ConceptMap) -> Graph[str]:
    """Concepts as nodes (kind, label), relations as edges keyed by their relation id (type, refs, standing)."""
    graph: Graph[str] = nx.MultiDiGraph()
    graph.add_nodes_from((c.id, {"kind": c.kind, "label": c.label}) for c in concept_map.concepts)
    standing = evidence.standings(concept_map)
    for relation in concept_map.relations:
        graph.add_edge(
            relation.source, relation.target, key=relation.id,
            type=relation.type, refs=relation.refs, standing=standing[relation.id],
        )  # fmt: skip
    return graph


def neighbourhood(graph: Graph[str], centres: Iterable[str], depth: int) -> set[str]:
    """Every concept within `depth` relations of any centre, in either direction."""
    undirected = graph.to_undirected(as_view=True)
    found: set[str] = set()
    for centre in centres:
        if centre in graph:
            found.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return found


def facets(graph: Graph[str]) -> list[str]:
    return [node for node, data in graph.nodes(data=True) if data["kind"] == Kind.FACET]


def home_facets(graph: Graph[str]) -> dict[str, str]:
    """Each concept's nearest facet (fewest relations away, the first facet on ties)."""
    undirected = graph.to_undirected(as_view=True)
    best: dict[str, tuple[int, int, str]] = {}
    for order, facet in enumerate(facets(graph)):
        for node, distance in nx.single_source_shortest_path_length(undirected, facet).items():
            candidate = (distance, order, facet)
            if node not in best or candidate < best[node]:
                best[node] = candidate
    return {node: facet for node, (_, _, facet) in best.items()}


def most_connected(graph: Graph[str], count: int = 10) -> list[tuple[str, int]]:
    """The concepts with the most relations, most first (ties by id)."""
    degrees: list[tuple[str, int]] = list(graph.degree)
    return sorted(degrees, key=lambda item: (-item[1], item[0]))[:count]
