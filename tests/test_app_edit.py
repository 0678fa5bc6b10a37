"""The Edit panel in AppTest: only when the app is started for editing; a save writes the map file (its one
changed line), an invalid edit shows its problems and writes nothing, a file changed on disk is not overwritten,
undo writes the previous text back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.testing.v1 import AppTest
from test_app import SMALL, map_view_data, open_app, plain, texts
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


def draw_on_map(at: AppTest, source: str, target: str) -> AppTest:
    """The map view sends `link` {from, to}, as a drag from one concept to another on it does (drawlink.js):
    the widget states of the page as they are, with the map's trigger among them."""
    (view,) = [c for c in at.get("bidi_component") if c.proto.bytes.startswith(b'{"role":"map"')]
    states = at._tree.get_widget_states()
    trigger = states.widgets.add()
    trigger.id = _make_trigger_id(view.proto.id, "events")
    trigger.json_trigger_value = json.dumps([{"event": "link", "value": {"from": source, "to": target, "press": 1}}])
    return at._run(states)


def test_a_relation_drawn_on_the_map_opens_the_relation_form_with_its_ends_and_saving_writes_it(editing, live):
    before = live.read_text(encoding="utf-8")
    at = open_app(editing, live, panel="edit", selected="empathy")
    assert map_view_data(at)["linking"] is True  # the map offers "Draw a relation" beside the Edit panel
    draw_on_map(at, "tpj", "ai")
    assert not at.exception
    assert live.read_text(encoding="utf-8") == before  # nothing written by the drawing itself
    key = "edit_relation_(new)"
    assert at.session_state["edit_form"] == "Relation"
    assert at.selectbox(key=f"{key}_source").value == "tpj"
    assert at.selectbox(key=f"{key}_target").value == "ai"
    assert at.selectbox(key=f"{key}_type").value is None  # still to choose
    assert "A new relation from **Temporoparietal junction** to **Anterior insula**" in texts(at)
    at.selectbox(key=f"{key}_type").set_value("supports")
    at.multiselect(key=f"{key}_refs").set_value(["singer2004"])
    at.text_area(key=f"{key}_note").set_value("Drawn on the map.")
    at.button(key=f"FormSubmitter:{key}-Save relation").click().run()
    assert not at.exception
    removed, added = changed_lines(before, live.read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == [
        "- {source: tpj, type: supports, target: ai, refs: [singer2004], note: Drawn on the map.}"
    ]
    assert "edit_drawn" not in at.session_state  # done with: the next new relation starts blank
    assert at.query_params["selected"] == "tpj|supports|ai"  # the new relation is selected, its form shown


def test_a_relation_drawn_while_a_relation_is_selected_opens_a_new_one_not_the_selected(editing, live):
    at = open_app(editing, live, panel="edit", selected="mentalizing|engages|tpj")
    draw_on_map(at, "autism", "mpfc")
    assert not at.exception
    assert "selected" not in at.query_params
    assert at.selectbox(key="edit_relation_(new)_source").value == "autism"
    assert at.selectbox(key="edit_relation_(new)_target").value == "mpfc"


def test_outside_edit_mode_the_map_offers_no_drawing_and_a_link_event_changes_nothing(monkeypatch, live):
    monkeypatch.delenv("EMPATHY_ATLAS_EDIT", raising=False)
    before = live.read_bytes()
    at = open_app(monkeypatch, live, selected="empathy")
    assert map_view_data(at)["linking"] is False
    draw_on_map(at, "tpj", "ai")
    assert not at.exception
    assert edit_controls(at) == []
    assert at.subheader[0].value == "Empathy"  # still the Details panel
    assert "edit_drawn" not in at.session_state
    assert live.read_bytes() == before


def test_in_edit_mode_another_panel_offers_no_drawing_and_ignores_a_link_event(editing, live):
    at = open_app(editing, live, selected="empathy")  # the Details panel
    assert map_view_data(at)["linking"] is False
    draw_on_map(at, "tpj", "ai")
    assert not at.exception
    assert at.subheader[0].value == "Empathy"
    assert "edit_drawn" not in at.session_state
