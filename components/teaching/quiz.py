"""A quiz drawn from the map alone, so any map gets its own: multiple-choice questions whose one right
answer a relation of the map supports, and whose wrong answers (of the same kind) the map says are wrong.

Five kinds of question:
- which facet a region serves (joined to one facet only, directly or through the facet's parts);
- which finding a work reported (one of its relations, among relations it does not support);
- what a concept is studied with (a method or paradigm, among others of the same kind it is not);
- which pitfall a trend addresses;
- how two concepts are related (the relation's wording, among wordings the map does not give these two:
  those it gives concepts of the same two kinds, then to make four options those it gives the second's
  kind, then to make three those it gives from the first's).

Every question keeps three rules, on any map; a question that cannot keep them is not asked:
- Options: at least three (four where the map has enough), all of one kind: concepts of the right
  answer's kind, or sentences of one form.
- No giveaway: the right option shares no more telling words (`grammar.telling_words`: not "the" or
  "of", plurals made singular, numbers counted) with what the question names (a concept's name, a
  work's title) than some wrong option beside it does. "Which pitfall does Trend 2: linking brain
  activity to behaviour address?" is not asked with "Pitfall 2: neglect of brain-behaviour links" the
  only option that shares its words.
- No doubt: a relation whose own note doubts it (any word of `DOUBT`: uncertain, unclear, tentative,
  speculative, contested, disputed, debated, controversial, unknown, unconfirmed, may, might, perhaps,
  possibly; or "not clear", "not known", "not established") is never the right answer, nor the route
  that makes a region serve a facet.
Names read as English (`grammar`): "Which facet do the temporal poles serve?".
A seed makes a set reproducible: the same map and seed give the same questions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from components.analysis import compare
from components.analysis.details import citations_of
from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import RELATIONS, Kind, RelationType
from components.text import grammar
from components.text.citations import Citation

OPTIONS = 4  # options shown where the map has enough of the kind
FEWEST = 3  # fewer and a question is not asked: two options are a coin toss
KINDS = ("facet_of_region", "finding_of_reference", "studied_with", "pitfall_of_trend", "relation_between")
DOUBT = re.compile(
    r"\b(uncertain\w*|unclear|tentative\w*|speculative\w*|contested|disputed|debated|controversial|unknown|"
    r"unconfirmed|may|might|perhaps|possibly|not (?:clear|known|established))\b",
    re.IGNORECASE,
)


def doubted(relation: Relation) -> bool:
    """Whether the relation's own note doubts it (see the module's rules)."""
    return DOUBT.search(relation.note) is not None


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
    named: str  # what the prompt names that an option's wording could echo (a concept's name, a title)


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
            while pools[kind] and len(chosen) < count:
                asked = _ask(concept_map, rng, pools[kind].pop())
                if asked is not None:
                    chosen.append(asked)
                    break
    return chosen


def _ask(concept_map: ConceptMap, rng: random.Random, draft: _Draft) -> Question | None:
    """The draft with its wrong options drawn, or None if it cannot keep the rules."""
    wrong = [option for option in dict.fromkeys(draft.wrong) if option != draft.right]
    named = grammar.telling_words(draft.named)
    echoes = {option: len(grammar.telling_words(option) & named) for option in [draft.right, *wrong]}
    peers = [option for option in wrong if echoes[option] >= echoes[draft.right]]
    if len(wrong) < FEWEST - 1 or not peers or doubted(draft.relation):
        return None
    peer = rng.choice(peers)  # one wrong option echoes the question as much as the right one
    rest = [option for option in wrong if option != peer]
    options = [draft.right, peer, *rng.sample(rest, min(len(rest), OPTIONS - 2))]
    rng.shuffle(options)
    citations = citations_of(concept_map, draft.relation.refs)
    return Question(draft.kind, draft.prompt, tuple(options), options.index(draft.right), draft.relation, citations)


def _facet_of_region(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    regions = compare.matrix(concept_map, Kind.REGION)
    if len(regions.facets) < FEWEST:
        return
    for row in regions.rows:
        joined = [facet for facet in regions.facets if (facet.id, row.id) in regions.cells]
        if len(joined) != 1:
            continue
        facet = joined[0]
        firm = [r for r in regions.cells[(facet.id, row.id)].relations if not doubted(r)]
        if not firm:
            continue
        others = [f.label for f in regions.facets if f.id != facet.id]
        prompt = f"Which facet {grammar.agree('does', row.label)} {grammar.the(row.label)} serve, in this map?"
        yield _Draft("facet_of_region", prompt, facet.label, others, firm[0], row.label)


def _finding_of_reference(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    sentence = {relation.id: _sentence(concept_map, relation) for relation in concept_map.relations}
    for reference in concept_map.references:
        cited = [r for r in concept_map.relations if reference.key in r.refs and not doubted(r)]
        if not cited:
            continue
        relation = rng.choice(cited)
        # Wrong answers: findings of the same type the work does not support, else any it does not.
        same = [r for r in concept_map.relations if reference.key not in r.refs and r.type == relation.type]
        other = [r for r in concept_map.relations if reference.key not in r.refs and r.type != relation.type]
        wrong = [sentence[r.id] for r in same] if len(same) >= OPTIONS - 1 else [sentence[r.id] for r in same + other]
        first = reference.authors[0].split(",")[0]
        who = f"{first} and colleagues" if len(reference.authors) > 1 or not reference.authors_complete else first
        prompt = f"Which of these did {who} ({reference.year}) report in “{reference.title}”, as this map cites them?"
        yield _Draft("finding_of_reference", prompt, sentence[relation.id], wrong, relation, reference.title)


def _studied_with(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        source, target = by_id[relation.source], by_id[relation.target]
        if relation.type != RelationType.STUDIED_WITH or target.kind not in (Kind.METHOD, Kind.PARADIGM):
            continue
        joined = _joined(concept_map, relation.source, RelationType.STUDIED_WITH)
        wrong = [c.label for c in concept_map.concepts if c.kind == target.kind and c.id not in joined]
        kind = "method" if target.kind == Kind.METHOD else "paradigm"
        prompt = f"Which {kind} {grammar.agree('is', source.label)} {source.label} studied with, in this map?"
        yield _Draft("studied_with", prompt, target.label, wrong, relation, source.label)


def _pitfall_of_trend(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    for relation in concept_map.relations:
        source, target = by_id[relation.source], by_id[relation.target]
        if relation.type != RelationType.ADDRESSES or source.kind != Kind.TREND or target.kind != Kind.PITFALL:
            continue
        joined = _joined(concept_map, source.id, RelationType.ADDRESSES)
        wrong = [c.label for c in concept_map.concepts if c.kind == Kind.PITFALL and c.id not in joined]
        prompt = f"Which pitfall {grammar.agree('does', source.label)} {source.label} address?"
        yield _Draft("pitfall_of_trend", prompt, target.label, wrong, relation, source.label)


def _relation_between(concept_map: ConceptMap, rng: random.Random) -> Iterator[_Draft]:
    by_id = concept_map.concept_by_id
    given: dict[tuple[str, str], set[RelationType]] = {}  # the types the map gives each ordered pair
    for r in concept_map.relations:
        given.setdefault((r.source, r.target), set()).add(r.type)
        if RELATIONS[r.type].symmetric:
            given.setdefault((r.target, r.source), set()).add(r.type)
    plausible = _plausible(concept_map)
    for relation in concept_map.relations:
        source, target = by_id[relation.source], by_id[relation.target]
        true = given[(source.id, target.id)]
        types: list[RelationType] = []
        closest, to_target, from_source = plausible(source.kind, target.kind)
        # All the closest; the next only to make four options; the farthest only to make three.
        for tier, most in ((closest, len(closest)), (to_target, OPTIONS - 1), (from_source, FEWEST - 1)):
            fresh = [t for t in tier if t not in true and t not in types]
            rng.shuffle(fresh)
            types += fresh[: max(most - len(types), 0)]
        wrong = [grammar.sentence(source.label, RELATIONS[t].label, target.label) for t in types]
        prompt = f"How are {source.label} and {target.label} related, in this map?"
        yield _Draft("relation_between", prompt, _sentence(concept_map, relation), wrong, relation, "")


def _plausible(concept_map: ConceptMap) -> Callable[[Kind, Kind], list[list[RelationType]]]:
    """Wordings a reader could believe of a concept of one kind and one of another, closest first: the types
    of relation the map gives concepts of these two kinds (either way for a symmetric type), then those it
    gives to the second kind, then those it gives from the first."""
    kind = {concept.id: concept.kind for concept in concept_map.concepts}
    pairs: dict[tuple[Kind, Kind], dict[RelationType, None]] = {}
    for r in concept_map.relations:
        pairs.setdefault((kind[r.source], kind[r.target]), {})[r.type] = None
        if RELATIONS[r.type].symmetric:
            pairs.setdefault((kind[r.target], kind[r.source]), {})[r.type] = None

    def tiers(source: Kind, target: Kind) -> list[list[RelationType]]:
        closest = list(pairs.get((source, target), {}))
        to = {t: None for (_, second), types in pairs.items() if second == target for t in types}
        of = {t: None for (first, _), types in pairs.items() if first == source for t in types}
        return [closest, [t for t in to if t not in closest], [t for t in of if t not in closest and t not in to]]

    return tiers


def _joined(concept_map: ConceptMap, concept: str, kind: RelationType) -> set[str]:
    """The concepts a relation of this type joins to `concept`, either way."""
    return {r.target for r in concept_map.relations if r.source == concept and r.type == kind} | {
        r.source for r in concept_map.relations if r.target == concept and r.type == kind
    }


def _sentence(concept_map: ConceptMap, relation: Relation) -> str:
    by_id = concept_map.concept_by_id
    return grammar.sentence(by_id[relation.source].label, relation.phrase, by_id[relation.target].label)


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
