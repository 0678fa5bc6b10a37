"""Every export format, on maps whose text is anything Unicode holds (controls, U+FFFE, line separators,
`@`, backslashes, braces, formulas), read back by an independent reader: the same map, or the same
references and nothing else, text changed only as the format must change it (and the test says how).

    json      the map's own loader (JSON is YAML)     the same map
    graphml   networkx and igraph                     every text, XML's forbidden characters as U+FFFD
    gexf      networkx                                every text, likewise
    cxl       an XML parser                           labels and notes, likewise
    svg       an XML parser                           well-formed
    csv       csv                                     every cell, a formula's with an apostrophe before it
    bibtex    bibtexparser                            exactly the map's entries, each value bibtex_text's
    ris       rispy                                   exactly the map's records, each value ris_text's
    html      json (the explorer's data)              every text as it is
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
import xml.etree.ElementTree as ElementTree
from typing import Any

import bibtexparser
import igraph
import networkx as nx
import pytest
import rispy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from components.exchange import export, standalone
from components.model import concepts as model
from components.model import load
from components.model.errors import MapError
from components.model.vocabulary import Kind, RelationType
from components.text import spreadsheet, xml_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pytestmark = pytest.mark.slow

# Anything but a lone surrogate (no file can hold one), with the characters that attack each format often.
ATTACKS = ["\n", "\r", "\r\n", "\x00", "\x01", "\x1b", "\x85", "\u2028", "\ufeff", "\ufffe", "\uffff", "\\", "{",
           "}", "@", "=", "+", "-", "\t", "%", ";", '"', "<", "&", "ER  - ", "TY  - ", "$"]  # fmt: skip
CHARACTER = st.characters(exclude_categories=("Cs",)) | st.sampled_from(ATTACKS)
TEXT = st.lists(CHARACTER | st.sampled_from(ATTACKS), min_size=1, max_size=16).map("".join)
SLUGS = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
KINDS = [kind.value for kind in Kind if kind is not Kind.REGION]  # a region's coordinates are another test's


@st.composite
def maps(draw: st.DrawFn) -> model.ConceptMap:
    """A valid map whose every text is drawn from TEXT."""
    ids = draw(st.lists(SLUGS, min_size=2, max_size=6, unique=True))
    keys = draw(st.lists(SLUGS, min_size=1, max_size=4, unique=True))
    relations = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=6))
    data: dict[str, Any] = {
        "meta": {"title": draw(TEXT), "description": draw(TEXT), "source": {"citation": draw(TEXT)}, "version": "1"},
        "concepts": [
            {"id": concept, "label": draw(TEXT), "kind": draw(st.sampled_from(KINDS)),
             "summary": draw(TEXT), "abbrev": draw(st.none() | TEXT), "aliases": draw(st.lists(TEXT, max_size=2)),
             "refs": [draw(st.sampled_from(keys))]}
            for concept in ids
        ],
        "relations": [
            {"source": source, "type": RelationType.ENGAGES.value, "target": target, "refs": [keys[0]],
             "note": draw(TEXT)}
            for source, target in dict.fromkeys(relations) if source != target
        ],
        "references": [
            {"n": number, "key": key, "type": draw(st.sampled_from(["article", "book"])),
             "authors": draw(st.lists(TEXT, min_size=1, max_size=3)), "year": draw(st.integers(1900, 2030)),
             "title": draw(TEXT), "journal": draw(st.none() | TEXT), "publisher": draw(st.none() | TEXT),
             "city": draw(st.none() | TEXT), "url": draw(st.none() | st.sampled_from(["https://a.org/x;y", None]))}
            for number, key in enumerate(keys, 1)
        ],
    }  # fmt: skip
    for reference in data["references"]:
        for field in [name for name, value in reference.items() if value is None]:
            del reference[field]
    for concept in data["concepts"]:
        if concept["abbrev"] is None:
            del concept["abbrev"]
    try:
        return model.validate(data)
    except MapError:  # a text that is all whitespace to the model (\S): not a map anyone can write
        assume(False)
        raise


def one(concept_map: model.ConceptMap, format_name: str) -> bytes:
    (file,) = export.export(concept_map, format_name)
    return file.data


@SETTINGS
@given(concept_map=maps())
def test_json_loads_back_as_the_same_map(concept_map):
    assert load.parse(one(concept_map, "json"), "map.json") == concept_map


@SETTINGS
@given(concept_map=maps())
def test_graphml_reads_back_every_text_in_networkx_and_igraph(concept_map, tmp_path_factory):
    data = one(concept_map, "graphml")
    graph = nx.read_graphml(io.BytesIO(data))
    for concept in concept_map.concepts:
        node = graph.nodes[concept.id]
        assert (node["label"], node["summary"]) == (xml_text.text(concept.label), xml_text.text(concept.summary))
        assert node["abbrev"] == xml_text.text(concept.abbrev or "")
    notes = sorted(attributes["note"] for *_, attributes in graph.edges(data=True))
    assert notes == sorted(xml_text.text(relation.note) for relation in concept_map.relations)
    path = tmp_path_factory.mktemp("graphml") / "map.graphml"
    path.write_bytes(data)
    other = igraph.Graph.Read_GraphML(str(path))
    assert sorted(other.vs["label"]) == sorted(xml_text.text(concept.label) for concept in concept_map.concepts)


@SETTINGS
@given(concept_map=maps())
def test_gexf_reads_back_every_text_in_networkx(concept_map):
    graph = nx.read_gexf(io.BytesIO(one(concept_map, "gexf")))
    for concept in concept_map.concepts:
        node = graph.nodes[concept.id]
        assert (node["label"], node["summary"]) == (xml_text.text(concept.label), xml_text.text(concept.summary))
    assert graph.graph.get("name", xml_text.text(concept_map.meta.title)) == xml_text.text(concept_map.meta.title)


@SETTINGS
@given(concept_map=maps())
def test_cxl_reads_back_every_label_and_note(concept_map):
    root = ElementTree.fromstring(one(concept_map, "cxl"))
    labels = [element.get("label") for element in root.iter(export.tag("concept"))]
    notes = [element.get("short-comment") for element in root.iter(export.tag("linking-phrase"))]
    assert labels == [xml_text.text(concept.label) for concept in concept_map.concepts]
    assert notes == [xml_text.text(relation.note) for relation in concept_map.relations]
    title = root.find(f".//{{{export.DUBLIN_CORE}}}title")
    assert title is not None
    assert title.text == xml_text.text(concept_map.meta.title)


@settings(SETTINGS, max_examples=15)  # a picture takes a second
@given(concept_map=maps())
def test_svg_is_well_formed(concept_map):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)  # a name in another script
        svg = one(concept_map, "svg")
    assert ElementTree.fromstring(svg).tag.endswith("svg")


@SETTINGS
@given(concept_map=maps())
def test_csv_reads_back_every_cell_a_formula_shown_as_text(concept_map):
    concepts, relations = export.export(concept_map, "csv")
    rows = list(csv.DictReader(io.StringIO(concepts.data.decode(), newline="")))
    assert [row["label"] for row in rows] == [spreadsheet.cell(c.label) for c in concept_map.concepts]
    assert [row["summary"] for row in rows] == [spreadsheet.cell(c.summary) for c in concept_map.concepts]
    links = list(csv.DictReader(io.StringIO(relations.data.decode(), newline="")))
    assert [row["note"] for row in links] == [spreadsheet.cell(r.note) for r in concept_map.relations]
    assert not any(cell.startswith(spreadsheet.FORMULA_START) for row in rows + links for cell in row.values())


@SETTINGS
@given(concept_map=maps())
def test_bibtex_reads_back_exactly_the_maps_references(concept_map):
    library = bibtexparser.parse_string(one(concept_map, "bibtex").decode())
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [reference.key for reference in concept_map.references]
    for entry, reference in zip(library.entries, concept_map.references, strict=True):
        fields = entry.fields_dict
        assert fields["title"].value == export.bibtex_text(reference.title)
        assert fields["author"].value == export.bibtex_text(" and ".join(reference.authors))
        assert fields["year"].value == str(reference.year)


def test_bibtex_text_changes_only_what_it_must():
    assert export.bibtex_text("Plain text, with (punctuation) & 100%") == "Plain text, with (punctuation) & 100%"
    assert export.bibtex_text("Good\n@misc{evil, title={x}}\r\n") == "Good @misc{evil, title={x}} "
    assert export.bibtex_text("Ends in \\") == r"Ends in \textbackslash{}"
    assert export.bibtex_text("@misc{x,") == "{@}misc{x,}"
    assert export.bibtex_text("a}b{c") == "ab{c}"


@SETTINGS
@given(concept_map=maps())
def test_ris_reads_back_exactly_the_maps_references(concept_map):
    entries = rispy.loads(one(concept_map, "ris").decode())
    assert [entry["id"] for entry in entries] == [reference.key for reference in concept_map.references]
    for entry, reference in zip(entries, concept_map.references, strict=True):
        # A title of only spaces and separators (`"\x1f"`) is no title on its line: RIS writes none.
        assert entry.get("title") == (export.ris_text(reference.title) or None)
        assert entry["authors"] == [export.ris_text(author) for author in reference.authors]
        assert entry.get("urls", [None])[0] in (None, "https://a.org/x%3By")


@SETTINGS
@given(concept_map=maps())
def test_the_explorers_data_reads_back_every_text(concept_map):
    page = standalone.page(concept_map)
    body = re.search(r'<script type="application/json" id="atlas-data">(.*?)</script>', page, re.S)
    assert body is not None
    data = json.loads(body.group(1))
    assert data["meta"]["title"] == concept_map.meta.title
    for concept in concept_map.concepts:
        assert (data["concepts"][concept.id]["name"], data["concepts"][concept.id]["summary"]) == (
            concept.name,
            concept.summary,
        )
    assert [data["relations"][r.id]["note"] for r in concept_map.relations] == [r.note for r in concept_map.relations]
