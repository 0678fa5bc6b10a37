"""What the network view receives: pyvis-built nodes and edges, styles, legend, version; citations."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import pyvis

from components import citations, details, graph, layout, load, view_data
from components.model import ConceptMap, Reference
from components.vocabulary import Kind, Standing

ROOT = Path(__file__).parents[1]
SMALL = ROOT / "tests" / "data" / "app" / "small.yaml"


@pytest.fixture(scope="module")
def small() -> ConceptMap:
    return load.load_concepts(SMALL)


@pytest.fixture(scope="module")
def payload(small: ConceptMap) -> dict:
    return view_data.network(small, layout.positions(graph.build(small)))


def test_every_kind_has_a_style_and_kinds_sharing_a_colour_differ_in_shape():
    assert set(view_data.STYLES) == set(Kind)
    looks = [(style.color, style.shape) for style in view_data.STYLES.values()]
    assert len(set(looks)) == len(looks)


def test_nodes_carry_label_kind_style_position_and_a_plain_text_tooltip(payload: dict):
    node = next(node for node in payload["nodes"] if node["id"] == "tpj")
    assert node["label"] == "Temporoparietal junction"
    assert node["kind"] == "region"
    assert node["shape"] == "dot"
    assert node["color"]["background"] == view_data.BLUE
    assert node["tip"].startswith("Temporoparietal junction (TPJ)\nBrain region\n\n")
    assert "title" not in node  # vis-network would show its own tooltip over the selection
    assert isinstance(node["x"], float)


def test_edges_carry_their_relation_id_words_and_direction(payload: dict):
    edges = {edge["id"]: edge for edge in payload["edges"]}
    engages = edges["mentalizing|engages|tpj"]
    assert (engages["from"], engages["to"], engages["relation"]) == ("mentalizing", "tpj", "engages")
    assert engages["arrows"]["to"]["enabled"] is True
    symmetric = edges["sharing|dissociates_from|mentalizing"]
    assert symmetric["arrows"]["to"]["enabled"] is False
    assert "Temporoparietal junction" in engages["tip"]


def test_options_settle_once_and_the_legend_lists_only_kinds_present(payload: dict):
    assert payload["options"]["physics"]["stabilization"]["enabled"] is True
    assert [entry["kind"] for entry in payload["legend"]] == [
        "facet", "process", "region", "paradigm", "population", "construct",
    ]  # fmt: skip


def test_version_follows_the_content(small: ConceptMap, payload: dict):
    positions = layout.positions(graph.build(small))
    assert view_data.network(small, positions)["version"] == payload["version"]
    renamed = small.model_copy(update={"concepts": (small.concepts[0].model_copy(update={"label": "Other"}),
                                                    *small.concepts[1:])})  # fmt: skip
    assert view_data.network(renamed, positions)["version"] != payload["version"]


def test_the_vendored_vis_network_is_the_copy_pyvis_ships():
    shipped = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    vendored = ROOT / "components" / "ui" / "network" / "frontend" / "vis-network.min.js"
    assert filecmp.cmp(shipped, vendored, shallow=False)


def reference(**fields) -> Reference:
    base = {"n": 1, "key": "a2000", "type": "article", "authors": ("Zaki, J.",), "year": 2000, "title": "T"}
    return Reference.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("authors", "complete", "expected"),
    [
        (("Zaki, J.",), True, "Zaki, J."),
        (("Zaki, J.", "Ochsner, K.N."), True, "Zaki, J. & Ochsner, K.N."),
        (("A, A.", "B, B.", "C, C."), True, "A, A., B, B. & C, C."),
        (("Singer, T.",), False, "Singer, T. et al."),
        (tuple(f"P{i}, X." for i in range(6)), True, "P0, X. et al."),
    ],
)
def test_authors_are_formatted_as_in_a_citation(authors, complete, expected):
    assert citations.format_authors(authors, complete) == expected


@pytest.mark.parametrize(
    ("fields", "url"),
    [
        ({"doi": "10.1038/nn.3085", "pmid": 1}, "https://doi.org/10.1038/nn.3085"),
        ({"doi": "10.1000/a<b>"}, "https://doi.org/10.1000/a%3Cb%3E"),
        ({"pmcid": "PMC1", "pmid": 2}, "https://pmc.ncbi.nlm.nih.gov/articles/PMC1/"),
        ({"pmid": 2}, "https://pubmed.ncbi.nlm.nih.gov/2/"),
        ({"url": "https://example.org/x"}, "https://example.org/x"),
        ({}, None),
    ],
)
def test_a_reference_links_to_its_doi_else_pmc_else_pubmed_else_its_url(fields, url):
    assert citations.link(reference(**fields)) == url


def test_a_citation_reads_authors_year_title_source():
    cited = citations.cite(reference(journal="Neuron", volume="68", pages="149-160", title="A title."))
    assert cited.text == "Zaki, J. (2000). A title. Neuron 68, 149-160."
    book = citations.cite(reference(type="book", publisher="Harvard Univ. Press", city="Cambridge"))
    assert book.source == "Harvard Univ. Press, Cambridge"


def test_details_group_a_concepts_relations_in_its_own_words(small: ConceptMap):
    groups = details.links(small, "tpj")
    assert list(groups) == ["is engaged by"]
    (link,) = groups["is engaged by"]
    assert link.other.id == "mentalizing"
    assert link.citations[0].url == "https://doi.org/10.1016/j.neuroimage.2009.06.009"


def test_supported_by_lists_concepts_and_claims_citing_a_reference(small: ConceptMap):
    concepts, claims = details.supported_by(small, "singer2004")
    assert concepts == []
    assert {claim.relation_id for claim in claims} == {"affective_sharing|part_of|sharing",
                                                       "affective_sharing|engages|ai"}  # fmt: skip


def test_the_map_is_drawn_where_the_server_laid_it_out(payload: dict):
    assert payload["options"]["physics"]["enabled"] is False  # Re-layout turns it on, in the browser


def test_concepts_are_ranked_by_how_connected_they_are(small: ConceptMap, payload: dict):
    ranks = {node["id"]: node["rank"] for node in payload["nodes"]}
    assert ranks["mentalizing"] == 0  # six relations, more than any other
    assert sorted(ranks.values()) == list(range(len(small.concepts)))


def test_short_citations_name_up_to_two_authors():
    two = Reference(n=1, key="a", type="article", authors=("Zaki, J.", "Ochsner, K.N."), year=2012, title="T")
    three = two.model_copy(update={"authors": ("Singer, T.", "Seymour, B.", "O'Doherty, J.")})
    one_of_many = two.model_copy(update={"authors": ("Wagner, D.D.",), "authors_complete": False})
    assert citations.short_citation(two) == "Zaki & Ochsner 2012"
    assert citations.short_citation(three) == "Singer et al. 2012"
    assert citations.short_citation(one_of_many) == "Wagner et al. 2012"


def test_a_relations_line_says_how_firmly_it_stands(payload: dict):
    edges = {edge["id"]: edge for edge in payload["edges"]}
    assert edges["mentalizing|engages|tpj"]["standing"] == "established"  # a meta-analysis
    assert edges["mentalizing|engages|tpj"]["dashes"] is False
    assert edges["affective_sharing|part_of|sharing"]["standing"] == "interpretive"  # the map's reading
    assert edges["affective_sharing|part_of|sharing"]["dashes"] == view_data.LINES[Standing.INTERPRETIVE]
    assert {line["standing"] for line in payload["lines"]} <= {"established", "tentative", "interpretive"}
