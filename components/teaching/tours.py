"""Tours: what each step shows on the map (its concepts, and the relations it names or those among them),
and what its text names in bold."""

from __future__ import annotations

import re

from components.model.concepts import Concept, ConceptMap, Tour, TourStep

# A step's text may set words in **bold** (as markdown.emphasis draws them): the names of what it shows.
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


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


def bold(text: str) -> list[str]:
    """What a step's text sets in **bold**, in order."""
    return [span.strip() for span in _BOLD.findall(text)]


def names(concept: Concept) -> set[str]:
    """Every name a concept goes by (label, abbreviation, aliases), in lower case."""
    return {name.lower() for name in (concept.label, concept.abbrev, *concept.aliases) if name}


def unshown(concept_map: ConceptMap, step: TourStep) -> list[str]:
    """The step's bold names that name none of the concepts it shows: a name the reader cannot find on the map."""
    shows = set().union(*(names(concept_map.concept_by_id[c]) for c in step.concepts if c in concept_map.concept_by_id))
    return [span for span in bold(step.text) if span.lower() not in shows]
