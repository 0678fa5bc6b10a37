"""What the details panel says about a selection: a concept with its relations grouped by type, or a
relation as a claim, each relation with the citations that support it and how firmly it stands. Pure data;
the UI draws it."""

from __future__ import annotations

from dataclasses import dataclass

from components.analysis.evidence import standing
from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import RELATIONS, Standing
from components.text.citations import Citation, cite, cite_source


@dataclass(frozen=True)
class Link:
    """One relation seen from a concept: the wording from its side, the concept at the other end."""

    relation_id: str
    phrase: str  # "engages", or the inverse "is engaged by"
    other: Concept
    note: str
    citations: tuple[Citation, ...]
    standing: Standing


@dataclass(frozen=True)
class Claim:
    """A relation in words."""

    relation_id: str
    source: Concept
    phrase: str
    target: Concept
    note: str
    citations: tuple[Citation, ...]
    standing: Standing


def links(concept_map: ConceptMap, concept_id: str) -> dict[str, list[Link]]:
    """The concept's relations grouped by their wording from its side, groups in vocabulary order."""
    groups: dict[str, list[Link]] = {}
    by_id = concept_map.concept_by_id
    order = {kind: index for index, kind in enumerate(RELATIONS)}
    for relation in sorted(concept_map.relations, key=lambda r: order[r.type]):
        if relation.source == concept_id:
            phrase, other = relation.phrase, by_id[relation.target]
        elif relation.target == concept_id:
            phrase, other = relation.inverse_phrase, by_id[relation.source]
        else:
            continue
        groups.setdefault(phrase, []).append(
            Link(
                relation.id,
                phrase,
                other,
                relation.note,
                citations_of(concept_map, relation.refs),
                standing(concept_map, relation),
            )
        )
    for group in groups.values():
        group.sort(key=lambda link: link.other.label.lower())
    return groups


def claim(concept_map: ConceptMap, relation: Relation) -> Claim:
    by_id = concept_map.concept_by_id
    return Claim(
        relation.id,
        by_id[relation.source],
        relation.phrase,
        by_id[relation.target],
        relation.note,
        citations_of(concept_map, relation.refs),
        standing(concept_map, relation),
    )


def citations_of(concept_map: ConceptMap, keys: tuple[str, ...]) -> tuple[Citation, ...]:
    """The citations behind these keys: references, or the paper itself for its own key."""
    references = concept_map.reference_by_key
    source = concept_map.meta.source
    return tuple(
        cite(references[key]) if key in references else cite_source(source)
        for key in keys
        if key in references or key == source.key
    )


def supported_by(concept_map: ConceptMap, key: str) -> tuple[list[Concept], list[Claim]]:
    """The concepts and relations that cite a reference."""
    concepts = [concept for concept in concept_map.concepts if key in concept.refs]
    claims = [claim(concept_map, relation) for relation in concept_map.relations if key in relation.refs]
    return concepts, claims
