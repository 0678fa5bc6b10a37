"""exchange/imports.py: a student's map read from CmapTools' CXL, GraphML (the app's, networkx's, yEd's,
Gephi's) or YAML, and every broken file refused as file:line:col: what to fix."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from components.exchange import bounded, export, imports
from components.model import load
from components.model.errors import MapError
from components.model.vocabulary import RelationType, Sign

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "imports"
MAPS = [ROOT / "concepts.yaml", ROOT / "examples" / "working_memory.yaml"]


def concepts_of(concept_map):
    return [(concept.id, concept.label) for concept in concept_map.concepts]


def links_of(concept_map):
    return {(r.source, r.type, r.target, r.sign) for r in concept_map.relations}


def problem_of(content: bytes | str, name: str) -> str:
    with pytest.raises(MapError) as raised:
        imports.read(content, name)
    (problem,) = raised.value.problems
    return str(problem)


@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.name)
@pytest.mark.parametrize("format_name", ["cxl", "graphml"])
def test_the_apps_own_export_imports_back_as_the_same_concepts_and_links(path, format_name):
    expert = load.load_concepts(path)
    (file,) = export.export(expert, format_name, "map")

    student = imports.read(file.data, file.name)

    assert concepts_of(student) == concepts_of(expert)
    assert links_of(student) == links_of(expert)
    assert len(student.relations) == len(expert.relations)
    assert student.meta.title == expert.meta.title


def test_the_apps_cxl_export_keeps_each_links_note():
    expert = load.load_concepts(MAPS[1])
    (file,) = export.export(expert, "cxl")

    student = imports.read(file.data, file.name)

    assert {r.id: r.note for r in student.relations} == {r.id: r.note for r in expert.relations}


def test_a_cxl_written_by_cmaptools_rules_imports_as_the_map_it_draws():
    drawn = imports.read((DATA / "cmaptools.cxl").read_bytes(), "cmaptools.cxl")
    expected = load.parse((DATA / "cmaptools.yaml").read_text(), "cmaptools.yaml", student=True)

    assert drawn.model_dump() == expected.model_dump()


def test_a_linking_phrase_with_two_targets_is_two_links_and_a_dangling_one_none():
    drawn = imports.read((DATA / "cmaptools.cxl").read_bytes(), "cmaptools.cxl")

    activated = [r.target for r in drawn.relations if r.words == "activates"]
    assert activated == ["anterior_insula", "mirror_neuron_system"]
    assert not [r for r in drawn.relations if "dangling" in r.phrase]


def test_words_read_from_the_target_turn_the_link_round():
    drawn = imports.read((DATA / "cmaptools.cxl").read_bytes(), "cmaptools.cxl")

    assert ("prosocial_behaviour", RelationType.ENGAGES, "anterior_insula", Sign.POSITIVE) in links_of(drawn)


def test_words_no_type_fits_are_kept_on_a_link_of_the_default_type():
    drawn = imports.read((DATA / "cmaptools.cxl").read_bytes(), "cmaptools.cxl")

    (kinder,) = [r for r in drawn.relations if r.target == "prosocial_behaviour"]
    assert (kinder.type, kinder.words, kinder.phrase) == ("interacts_with", "makes people kinder to",
                                                          "makes people kinder to")  # fmt: skip


def test_a_yed_graphml_file_imports_with_its_node_and_edge_labels():
    drawn = imports.read((DATA / "yed.graphml").read_bytes(), "yed.graphml")

    assert concepts_of(drawn) == [
        ("working_memory", "Working memory"), ("phonological_loop", "Phonological loop"),
        ("broca_s_area", "Broca's area"),
    ]  # fmt: skip
    assert links_of(drawn) == {
        ("phonological_loop", "part_of", "working_memory", "positive"),
        ("phonological_loop", "engages", "broca_s_area", "positive"),
    }


def test_a_networkx_graphml_file_imports_with_labels_from_the_label_key():
    graph = nx.DiGraph()
    graph.add_node(0, label="Central executive")
    graph.add_node(1, label="Episodic buffer")
    graph.add_edge(0, 1, label="interacts with")
    out = io.BytesIO()
    nx.write_graphml(graph, out)

    drawn = imports.read(out.getvalue(), "drawn.graphml")

    assert concepts_of(drawn) == [("central_executive", "Central executive"), ("episodic_buffer", "Episodic buffer")]
    assert links_of(drawn) == {("central_executive", "interacts_with", "episodic_buffer", "positive")}


def test_a_graphml_whose_labels_sit_in_an_undeclared_d0_key_imports():
    text = """<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
      <node id="a"><data key="d0">Phonological store</data></node>
      <node id="b"><data key="d0">Phonological loop</data></node>
      <edge source="a" target="b"><data key="d1">is part of</data></edge>
    </graph></graphml>"""

    drawn = imports.read(text, "gephi.graphml")

    assert [c.label for c in drawn.concepts] == ["Phonological store", "Phonological loop"]
    assert [(r.source, r.type, r.target) for r in drawn.relations] == [("a", "part_of", "b")]


def test_yaml_is_read_as_a_students_map():
    text = "concepts: [{id: a, label: A}, {id: b, label: B}]\nrelations: [{source: a, type: engages, target: b}]\n"

    assert imports.read(text, "pasted map") == load.parse(text, "pasted map", student=True)


def test_plain_text_says_what_a_students_map_looks_like():
    assert problem_of("TPJ engages theory of mind, the insula engages sharing.", "pasted map") == (
        f"pasted map:1:1: the file holds a single value; {load.STUDENT_HINT}"
    )
    assert "a student's map is YAML with concepts:" in load.STUDENT_HINT
    assert "CmapTools .cxl or GraphML" in load.STUDENT_HINT


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "<cmap><map><concept-list>\n<concept id='a' label='A'>\n</cmap>",
            "x.cxl:3:3: this is not well-formed XML (mismatched tag)",
        ),
        ("<html><body>Hello</body></html>", "x.cxl:1:1: this XML's root is <html>: neither CmapTools' CXL"),
        (
            "<cmap><map>\n<concept-list><concept id='a' label='A'/></concept-list>\n"
            "<connection-list>\n  <connection id='c' from-id='a' to-id='zz'/></connection-list></map></cmap>",
            "x.cxl:4:3: this connection joins 'zz', which is neither a concept nor a linking phrase",
        ),
        (
            "<cmap><map><concept-list>\n<concept id='a' label='   '/></concept-list></map></cmap>",
            "x.cxl:2:1: must not be empty",
        ),
        ("<cmap><map></map></cmap>", "x.cxl: the file has no concepts"),
        (
            "<graphml><graph>\n<node id='a'/>\n<edge source='a' target='b'/></graph></graphml>",
            "x.cxl:3:1: this edge joins 'b', which is not a node of the file",
        ),
        (
            "<graphml><graph>\n<node id='a'/>\n<edge source='a' target='a'/></graph></graphml>",
            "x.cxl:3:1: a link must join two different concepts",
        ),
    ],
    ids=["malformed", "not-a-map", "unknown-end", "blank-label", "empty", "unknown-node", "self-loop"],
)
def test_a_broken_file_names_the_line_and_what_to_fix(content, expected):
    assert problem_of(content, "x.cxl").startswith(expected)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE cmap [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<cmap><map><concept-list><concept id="a" label="&lol2;"/></concept-list></map></cmap>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE cmap SYSTEM "file:///etc/passwd">
<cmap><map><concept-list><concept id="a" label="A"/></concept-list></map></cmap>"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, EXTERNAL], ids=["entities", "external"])
def test_a_doctype_is_refused_before_any_entity_is_read(content):
    problem = problem_of(content, "x.cxl")
    assert problem.startswith("x.cxl:2:")
    assert "the file declares a DOCTYPE, which a map file does not need" in problem


def test_an_undeclared_entity_is_a_clear_error():
    assert problem_of("<cmap>&secret;</cmap>", "x.cxl").startswith(
        "x.cxl:1:7: this is not well-formed XML (undefined entity)"
    )


def test_xml_nested_too_deep_is_refused():
    content = "<cmap>" + "<a>" * (imports.MAX_DEPTH + 1) + "</a>" * (imports.MAX_DEPTH + 1) + "</cmap>"

    assert "nested more than" in problem_of(content, "x.cxl")


def test_xml_over_the_size_limit_is_refused_unread():
    content = b"<cmap>" + b" " * imports.MAX_BYTES + b"</cmap>"

    assert problem_of(content, "x.cxl") == "x.cxl: the file is over 4 MiB, the most a map may be"


def test_the_pages_reader_takes_a_cxl_students_map_within_limits():
    content = (DATA / "cmaptools.cxl").read_bytes()

    assert bounded.parse(content, "pasted map", student=True) == imports.read(content, "pasted map")
