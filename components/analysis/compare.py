"""Facets compared: for each facet and each concept of a kind (regions, methods, populations), the
relations that join them, directly or through one of the facet's parts (a process that is part of it)."""

from __future__ import annotations

from dataclasses import dataclass

from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import Kind, RelationType

COMPARED = (Kind.REGION, Kind.METHOD, Kind.PARADIGM, Kind.POPULATION)


@dataclass(frozen=True)
class Cell:
    relations: tuple[Relation, ...]

    @property
    def references(self) -> int:
        """Distinct works behind the cell's relations."""
        return len({key for relation in self.relations for key in relation.refs})


@dataclass(frozen=True)
class Matrix:
    kind: Kind
    facets: tuple[Concept, ...]
    rows: tuple[Concept, ...]  # the concepts of `kind` joined to at least one facet
    cells: dict[tuple[str, str], Cell]  # (facet id, row id) -> its relations; absent if none

    def shared(self) -> tuple[Concept, ...]:
        """Rows joined to more than one facet."""
        return tuple(row for row in self.rows if sum((facet.id, row.id) in self.cells for facet in self.facets) > 1)


def matrix(concept_map: ConceptMap, kind: Kind) -> Matrix:
    facets = tuple(concept for concept in concept_map.concepts if concept.kind == Kind.FACET)
    parts = {facet.id: {facet.id} for facet in facets}
    for relation in concept_map.relations:
        part = concept_map.concept_by_id[relation.source]
        if relation.type == RelationType.PART_OF and relation.target in parts and part.kind != kind:
            parts[relation.target].add(relation.source)
    of_kind = {concept.id for concept in concept_map.concepts if concept.kind == kind}
    found: dict[tuple[str, str], list[Relation]] = {}
    for relation in concept_map.relations:
        for facet, members in parts.items():
            for near, far in ((relation.source, relation.target), (relation.target, relation.source)):
                if near in members and far in of_kind:
                    found.setdefault((facet, far), []).append(relation)
    rows = tuple(
        sorted(
            (concept_map.concept_by_id[row] for row in {row for _, row in found}),
            key=lambda concept: (-sum((f.id, concept.id) in found for f in facets), concept.label.lower()),
        )
    )
    return Matrix(kind, facets, rows, {key: Cell(tuple(relations)) for key, relations in found.items()})
