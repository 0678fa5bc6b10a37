"""Counts that describe a map: concepts by kind, relations by type, references by year and use."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from components.analysis import graph as graphs
from components.model.concepts import ConceptMap, reference_use


@dataclass(frozen=True)
class Stats:
    concepts_by_kind: dict[str, int]
    relations_by_type: dict[str, int]
    references_by_year: dict[int, int]
    most_connected: list[tuple[str, str, int]]  # id, label, relations
    unused_references: list[str]

    @property
    def concepts(self) -> int:
        return sum(self.concepts_by_kind.values())

    @property
    def relations(self) -> int:
        return sum(self.relations_by_type.values())

    @property
    def references(self) -> int:
        return sum(self.references_by_year.values())


def compute(concept_map: ConceptMap, top: int = 10) -> Stats:
    graph = graphs.build(concept_map)
    labels = {c.id: c.label for c in concept_map.concepts}
    use = reference_use(concept_map)
    return Stats(
        concepts_by_kind=dict(Counter(str(c.kind) for c in concept_map.concepts).most_common()),
        relations_by_type=dict(Counter(str(r.type) for r in concept_map.relations).most_common()),
        references_by_year=dict(sorted(Counter(r.year for r in concept_map.references).items())),
        most_connected=[(node, labels[node], degree) for node, degree in graphs.most_connected(graph, top)],
        unused_references=sorted(key for key, count in use.items() if count == 0),
    )


def summary_line(stats: Stats) -> str:
    """One line: the totals and the concepts by kind."""
    kinds = ", ".join(f"{count} {kind}" for kind, count in stats.concepts_by_kind.items())
    return f"{stats.concepts} concepts ({kinds}), {stats.relations} relations, {stats.references} references"
