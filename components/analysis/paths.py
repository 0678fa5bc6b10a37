"""How two concepts are connected: the shortest routes between them through the map, told in words.

Routes are found as if relations had no direction (networkx's shortest simple paths, shortest first);
each step is then worded in the direction it is walked ("is engaged by" where the relation points back).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from itertools import islice, pairwise

import networkx as nx

from components.analysis.details import citations_of
from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import Kind, RelationType
from components.text.citations import Citation

ALTERNATIVES = 3


@dataclass(frozen=True)
class Step:
    relation: Relation
    start: Concept
    phrase: str  # from `start`'s side: "engages", or the inverse "is engaged by"
    end: Concept
    citations: tuple[Citation, ...]

    @property
    def sentence(self) -> str:
        sources = "; ".join(citation.short for citation in self.citations)
        return f"{self.start.label} {self.phrase} {self.end.label}" + (f" [{sources}]" if sources else "") + "."


@dataclass(frozen=True)
class Path:
    steps: tuple[Step, ...]
    hubs: tuple[Concept, ...]  # the concepts it passes through that are hubs, linked to very many others
    methods: tuple[Concept, ...] = ()  # the methods it passes through (one method serves many questions)

    @property
    def concepts(self) -> tuple[str, ...]:
        return (self.steps[0].start.id, *(step.end.id for step in self.steps)) if self.steps else ()

    @property
    def loose(self) -> bool:
        """Every concept between the two ends is a hub or a shared method: the connection is loose (two
        regions both studied with fMRI, or both part of empathy, say little about each other)."""
        between = len(self.steps) - 1
        return between > 0 and len({c.id for c in (*self.hubs, *self.methods)}) == between

    @property
    def why_loose(self) -> str | None:
        """Why the route is loose, in a sentence (None if it is not)."""
        if not self.loose:
            return None
        hubs = [concept.label for concept in self.hubs]
        methods = [concept.label for concept in self.methods if concept not in self.hubs]
        parts = []
        if hubs:
            parts.append(f"{' and '.join(hubs)}, which connect{'s' if len(hubs) == 1 else ''} to much of the map")
        if methods:
            parts.append(f"{' and '.join(methods)}, a method{'s' if len(methods) > 1 else ''} used across the map")
        return f"It passes only through {'; and '.join(parts)}: a loose link."


def between(concept_map: ConceptMap, start: str, end: str, limit: int = ALTERNATIVES) -> list[Path]:
    """Up to `limit` shortest routes from `start` to `end`, shortest first ([] if none or the same)."""
    if start == end or start not in concept_map.concept_by_id or end not in concept_map.concept_by_id:
        return []
    graph = _undirected(concept_map)
    try:
        routes = list(islice(nx.shortest_simple_paths(graph, start, end), limit))
    except nx.NetworkXNoPath:
        return []
    hubs = _hubs(concept_map, graph)
    by_id = concept_map.concept_by_id
    return [
        Path(
            tuple(_step(concept_map, graph[a][b]["relation"], a, b) for a, b in pairwise(route)),
            tuple(by_id[node] for node in route[1:-1] if node in hubs),
            tuple(by_id[node] for node in route[1:-1] if by_id[node].kind == Kind.METHOD),
        )
        for route in routes
    ]


def _undirected(concept_map: ConceptMap) -> nx.Graph[str]:
    """Concepts joined where any relation joins them; between two, the relation with the most references."""
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(concept.id for concept in concept_map.concepts)
    for relation in sorted(concept_map.relations, key=lambda r: len(r.refs)):
        graph.add_edge(relation.source, relation.target, relation=relation)
    return graph


def _hubs(concept_map: ConceptMap, graph: nx.Graph[str]) -> set[str]:
    """Concepts through which almost anything connects: the facets, what they are part of (the map's
    subject), and the most linked (twice the median and among the most linked tenth)."""
    facets = {concept.id for concept in concept_map.concepts if concept.kind == Kind.FACET}
    subject = {r.target for r in concept_map.relations if r.type == RelationType.PART_OF and r.source in facets}
    degrees = sorted((degree for _, degree in graph.degree), reverse=True)
    least = max(2 * statistics.median(degrees), degrees[max(len(degrees) // 10 - 1, 0)]) if degrees else 0
    return facets | subject | {node for node, degree in graph.degree if degree >= least}


def _step(concept_map: ConceptMap, relation: Relation, start: str, end: str) -> Step:
    by_id = concept_map.concept_by_id
    phrase = relation.phrase if relation.source == start else relation.inverse_phrase
    return Step(relation, by_id[start], phrase, by_id[end], citations_of(concept_map, relation.refs))
