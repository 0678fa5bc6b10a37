"""The Edit panel in AppTest: only when the app is started for editing; a save writes the map file (its one
changed line), an invalid edit shows its problems and writes nothing, a file changed on disk is not overwritten,
undo writes the previous text back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import SMALL, open_app, plain
from test_yaml_edit import changed_lines


@pytest.fixture
def live(tmp_path: Path) -> Path:
    """A copy of the small map, for the app to edit."""
    return Path(shutil.copy(SMALL, tmp_path / "map.yaml"))


@pytest.fixture
def editing(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("EMPATHY_ATLAS_EDIT", "1")
    return monkeypatch


def edit_controls(at: AppTest) -> list[str]:
    """The keys of every widget of the Edit panel on the page."""
    widgets = [*at.text_input, *at.text_area, *at.selectbox, *at.multiselect, *at.button]
    return [widget.key for widget in widgets if widget.key and widget.key.startswith(("edit_", "FormSubmitter:edit"))]


def panel_tabs(at: AppTest) -> list[str]:
    (tabs,) = [control for control in at.get("button_group") if "panel_widget" in str(control.proto.id)]
    return [option.content for option in tabs.proto.options]


def test_without_the_edit_flag_there_is_no_edit_panel_and_its_address_shows_nothing_editable(monkeypatch, live):
    monkeypatch.delenv("EMPATHY_ATLAS_EDIT", raising=False)
    before = live.read_bytes()
    at = open_app(monkeypatch, live, panel="edit", selected="empathy")
    assert not at.exception
    assert "Edit" not in panel_tabs(at)
    assert edit_controls(at) == []
    assert at.subheader[0].value == "Empathy"  # the Details panel instead
    assert "panel" not in at.query_params  # the address forgets a panel the app does not have
    assert live.read_bytes() == before


def test_the_edit_panel_saves_a_change_to_the_selected_concept_and_undo_takes_it_back(editing, live):
    before = live.read_text(encoding="utf-8")
    at = open_app(editing, live, panel="edit", selected="empathy")
    assert not at.exception
    assert "Edit" in panel_tabs(at)
    at.text_input(key="edit_concept_empathy_label").set_value("Empathy, renamed")
    at.button(key="FormSubmitter:edit_concept_empathy-Save concept").click().run()
    assert not at.exception
    after = live.read_text(encoding="utf-8")
    assert changed_lines(before, after) == (["    label: Empathy"], ["    label: Empathy, renamed"])
    assert "Saved Empathy, renamed." in [s.value for s in at.success]
    at.button(key="edit_undo").click().run()
    assert live.read_text(encoding="utf-8") == before


def test_a_new_concept_and_relation_are_added_to_the_file(editing, live):
    before = live.read_text(encoding="utf-8")
    at = open_app(editing, live, panel="edit")
    at.text_input(key="edit_concept_(new)_id").set_value("simulation")
    at.text_input(key="edit_concept_(new)_label").set_value("Simulation")
    at.selectbox(key="edit_concept_(new)_kind").set_value("theory")
    at.text_area(key="edit_concept_(new)_summary").set_value("We understand others by simulating them.")
    at.button(key="FormSubmitter:edit_concept_(new)-Save concept").click().run()
    assert not at.exception
    assert at.query_params["selected"] == "simulation"  # the new concept is selected
    at.session_state["edit_form"] = "Relation"  # the Relation form, as its segment chosen
    at.run()
    key = "edit_relation_(new)"
    at.selectbox(key=f"{key}_source").set_value("simulation")
    at.selectbox(key=f"{key}_type").set_value("supports")
    at.selectbox(key=f"{key}_target").set_value("sharing")
    at.multiselect(key=f"{key}_refs").set_value(["gallese2004"])
    at.text_area(key=f"{key}_note").set_value("Gallese and colleagues argue for simulation.")
    at.button(key=f"FormSubmitter:{key}-Save relation").click().run()
    assert not at.exception
    removed, added = changed_lines(before, live.read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == [
        "- id: simulation",
        "label: Simulation",
        "kind: theory",
        "summary: We understand others by simulating them.",
        "- {source: simulation, type: supports, target: sharing, refs: [gallese2004], note: Gallese and colleagues "
        "argue for simulation.}",
    ]


def test_an_invalid_edit_shows_the_loaders_problem_under_its_field_and_writes_nothing(editing, live):
    before = live.read_bytes()
    at = open_app(editing, live, panel="edit")
    at.text_input(key="edit_concept_(new)_id").set_value("Not A Slug")
    at.text_input(key="edit_concept_(new)_label").set_value("X")
    at.selectbox(key="edit_concept_(new)_kind").set_value("theory")
    at.text_area(key="edit_concept_(new)_summary").set_value("S.")
    at.button(key="FormSubmitter:edit_concept_(new)-Save concept").click().run()
    assert not at.exception
    assert live.read_bytes() == before
    shown = [plain(caption.value).replace("\u2060", "") for caption in at.caption]
    assert any(re.search(r"map\.yaml:\d+:\d+: concepts\[9\]\.id: .*not a valid id", text) for text in shown), shown


def test_a_file_changed_on_disk_is_not_overwritten_and_both_versions_are_shown(editing, live):
    at = open_app(editing, live, panel="edit", selected="empathy")
    theirs = live.read_text(encoding="utf-8").replace("title: Small atlas", "title: Their atlas")
    live.write_text(theirs, encoding="utf-8")
    at.text_input(key="edit_concept_empathy_label").set_value("Mine")
    at.button(key="FormSubmitter:edit_concept_empathy-Save concept").click().run()
    assert not at.exception
    assert live.read_text(encoding="utf-8") == theirs
    assert any("changed on disk" in error.value for error in at.error)
    (diff,) = [code.value for code in at.code if "on disk" in code.value]
    assert "-  title: Their atlas" in diff
    assert "+    label: Mine" in diff


def test_deleting_a_concept_with_relations_is_refused_unless_they_go_with_it(editing, live):
    at = open_app(editing, live, panel="edit", selected="empathy")
    before = live.read_bytes()
    at.button(key="edit_concept_empathy_delete").click().run()
    assert live.read_bytes() == before
    assert any("'empathy' has 2 relations" in code.value for code in at.code)
    at.checkbox(key="edit_concept_empathy_cascade").check().run()
    at.button(key="edit_concept_empathy_delete").click().run()
    assert "id: empathy" not in live.read_text(encoding="utf-8")
    assert "target: empathy" not in live.read_text(encoding="utf-8")
