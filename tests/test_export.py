"""Exports, each read back by an independent reader: networkx and igraph (GraphML), networkx (GEXF), the map's
own loader (JSON), csv, an XML parser (CXL), bibtexparser (BibTeX), rispy (RIS), PIL-free checks of PNG and SVG;
the standalone explorer's data and its escaping; views of the map (scope) from an address."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import bibtexparser
import igraph
import networkx as nx
import pytest
import rispy

from components.cli import main
from components.exchange import export, standalone
from components.exchange.export import CXL
from components.model import load
from components.view import address, scope

ROOT = Path(__file__).parents[1]
HOSTILE = ROOT / "tests" / "data" / "app" / "hostile.yaml"
ATTACKING = ROOT / "tests" / "data" / "app" / "hostile_exports.yaml"  # text that attacks the formats themselves


@pytest.fixture(scope="module")
def paper():
    return load.load_concepts(ROOT / "concepts.yaml")


@pytest.fixture(scope="module")
def hostile():
    return load.load_concepts(HOSTILE)


@pytest.fixture(scope="module")
def attacking():
    return load.load_concepts(ATTACKING)


def one(concept_map, format_name: str) -> bytes:
    (file,) = export.export(concept_map, format_name)
    return file.data


def test_graphml_opens_in_networkx_and_igraph_with_words_as_attributes(paper, tmp_path):
    data = one(paper, "graphml")
    graph = nx.read_graphml(io.BytesIO(data))
    assert graph.number_of_nodes() == len(paper.concepts)
    assert graph.number_of_edges() == len(paper.relations)
    assert graph.nodes["tpj"]["label"] == "Temporoparietal junction"
    assert graph.nodes["tpj"]["kind"] == "region"
    edge = next(attrs for _, _, attrs in graph.edges(data=True) if attrs["relation_id"] == "mentalizing|engages|tpj")
    assert edge["label"] == "engages"
    assert edge["note"] == paper.relation_by_id["mentalizing|engages|tpj"].note
    (tmp_path / "map.graphml").write_bytes(data)
    other = igraph.Graph.Read_GraphML(str(tmp_path / "map.graphml"))
    assert other.vcount() == len(paper.concepts)
    assert other.ecount() == len(paper.relations)


def test_gexf_opens_in_networkx_with_positions_and_colours(paper):
    graph = nx.read_gexf(io.BytesIO(one(paper, "gexf")))
    assert graph.number_of_nodes() == len(paper.concepts)
    assert graph.number_of_edges() == len(paper.relations)
    assert set(graph.nodes["tpj"]["viz"]) >= {"position", "color"}


def test_json_loads_back_as_the_same_map(paper):
    data = one(paper, "json")
    json.loads(data)
    assert load.parse(data, "map.json") == paper


def test_json_of_text_yaml_cannot_hold_raw_loads_back_as_the_same_map(attacking):
    """C1 controls, NEL, the line and paragraph separators and a BOM are escaped: the loader reads JSON
    as YAML, which refuses some of them raw and reads others as line breaks."""
    data = one(attacking, "json")
    assert load.parse(data, "map.json") == attacking


def test_csv_writes_concepts_and_relations_tables(paper):
    concepts, relations = export.export(paper, "csv", "paper")
    assert (concepts.name, relations.name) == ("paper-concepts.csv", "paper-relations.csv")
    rows = list(csv.DictReader(io.StringIO(concepts.data.decode())))
    assert len(rows) == len(paper.concepts)
    assert {"id": "tpj", "kind": "region"}.items() <= next(row for row in rows if row["id"] == "tpj").items()
    links = list(csv.DictReader(io.StringIO(relations.data.decode())))
    assert len(links) == len(paper.relations)
    assert {row["wording"] for row in links} >= {"engages", "is part of"}


def test_csv_cells_that_a_spreadsheet_would_run_are_shown_as_text(hostile):
    text = b"".join(file.data for file in export.export(hostile, "csv")).decode()
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row


@pytest.mark.parametrize("format_name", ["graphml", "gexf", "cxl", "svg"])
def test_xml_of_characters_xml_forbids_is_well_formed(attacking, format_name):
    """A C0 control, U+FFFE or U+FFFF in a label would make the file not well-formed: each is replaced."""
    data = one(attacking, format_name)
    ElementTree.fromstring(data)  # raises on a file that is not well-formed
    assert "A\ufffdB \ufffd \ufffd" in data.decode("utf-8")


def test_graphml_and_gexf_keep_every_character_xml_allows(attacking, tmp_path):
    expected = "A\ufffdB \ufffd \ufffd\rC"  # the carriage return kept: written as &#13;
    graphml = one(attacking, "graphml")
    assert nx.read_graphml(io.BytesIO(graphml)).nodes["xml_hostile"]["label"] == expected
    (tmp_path / "map.graphml").write_bytes(graphml)
    assert igraph.Graph.Read_GraphML(str(tmp_path / "map.graphml")).vs.find(id="xml_hostile")["label"] == expected
    gexf = nx.read_gexf(io.BytesIO(one(attacking, "gexf")))
    assert gexf.nodes["xml_hostile"]["label"] == expected
    assert gexf.nodes["second"]["label"] == "'\r=2"
    description = ElementTree.fromstring(one(attacking, "cxl")).find(".//{http://purl.org/dc/elements/1.1/}description")
    assert description is not None
    assert description.text == attacking.meta.description


def test_cxl_is_cmaptools_xml_with_a_phrase_and_two_connections_per_relation(paper):
    root = ElementTree.fromstring(one(paper, "cxl"))
    assert root.tag == f"{{{CXL}}}cmap"
    concepts = root.findall(f".//{{{CXL}}}concept")
    phrases = root.findall(f".//{{{CXL}}}linking-phrase")
    connections = root.findall(f".//{{{CXL}}}connection")
    assert len(concepts) == len(paper.concepts)
    assert len(phrases) == len(paper.relations)
    assert len(connections) == 2 * len(paper.relations)
    ids = {concept.get("id") for concept in concepts} | {phrase.get("id") for phrase in phrases}
    assert all(c.get("from-id") in ids and c.get("to-id") in ids for c in connections)
    assert len(root.findall(f".//{{{CXL}}}concept-appearance")) == len(paper.concepts)


def test_bibtex_reads_back_with_bibtexparser(paper):
    library = bibtexparser.parse_string(one(paper, "bibtex").decode())
    assert not library.failed_blocks
    assert len(library.entries) == len(paper.references) == 50
    entry = next(e for e in library.entries if e.key == paper.references[0].key)
    assert entry.fields_dict["title"].value == paper.references[0].title
    assert entry.fields_dict["year"].value == str(paper.references[0].year)


def test_bibtex_of_hostile_text_still_parses(hostile):
    library = bibtexparser.parse_string(one(hostile, "bibtex").decode())
    assert not library.failed_blocks
    assert len(library.entries) == len(hostile.references)


def test_bibtex_of_forged_entries_reads_back_as_exactly_its_own_references(attacking):
    """A line break then `@misc{...}` in a title forged an entry; a trailing backslash lost one."""
    library = bibtexparser.parse_string(one(attacking, "bibtex").decode())
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [reference.key for reference in attacking.references]
    titles = {entry.key: entry.fields_dict["title"].value for entry in library.entries}
    assert titles["forged_bib"] == "Good @misc{evil, title={Injected}} "
    assert titles["backslash"].startswith("Ends in a backslash ")
    assert all("doi" not in entry.fields_dict or entry.fields_dict["doi"].value for entry in library.entries)
    assert {entry.fields_dict["year"].value for entry in library.entries} == {"2020", "2021", "2022", "2023"}


def test_ris_of_forged_records_reads_back_as_exactly_its_own_references(attacking):
    """A title `Ok\\nER  - \\nTY  - JOUR\\nTI  - Injected record` made rispy read a forged record."""
    entries = rispy.loads(one(attacking, "ris").decode())
    assert [entry["id"] for entry in entries] == [reference.key for reference in attacking.references]
    by_key = {entry["id"]: entry for entry in entries}
    assert by_key["forged_ris"]["title"] == "Ok ER  -  TY  - JOUR TI  - Injected record"
    assert by_key["forged_ris"]["authors"] == ["Ok, B. ER  -"]
    assert by_key["forged_ris"]["urls"] == ["https://example.org/a%3Bb"]  # rispy splits a URL at ';'


def test_ris_reads_back_with_rispy(paper):
    entries = rispy.loads(one(paper, "ris").decode())
    assert len(entries) == 50
    first = paper.references[0]
    assert entries[0]["title"] == first.title
    assert entries[0]["authors"] == list(first.authors)
    with_doi = next(entry for entry in entries if entry.get("doi"))
    assert with_doi["doi"].startswith("10.")


def test_pictures_are_a_png_at_slide_size_and_an_svg_with_the_names(paper):
    png = one(paper, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1920, 1080)
    svg = ElementTree.fromstring(one(paper, "svg"))
    assert svg.tag.endswith("svg")


def test_a_dollar_in_a_name_is_drawn_as_a_dollar_not_mathematics(paper):
    renamed = paper.model_copy(update={"meta": paper.meta.model_copy(update={"title": "Costs in $ and $x^2$"})})
    svg = one(renamed, "svg").decode()
    assert "Costs in $ and $x^2$" in svg  # as written: not mathematics (x squared)


def test_an_unknown_format_is_refused(paper):
    with pytest.raises(ValueError, match="unknown format"):
        export.export(paper, "docx")


# --- the standalone explorer ----------------------------------------------------------------------------------


def test_the_standalone_page_inlines_everything_and_forbids_requests(paper):
    page = standalone.page(paper)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page), "nothing is loaded from a file or host"
    assert "vis.Network" in page or "Network=" in page  # vis-network is inlined


def test_the_standalone_data_cannot_close_its_script_element(hostile):
    page = standalone.page(hostile)
    body = page.split('<script type="application/json" id="atlas-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body
    data = json.loads(body)
    assert data["concepts"]["facet_one"]["name"].startswith("Facet <img src=x")  # the text itself, for textContent


def test_the_standalone_data_has_every_relation_with_its_citations(paper):
    data = standalone.data(paper)
    assert len(data["relations"]) == len(paper.relations)
    relation = data["relations"]["mentalizing|engages|tpj"]
    assert relation["refs"]
    assert all(key in data["citations"] for key in relation["refs"])
    assert all(c["url"] is None or c["url"].startswith("https://") for c in data["citations"].values())


# --- views of the map -----------------------------------------------------------------------------------------


def test_a_view_address_keeps_what_the_page_shows(paper):
    shown = scope.of(paper, address.read(paper, "?selected=tpj&depth=1"))
    assert not shown.whole
    assert "tpj" in shown.concepts
    assert "mentalizing" in shown.concepts
    assert all(set(rid.split("|")[::2]) <= shown.concepts for rid in shown.relations)
    part = shown.part(paper)
    assert {c.id for c in part.concepts} == shown.concepts
    cited = {key for relation in part.relations for key in relation.refs} | {k for c in part.concepts for k in c.refs}
    assert {reference.key for reference in part.references} == cited & set(paper.reference_by_key)


def test_a_kinds_filter_and_a_path_and_a_tour_step_are_views(paper):
    regions = scope.of(paper, address.read(paper, "kinds=region"))
    assert regions.concepts == {c.id for c in paper.concepts if c.kind == "region"}
    route = scope.of(paper, address.read(paper, "panel=path&path=tpj&path=prosocial_concern"))
    assert {"tpj", "prosocial_concern"} <= route.concepts
    tour = paper.tours[0]
    step = scope.of(paper, address.read(paper, f"panel=tour&tour={tour.id}&step=1"))
    assert set(tour.steps[0].concepts) <= step.concepts


def test_no_view_or_a_junk_address_is_the_whole_map(paper):
    assert scope.of(paper, address.read(paper, "")).whole
    # A kind the map lacks is left out, as the page leaves it out of its filters: the whole map.
    assert scope.of(paper, address.read(paper, "kinds=nonsense&depth=x&selected=<b>&path=a")).whole
    assert scope.of(paper, address.read(paper, "depth=x&selected=<b>&path=a")).whole


def test_a_path_is_the_view_only_while_the_path_panel_shows_it(paper):
    """The page lights a path's routes only in the Path panel; the export's scope follows the same rule."""
    ends = "path=tpj&path=prosocial_concern"
    assert not scope.of(paper, address.read(paper, f"panel=path&{ends}")).whole
    assert scope.of(paper, address.read(paper, ends)).whole
    assert scope.of(paper, address.read(paper, f"panel=references&{ends}")).whole


def test_an_exported_view_loads_as_a_valid_map(paper):
    part = scope.of(paper, address.read(paper, "selected=tpj&depth=1")).part(paper)
    assert load.parse(one(part, "json"), "part.json") == part


# --- the command line -----------------------------------------------------------------------------------------


def test_export_writes_the_file_and_says_what_it_holds(tmp_path, capsys):
    target = tmp_path / "regions.graphml"
    code = main(["export", str(ROOT / "concepts.yaml"), "--format", "graphml", "-o", str(target),
                 "--view", "kinds=region"])  # fmt: skip
    assert code == 0
    graph = nx.read_graphml(target)
    assert all(attrs["kind"] == "region" for _, attrs in graph.nodes(data=True))
    assert "a view of" in capsys.readouterr().err


def test_export_csv_writes_two_files_beside_the_name(tmp_path):
    assert main(["export", str(ROOT / "concepts.yaml"), "--format", "csv", "-o", str(tmp_path / "map.csv")]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map-concepts.csv", "map-relations.csv"]


def test_export_of_an_invalid_map_writes_nothing(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [\n")
    assert main(["export", str(broken), "--format", "json", "-o", str(tmp_path / "out.json")]) == 1
    assert not (tmp_path / "out.json").exists()
