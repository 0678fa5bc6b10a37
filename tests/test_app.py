"""The app's flow in AppTest: loading, selecting, searching, filtering, errors, the URL."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from components.analysis import paths
from components.model.generate import generated_map
from components.ui.panels import details
from components.view import drawing
from components.view.drawing import Blob

APP = Path(__file__).parents[1] / "app.py"
DATA = Path(__file__).parent / "data"
SMALL = DATA / "app" / "small.yaml"
EXAMPLE = Path(__file__).parents[1] / "examples" / "working_memory.yaml"


def open_app(monkeypatch: pytest.MonkeyPatch, map_file: Path, /, **query: str | list[str]) -> AppTest:
    monkeypatch.setenv("EMPATHY_ATLAS_CONCEPTS", str(map_file))
    at = AppTest.from_file(str(APP), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def map_view_data(at: AppTest) -> dict:
    """The data the app sent to the network view on its last run, with the map and what the filters show
    unpacked from the elements that carry them."""
    blobs, views = {}, {}
    for component in at.get("bidi_component"):
        if component.proto.component_name != "components.map_view":
            continue  # the page's stylesheet
        data = component.proto.bytes  # a JSON object, or a blob: its name and tag on a line each, then its body
        if data.startswith(b"{"):
            mount = json.loads(data)
            views[mount["role"]] = mount
        else:
            name, tag, body = data.split(b"\n", 2)
            blobs[name.decode()] = Blob(tag.decode(), body)
    data = views["map"]
    assert blobs[data["graph"]["blob"]].tag == data["graph"]["tag"]
    graph = drawing.unpacked(blobs[data["graph"]["blob"]])
    if data["visible"] is not None:
        nodes, edges = shown_ids(graph, blobs[data["visible"]["blob"]])
        data["visible"] = {"nodes": nodes, "edges": edges}
    return {**data, "graph": graph, "graph_ref": data["graph"]}


def shown_ids(graph: dict, blob: Blob) -> tuple[list[str], list[str]]:
    """The ids a `drawing.shown` blob keeps, in the order of the payload's nodes and edges."""
    bits = int.from_bytes(blob.body, "little")
    offset = -(-len(graph["nodes"]) // 8) * 8
    return (
        [node["id"] for index, node in enumerate(graph["nodes"]) if bits >> index & 1],
        [edge["id"] for index, edge in enumerate(graph["edges"]) if bits >> (offset + index) & 1],
    )


def plain(text: str) -> str:
    """Markdown as the reader sees it: escapes removed."""
    return re.sub(r"\\(.)", r"\1", text)


def texts(at: AppTest) -> str:
    parts = [*(m.value for m in at.markdown), *(c.value for c in at.caption), *(s.value for s in at.subheader)]
    return "\n".join(parts)


def test_app_opens_the_map_with_every_concept_in_the_view(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    assert not at.exception
    data = map_view_data(at)
    assert {node["id"] for node in data["graph"]["nodes"]} == {
        "empathy", "sharing", "mentalizing", "affective_sharing", "ai", "tpj", "mpfc", "false_belief", "autism",
    }  # fmt: skip
    assert data["visible"] is None
    assert data["selected"] is None
    assert at.title[0].value == "Small atlas"
    assert "Start here" in texts(at)


def test_default_map_is_concepts_yaml_and_opens_without_problems(monkeypatch):
    monkeypatch.delenv("EMPATHY_ATLAS_CONCEPTS", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert not at.error
    assert not at.warning
    assert len(map_view_data(at)["graph"]["nodes"]) >= 60


def search_data(at: AppTest) -> dict:
    """The data the app sent to the search box on its last run."""
    mounts = [json.loads(c.proto.bytes) for c in at.get("bidi_component") if c.proto.bytes.startswith(b"{")]
    (data,) = [mount for mount in mounts if mount["role"] == "search"]
    return data


def test_a_selected_concept_shows_its_details(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="mentalizing")  # as a click on the map or the search box does
    assert not at.exception
    assert at.subheader[0].value == "Mentalizing"
    shown = texts(at)
    assert "theory of mind" in shown  # aliases
    assert "Mentalizing engages" in shown
    assert "Mentalizing is part of" in shown
    assert "doi.org/10.1016/j.neuroimage.2009.06.009" in shown  # citation with its DOI link
    assert map_view_data(at)["selected"] == {"kind": "concept", "id": "mentalizing"}
    assert at.query_params["selected"] == "mentalizing"


def test_the_search_box_searches_the_maps_own_data_by_name_abbreviation_alias_and_relation(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="tpj")
    search, graph = search_data(at), map_view_data(at)["graph"]
    assert search["graph"] == map_view_data(at)["graph_ref"]  # the same element: the map crosses the wire once
    assert search["selected"] == {"kind": "concept", "id": "tpj"}  # it shows what is selected
    entries = [node["search"] for node in graph["nodes"]] + [edge["search"] for edge in graph["edges"]]
    assert any("(TPJ)" in entry for entry in entries)
    assert any("theory of mind" in entry for entry in entries)
    assert "Mentalizing → engages → Temporoparietal junction" in entries
    assert "For example: AI or emotional contagion." in search["help"]  # the map's own search examples


def test_a_link_in_the_details_panel_selects_the_concept_on_the_other_side(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="mentalizing")
    link = next(button for button in at.button if button.key == "link:mentalizing|engages|tpj")
    link.click().run()
    assert not at.exception
    assert at.subheader[0].value == "Temporoparietal junction"
    assert "MNI coordinates" in texts(at)
    assert map_view_data(at)["selected"] == {"kind": "concept", "id": "tpj"}


def test_a_selected_relation_reads_as_a_claim_with_its_note_and_references(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="affective_sharing|engages|ai")
    assert not at.exception
    shown = texts(at)
    assert "**Affective sharing** engages **Anterior insula**" in shown
    assert "Own and others' pain both engaged AI" in shown.replace("\\", "")
    assert "doi.org/10.1126/science.1093535" in shown
    assert map_view_data(at)["selected"] == {"kind": "relation", "id": "affective_sharing|engages|ai"}


def test_kind_filter_hides_the_other_kinds(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    opened(at, "filters_menu")
    filter_by(at, at.multiselect(key="kinds_widget"), ["region", "facet"])
    visible = map_view_data(at)["visible"]
    assert set(visible["nodes"]) == {"sharing", "mentalizing", "ai", "tpj", "mpfc"}
    assert set(visible["edges"]) == {"mentalizing|engages|tpj", "mentalizing|engages|mpfc",
                                     "sharing|dissociates_from|mentalizing"}  # fmt: skip
    assert at.query_params["kinds"] == ["region", "facet"]


def test_facet_filter_keeps_what_lies_within_k_steps_of_the_facet(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    opened(at, "filters_menu")
    filter_by(at, at.multiselect(key="facets_widget"), ["sharing"])
    filter_by(at, at.slider(key="facet_depth_widget"), 1)
    assert set(map_view_data(at)["visible"]["nodes"]) == {"sharing", "empathy", "affective_sharing", "mentalizing"}
    filter_by(at, at.slider(key="facet_depth_widget"), 2)
    assert "ai" in map_view_data(at)["visible"]["nodes"]


def test_relation_type_filter_keeps_only_those_relations_and_their_ends(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    opened(at, "filters_menu")
    filter_by(at, at.multiselect(key="relations_widget"), ["engages"])
    visible = map_view_data(at)["visible"]
    assert set(visible["nodes"]) == {"affective_sharing", "ai", "mentalizing", "tpj", "mpfc"}
    assert all("|engages|" in edge for edge in visible["edges"])


def test_focus_shows_only_the_neighbourhood_of_the_selection(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="tpj")
    opened(at, "filters_menu")
    filter_by(at, at.slider(key="depth_widget"), 1)
    assert set(map_view_data(at)["visible"]["nodes"]) == {"tpj", "mentalizing"}
    filter_by(at, at.slider(key="depth_widget"), 2)
    assert {"mpfc", "empathy", "sharing", "false_belief", "autism"} <= set(map_view_data(at)["visible"]["nodes"])


def test_focus_without_a_selection_says_what_to_do(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    opened(at, "filters_menu")
    filter_by(at, at.slider(key="depth_widget"), 2)
    assert any("Select a concept to focus" in info.value for info in at.info)


def test_filters_that_match_nothing_give_an_empty_state_not_an_error(monkeypatch):
    at = open_app(monkeypatch, SMALL)
    opened(at, "filters_menu")
    filter_by(at, at.multiselect(key="kinds_widget"), ["paradigm"])
    filter_by(at, at.multiselect(key="relations_widget"), ["engages"])
    assert not at.exception
    assert not at.error
    assert any("No concepts match" in info.value for info in at.info)
    assert map_view_data(at)["visible"]["nodes"] == []


def test_reset_clears_selection_and_filters(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="tpj", kinds=["region"], depth="1")
    opened(at, "filters_menu")
    assert map_view_data(at)["visible"] is not None
    next(button for button in at.button if "Reset" in button.label).click().run()
    opened(at, "filters_menu")
    data = map_view_data(at)
    assert data["visible"] is None
    assert data["selected"] is None
    assert at.multiselect(key="kinds_widget").value == []
    assert dict(at.query_params) == {}


def test_the_url_restores_the_view_and_ignores_unknown_values(monkeypatch):
    at = open_app(monkeypatch, SMALL, selected="tpj", kinds=["region", "nonsense"], depth="9")
    opened(at, "filters_menu")
    assert not at.exception
    assert at.subheader[0].value == "Temporoparietal junction"
    assert at.multiselect(key="kinds_widget").value == ["region"]
    assert at.slider(key="depth_widget").value == 0
    at = open_app(monkeypatch, SMALL, selected="not_a_concept")
    assert map_view_data(at)["selected"] is None


def test_a_chosen_reference_lights_up_what_it_supports(monkeypatch):
    at = open_app(monkeypatch, SMALL, panel="references", ref="vanoverwalle2009")
    highlight = map_view_data(at)["highlight"]
    assert set(highlight["edges"]) == {
        "mentalizing|engages|tpj", "mentalizing|engages|mpfc", "sharing|dissociates_from|mentalizing",
    }  # fmt: skip
    assert "supports 3 relations" in texts(at)


def test_the_references_table_lists_every_reference_with_its_link(monkeypatch):
    at = open_app(monkeypatch, SMALL, panel="references")
    table = at.dataframe[0].value
    assert list(table["No."]) == [1, 2, 3, 4, 5]
    assert table["Link"][0] == "https://doi.org/10.1016/j.tics.2004.07.002"
    assert table["Link"][4] == "https://pmc.ncbi.nlm.nih.gov/articles/PMC3209798/"  # no DOI: PubMed Central
    assert list(table["Cited by"]) == [1, 3, 2, 3, 0]


def test_an_invalid_map_shows_every_problem_with_its_line_and_no_map(monkeypatch, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.read_text().replace("kind: region", "kind: regoin", 1).replace("target: tpj", "target: tjp"))
    at = open_app(monkeypatch, bad)
    assert not at.exception
    assert "2 problems" in at.error[0].value
    listing = at.code[0].value
    assert f"{os.path.relpath(bad)}:30:11: concepts[4].kind: 'regoin'" in listing  # as the app names it
    assert "unknown concept 'tjp' (did you mean 'tpj'?)" in listing
    assert not at.get("bidi_component")


def test_a_map_that_cannot_be_read_is_an_error_not_a_traceback(monkeypatch, tmp_path):
    at = open_app(monkeypatch, tmp_path / "missing.yaml")
    assert not at.exception
    assert "missing.yaml" in at.code[0].value
    assert "cannot read" in at.code[0].value


def test_a_broken_served_map_is_named_relative_to_where_the_app_was_started(monkeypatch, tmp_path):
    """Every session saw the served map's absolute path."""
    broken = tmp_path / "maps" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("meta: [\n")
    monkeypatch.chdir(tmp_path)
    at = open_app(monkeypatch, broken.resolve())
    assert not at.exception
    shown = " ".join(element.value for element in [*at.error, *at.code])
    assert "maps/broken.yaml:2:1:" in shown
    assert str(tmp_path) not in shown


def test_a_served_map_linked_to_another_file_shows_nothing_of_it(monkeypatch, tmp_path):
    """A map symlinked to /etc/passwd showed `root:x:0:0…` to every session."""
    (tmp_path / "secret").write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n")
    (tmp_path / "concepts.yaml").symlink_to(tmp_path / "secret")
    monkeypatch.chdir(tmp_path)
    at = open_app(monkeypatch, tmp_path / "concepts.yaml")
    assert not at.exception
    shown = " ".join(element.value for element in [*at.error, *at.code, *at.markdown])
    assert "concepts.yaml:1:1: the file holds a single value" in shown
    assert "root:" not in shown
    assert "daemon" not in shown


def test_an_edit_that_breaks_the_map_keeps_the_last_valid_map_under_a_warning(monkeypatch, tmp_path):
    live = tmp_path / "live.yaml"
    shutil.copy(SMALL, live)
    at = open_app(monkeypatch, live, selected="tpj")
    live.write_text(SMALL.read_text().replace("summary: A region engaged when", "summry: A region engaged when"))
    at.run()
    assert not at.exception
    assert "Still showing the last valid map" in at.warning[0].value
    assert "unknown field 'summry' (did you mean 'summary'?)" in at.code[0].value
    assert len(map_view_data(at)["graph"]["nodes"]) == 9
    assert at.subheader[0].value == "Temporoparietal junction"
    live.write_text(SMALL.read_text().replace("Temporoparietal junction", "Temporo-parietal junction"))
    at.run()
    assert not at.warning
    assert plain(at.subheader[0].value) == "Temporo-parietal junction"


def test_text_from_the_map_reaches_markdown_escaped(monkeypatch):
    at = open_app(monkeypatch, DATA / "app" / "hostile.yaml", selected="facet_one")
    assert not at.exception
    rendered = "\n".join([texts(at), at.title[0].value, *(button.label for button in at.button)])
    for markup in (r"<script", r"<img", r"<b>", r"\]\(javascript", r":red", r"\*\*markdown", r"\$x"):
        assert not re.search(r"(?<!\\)" + markup, rendered), markup  # only ever preceded by an escape
    assert r"\<script\>" in rendered


TOUR_AND_VIEW = {
    "tour": ({"panel": "tour", "tour": "hostile_tour", "step": "1"}, "Step text"),
    "view": ({"panel": "compare", "view": "hostile_view"}, "View <script>"),
}


@pytest.mark.parametrize("name", TOUR_AND_VIEW)
def test_tours_and_views_reach_markdown_escaped(monkeypatch, name):
    query, shown = TOUR_AND_VIEW[name]
    at = open_app(monkeypatch, DATA / "app" / "hostile.yaml", **query)
    assert not at.exception
    rendered = "\n".join([texts(at), *(button.label for button in at.button), *(b.proto.help for b in at.button)])
    assert shown in plain(rendered)
    for markup in (r"<script", r"<img", r"\]\(javascript", r"!\[", r":red", r"http://bare"):
        assert not re.search(r"(?<!\\)" + markup, rendered), markup  # only ever preceded by an escape


def test_tooltips_and_labels_go_to_the_view_as_plain_strings(monkeypatch):
    at = open_app(monkeypatch, DATA / "app" / "hostile.yaml")
    nodes = {node["id"]: node for node in map_view_data(at)["graph"]["nodes"]}
    assert nodes["facet_one"]["label"] == "Facet <img src=x onerror=alert('label')>"  # drawn on the canvas as text
    assert "<script>alert('summary')</script>" in nodes["facet_one"]["tip"]  # put in a text node by the view


def test_another_papers_map_reads_as_that_paper_with_no_empathy_wording(monkeypatch):
    at = open_app(monkeypatch, EXAMPLE)
    assert not at.exception
    assert not at.error
    assert at.title[0].value == "Working Memory Atlas"
    opened(at, "about_menu")
    shown = plain(texts(at))
    assert "The four components of Baddeley's model:" in shown
    assert "e.g. *SMG* or *short-term memory*" in shown  # the help's search examples are the map's
    page = "\n".join([shown, *(plain(b.label) for b in at.button), *(plain(b.proto.help) for b in at.selectbox)])
    assert not re.search(r"empath|TPJ|theory of mind|facets of", page, re.IGNORECASE)
    assert len(map_view_data(at)["graph"]["nodes"]) == 15
    assert map_view_data(at)["title"] == "Working Memory Atlas"


def test_a_map_without_search_examples_takes_its_own(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL), "about_menu")
    assert "e.g. *AI* or *emotional contagion*" in plain(texts(at))  # its first abbreviation and older name


def test_the_references_table_shows_its_text_as_it_is_and_offers_a_safe_csv(monkeypatch):
    """The table offers no raw download (client.disableDataExport; tests/browser/test_tables.py), so it shows
    each cell as the map has it; its CSV is written by components/text/spreadsheet.py."""
    at = open_app(monkeypatch, DATA / "app" / "hostile.yaml", panel="references")
    table = at.dataframe[0].value
    assert table["Title"][1] == '=HYPERLINK("http://evil.example/", "click")'
    assert table["Journal"][1].startswith("+1+cmd")
    assert "References (CSV)" in {button.proto.label for button in at.get("download_button")}


def test_a_map_of_two_thousand_concepts_opens(monkeypatch, tmp_path):
    """Maps of 500 concepts or more used to fail with a traceback (the layout needed scipy)."""
    big = tmp_path / "big.yaml"
    big.write_text(yaml.safe_dump(generated_map(2_000)))
    at = open_app(monkeypatch, big)
    assert not at.exception
    assert not at.error
    assert len(map_view_data(at)["graph"]["nodes"]) == 2_000


PAPER = Path(__file__).parents[1] / "concepts.yaml"


def test_a_path_in_the_url_is_lit_on_the_map_and_told_in_words(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="path", path=["tpj", "prosocial_concern"])
    assert not at.exception
    found = paths.between(load_map(PAPER), "tpj", "prosocial_concern")
    data = map_view_data(at)
    assert data["highlight"]["nodes"] == list(found[0].concepts)  # the first route lit, and framed
    assert data["frame"] == list(found[0].concepts)
    others = {step.relation.id for route in found[1:] for step in route.steps}
    assert set(data["highlight"]["faint"]) == others - set(data["highlight"]["edges"])  # the others, faint
    assert at.query_params["path"] == ["tpj", "prosocial_concern"]
    loose = next(n for n, route in enumerate(found, 1) if route.loose)
    assert at.segmented_control(key="route_widget").format_func(loose).endswith("· loose")
    at.segmented_control(key="route_widget").set_value(loose).run()  # another route chosen: lit alone
    data = map_view_data(at)
    assert data["highlight"]["nodes"] == list(found[loose - 1].concepts)
    assert at.query_params["route"] == str(loose)
    sentences = [plain(b.label).replace("\u2060", "") for b in at.button if (b.key or "").startswith("path:")]
    assert (
        "Temporoparietal junction is engaged by Mentalizing [Van Overwalle & Baetens 2009; Spreng et al. 2009]."
        in sentences
    )
    assert any("a loose link" in plain(caption.value) for caption in at.caption)


def test_choosing_the_ends_of_a_path_in_its_search_boxes(monkeypatch):
    at = open_app(monkeypatch, SMALL, panel="path")
    at.selectbox(key="path_0_widget").set_value("ai").run()
    assert map_view_data(at)["highlight"] is None  # one end is not a path
    at.selectbox(key="path_1_widget").set_value("tpj").run()
    assert not at.exception
    assert at.query_params["path"] == ["ai", "tpj"]
    assert set(map_view_data(at)["highlight"]["nodes"]) >= {"ai", "tpj"}


def test_no_route_says_so(monkeypatch, tmp_path):
    alone = tmp_path / "alone.yaml"
    alone.write_text(
        SMALL.read_text().replace(
            "concepts:\n", "concepts:\n  - {id: alone, label: Alone, kind: construct, summary: S.}\n", 1
        )
    )
    at = open_app(monkeypatch, alone, panel="path", path=["alone", "tpj"])
    assert any("No route joins Alone and Temporoparietal junction" in plain(info.value) for info in at.info)


def test_the_facets_compared_by_region_and_the_papers_figures(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="compare")
    assert not at.exception
    shown = plain(texts(at))
    assert all(f"**{facet}**" in shown for facet in ("Experience sharing", "Mentalizing", "Prosocial concern"))
    cell = next(button for button in at.button if (button.key or "").endswith("-mentalizing-tpj"))
    assert cell.label == "2 refs"
    cell.click().run()  # a cell of several relations selects the concept of its row
    assert at.query_params["selected"] == "tpj"
    assert "Ventromedial prefrontal cortex" in plain(texts(at))  # shared by more than one facet
    figure = next(button for button in at.button if button.key == "view:figure2")
    figure.click().run()
    visible = map_view_data(at)["visible"]
    assert set(visible["nodes"]) == set(load_map(PAPER).views[1].concepts)
    assert at.query_params["view"] == "figure2"


def test_the_evidence_view_counts_standings_and_lists_single_work_findings(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="evidence")
    assert not at.exception
    shown = plain(texts(at))
    assert "Established: several studies" in shown
    assert at.dataframe[0].value["Work"][0] == "Van Overwalle 2009"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # references by year


def test_the_details_say_how_firmly_each_relation_stands(monkeypatch):
    at = open_app(monkeypatch, PAPER, selected="prosocial_concern|engages|vmpfc")
    badges = [badge.proto.label for badge in at.get("badge")] if at.get("badge") else []
    shown = plain(texts(at)) + " ".join(badges)
    assert "Tentative" in shown
    assert "rests on one work" in shown
    assert "fMRI study" in shown


def test_each_relation_of_a_concept_says_how_firmly_it_stands_in_its_one_line_of_text(monkeypatch):
    at = open_app(monkeypatch, PAPER, selected="vmpfc")
    notes = [caption.value for caption in at.caption if "-badge[" in caption.value]
    relations = sum(1 for relation in load_map(PAPER).relations if "vmpfc" in (relation.source, relation.target))
    assert len(notes) == relations
    assert any(note.startswith(":orange-badge[:material/help: Tentative · rests on one work]") for note in notes)
    assert not at.get("badge")  # no element of its own per relation: a hub lists dozens


def test_a_concepts_relations_cite_their_works_by_author_and_year_each_a_link(monkeypatch):
    at = open_app(monkeypatch, PAPER, selected="vmpfc")
    paper = load_map(PAPER)
    relation = next(r for r in paper.relations if "vmpfc" in (r.source, r.target) and r.refs)
    reference = paper.reference_by_key[relation.refs[0]]
    notes = plain(" ".join(caption.value for caption in at.caption if "-badge[" in caption.value)).replace("\u2060", "")
    surname = reference.authors[0].split(",")[0]
    assert re.search(rf"\[{surname}[^]]* {reference.year}\]\(<https://doi\.org/", notes)
    assert reference.title.rstrip(".") not in notes  # in full on the relation's own details
    at = open_app(monkeypatch, PAPER, selected=relation.id)
    assert reference.title.rstrip(".") in plain(texts(at)).replace("\u2060", "")


def buttons(at: AppTest, prefix: str) -> list:
    """The buttons whose keys start with `prefix`."""
    return [button for button in at.button if (button.key or "").startswith(prefix)]


@pytest.fixture
def hub_map(tmp_path: Path) -> Path:
    """A generated map whose concept c0 has 45 relations: 30 of one kind, 15 of another."""
    generated = generated_map(120)
    note, refs = "A generated relation, for measuring.", ["r1"]
    generated["relations"] = [
        *(r for r in generated["relations"] if "c0" not in (r["source"], r["target"])),
        *(
            {"source": f"c{i}", "type": "exemplifies", "target": "c0", "refs": refs, "note": note}
            for i in range(60, 90)
        ),
        *({"source": "c0", "type": "addresses", "target": f"c{i}", "refs": refs, "note": note} for i in range(90, 105)),
    ]
    path = tmp_path / "hub.yaml"
    path.write_text(yaml.safe_dump(generated, sort_keys=False))
    return path


def counted(button) -> int:
    return int(button.label.rsplit(" · ", 1)[1])


def test_a_hub_lists_its_kinds_of_relation_and_each_unfolds_on_request(monkeypatch, hub_map):
    at = open_app(monkeypatch, hub_map, selected="c0")
    kinds = buttons(at, "kind:c0:")
    assert sorted(counted(button) for button in kinds) == [15, 30]
    assert not buttons(at, "link:")  # none listed yet: a hub's panel is one line per kind
    kinds[0].click().run()
    assert len(buttons(at, "link:")) == details.LINKS_SHOWN
    at.button(key=kinds[0].key).click().run()  # and folds again
    assert not buttons(at, "link:")


def test_a_long_group_of_relations_lists_a_dozen_then_all_on_request(monkeypatch, hub_map):
    at = open_app(monkeypatch, hub_map, selected="c0")
    longest = max(buttons(at, "kind:c0:"), key=counted)
    longest.click().run()
    assert len(buttons(at, "link:")) == details.LINKS_SHOWN
    next(button for button in at.button if button.label == "Show all 30").click().run()
    assert len(buttons(at, "link:")) == 30


def test_the_header_popovers_draw_their_contents_only_while_open(monkeypatch):
    at = open_app(monkeypatch, PAPER, selected="vmpfc", kinds=["region"])
    assert not at.multiselect
    assert not at.toggle
    assert "How to use the map" not in texts(at)
    assert at.button(key="filters_clear").label == "1 on"  # still says how many filters hold, beside the menu
    opened(at, "filters_menu")
    assert at.multiselect(key="kinds_widget").value == ["region"]
    opened(at, "about_menu")
    assert "How to use the map" in texts(at)


def test_the_filters_menu_keeps_its_label_so_it_stays_open_while_used(monkeypatch):
    """A popover whose label changes is drawn anew, closed: choosing a kind closed the Filters menu."""
    at = open_app(monkeypatch, PAPER)
    before = at.get("popover")[0].proto.popover.label
    opened(at, "filters_menu")
    at.multiselect(key="kinds_widget").select("region").run()
    assert at.get("popover")[0].proto.popover.label == before == "Filters"
    at.button(key="filters_clear").click().run()  # the count beside it clears the filters
    assert not at.session_state["kinds"]
    assert not [button for button in at.button if button.key == "filters_clear"]


def test_the_paper_cited_for_its_own_definition(monkeypatch):
    at = open_app(monkeypatch, PAPER, selected="perceiver|role_in|empathy")
    assert "The paper itself: Zaki, J. & Ochsner, K.N." in plain(texts(at)).replace("\u2060", "")


def test_the_standing_filter_keeps_only_those_relations(monkeypatch):
    at = open_app(monkeypatch, PAPER, standing="established")
    visible = map_view_data(at)["visible"]
    edges = {edge["id"]: edge for edge in map_view_data(at)["graph"]["edges"]}
    assert visible["edges"]
    assert all(edges[edge]["standing"] == "established" for edge in visible["edges"])


def load_map(path: Path):
    from components.model import load

    return load.load_concepts(path)


def test_a_tour_step_in_the_url_opens_that_step_framed_and_lit(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="tour", tour="argument", step="4", present="1")
    assert not at.exception
    assert plain(at.subheader[0].value) == "Mentalizing and its regions (Figure 2)"
    data = map_view_data(at)
    assert data["frame"][:3] == ["mentalizing", "mentalizing_tasks", "mental_state_attribution"]
    assert {"mpfc", "tpj", "pcc_precuneus"} <= set(data["highlight"]["nodes"])
    assert "mentalizing|engages|tpj" in data["highlight"]["edges"]
    assert data["touring"] is True
    assert data["present"] is True
    assert "Van Overwalle & Baetens 2009" in plain(texts(at)).replace("\u2060", "")  # every step cites its works


def test_next_previous_and_end_turn_the_tour(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="tour", tour="argument", step="1")
    next(b for b in at.button if b.key == "tour-next").click().run()
    assert at.query_params["step"] == "2"
    assert plain(at.subheader[0].value) == "Three facets of empathy (Figure 1)"
    next(b for b in at.button if b.key == "tour-previous").click().run()
    assert "step" not in at.query_params  # back at the first step, the default
    next(b for b in at.button if b.key == "tour-end").click().run()
    assert "tour" not in at.query_params
    assert map_view_data(at)["touring"] is False


def test_the_last_step_offers_to_end_the_tour_instead_of_next(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="tour", tour="argument", step="14", present="1")
    keys = {button.key for button in at.button}
    assert "tour-next" not in keys
    assert next(b for b in at.button if b.key == "tour-finish").label == "End the tour"
    next(b for b in at.button if b.key == "tour-finish").click().run()
    assert "tour" not in at.query_params
    assert "present" not in at.query_params


def test_starting_a_tour_presents_it(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="tour")
    next(b for b in at.button if b.key == "tour-start:argument").click().run()
    assert at.query_params["tour"] == "argument"
    assert at.query_params["present"] == "1"
    assert plain(at.subheader[0].value) == "Why empathy matters"


def test_the_example_maps_tour_assumes_nothing_of_the_paper(monkeypatch):
    at = open_app(monkeypatch, EXAMPLE, panel="tour", tour="model", step="2")
    assert not at.exception
    assert plain(at.subheader[0].value) == "The phonological loop in the brain"
    assert "left_smg" in map_view_data(at)["highlight"]["nodes"]


def test_a_step_the_tour_does_not_have_opens_its_first(monkeypatch):
    at = open_app(monkeypatch, EXAMPLE, panel="tour", tour="model", step="9")
    assert not at.exception
    assert plain(at.subheader[0].value) == "A controller and two stores"


def test_a_quiz_from_the_url_answers_with_feedback_and_selects_on_the_map(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="quiz", quiz="42")
    assert not at.exception
    from components.teaching import quiz as quizzes

    asked = quizzes.questions(load_map(PAPER), 42, 8)
    assert len(at.radio) == 8
    first = asked[0]
    at.radio(key="quiz:42:0").set_value(first.options[first.answer]).run()
    assert not at.exception
    assert plain(at.success[0].value).startswith("Right.")
    assert map_view_data(at)["selected"] == {"kind": "relation", "id": first.relation.id}
    assert "1 of 1 right" in plain(texts(at))
    wrong = next(option for option in asked[1].options if option != asked[1].options[asked[1].answer])
    at.radio(key="quiz:42:1").set_value(wrong).run()
    assert "The map says:" in plain(at.error[0].value)
    assert "1 of 2 right" in plain(texts(at))
    assert at.query_params["quiz"] == "42"  # a teacher hands the class this link


def test_a_quiz_starts_with_a_seed_in_the_url(monkeypatch):
    at = open_app(monkeypatch, EXAMPLE, panel="quiz")
    next(b for b in at.button if "Start a quiz" in b.label).click().run()
    assert int(at.query_params["quiz"]) > 0
    assert at.radio


def test_a_pasted_student_map_is_scored_and_drawn_on_the_map(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="score")
    at.text_area(key="student_text").set_value(
        (Path(__file__).parents[1] / "examples" / "student_empathy.yaml").read_text()
    )
    next(b for b in at.button if b.key == "score-pasted").click().run()
    assert not at.exception
    shown = plain(texts(at))
    assert "precision **50%**" in shown
    overlay = map_view_data(at)["overlay"]
    assert "mentalizing|engages|tpj" in overlay["correct"]
    assert "mentalizing|engages|mpfc" in overlay["reversed"]
    assert overlay["missing"]
    assert {"from": "tpj", "to": "mirror_system", "type": "part_of"} in overlay["extra"]


def test_a_broken_student_map_gets_line_numbered_problems(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="score")
    at.text_area(key="student_text").set_value(
        "concepts:\n  - {id: a, label: A}\nrelations:\n  - {source: a, type: engages, target: zz}\n"
    )
    next(b for b in at.button if b.key == "score-pasted").click().run()
    assert not at.exception
    assert "pasted map:4:" in at.code[0].value
    assert "unknown concept 'zz'" in at.code[0].value
    assert map_view_data(at)["overlay"] is None


URL_KEYS = ["selected", "kinds", "facets", "facet_depth", "relations", "depth", "panel", "ref", "path", "compare",
            "view", "standing", "present", "contrast", "tour", "step", "quiz", "unknown"]  # fmt: skip
URL_VALUES = ["", "tpj", "-1", "99999999999999999999", "1e3", "0x10", "<script>alert(1)</script>", "javascript:1",
              "../../etc/passwd", "a" * 5_000, "%00", "\u202e", "score", "references", "region", "1", "0",
              "²", "⑨", "٣", "9" * 5_000]  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_any_url_opens_the_map_without_an_error(monkeypatch, seed):
    """A fuzzed address (any view key, repeated, with junk, huge or hostile values) still opens the map:
    what the map does not have is ignored, and nothing from the URL reaches the page as markup."""
    rng = random.Random(seed)
    query = {key: [rng.choice(URL_VALUES) for _ in range(rng.randint(1, 3))] for key in rng.sample(URL_KEYS, 8)}
    at = open_app(monkeypatch, SMALL, **query)
    assert not at.exception
    assert map_view_data(at)["graph"]["nodes"]
    assert "<script>" not in "".join(element.value for element in at.markdown if isinstance(element.value, str))


NON_ASCII_NUMBERS = [
    {"quiz": "²", "panel": "quiz"},
    {"tour": "argument", "panel": "tour", "step": "⑨"},
    {"depth": "9" * 5_000},
    {"facet_depth": "٣"},
    {"step": "1" * 10, "tour": "argument", "panel": "tour"},
]


@pytest.mark.parametrize("query", NON_ASCII_NUMBERS)
def test_an_address_whose_numbers_are_not_ascii_digits_opens_the_map(monkeypatch, query):
    """Digits Python's `isdigit` accepts and `int` does not (superscripts, circled, Arabic-Indic), or more
    digits than an int may have, are left out like any value the map lacks: no error box, the map drawn."""
    at = open_app(monkeypatch, PAPER, **query)
    assert not at.exception
    assert not at.error
    assert map_view_data(at)["graph"]["nodes"]
    assert at.session_state["depth"] == 0
    assert at.session_state["quiz"] == 0
    assert at.session_state["step"] == 1


def test_one_sessions_student_map_is_not_anothers(monkeypatch):
    teacher = open_app(monkeypatch, PAPER, panel="score")
    student = open_app(monkeypatch, PAPER, panel="score")
    teacher.text_area(key="student_text").set_value((EXAMPLE.parent / "student_empathy.yaml").read_text())
    next(b for b in teacher.button if b.key == "score-pasted").click().run()
    assert map_view_data(teacher)["overlay"] is not None
    student.run()
    assert map_view_data(student)["overlay"] is None
    assert "precision" not in plain(texts(student))


# --- exchange: export, open a map, start one from a bibliography -------------------------------------------------


def opened(at: AppTest, menu: str) -> AppTest:
    """The app run with a header popover open (their contents are drawn only while open; AppTest does not
    send a popover's state, so a run that changes a widget closes it)."""
    at.session_state[menu] = True
    return at.run()


def filter_by(at: AppTest, widget, value) -> AppTest:
    """A filter in the Filters popover set to `value`, and the popover opened again."""
    widget.set_value(value).run()
    return opened(at, "filters_menu")


def uploader(at: AppTest, key: str):
    return next(widget for widget in at.file_uploader if widget.key == key)


def test_the_export_menu_offers_every_format_for_the_view_and_the_whole_map(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL, selected="tpj", depth="1"), "export_menu")
    assert at.radio(key="export_scope").value == "view"
    labels = {button.proto.label for button in at.get("download_button")}
    assert {"Explorer (HTML)", "PNG", "SVG", "GraphML", "GEXF", "CmapTools (CXL)", "CSV: concepts", "CSV: relations",
            "JSON", "BibTeX", "RIS"} <= labels  # fmt: skip
    assert not open_app(monkeypatch, SMALL, selected="tpj", depth="1").get("download_button")  # drawn only when open
    at = opened(open_app(monkeypatch, SMALL), "export_menu")
    assert at.get("download_button")
    assert all(radio.key != "export_scope" for radio in at.radio)  # no view: the whole map


def test_an_example_map_opens_for_this_session_and_the_served_one_comes_back(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL), "open_menu")
    at.selectbox(key="open_example").select("working_memory.yaml").run()
    assert not at.exception
    assert at.title[0].value == "Working Memory Atlas"
    assert len(map_view_data(at)["graph"]["nodes"]) == 15
    other = open_app(monkeypatch, SMALL)  # another session still shows the served map
    assert other.title[0].value != "Working Memory Atlas"
    next(button for button in at.button if button.label == "Back to the served map").click().run()
    assert at.title[0].value != "Working Memory Atlas"


def test_an_uploaded_map_opens_and_a_broken_one_keeps_the_current_map(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL), "open_menu")
    title = at.title[0].value
    uploader(at, "open_upload").set_value(("broken.yaml", b"meta:\n  title: [\n", "application/yaml"))
    at.run()
    assert not at.exception
    assert at.title[0].value == title
    assert any("broken.yaml:" in code.value for code in at.code)
    uploader(at, "open_upload").set_value(("wm.yaml", EXAMPLE.read_bytes(), "application/yaml"))
    at.run()
    assert not at.exception
    assert at.title[0].value == "Working Memory Atlas"


def test_a_hostile_upload_is_read_outside_the_server_and_keeps_the_current_map(monkeypatch):
    """A 3.8 MB map whose concept has 1.9 million wrong aliases took 61 s and 3.4 GB in the server's own
    process, every session's health check waiting on it: it is read in a child with limits."""
    import resource

    at = opened(open_app(monkeypatch, SMALL), "open_menu")
    title = at.title[0].value
    hostile = 'meta: {title: T, description: D., source: {citation: C.}, version: "1"}\nconcepts:\n'
    hostile += "- {id: a, label: b, kind: facet, summary: c, aliases: [" + "1," * 1_900_000 + "1]}\n"
    uploader(at, "open_upload").set_value(("aliases.yaml", hostile.encode(), "application/yaml"))
    server, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    at.run()
    spent = resource.getrusage(resource.RUSAGE_SELF)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert not at.exception
    assert at.title[0].value == title
    assert any("aliases.yaml: reading the file takes" in code.value for code in at.code)
    assert spent.ru_utime - server.ru_utime < 3  # the run itself; the reading was the child's
    assert child.ru_utime - children.ru_utime >= 4  # the child ran to its limit


def test_every_uploader_states_its_real_limit(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL), "open_menu")
    limits = {widget.key: widget.proto.max_upload_size_mb for widget in at.file_uploader}
    assert limits == {"open_upload": 16, "starter_upload": 2}
    at = open_app(monkeypatch, SMALL, panel="score")
    (student,) = at.file_uploader
    assert student.proto.max_upload_size_mb == 1  # it took 150 MB
    assert "1 MiB" in student.proto.help


def test_a_bibliography_gives_a_starter_map_to_download(monkeypatch):
    at = opened(open_app(monkeypatch, SMALL), "open_menu")
    bib = (DATA / "bib" / "messy.bib").read_bytes()
    uploader(at, "starter_upload").set_value(("messy.bib", bib, "application/x-bibtex"))
    at.run()
    assert not at.exception
    assert "A starter map with 5 references" in at.success[0].value
    assert any(button.proto.label == "Starter map (YAML)" for button in at.get("download_button"))


# --- the brain view -------------------------------------------------------------------------------------------------


def test_the_brain_view_lights_the_selection_and_its_list_selects_on_the_map(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="brain", selected="tpj")
    assert not at.exception
    assert len(at.get("image")) == 1
    assert next(b for b in at.button if b.key == "brain:tpj").proto.type == "primary"
    assert "Temporoparietal junction (TPJ)" in plain(texts(at))
    next(b for b in at.button if b.key == "brain:anterior_insula").click().run()
    assert not at.exception
    assert map_view_data(at)["selected"]["id"] == "anterior_insula"  # selected on the map
    assert at.query_params["panel"] in ("brain", ["brain"])  # the brain stays in view
    assert "MNI coordinates" in plain(texts(at))
    next(b for b in at.button if b.key == "brain-details").click().run()
    assert at.subheader[0].value.startswith("Anterior insula")  # and in the details


def test_the_brain_view_follows_the_filters(monkeypatch):
    at = open_app(monkeypatch, PAPER, panel="brain", facets="prosocial_concern", facet_depth="1")
    assert not at.exception
    disabled = {b.key for b in at.button if b.key and b.key.startswith("brain:") and b.disabled}
    assert "brain:tpj" in disabled  # hidden by the filter: not drawn, not chosen


def test_a_map_without_regions_says_so_in_the_brain_view(monkeypatch, tmp_path):
    at = open_app(monkeypatch, DATA / "app" / "hostile.yaml", panel="brain")
    assert not at.exception
    assert len(at.get("image")) == 1  # hostile.yaml has one region
    no_regions = DATA / "valid" / "minimal.yaml"
    data = yaml.safe_load(no_regions.read_text())
    data["concepts"] = [concept for concept in data["concepts"] if concept["kind"] != "region"]
    data["relations"] = [r for r in data["relations"] if "anterior_insula" not in (r["source"], r["target"])]
    path = tmp_path / "none.yaml"
    path.write_text(yaml.safe_dump(data))
    at = open_app(monkeypatch, path, panel="brain")
    assert not at.exception
    assert "no brain regions" in at.info[0].value
