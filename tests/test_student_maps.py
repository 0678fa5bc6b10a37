"""teaching/student_maps.py: a drawn map as a student map and back, words matched to relation types, and
the student map file that reads back as the same map."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.model import load
from components.model.errors import MapError
from components.model.vocabulary import RELATIONS, RelationType, Sign
from components.teaching import score
from components.teaching.student_maps import (
    DEFAULT_TYPE,
    PHRASES,
    build_map,
    drawing_of,
    starting_drawing,
    student_map,
    to_yaml,
    wording,
)

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def memory():
    return load.load_concepts(ROOT / "examples" / "working_memory.yaml")


@pytest.mark.parametrize("kind", list(RelationType))
def test_each_types_own_phrase_is_that_type(kind):
    said = wording(RELATIONS[kind].label)

    assert (said.type, said.sign, said.reverse, said.matched, said.exact) == (kind, Sign.POSITIVE, False, True, True)


@pytest.mark.parametrize("kind", [kind for kind, info in RELATIONS.items() if info.negative])
def test_a_negative_phrase_is_its_type_with_a_negative_sign(kind):
    negative = RELATIONS[kind].negative
    assert negative is not None

    assert (wording(negative[0]).type, wording(negative[0]).sign) == (kind, Sign.NEGATIVE)


@pytest.mark.parametrize("kind", [kind for kind, info in RELATIONS.items() if not info.symmetric])
def test_an_inverse_phrase_turns_the_link_round(kind):
    said = wording(RELATIONS[kind].inverse)

    assert (said.type, said.reverse) == (kind, True)


@pytest.mark.parametrize(
    ("words", "kind"),
    [("Engage", "engages"), ("are part of", "part_of"), ("part_of", "part_of"), ("activates", "engages"),
     ("-> leads to", "leads_to"), ("is  studied   with", "studied_with"), ("predict", "predicts")],
)  # fmt: skip
def test_a_students_own_spelling_finds_the_type(words, kind):
    assert wording(words).type == kind


@pytest.mark.parametrize("words", ["does not engage", "isn't part of", "makes people kinder to", "", "???"])
def test_words_that_fit_no_type_or_deny_one_get_the_default_type(words):
    said = wording(words)

    assert (said.type, said.matched) == (DEFAULT_TYPE, False)


def test_the_phrases_offered_are_each_types_and_each_negative_reading():
    assert {"engages", "is part of", "reduces"} <= set(PHRASES)
    assert {wording(phrase).type for phrase in PHRASES} == set(RelationType)


def test_a_drawn_concept_named_as_the_expert_names_it_takes_the_experts_id(memory):
    drawn = build_map(
        [{"id": "c1", "label": "phonological loop"}, {"id": "c2", "label": "Broca's area"},
         {"id": "c3", "label": "Chunking"}],
        [],
        memory,
    )  # fmt: skip

    assert [c.id for c in drawn.concepts] == ["phonological_loop", "brocas_area", "chunking"]


def test_a_concept_only_close_to_an_experts_name_keeps_its_own_id_for_the_teacher_to_check(memory):
    drawn = build_map([{"id": "c1", "label": "Phonological loops"}], [], memory)

    assert drawn.concepts[0].id == "phonological_loops"
    assert score.match(drawn, memory)[0].how.startswith("close name")


def test_a_drawn_map_is_scored_as_drawn(memory):
    drawn = build_map(
        [{"id": "1", "label": "Phonological loop"}, {"id": "2", "label": "Multicomponent model"},
         {"id": "3", "label": "Broca's area"}, {"id": "4", "label": "Articulatory rehearsal"}],
        [{"from": "1", "to": "2", "words": "is part of"}, {"from": "3", "to": "4", "words": "is engaged by"},
         {"from": "2", "to": "1", "words": "is part of"}],
        memory,
    )  # fmt: skip

    result = score.score(drawn, memory)

    assert [link.verdict for link in result.links if link.student] == ["correct", "correct", "reversed"]


def test_a_link_in_free_words_keeps_them_and_reads_as_the_student_wrote_it(memory):
    drawn = build_map(
        [{"id": "a", "label": "Central executive"}, {"id": "b", "label": "Episodic buffer"}],
        [{"from": "a", "to": "b", "words": "keeps an eye on"}],
        memory,
    )

    (link,) = drawn.relations
    assert (link.type, link.words, link.phrase) == (DEFAULT_TYPE, "keeps an eye on", "keeps an eye on")
    assert score.sentence(drawn, link) == "Central executive keeps an eye on Episodic buffer"


def test_the_same_claim_drawn_twice_is_one_link(memory):
    drawn = build_map(
        [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        [{"from": "a", "to": "b", "words": "engages"}, {"from": "b", "to": "a", "words": "is engaged by"}],
        memory,
    )

    assert len(drawn.relations) == 1


@pytest.mark.parametrize(
    ("concepts", "links", "expected"),
    [
        ([], [], "concepts: the map needs at least one concept"),
        ([{"id": "a", "label": "  "}], [], "concepts[0].label: must not be empty"),
        ([{"id": "a", "label": "A"}], [{"from": "a", "to": "gone", "words": ""}],
         "links[0].to: the link's end is not one of the map's concepts"),
        ([{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
         [{"from": "a", "to": "b", "words": "engages"}, {"from": "a", "to": "a", "words": "engages"}],
         "links[1]: a link must join two different concepts"),
    ],
    ids=["empty", "blank-label", "unknown-end", "self-link"],
)  # fmt: skip
def test_a_drawing_that_is_not_a_map_yet_says_where(memory, concepts, links, expected):
    with pytest.raises(MapError) as raised:
        build_map(concepts, links, memory)

    assert [str(problem) for problem in raised.value.problems] == [expected]


def test_a_drawing_survives_being_made_a_map_and_drawn_again(memory):
    concepts = [{"id": "x1", "label": "Central executive"}, {"id": "x2", "label": "My own idea"}]
    links = [{"from": "x2", "to": "x1", "words": "reduces"}, {"from": "x1", "to": "x2", "words": "lights up"}]

    drawing = drawing_of(build_map(concepts, links, memory))

    assert drawing == {
        "concepts": [{"id": "central_executive", "label": "Central executive"},
                     {"id": "my_own_idea", "label": "My own idea"}],
        "links": [{"from": "my_own_idea", "to": "central_executive", "words": "reduces"},
                  {"from": "central_executive", "to": "my_own_idea", "words": "lights up"}],
    }  # fmt: skip
    assert drawing_of(build_map(drawing["concepts"], drawing["links"], memory)) == drawing


def test_the_exercise_is_where_a_student_starts(memory):
    start = starting_drawing(memory)

    assert memory.exercise is not None
    assert [c["id"] for c in start["concepts"]] == list(memory.exercise.concepts)
    assert start["links"] == [{"from": "multicomponent_model", "to": "working_memory", "words": "explains"}]
    assert build_map(start["concepts"], start["links"], memory).relations[0].id == (
        "multicomponent_model|explains|working_memory"
    )


def test_a_map_without_an_exercise_starts_blank(minimal_path):
    assert starting_drawing(load.load_concepts(minimal_path)) == {"concepts": [], "links": []}


def test_an_imported_concept_keeps_its_id_unless_it_is_a_tools_numbering():
    made = student_map(
        [{"id": "tpj", "label": "TPJ"}, {"id": "n1", "label": "Insula"}, {"id": "ÄB", "label": "Äb"}], []
    )

    assert [c.id for c in made.concepts] == ["tpj", "insula", "ab"]


# Hostile text: any code point, lone surrogates, controls, YAML's line breaks and its reserved words.
ANY = st.one_of(st.characters(exclude_categories=()), st.characters(categories=["Cs"]))
TEXT = st.one_of(st.text(ANY, min_size=1, max_size=40), st.sampled_from(["yes", "~", "- a", "'", '"', "#", "1e3"]))
LABELS = st.lists(TEXT, min_size=1, max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(labels=LABELS, words=st.lists(st.text(ANY, max_size=30), max_size=4), title=st.text(ANY, max_size=30))
def test_a_student_map_file_reads_back_as_the_same_map(labels, words, title):
    concepts = [{"id": f"c{index}", "label": label} for index, label in enumerate(labels)]
    links = [{"from": "c0", "to": f"c{1 + index % max(len(labels) - 1, 1)}", "words": said}
             for index, said in enumerate(words) if len(labels) > 1]  # fmt: skip
    try:
        made = student_map(concepts, links, title)
    except MapError:
        return  # a label of only characters pydantic's pattern does not see, say: refused with its place
    text = to_yaml(made)

    assert load.parse(text, "student.yaml", student=True).model_dump() == made.model_dump()
    assert load.parse(text.encode("utf-8", "surrogatepass"), "student.yaml", student=True) == made


def test_a_lone_surrogate_from_the_browser_is_written_as_a_replacement_character():
    made = student_map([{"id": "a", "label": "x\ud800"}], [], title="t\udfff")

    assert (made.concepts[0].label, made.meta.title) == ("x\ufffd", "t\ufffd")
    assert load.parse(to_yaml(made).encode("utf-8"), "student.yaml", student=True) == made
