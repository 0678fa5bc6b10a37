"""A map as a networkx graph, and the questions asked of it: neighbourhoods, facets, centrality."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .model import ConceptMap, Relation
from .vocabulary import Kind


def relation_id(relation: Relation) -> str:
    """A relation's stable id (a map has at most one relation per source, type and target)."""
    return f"{relation.source}|{relation.type}|{relation.target}"


def build(concept_map: ConceptMap) -> nx.MultiDiGraph:
    """Concepts as nodes (kind, label), relations as edges keyed by their relation id."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((c.id, {"kind": c.kind, "label": c.label}) for c in concept_map.concepts)
    graph.add_edges_from(
        (r.source, r.target, relation_id(r), {"type": r.type, "refs": r.refs}) for r in concept_map.relations
    )
    return graph


def neighbourhood(graph: nx.MultiDiGraph, centres: Iterable[str], depth: int) -> set[str]:
    """Every concept within `depth` relations of any centre, in either direction."""
    undirected = graph.to_undirected(as_view=True)
    found: set[str] = set()
    for centre in centres:
        if centre in graph:
            found.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return found


def facets(graph: nx.MultiDiGraph) -> list[str]:
    return [node for node, kind in graph.nodes(data="kind") if kind == Kind.FACET]


def home_facets(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each concept's nearest facet (fewest relations away, the first facet on ties)."""
    undirected = graph.to_undirected(as_view=True)
    best: dict[str, tuple[int, int, str]] = {}
    for order, facet in enumerate(facets(graph)):
        for node, distance in nx.single_source_shortest_path_length(undirected, facet).items():
            candidate = (distance, order, facet)
            if node not in best or candidate < best[node]:
                best[node] = candidate
    return {node: facet for node, (_, _, facet) in best.items()}


def most_connected(graph: nx.MultiDiGraph, count: int = 10) -> list[tuple[str, int]]:
    """The concepts with the most relations, most first (ties by id)."""
    return sorted(graph.degree, key=lambda item: (-item[1], item[0]))[:count]
