"""The typed map (concepts.py) on plain data, no YAML: problems that say what to fix; errors.py, json_schema.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.model import concepts as model
from components.model import json_schema
from components.model.errors import MapError, Problem
from components.model.vocabulary import Kind, RelationType

SCHEMA_FILE = Path(__file__).parents[1] / json_schema.SCHEMA_FILE


def problems_of(data) -> list[Problem]:
    with pytest.raises(MapError) as caught:
        model.validate(data)
    return caught.value.problems


def messages_at(data, path: tuple) -> list[str]:
    return [problem.message for problem in problems_of(data) if problem.path == path]


# --- the happy path ------------------------------------------------------------------------------------------


def test_validate_returns_a_concept_map(minimal_data):
    concept_map = model.validate(minimal_data)

    assert isinstance(concept_map, model.ConceptMap)
    assert concept_map.meta.title == "Minimal map"


def test_concept_by_id_finds_every_concept(minimal_data):
    concept_map = model.validate(minimal_data)

    assert list(concept_map.concept_by_id) == ["empathy", "experience_sharing", "anterior_insula", "pain_task"]
    assert concept_map.concept_by_id["anterior_insula"].kind is Kind.REGION


def test_reference_by_key_finds_every_reference(minimal_data):
    concept_map = model.validate(minimal_data)

    assert concept_map.reference_by_key["singer_2004"].n == 1
    assert concept_map.reference_by_key["decety_2004"].type == "book"


def test_vocabulary_values_become_enums(minimal_data):
    concept_map = model.validate(minimal_data)

    assert concept_map.relations[0].type is RelationType.PART_OF


def test_reference_use_counts_concepts_and_relations(minimal_data):
    concept_map = model.validate(minimal_data)

    assert model.reference_use(concept_map) == {"decety_2004": 4, "singer_2004": 2}


def test_reference_use_lists_unused_references_at_zero(minimal_data):
    minimal_data["references"].append(
        {"n": 3, "key": "unused_2020", "type": "book", "authors": ["Nobody N"], "year": 2020, "title": "Unused."}
    )

    use = model.reference_use(model.validate(minimal_data))

    assert use["unused_2020"] == 0


def test_relations_and_references_are_optional(minimal_data):
    for concept in minimal_data["concepts"]:
        concept.pop("refs", None)
    del minimal_data["relations"], minimal_data["references"]

    concept_map = model.validate(minimal_data)

    assert concept_map.relations == ()
    assert concept_map.references == ()


def test_map_is_frozen(minimal_data):
    concept_map = model.validate(minimal_data)

    with pytest.raises(ValueError, match="frozen"):
        concept_map.concepts[0].label = "Changed"


@pytest.mark.parametrize(
    "doi",
    [
        "10.1126/science.1093535",
        "doi:10.1126/science.1093535",
        "DOI:10.1126/science.1093535",
        "https://doi.org/10.1126/science.1093535",
        "http://dx.doi.org/10.1126/science.1093535",
        " https://dx.doi.org/10.1126/science.1093535 ",
    ],
)
def test_doi_is_stored_bare(minimal_data, doi):
    minimal_data["references"][0]["doi"] = doi

    concept_map = model.validate(minimal_data)

    assert concept_map.references[0].doi == "10.1126/science.1093535"


@pytest.mark.parametrize("mni", [[0.5, -0.5, 0], [-36, 20, 2], [52, -56, 24.5]])
def test_mni_inside_the_brain_is_accepted(minimal_data, mni):
    minimal_data["concepts"][2]["mni"] = mni

    assert model.validate(minimal_data).concepts[2].mni == tuple(mni)


@pytest.mark.parametrize("mni", [[-90, -126, -72], [90, 90, 108]])
def test_mni_in_the_bounding_box_but_outside_the_brain_is_refused(minimal_data, mni):
    minimal_data["concepts"][2]["mni"] = mni

    [message] = messages_at(minimal_data, ("concepts", 2, "mni"))

    assert "lies outside the MNI152 brain" in message


@pytest.mark.parametrize("mni", [[1, 2], "left", [[1, 2, 3]] * 3, [1, 2, "x"], []])
def test_mni_of_the_wrong_shape_says_what_to_write(minimal_data, mni):
    minimal_data["concepts"][2]["mni"] = mni

    [message] = messages_at(minimal_data, ("concepts", 2, "mni"))

    assert message == "give [x, y, z] in mm, or two points [[x, y, z], [x, y, z]] for both hemispheres"


# --- friendly problems ---------------------------------------------------------------------------------------


def test_unknown_kind_suggests_the_nearest_and_lists_all(minimal_data):
    minimal_data["concepts"][2]["kind"] = "regoin"

    [message] = messages_at(minimal_data, ("concepts", 2, "kind"))

    allowed = ", ".join(kind.value for kind in Kind)
    assert message == f"'regoin' is not allowed here (did you mean 'region'?); use one of: {allowed}"


def test_unknown_relation_type_lists_all_types(minimal_data):
    minimal_data["relations"][0]["type"] = "is_a"

    [message] = messages_at(minimal_data, ("relations", 0, "type"))

    assert message.startswith("'is_a' is not allowed here; use one of: part_of, engages,")
    assert all(kind.value in message for kind in RelationType)


def test_unknown_reference_type_lists_article_and_book(minimal_data):
    minimal_data["references"][0]["type"] = "articel"

    [message] = messages_at(minimal_data, ("references", 0, "type"))

    assert "article" in message
    assert "book" in message


def test_unknown_concept_field_suggests_and_lists_allowed_fields(minimal_data):
    minimal_data["concepts"][0]["sumary"] = "Typo."

    [message] = messages_at(minimal_data, ("concepts", 0, "sumary"))

    assert message == (
        "unknown field 'sumary' (did you mean 'summary'?); "
        "allowed fields: id, label, kind, abbrev, aliases, summary, mni, mni_source, refs"
    )


@pytest.mark.parametrize(
    ("section", "path", "allowed"),
    [
        ("meta", ("meta", "titel"), "title, description, source, version, start_here, search_examples"),
        ("source", ("meta", "source", "titel"), "citation, doi, url, key"),
        ("top", ("titel",), "meta, concepts, relations, references, views, tours, exercise"),
    ],
)
def test_unknown_field_lists_the_fields_of_its_own_section(minimal_data, section, path, allowed):
    record = minimal_data
    for part in path[:-1]:
        record = record[part]
    record[path[-1]] = "x"

    [message] = messages_at(minimal_data, path)

    assert message.endswith(f"allowed fields: {allowed}"), section


def test_unknown_field_without_a_near_name_has_no_suggestion(minimal_data):
    minimal_data["relations"][0]["zzz"] = 1

    [message] = messages_at(minimal_data, ("relations", 0, "zzz"))

    assert message == "unknown field 'zzz'; allowed fields: source, type, target, refs, note, standing, sign"


def test_missing_field_is_named_on_its_record(minimal_data):
    del minimal_data["concepts"][1]["summary"]

    [problem] = problems_of(minimal_data)

    assert problem.path == ("concepts", 1)
    assert problem.message == "missing required field 'summary'"


def test_missing_top_level_section_is_named(minimal_data):
    del minimal_data["meta"]

    [problem] = problems_of(minimal_data)

    assert problem.message == "missing required field 'meta'"


def test_blank_text_must_not_be_empty(minimal_data):
    minimal_data["relations"][1]["note"] = " \n "

    assert messages_at(minimal_data, ("relations", 1, "note")) == ["must not be empty"]


def test_bad_slug_explains_the_id_format(minimal_data):
    minimal_data["references"][0]["key"] = "Singer 2004"

    messages = messages_at(minimal_data, ("references", 0, "key"))

    assert messages == [
        "'Singer 2004' is not a valid id: use lowercase letters, digits and _ (starting with a letter), "
        "e.g. 'anterior_insula'"
    ]


@pytest.mark.parametrize(("mni", "axis"), [([-91, 0, 0], "x"), ([0, -127, 0], "y"), ([0, 0, 108.5], "z")])
def test_mni_outside_the_brain_names_the_axis(minimal_data, mni, axis):
    minimal_data["concepts"][2]["mni"] = mni

    [message] = messages_at(minimal_data, ("concepts", 2, "mni"))

    assert message.startswith(f"{axis} = ")
    assert "lies outside the brain" in message


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org",
        "ftp://example.org",
        "https://",
        "example.org",
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "https://example.org/ok\n\n[r1]:http://evil.example/p.png\n\n![x][r1]",  # Markdown after a line break
        "https://example.org/a b",
        "https://example.org/\r",
        "https://example.org/\x00",
        'https://example.org/"onclick=x',
        "https://example.org/<img>",
        "https://example.org\\@evil.example",
        " https://example.org",
        "https://exa mple.org",
    ],
)
def test_only_a_whole_https_address_is_a_link(minimal_data, url):
    minimal_data["meta"]["source"]["url"] = url

    [message] = messages_at(minimal_data, ("meta", "source", "url"))

    assert "is not a whole https: address" in message


@pytest.mark.parametrize(
    "url",
    ["https://example.org", "https://pmc.ncbi.nlm.nih.gov/articles/PMC3209798/", "https://a.b:8443/p?q=1&r=(2)#f",
     "https://doi.org/10.1016/S0140-6736(05)70001-1"],
)  # fmt: skip
def test_ordinary_https_addresses_are_links(minimal_data, url):
    minimal_data["meta"]["source"]["url"] = url

    assert model.validate(minimal_data).meta.source.url == url


@pytest.mark.parametrize("doi", ["11.1126/x", "10.12/x", "10.1126/", "doi:", "10.1126/has space"])
def test_malformed_doi_shows_the_expected_form(minimal_data, doi):
    minimal_data["references"][0]["doi"] = doi

    [message] = messages_at(minimal_data, ("references", 0, "doi"))

    assert "is not a DOI; write it as 10.<registrant>/<suffix>" in message


# --- cross-reference problems --------------------------------------------------------------------------------


def test_field_and_cross_reference_problems_are_reported_together(minimal_data):
    minimal_data["concepts"][0]["kind"] = "idea"  # pydantic
    minimal_data["relations"][0]["target"] = "empathie"  # cross-reference
    minimal_data["references"][1]["n"] = 1  # cross-reference

    paths = {problem.path for problem in problems_of(minimal_data)}

    assert paths == {("concepts", 0, "kind"), ("relations", 0, "target"), ("references", 1, "n")}


def test_unknown_concept_suggests_the_nearest_id(minimal_data):
    minimal_data["relations"][1]["source"] = "experience_shareing"

    [message] = messages_at(minimal_data, ("relations", 1, "source"))

    assert message == "unknown concept 'experience_shareing' (did you mean 'experience_sharing'?)"


def test_unknown_concept_far_from_every_id_has_no_suggestion(minimal_data):
    minimal_data["relations"][1]["target"] = "zzz"

    assert messages_at(minimal_data, ("relations", 1, "target")) == ["unknown concept 'zzz'"]


def test_unknown_reference_in_a_concept_is_found(minimal_data):
    minimal_data["concepts"][0]["refs"] = ["decety_2004", "decety_2005"]

    [message] = messages_at(minimal_data, ("concepts", 0, "refs", 1))

    assert message == "unknown reference 'decety_2005' (did you mean 'decety_2004'?)"


def test_duplicate_concept_id_points_at_the_first(minimal_data):
    minimal_data["concepts"][3]["id"] = "empathy"

    [message] = messages_at(minimal_data, ("concepts", 3, "id"))

    assert message == "duplicate concept id 'empathy' (first used at concepts[0])"


def test_duplicate_triple_points_at_the_first(minimal_data):
    minimal_data["relations"].append(dict(minimal_data["relations"][0], note="Again."))

    [problem] = problems_of(minimal_data)

    assert problem.path == ("relations", 3)
    assert problem.message == "the same relation is already at relations[0]; remove one"


def test_same_pair_with_another_type_is_not_a_duplicate(minimal_data):
    minimal_data["relations"].append(dict(minimal_data["relations"][0], type="interacts_with"))

    assert len(model.validate(minimal_data).relations) == 4


def test_mni_source_without_mni_on_a_non_region_is_refused(minimal_data):
    minimal_data["concepts"][0]["mni_source"] = "Somewhere."

    [message] = messages_at(minimal_data, ("concepts", 0, "mni"))

    assert message == "only regions have mni coordinates; this concept's kind is 'construct'"


def test_records_of_the_wrong_type_are_reported_without_crashing(minimal_data):
    minimal_data["concepts"].append(["not", "a", "mapping"])
    minimal_data["relations"][0]["refs"] = [["nested"], {"a": 1}]
    minimal_data["references"][0]["key"] = {"a": 1}
    minimal_data["references"][1]["n"] = True

    paths = {problem.path for problem in problems_of(minimal_data)}

    assert ("concepts", 4) in paths
    assert ("references", 0, "key") in paths


@pytest.mark.parametrize("data", [None, [], "concepts", 3])
def test_non_mapping_data_raises_map_error(data):
    assert problems_of(data)


def test_only_concept_being_invalid_reports_just_that_concept(minimal_data):
    minimal_data["concepts"] = [
        {"id": "insula", "label": "Insula", "kind": "regoin", "summary": "A region."},
    ]
    del minimal_data["relations"]
    del minimal_data["references"]

    problems = problems_of(minimal_data)

    assert [(problem.path, problem.message[:8]) for problem in problems] == [(("concepts", 0, "kind"), "'regoin'")]


# --- errors.py -----------------------------------------------------------------------------------------------


def test_problem_reads_file_line_col_path_message():
    problem = Problem("unknown concept 'x'", ("relations", 41, "target"), "concepts.yaml", 120, 13)

    assert str(problem) == "concepts.yaml:120:13: relations[41].target: unknown concept 'x'"


def test_problem_without_place_is_just_its_message():
    assert str(Problem("the file is empty")) == "the file is empty"


def test_problem_with_file_only_leaves_out_line_and_col():
    assert str(Problem("cannot read", file="a.yaml")) == "a.yaml: cannot read"


def test_map_error_sorts_problems_by_line_then_col():
    problems = [Problem("c", line=9, col=1), Problem("a", line=2, col=7), Problem("b", line=2, col=8)]

    assert [problem.message for problem in MapError(problems).problems] == ["a", "b", "c"]


def test_map_error_message_counts_and_lists_problems():
    error = MapError([Problem("one", file="m.yaml", line=1, col=1), Problem("two", file="m.yaml", line=2, col=1)])

    assert str(error) == "2 problems in the map:\n  m.yaml:1:1: one\n  m.yaml:2:1: two"


# --- json_schema.py -----------------------------------------------------------------------------------------------


def test_committed_schema_is_up_to_date():
    assert SCHEMA_FILE.exists(), "concepts.schema.json is missing: run `make schema`"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema.to_json(), (
        "concepts.schema.json is stale: run `make schema` (python -m components schema > concepts.schema.json)"
    )


def test_schema_describes_every_kind_and_relation_type():
    definitions = json_schema.json_schema()["$defs"]

    assert len(definitions["Kind"]["markdownEnumDescriptions"]) == len(definitions["Kind"]["enum"]) == len(Kind)
    assert len(definitions["RelationType"]["markdownEnumDescriptions"]) == len(RelationType)


def test_schema_is_valid_json_with_the_record_definitions():
    parsed = json.loads(json_schema.to_json())

    assert {"Concept", "Relation", "Reference", "Meta", "Source"} <= set(parsed["$defs"])
    assert parsed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_keeps_its_own_title():
    assert json_schema.json_schema()["title"] == "Empathy Atlas concept map"


def test_every_kind_and_relation_type_has_its_words():
    from components.model.vocabulary import KINDS, RELATIONS, Kind, RelationType

    assert set(KINDS) == set(Kind)
    assert set(RELATIONS) == set(RelationType)


# --- the exercise and a student's map --------------------------------------------------------------------


def test_an_exercise_names_its_question_concepts_and_skeleton(minimal_data):
    minimal_data["exercise"] = {
        "question": "How is experience sharing studied?",
        "concepts": ["experience_sharing", "pain_task"],
        "skeleton": [{"source": "experience_sharing", "type": "studied_with", "target": "pain_task"}],
    }

    exercise = model.validate(minimal_data).exercise

    assert exercise is not None
    assert exercise.concepts == ("experience_sharing", "pain_task")
    assert exercise.skeleton[0].type == RelationType.STUDIED_WITH


def test_an_exercise_needs_a_question_and_known_fields(minimal_data):
    minimal_data["exercise"] = {"concepts": ["empathy"], "focus": "?"}

    assert messages_at(minimal_data, ("exercise",)) == ["missing required field 'question'"]
    assert messages_at(minimal_data, ("exercise", "focus"))[0].startswith(
        "unknown field 'focus'; allowed fields: question, concepts, skeleton"
    )


def test_a_skeletons_link_must_have_a_type_of_the_vocabulary(minimal_data):
    skeleton = [{"source": "empathy", "type": "causes", "target": "pain_task"}]
    minimal_data["exercise"] = {"question": "Q?", "concepts": ["empathy", "pain_task"], "skeleton": skeleton}

    assert messages_at(minimal_data, ("exercise", "skeleton", 0, "type"))[0].startswith("'causes' is not allowed here")


def test_a_students_concepts_written_as_bare_names_are_told_how_to_write_one():
    with pytest.raises(MapError) as caught:
        model.validate({"concepts": ["tpj"]}, student=True)

    assert [str(problem) for problem in caught.value.problems] == [
        "concepts[0]: must be a mapping of fields, e.g. {id: a_concept, label: A concept}, not a single value or a list"
    ]


def test_a_students_link_keeps_the_students_words_as_its_phrase():
    student = model.validate(
        {"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
         "relations": [{"source": "a", "type": "engages", "target": "b", "words": "activates"},
                       {"source": "b", "type": "engages", "target": "a"}]},
        student=True,
    )  # fmt: skip

    assert [relation.phrase for relation in student.relations] == ["activates", "engages"]
