"""The quiz: for any seed, every question has exactly one right answer, which a relation of the map
supports, and wrong answers of the same kind that the map says are wrong. Checked here against the map
directly, not through the quiz's own reasoning."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import compare, load, quiz
from components.model import ConceptMap
from components.vocabulary import RELATIONS, Kind, RelationType

ROOT = Path(__file__).parents[1]
MAPS = {
    "paper": load.load_concepts(ROOT / "concepts.yaml"),
    "example": load.load_concepts(ROOT / "examples" / "working_memory.yaml"),
}


def sentences_true(concept_map: ConceptMap) -> dict[str, set[str]]:
    """Every 'A <wording> B' the map supports (in its own words: a negative one as such), with the keys behind each."""
    by_id = concept_map.concept_by_id
    found: dict[str, set[str]] = {}
    for r in concept_map.relations:
        found.setdefault(f"{by_id[r.source].label} {r.phrase} {by_id[r.target].label}", set()).update(r.refs)
        if RELATIONS[r.type].symmetric:
            found.setdefault(f"{by_id[r.target].label} {r.phrase} {by_id[r.source].label}", set()).update(r.refs)
    return found


def right_options(concept_map: ConceptMap, question: quiz.Question) -> list[int]:
    """Which options the map itself says are right."""
    by_label = {c.label: c for c in concept_map.concepts}
    if question.kind == "facet_of_region":
        region = next(
            c for c in concept_map.concepts if c.kind == Kind.REGION and f"the {c.label} serve" in question.prompt
        )
        cells = compare.matrix(concept_map, Kind.REGION).cells
        return [i for i, o in enumerate(question.options) if (by_label[o].id, region.id) in cells]
    if question.kind == "finding_of_reference":
        truths = sentences_true(concept_map)
        work = next(ref for ref in concept_map.references if f"“{ref.title}”" in question.prompt)  # named by title
        return [i for i, o in enumerate(question.options) if work.key in truths.get(o, set())]
    if question.kind in ("studied_with", "pitfall_of_trend"):
        kind = RelationType.STUDIED_WITH if question.kind == "studied_with" else RelationType.ADDRESSES
        source = question.relation.source
        joined = {r.target for r in concept_map.relations if r.source == source and r.type == kind} | {
            r.source for r in concept_map.relations if r.target == source and r.type == kind
        }
        return [i for i, o in enumerate(question.options) if by_label[o].id in joined]
    truths = sentences_true(concept_map)  # relation_between
    return [i for i, o in enumerate(question.options) if o in truths]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31), which=st.sampled_from(sorted(MAPS)))
def test_every_question_has_exactly_one_right_answer_the_map_supports(seed, which):
    concept_map = MAPS[which]
    for question in quiz.questions(concept_map, seed, 8):
        assert right_options(concept_map, question) == [question.answer], question
        assert question.relation.id in concept_map.relation_by_id
        assert question.citations  # the feedback cites the work


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_wrong_answers_are_of_the_right_answers_kind(seed):
    concept_map = MAPS["paper"]
    for question in quiz.questions(concept_map, seed, 8):
        assert 2 <= len(question.options) <= quiz.OPTIONS
        assert len(set(question.options)) == len(question.options)
        named = quiz.concept_options(question, concept_map)
        if question.kind in ("facet_of_region", "studied_with", "pitfall_of_trend"):
            assert len({concept.kind for concept in named}) == 1  # all concepts of one kind


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another():
    paper = MAPS["paper"]
    assert quiz.questions(paper, 42) == quiz.questions(paper, 42)
    assert quiz.questions(paper, 42) != quiz.questions(paper, 43)


def test_the_kinds_take_turns():
    kinds = [question.kind for question in quiz.questions(MAPS["paper"], 5, 10)]
    assert set(kinds) == set(quiz.KINDS)


@pytest.mark.parametrize("which", sorted(MAPS))
def test_any_map_gets_a_quiz(which):
    assert len(quiz.questions(MAPS[which], 1, 6)) == 6
