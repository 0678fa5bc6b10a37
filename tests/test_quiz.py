"""The quiz: for any seed, every question has exactly one right answer, which a relation of the map
supports, at least three options of the right answer's kind, no option whose wording gives the answer
away, and no relation the map doubts; names read as English. Checked here against the map directly, not
through the quiz's own reasoning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from components.analysis import compare
from components.model import load
from components.model.concepts import ConceptMap
from components.model.vocabulary import RELATIONS, Kind, RelationType
from components.teaching import quiz
from components.text import grammar

ROOT = Path(__file__).parents[1]
MAPS = {
    "paper": load.load_concepts(ROOT / "concepts.yaml"),
    "example": load.load_concepts(ROOT / "examples" / "working_memory.yaml"),
}
SEEDS = range(1, 201)
DOUBTING = ("uncertain", "unclear", "tentative", "speculative", "contested", "may ", "might ", "possibly")


def sentences_true(concept_map: ConceptMap) -> dict[str, set[str]]:
    """Every 'A <wording> B' the map supports (in its own words: a negative one as such), with the keys behind each."""
    by_id = concept_map.concept_by_id
    found: dict[str, set[str]] = {}
    for r in concept_map.relations:
        info = RELATIONS[r.type]
        source, target = by_id[r.source].label, by_id[r.target].label
        found.setdefault(grammar.sentence(source, r.phrase, target), set()).update(r.refs)
        if info.symmetric:
            found.setdefault(grammar.sentence(target, r.phrase, source), set()).update(r.refs)
    return found


def right_options(concept_map: ConceptMap, question: quiz.Question) -> list[int]:
    """Which options the map itself says are right."""
    by_label = {c.label: c for c in concept_map.concepts}
    if question.kind == "facet_of_region":
        region = next(
            c
            for c in concept_map.concepts
            if c.kind == Kind.REGION and re.search(rf"\b{re.escape(c.label)} serve", question.prompt, re.IGNORECASE)
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


def words(text: str) -> set[str]:
    """Lower-case words of four letters or more, or numbers, a final s dropped, without the commonest: a
    reader's eye for an option that echoes the question."""
    found = {w.removesuffix("s") for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) >= 4 or w.isdigit()}
    return found - {"from", "with", "this", "them", "these", "which", "that", "their", "into", "other"}


def asked(which: str) -> list[quiz.Question]:
    return [question for seed in SEEDS for question in quiz.questions(MAPS[which], seed, 8)]


@pytest.fixture(scope="module", params=sorted(MAPS))
def every(request) -> tuple[ConceptMap, list[quiz.Question]]:
    """Both maps, and every question of seeds 1..200 of each."""
    return MAPS[request.param], asked(request.param)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31), which=st.sampled_from(sorted(MAPS)))
def test_every_question_has_exactly_one_right_answer_the_map_supports(seed, which):
    concept_map = MAPS[which]
    for question in quiz.questions(concept_map, seed, 8):
        assert right_options(concept_map, question) == [question.answer], question
        assert question.relation.id in concept_map.relation_by_id
        assert question.citations  # the feedback cites the work


def test_every_question_has_at_least_three_options_of_one_kind(every):
    concept_map, questions = every
    by_label = {c.label: c for c in concept_map.concepts}
    for question in questions:
        assert 3 <= len(question.options) <= quiz.OPTIONS, question
        assert len(set(question.options)) == len(question.options)
        if question.kind in ("facet_of_region", "studied_with", "pitfall_of_trend"):
            assert len({by_label[option].kind for option in question.options}) == 1, question
        else:  # sentences: all of one relation type for a work's findings where the map has enough, else any
            assert all(option.count(" ") >= 2 for option in question.options)


def test_no_option_gives_the_answer_away_by_echoing_the_question(every):
    _, questions = every
    for question in questions:
        asking = words(question.prompt)
        echoes = [len(words(option) & asking) for option in question.options]
        right = echoes[question.answer]
        peers = [echo for i, echo in enumerate(echoes) if i != question.answer and echo >= right]
        assert peers, (question.prompt, question.options)


def test_a_relation_whose_note_doubts_it_is_never_asked(every):
    _, questions = every
    for question in questions:
        assert not any(word in question.note.lower() for word in DOUBTING), question.note


def test_the_papers_doubted_links_are_never_asked():
    # Whether the paper names the temporal poles and the STS is uncertain, their notes say.
    ids = {question.relation.id for question in asked("paper")}
    assert "mentalizing|engages|temporal_pole" not in ids
    assert "mentalizing|engages|sts" not in ids
    assert not any("temporal poles" in question.prompt.lower() for question in asked("paper"))


def test_two_pitfalls_make_no_pitfall_question():
    """The paper names two pitfalls: "Which pitfall does Trend 1 address?" would be a coin toss."""
    assert sum(c.kind == Kind.PITFALL for c in MAPS["paper"].concepts) == 2
    assert not any(question.kind == "pitfall_of_trend" for question in asked("paper"))


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another():
    paper = MAPS["paper"]
    assert quiz.questions(paper, 42) == quiz.questions(paper, 42)
    assert quiz.questions(paper, 42) != quiz.questions(paper, 43)


def test_the_kinds_the_map_can_give_take_turns():
    kinds = [question.kind for question in quiz.questions(MAPS["paper"], 5, 10)]
    assert set(kinds) == {"facet_of_region", "finding_of_reference", "studied_with", "relation_between"}


@pytest.mark.parametrize("which", sorted(MAPS))
def test_any_map_gets_a_quiz(which):
    assert len(quiz.questions(MAPS[which], 1, 6)) == 6


