"""What is selected on the map: one concept or one relation, found by its id; the one place that
tells the two apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from components.model.concepts import Concept, ConceptMap, Relation


@dataclass(frozen=True)
class Selection:
    id: str
    concept: Concept | None = None
    relation: Relation | None = None

    @staticmethod
    def of(concept_map: ConceptMap, selected: str | None) -> Selection | None:
        """The concept or relation with this id in the map, or None (nothing, or an id it lacks)."""
        if not selected:
            return None
        if concept := concept_map.concept_by_id.get(selected):
            return Selection(selected, concept=concept)
        if relation := concept_map.relation_by_id.get(selected):
            return Selection(selected, relation=relation)
        return None

    @property
    def kind(self) -> Literal["concept", "relation"]:
        return "concept" if self.concept else "relation"

    @property
    def centres(self) -> tuple[str, ...]:
        """The concepts it stands on: the concept itself, or the relation's two ends."""
        if self.concept:
            return (self.concept.id,)
        assert self.relation is not None
        return (self.relation.source, self.relation.target)

    def to_view(self) -> dict[str, str]:
        """As the network view knows it."""
        return {"kind": self.kind, "id": self.id}
