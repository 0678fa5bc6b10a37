"""A quiz drawn from the map alone, so any map gets its own: multiple-choice questions whose one right
answer a relation of the map supports, and whose wrong answers (of the same kind) the map says are wrong.

Five kinds of question:
- which facet a region serves (joined to one facet only, directly or through the facet's parts);
- which finding a work reported (one of its relations, among relations it does not support);
- what a concept is studied with (a method or paradigm, among others of the same kind it is not);
- which pitfall a trend addresses;
- how two concepts are related (the relation's wording, among wordings the map does not give them).
A seed makes a set reproducible: the same map and seed give the same questions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import compare
from .citations import Citation
from .details import citations_of
from .model import Concept, ConceptMap, Relation
from .vocabulary import RELATIONS, Kind, RelationType

OPTIONS = 4
KINDS = ("facet_of_region", "finding_of_reference", "studied_with", "pitfall_of_trend", "relation_between")


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: int  # index of the right option
    relation: Relation  # the relation that makes it right
    citations: tuple[Citation, ...]

    @property
    def note(self) -> str:
        return self.relation.note


@dataclass(frozen=True)
class _Draft:
    """A question before its wrong answers are drawn and its options shuffled."""

    kind: str
    prompt: str
    right: str
    wrong: list[str]
    relation: Relation


def questions(concept_map: ConceptMap, seed: int, count: int = 8) -> list[Question]:
    """Up to `count` questions, the kinds taking turns, all different; the same seed, the same set."""
    rng = random.Random(seed)
    pools = {kind: list(build(concept_map, rng)) for kind, build in _BUILDERS.items()}
    for pool in pools.values():
        rng.shuffle(pool)
    chosen: list[Question] = []
    order = list(KINDS)
    rng.shuffle(order)
    while len(chosen) < count and any(pools.values()):
        for kind in order:
            if pools[kind] and len(chosen) < count:
                chosen.append(_ask(concept_map, rng, pools[kind].pop()))
    return chosen


def _ask(concept_map: ConceptMap, rng: random.Random, draft: _Draft) -> Question:
    options = [draft.right, *rng.sample(draft.wrong, min(len(draft.wrong), OPTIONS - 1))]
    rng.shuffle(options)
    citations = citations_of(concept_map, draft.relation.refs)
    return Question(draft.kind, draft.prompt, tuple(options), options.index(draft.right), draft.relation, citations)


def _facet_of_region(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    regions = compare.matrix(concept_map, Kind.REGION)
    if len(regions.facets) < 2:
        return
    for row in regions.rows:
        joined = [facet for facet in regions.facets if (facet.id, row.id) in regions.cells]
        if len(joined) != 1:
            continue
        facet = joined[0]
        relation = regions.cells[(facet.id, row.id)].relations[0]
        others = [f.label for f in regions.facets if f.id != facet.id]
        prompt = f"Which facet does the {row.label} serve, in this map?"
        yield _Draft("facet_of_region", prompt, facet.label, others, relation)


def _finding_of_reference(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    sentence = {relation.id: _sentence(concept_map, relation) for relation in concept_map.relations}
    for reference in concept_map.references:
        cited = [relation for relation in concept_map.relations if reference.key in relation.refs]
        if not cited:
            continue
        relation = rng.choice(cited)
        # Wrong answers: findings of the same type the work does not support, else any it does not.
        same = [r for r in concept_map.relations if reference.key not in r.refs and r.type == relation.type]
        other = [r for r in concept_map.relations if reference.key not in r.refs and r.type != relation.type]
        wrong = [sentence[r.id] for r in same] if len(same) >= OPTIONS - 1 else [sentence[r.id] for r in same + other]
        wrong = [w for w in dict.fromkeys(wrong) if w != sentence[relation.id]]
        if not wrong:
            continue
        first = reference.authors[0].split(",")[0]
        who = f"{first} and colleagues" if len(reference.authors) > 1 or not reference.authors_complete else first
        prompt = f"Which of these did {who} ({reference.year}) report in “{reference.title}”, as this map cites them?"
        yield _Draft("finding_of_reference", prompt, sentence[relation.id], wrong, relation)


def _studied_with(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        target = by_id[relation.target]
        if relation.type != RelationType.STUDIED_WITH or target.kind not in (Kind.METHOD, Kind.PARADIGM):
            continue
        joined = _joined(concept_map, relation.source, RelationType.STUDIED_WITH)
        wrong = [c.label for c in concept_map.concepts if c.kind == target.kind and c.id not in joined]
        if not wrong:
            continue
        kind = "method" if target.kind == Kind.METHOD else "paradigm"
        prompt = f"Which {kind} is {by_id[relation.source].label} studied with, in this map?"
        yield _Draft("studied_with", prompt, target.label, wrong, relation)


def _pitfall_of_trend(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        source, target = by_id[relation.source], by_id[relation.target]
        if relation.type != RelationType.ADDRESSES or source.kind != Kind.TREND or target.kind != Kind.PITFALL:
            continue
        joined = _joined(concept_map, source.id, RelationType.ADDRESSES)
        wrong = [c.label for c in concept_map.concepts if c.kind == Kind.PITFALL and c.id not in joined]
        if not wrong:
            continue
        prompt = f"Which pitfall does {source.label} address?"
        yield _Draft("pitfall_of_trend", prompt, target.label, wrong, relation)


def _relation_between(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    present = list(dict.fromkeys(relation.type for relation in concept_map.relations))
    for relation in concept_map.relations:
        source, target = by_id[relation.source], by_id[relation.target]
        true = {r.type for r in concept_map.relations if (r.source, r.target) == (source.id, target.id)}
        true |= {r.type for r in concept_map.relations if (r.source, r.target) == (target.id, source.id)
                 and RELATIONS[r.type].symmetric}  # fmt: skip
        wrong = [f"{source.label} {RELATIONS[t].label} {target.label}" for t in present if t not in true]
        if len(wrong) < 2:
            continue
        prompt = f"How are {source.label} and {target.label} related, in this map?"
        yield _Draft("relation_between", prompt, _sentence(concept_map, relation), wrong, relation)


def _joined(concept_map: ConceptMap, concept: str, kind: RelationType) -> set[str]:
    """The concepts a relation of this type joins to `concept`, either way."""
    return {r.target for r in concept_map.relations if r.source == concept and r.type == kind} | {
        r.source for r in concept_map.relations if r.target == concept and r.type == kind
    }


def _sentence(concept_map: ConceptMap, relation: Relation) -> str:
    by_id = concept_map.concept_by_id
    return f"{by_id[relation.source].label} {relation.phrase} {by_id[relation.target].label}"


def concept_options(question: Question, concept_map: ConceptMap) -> list[Concept | None]:
    """The concepts the options name, where they name one (for checking that they are of one kind)."""
    by_label = {concept.label: concept for concept in concept_map.concepts}
    return [by_label.get(option) for option in question.options]


_BUILDERS: dict[str, Callable[[ConceptMap, random.Random], Iterator[_Draft]]] = {
    "facet_of_region": _facet_of_region,
    "finding_of_reference": _finding_of_reference,
    "studied_with": _studied_with,
    "pitfall_of_trend": _pitfall_of_trend,
    "relation_between": _relation_between,
}
