"""The Build panel in AppTest: the board in the map's place, a drawing sent by the board checked against the map
with the Score view's judgement and each link's verdict sent back to light it, the expert's map on request,
the drawing downloaded and opened again as a student's map file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest
from test_app import SMALL, open_app, plain, texts

from components.model import load
from components.teaching import student_maps
from components.ui.panels import build

PAPER = Path(__file__).parents[1] / "concepts.yaml"

CONCEPTS = [
    {"id": "mentalizing", "label": "Mentalizing", "x": 100, "y": 100},
    {"id": "tpj", "label": "Temporoparietal junction", "x": 300, "y": 100},
    {"id": "empathy", "label": "Empathy", "x": 200, "y": 0},
    {"id": "false_belief", "label": "False-belief task", "x": 200, "y": 200},
    {"id": "new_5", "label": "Kindness", "x": 0, "y": 0},
]
LINKS = [
    {"id": "link_1", "from": "mentalizing", "to": "tpj", "words": "engages"},  # correct
    {"id": "link_2", "from": "empathy", "to": "mentalizing", "words": "is part of"},  # reversed
    {"id": "link_3", "from": "tpj", "to": "false_belief", "words": "is part of"},  # not in the map
    {"id": "link_4", "from": "mentalizing", "to": "new_5", "words": "sort of makes"},  # words it does not know
]
DRAWING = {"concepts": CONCEPTS, "links": LINKS, "rev": "r1"}


def mounts(at: AppTest) -> dict[str, dict]:
    """The JSON mounts of the map view component on the last run, by role."""
    found = [json.loads(c.proto.bytes) for c in at.get("bidi_component") if c.proto.bytes.startswith(b"{")]
    return {mount["role"]: mount for mount in found}


def drawn_by_board(monkeypatch: pytest.MonkeyPatch, drawing: dict = DRAWING) -> AppTest:
    """The app at ?panel=build, after the board has sent `drawing` (as its state `drawing`)."""
    at = open_app(monkeypatch, SMALL, panel="build")
    at.session_state[build.KEY] = {"drawing": drawing}
    return at.run()


def test_the_build_panel_shows_the_board_in_the_maps_place(monkeypatch):
    at = open_app(monkeypatch, SMALL, panel="build")
    assert not at.exception
    shown = mounts(at)
    assert "map" not in shown  # the expert's map is hidden
    board = shown["build"]
    assert board["storage"] == "Small atlas@1"  # the browser keeps a drawing per map and version
    assert {"is part of", "engages", "is engaged by"} <= set(board["phrases"])
    assert board["checked"] is None
    assert board["known"] is None
    assert at.query_params["panel"] == "build"


def test_the_board_hears_back_which_drawing_python_holds(monkeypatch):
    at = drawn_by_board(monkeypatch)
    assert not at.exception
    assert mounts(at)["build"]["known"] == "r1"  # the board sends again only a drawing Python has not seen


def test_checking_judges_each_drawn_link_and_lights_it_on_the_board(monkeypatch):
    at = drawn_by_board(monkeypatch)
    at.button(key="build_check").click().run()
    assert not at.exception
    checked = mounts(at)["build"]["checked"]
    assert checked["verdicts"] == {
        "Mentalizing|engages|Temporoparietal junction": "correct",
        "Empathy|is part of|Mentalizing": "reversed",
        "Temporoparietal junction|is part of|False-belief task": "extra",
        "Mentalizing|sort of makes|Kindness": "extra",  # free words: read as the default type, kept
    }
    assert {"from": "mentalizing", "to": "false_belief", "words": "is studied with"} in checked["missing"]
    assert {line["standing"] for line in checked["lines"]} == {"correct", "reversed", "extra", "missing"}
    shown = plain(texts(at))
    assert "precision **25%**" in shown  # one correct of three judged links, as the Score view says it
    assert "1 of your link's words name no relation of the map's vocabulary: each is read as" in shown
    assert any("Reversed (1)" in expander.label for expander in at.expander)


def test_an_edit_after_the_check_says_to_check_again(monkeypatch):
    at = drawn_by_board(monkeypatch)
    at.button(key="build_check").click().run()
    moved = {**DRAWING, "links": LINKS[:1], "rev": "r2"}
    at.session_state[build.KEY] = {"drawing": moved}
    at.run()
    assert any("changed since it was checked" in info.value for info in at.info)


def test_show_the_experts_puts_the_map_back_with_the_check_drawn_on_it(monkeypatch):
    at = drawn_by_board(monkeypatch)
    at.button(key="build_check").click().run()
    at.toggle(key=build.EXPERT).set_value(True).run()
    assert not at.exception
    shown = mounts(at)
    assert "build" not in shown
    overlay = shown["map"]["overlay"]
    assert overlay["correct"] == ["mentalizing|engages|tpj"]
    assert overlay["reversed"] == ["mentalizing|part_of|empathy"]


def test_my_map_downloads_as_a_student_map_and_opens_again_onto_the_board(monkeypatch):
    at = drawn_by_board(monkeypatch)
    assert [element.proto.label for element in at.get("download_button")] == ["Download my map"]
    student = student_maps.build_map(CONCEPTS, LINKS, load.load_concepts(PAPER))
    text = student_maps.to_yaml(student)
    assert load.parse(text, "my-map.yaml", student=True) == student
    data = yaml.safe_load(text)
    assert [concept["label"] for concept in data["concepts"]] == [concept["label"] for concept in CONCEPTS]
    assert {"source": "empathy", "type": "part_of", "target": "mentalizing"} in data["relations"]
    opened = build._placed(student_maps.drawing_of(student), "opened")
    assert all({"x", "y"} <= set(concept) for concept in opened["concepts"])
    assert {(link["from"], link["words"], link["to"]) for link in opened["links"]} >= {
        ("mentalizing", "engages", "tpj"),
        ("empathy", "is part of", "mentalizing"),
    }


def test_the_address_sets_the_concepts_the_board_offers(monkeypatch):
    """`?build=1&use=...`: one link hands a class the same exercise, without editing the map file."""
    at = open_app(monkeypatch, SMALL, build="1", use=["tpj", "mentalizing", "nothing_like_it"])
    assert not at.exception
    offered = mounts(at)["build"]["offered"]
    assert [concept["id"] for concept in offered] == ["tpj", "mentalizing"]
    assert at.query_params["use"] == ["tpj", "mentalizing"]
