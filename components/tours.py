"""Tours: what each step shows on the map (its concepts, and the relations it names or those among them)."""

from __future__ import annotations

from .model import ConceptMap, Tour, TourStep


def find(concept_map: ConceptMap, tour_id: str | None) -> Tour | None:
    return next((tour for tour in concept_map.tours if tour.id == tour_id), None)


def shown(concept_map: ConceptMap, step: TourStep) -> tuple[list[str], list[str]]:
    """The step's concepts and relations, for the map to light up and frame."""
    concepts = set(step.concepts)
    relations = list(step.relations) or [
        relation.id for relation in concept_map.relations if relation.source in concepts and relation.target in concepts
    ]
    for relation_id in relations:
        relation = concept_map.relation_by_id[relation_id]
        concepts.update((relation.source, relation.target))
    ordered = [*step.concepts, *sorted(concepts - set(step.concepts))]
    return ordered, relations