# --- hand-made maps: one rule at a time ------------------------------------------------------------------------


def made(concepts: list[tuple[str, str, str]], relations: list[tuple[str, str, str, str]]) -> ConceptMap:
    """A map of (id, label, kind) concepts and (source, type, target, note) relations, all citing one work."""
    data = {
        "meta": {"title": "Made", "description": "A test map.", "version": "1",
                 "source": {"citation": "A. (2020). A paper.", "doi": "10.1000/made"}},
        "concepts": [{"id": i, "label": label, "kind": kind, "summary": "A concept."} for i, label, kind in concepts],
        "relations": [{"source": s, "type": t, "target": o, "refs": ["work"], "note": note}
                      for s, t, o, note in relations],
        "references": [{"n": 1, "key": "work", "type": "article", "authors": ["Author A"], "year": 2020,
                        "title": "A work", "journal": "J", "doi": "10.1000/work"}],
    }  # fmt: skip
    return load.parse(yaml.safe_dump(data, sort_keys=False), "made.yaml")


FACETS = [("f1", "Feeling", "facet"), ("f2", "Knowing", "facet"), ("f3", "Caring", "facet")]


def test_a_plural_name_reads_as_plural():
    concept_map = made(
        [*FACETS, ("poles", "Temporal poles", "region"), ("insula", "Anterior insula", "region"),
         ("broca", "Broca's area", "region")],
        [("f2", "engages", "poles", "Seen in many studies."), ("f1", "engages", "insula", "Seen in many studies."),
         ("f3", "engages", "broca", "Seen in many studies.")],
    )  # fmt: skip
    prompts = {question.prompt for seed in range(30) for question in quiz.questions(concept_map, seed, 8)}
    assert "Which facet do the temporal poles serve, in this map?" in prompts
    assert "Which facet does the anterior insula serve, in this map?" in prompts
    assert "Which facet does Broca's area serve, in this map?" in prompts


def test_a_plural_subject_takes_a_plural_verb_in_the_options():
    concept_map = made(
        [("n", "Mirror neurons", "process"), ("s", "Some system", "system"), ("t", "Another system", "system"),
         ("u", "A third system", "system")],
        [("n", "engages", "s", "Seen in many studies."), ("n", "part_of", "t", "Seen in many studies."),
         ("n", "feeds_into", "u", "Seen in many studies."), ("n", "modulates", "u", "Seen in many studies.")],
    )  # fmt: skip
    options = {option for seed in range(30) for q in quiz.questions(concept_map, seed, 8) for option in q.options}
    assert "Mirror neurons engage Some system" in options
    assert "Mirror neurons are part of Another system" in options
    assert not any(re.search(r"Mirror neurons (engages|is|feeds|modulates) ", option) for option in options)


def test_a_region_joined_to_its_facet_only_by_a_doubted_link_is_not_asked():
    concept_map = made(
        [*FACETS, ("poles", "Temporal poles", "region"), ("insula", "Anterior insula", "region")],
        [("f2", "engages", "poles", "Whether the paper names them is uncertain."),
         ("f1", "engages", "insula", "Seen in many studies.")],
    )  # fmt: skip
    prompts = {question.prompt for seed in range(30) for question in quiz.questions(concept_map, seed, 8)}
    assert "Which facet does the anterior insula serve, in this map?" in prompts
    assert not any("poles" in prompt for prompt in prompts)


def test_an_option_that_echoes_the_question_alone_is_not_asked():
    pitfalls = [
        ("p1", "Pitfall 1: artificial stimuli", "pitfall"), ("p2", "Pitfall 2: brain-behaviour gap", "pitfall"),
        ("p3", "Pitfall 3: small samples", "pitfall"), ("p4", "Pitfall 4: reverse inference", "pitfall"),
    ]  # fmt: skip
    trends = [
        ("t1", "Trend 1: naturalistic paradigms", "trend"), ("t2", "Trend 2: linking brain to behaviour", "trend"),
        ("t3", "Open data", "trend"),
    ]  # fmt: skip
    concept_map = made(
        pitfalls + trends,
        [("t1", "addresses", "p1", "Richer stimuli."), ("t2", "addresses", "p2", "Brain and behaviour linked."),
         ("t3", "addresses", "p3", "Pooled samples.")],
    )  # fmt: skip
    asked_here = [q for seed in range(40) for q in quiz.questions(concept_map, seed, 8) if q.kind == "pitfall_of_trend"]
    # Trend 1 and Pitfall 1 share their number, Trend 2 and Pitfall 2 "brain" and "behaviour" too, and no
    # other pitfall echoes them: never asked. "Open data" echoes no pitfall: asked.
    assert {q.prompt for q in asked_here} == {"Which pitfall does Open data address?"}
    for question in asked_here:
        assert len(question.options) == 4


@pytest.mark.parametrize(
    "note",
    ["Whether the paper names them is uncertain.", "This link is tentative.", "It may carry the effect.",
     "The role is contested.", "It is not clear that it does."],
)  # fmt: skip
def test_words_of_doubt(note):
    concept_map = made([("a", "A", "facet"), ("b", "B", "region")], [("a", "engages", "b", note)])
    assert quiz.doubted(concept_map.relations[0])


@pytest.mark.parametrize("note", ["Seen in many studies.", "Mayer and colleagues found it.", "A clear effect."])
def test_firm_notes(note):
    concept_map = made([("a", "A", "facet"), ("b", "B", "region")], [("a", "engages", "b", note)])
    assert not quiz.doubted(concept_map.relations[0])
