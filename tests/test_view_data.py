"""What the network view receives: nodes and edges, the kinds' styles, legend, version, packed to travel;
what the filters show, as bits; citations."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import pyvis

from components.analysis import details, graph
from components.model import load
from components.model.concepts import ConceptMap, Reference
from components.model.vocabulary import Kind, Standing
from components.text import citations
from components.view import drawing, layout

ROOT = Path(__file__).parents[1]
SMALL = ROOT / "tests" / "data" / "app" / "small.yaml"


@pytest.fixture(scope="module")
def small() -> ConceptMap:
    return load.load_concepts(SMALL)


@pytest.fixture(scope="module")
def payload(small: ConceptMap) -> dict:
    return drawing.payload(small, layout.positions(graph.build(small)))


def test_every_kind_has_a_style_and_kinds_sharing_a_colour_differ_in_shape():
    assert set(drawing.STYLES) == set(Kind)
    looks = [(style.color, style.shape) for style in drawing.STYLES.values()]
    assert len(set(looks)) == len(looks)


def test_nodes_carry_label_kind_position_and_a_plain_text_tooltip_and_kinds_their_style(payload: dict):
    node = next(node for node in payload["nodes"] if node["id"] == "tpj")
    assert node["label"] == "Temporoparietal junction"
    assert node["kind"] == "region"
    assert payload["styles"]["region"]["shape"] == "dot"
    assert payload["styles"]["region"]["color"] == drawing.BLUE
    assert payload["styles"]["facet"]["pinned"] is True  # facets hold their places while the physics settles
    assert set(payload["styles"]) == {node["kind"] for node in payload["nodes"]}  # only the kinds present
    assert node["tip"].startswith("Temporoparietal junction (TPJ)\nBrain region\n\n")
    assert "title" not in node  # vis-network would show its own tooltip over the selection
    assert isinstance(node["x"], float)


def test_edges_carry_their_relation_id_words_and_direction(payload: dict):
    edges = {edge["id"]: edge for edge in payload["edges"]}
    engages = edges["mentalizing|engages|tpj"]
    assert (engages["from"], engages["to"], engages["relation"]) == ("mentalizing", "tpj", "engages")
    assert engages["directed"] is True
    symmetric = edges["sharing|dissociates_from|mentalizing"]
    assert symmetric["directed"] is False
    assert "Temporoparietal junction" in engages["tip"]


def test_options_settle_once_and_the_legend_lists_only_kinds_present(payload: dict):
    assert payload["options"]["physics"]["stabilization"]["enabled"] is True
    assert [entry["kind"] for entry in payload["legend"]] == [
        "facet", "process", "region", "paradigm", "population", "construct",
    ]  # fmt: skip


def test_version_follows_the_content(small: ConceptMap, payload: dict):
    positions = layout.positions(graph.build(small))
    assert drawing.payload(small, positions)["version"] == payload["version"]
    renamed = small.model_copy(update={"concepts": (small.concepts[0].model_copy(update={"label": "Other"}),
                                                    *small.concepts[1:])})  # fmt: skip
    assert drawing.payload(renamed, positions)["version"] != payload["version"]


def test_the_search_entries_are_the_search_labels(small: ConceptMap, payload: dict):
    labels = drawing.search_labels(small)
    assert {node["id"]: node["search"] for node in payload["nodes"]} | {
        edge["id"]: edge["search"] for edge in payload["edges"]
    } == labels
    assert labels["tpj"].startswith("Temporoparietal junction (TPJ) · brain region")
    concepts = list(labels)[: len(small.concepts)]  # concepts first, by name; then relations
    assert concepts == sorted(concepts, key=lambda concept: labels[concept].lower())
    assert set(concepts) == {concept.id for concept in small.concepts}


def test_the_payload_packs_to_gzipped_json_named_by_its_version_and_back(payload: dict):
    blob = drawing.packed(payload)
    assert blob.tag == payload["version"]
    assert blob.body[:2] == b"\x1f\x8b"  # gzip
    assert drawing.unpacked(blob) == payload
    assert drawing.packed(payload) == blob  # the same content, the same bytes: the browser's copy serves


def test_what_the_filters_show_is_one_bit_per_concept_then_per_relation(small: ConceptMap):
    nodes = {"tpj", "mentalizing"}
    edges = {"mentalizing|engages|tpj"}
    blob = drawing.shown(small, nodes, edges)
    concepts, relations = len(small.concepts), len(small.relations)
    assert len(blob.body) == -(-concepts // 8) + -(-relations // 8)
    bits = int.from_bytes(blob.body, "little")
    offset = -(-concepts // 8) * 8
    assert {c.id for i, c in enumerate(small.concepts) if bits >> i & 1} == nodes
    assert {r.id for i, r in enumerate(small.relations) if bits >> (offset + i) & 1} == edges
    assert drawing.shown(small, nodes, edges).tag == blob.tag
    assert drawing.shown(small, {"tpj"}, edges).tag != blob.tag


def test_a_large_map_draws_straight_lines_and_hides_them_while_moving():
    small, large = drawing.options(100), drawing.options(drawing.LARGE)
    assert small["edges"]["smooth"]["enabled"] is True
    assert large["edges"]["smooth"] == {"enabled": False}
    assert large["interaction"]["hideEdgesOnDrag"] is True
    assert drawing.OPTIONS["edges"]["smooth"]["enabled"] is True  # the defaults are not changed


def test_the_vendored_vis_network_is_the_copy_pyvis_ships():
    shipped = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    vendored = ROOT / "components" / "ui" / "map_view" / "frontend" / "vis-network.min.js"
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


@pytest.mark.parametrize(
    ("authors", "expected"),
    [(["Saxe, R."], "Saxe 2003"), (["Saxe, R.", "Kanwisher, N."], "Saxe & Kanwisher 2003"),
     (["Saxe, R.", "Kanwisher, N.", "Wexler, A."], "Saxe et al. 2003")],
)  # fmt: skip
def test_a_short_citation_names_authors_as_the_paper_does(authors, expected):
    assert citations.short_form(authors, 2003) == expected


def test_a_relations_line_says_how_firmly_it_stands(payload: dict):
    edges = {edge["id"]: edge for edge in payload["edges"]}
    assert edges["mentalizing|engages|tpj"]["standing"] == "established"  # a meta-analysis
    assert edges["affective_sharing|part_of|sharing"]["standing"] == "interpretive"  # the map's reading
    dashes = {line["standing"]: line["dashes"] for line in payload["lines"]}
    assert dashes["established"] is False
    assert dashes["interpretive"] == drawing.LINES[Standing.INTERPRETIVE]
    assert {line["standing"] for line in payload["lines"]} <= {"established", "tentative", "interpretive"}


@pytest.fixture
def negative(minimal_data) -> ConceptMap:
    """The minimal map with a finding whose direction is negative: more activity, less helping."""
    from components.model import concepts

    minimal_data["concepts"].append({"id": "helping", "label": "Helping", "kind": "behavior", "summary": "S."})
    minimal_data["relations"].append({
        "source": "anterior_insula", "type": "predicts", "target": "helping", "sign": "negative",
        "refs": ["singer_2004"], "note": "More activity went with less helping.",
    })  # fmt: skip
    return concepts.validate(minimal_data)


def test_a_negative_relation_says_so_in_its_line_its_details_and_its_tooltip(negative: ConceptMap):
    from components.analysis import paths
    from components.exchange import export, standalone
    from components.teaching import quiz, score

    relation = negative.relation_by_id["anterior_insula|predicts|helping"]
    assert (relation.phrase, relation.inverse_phrase) == ("predicts less", "is inversely predicted by")
    edge = next(e for e in drawing.payload(negative, {})["edges"] if e["id"] == relation.id)
    assert edge["relation"] == "predicts less"
    assert edge["tip"].startswith("Anterior insula predicts less Helping\n")
    assert drawing.search_labels(negative)[relation.id] == "Anterior insula → predicts less → Helping"
    assert "predicts less" in details.links(negative, "anterior_insula")
    assert list(details.links(negative, "helping")) == ["is inversely predicted by"]
    assert details.claim(negative, relation).phrase == "predicts less"
    assert paths.between(negative, "helping", "anterior_insula")[0].steps[0].phrase == "is inversely predicted by"
    sentence = "Anterior insula predicts less Helping"
    assert quiz._sentence(negative, relation) == score.sentence(negative, relation) == sentence
    assert standalone.data(negative)["relations"][relation.id]["inverse"] == "is inversely predicted by"
    table = export.export(negative, "csv")[1].data.decode()
    assert "predicts less" in table


def test_the_sizes_and_lines_the_view_draws_with_come_from_here(payload: dict):
    """One source for what Python and the view both need: names' sizes, and a scored map's lines."""
    assert payload["names"]["smallest"] == drawing.LABEL_THRESHOLD
    lines = drawing.verdict_lines({"extra", "correct"})
    assert [line["standing"] for line in lines] == ["correct", "extra"]  # the legend's order
    assert lines[0] == {"standing": "correct", "label": "Drawn right", "dashes": False, "color": "#1a7f37",
                        "help": "Drawn right"}  # fmt: skip
