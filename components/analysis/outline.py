"""The whole map as text, for reading without the canvas: its facets in order, under each the concepts
nearest to it, and under each concept every relation in words with the works that support it."""

from __future__ import annotations

from dataclasses import dataclass

from components.analysis import details
from components.analysis import graph as graphs
from components.model.concepts import Concept, ConceptMap
from components.model.vocabulary import Kind

KIND_ORDER = {kind: index for index, kind in enumerate(Kind)}


@dataclass(frozen=True)
class Line:
    """One relation seen from a concept: "engages Temporoparietal junction (Van Overwalle & Baetens 2009)"."""

    relation_id: str
    phrase: str
    other: Concept
    sources: tuple[str, ...]  # short citations


@dataclass(frozen=True)
class Entry:
    concept: Concept
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Section:
    """A facet and the concepts nearer to it than to any other facet (title "Other concepts" without one)."""

    title: str
    facet: Concept | None
    entries: tuple[Entry, ...]


def outline(concept_map: ConceptMap) -> list[Section]:
    home = graphs.home_facets(graphs.build(concept_map))
    facets = [concept for concept in concept_map.concepts if concept.kind == Kind.FACET]
    grouped: dict[str | None, list[Concept]] = {facet.id: [] for facet in facets}
    grouped[None] = []
    for concept in concept_map.concepts:
        if concept.kind != Kind.FACET:
            grouped[home.get(concept.id)].append(concept)  # None: no facet reaches it
    sections = [
        Section(facet.label, facet, tuple(_entry(concept_map, c) for c in [facet, *_ordered(grouped[facet.id])]))
        for facet in facets
    ]
    if grouped[None]:
        title = "Other concepts" if facets else "Concepts"
        sections.append(Section(title, None, tuple(_entry(concept_map, c) for c in _ordered(grouped[None]))))
    return sections


def _ordered(concepts: list[Concept]) -> list[Concept]:
    return sorted(concepts, key=lambda concept: (KIND_ORDER[concept.kind], concept.label.lower()))


def _entry(concept_map: ConceptMap, concept: Concept) -> Entry:
    lines = tuple(
        Line(
            link.relation_id,
            link.phrase,
            link.other,
            tuple(citation.short for citation in link.citations),
        )
        for group in details.links(concept_map, concept.id).values()
        for link in group
    )
    return Entry(concept, lines)
