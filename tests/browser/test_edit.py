"""An author edits the map in the page (the app started for editing): adds a concept and a relation, saves, and
the file's diff is only those lines. Without the flag the page has no Edit panel."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_server import ROOT, App, serve
from conftest import chromium
from helpers import new_page, open_at
from playwright.sync_api import Page, expect


@pytest.fixture
def editing_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, Path]]:
    """The app started for editing, on a copy of the paper's map."""
    chromium()
    live = Path(shutil.copy(ROOT / "concepts.yaml", tmp_path / "concepts.yaml"))
    monkeypatch.setenv("EMPATHY_ATLAS_EDIT", "1")
    with serve(live, "edit", log_check=True) as running:
        yield running, live


def settled(page: Page) -> None:
    """Wait until the page has no rerun under way (the save's own, then the file watcher's)."""
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option in the side panel's select box labelled `label`, as a person types and presses Enter."""
    panel = page.locator(".st-key-side_panel")
    box = panel.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).first.click()


def cite(page, panel, key: str, note: str) -> None:
    """The relation's form: one reference chosen from the map's list, and the note on what it showed."""
    references = panel.get_by_label("References", exact=True)
    references.click()
    references.fill(key)
    page.get_by_role("option").filter(has_text=key).first.click()
    page.keyboard.press("Escape")
    panel.get_by_label("Note: what the cited work showed", exact=True).fill(note)


def changed(before: str, after: str) -> list[tuple[str, int, int, int, int]]:
    """What differs between two texts of the file, line by line (difflib's opcodes, the equal ones left out)."""
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def test_an_author_adds_a_concept_and_a_relation_and_the_file_changes_by_those_lines(browser, editing_app):
    app, live = editing_app
    before = live.read_text(encoding="utf-8")
    page = open_at(new_page(browser), app, "?panel=edit")
    panel = page.locator(".st-key-side_panel")
    panel.get_by_label("Id", exact=True).fill("vicarious_reward")
    panel.get_by_label("Label", exact=True).fill("Vicarious reward")
    choose(page, "Kind", "Process")
    panel.get_by_label("Summary", exact=True).fill("Seeing another rewarded engages one's own reward system.")
    panel.get_by_role("button", name="Save concept").click()
    expect(panel.get_by_text("Added Vicarious reward.")).to_be_visible()
    assert "selected=vicarious_reward" in page.url
    settled(page)

    panel.get_by_role("radio", name="Relation", exact=True).click()
    expect(panel.get_by_role("button", name="Save relation")).to_be_visible()
    settled(page)
    choose(page, "From", "Vicarious reward")
    choose(page, "Type", "engages")
    choose(page, "To", "Subjective valuation")
    cite(page, panel, "harbaugh2007", "Giving engaged reward areas.")
    panel.get_by_role("button", name="Save relation").click()
    expect(panel.get_by_text("Added the relation.")).to_be_visible()

    after = live.read_text(encoding="utf-8")
    changes = changed(before, after)
    assert [op[0] for op in changes] == ["insert", "insert"]
    added = [line.strip() for op in changes for line in after.splitlines()[op[3] : op[4]]]
    assert added == [
        "- id: vicarious_reward",
        "label: Vicarious reward",
        "kind: process",
        'summary: "Seeing another rewarded engages one\'s own reward system."',
        "- source: vicarious_reward",
        "type: engages",
        "target: subjective_valuation",
        "refs: [harbaugh2007]",
        'note: "Giving engaged reward areas."',
    ]
    # the map reloaded with the new relation, selectable like any other
    # (the file watcher looks twice a second: an address opened before it has seen the save names a relation the
    # served map does not have yet, and drops it; opened again, it is there)
    note = page.locator(".st-key-side_panel").get_by_text("Giving engaged reward areas.")
    for _ in range(4):
        open_at(page, app, "?selected=vicarious_reward|engages|subjective_valuation")
        if note.count():
            break
        page.wait_for_timeout(1000)
    expect(note).to_be_visible()
    page.context.close()


def test_without_the_edit_flag_the_page_offers_no_edit_panel(browser, app):
    page = open_at(new_page(browser), app, "?panel=edit&selected=tpj")
    panel = page.locator(".st-key-side_panel")
    expect(panel.get_by_role("radio", name="Details")).to_be_checked()
    expect(panel.get_by_role("radio", name="Edit", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Save concept")).to_have_count(0)
    expect(page.get_by_label("Label", exact=True)).to_have_count(0)
    assert "panel=edit" not in page.url
    page.context.close()


def drag(page: Page, source: str, target: str, shot: Path | None = None) -> None:
    """Press on concept `source` on the map, move to `target` as a hand does, and let go there (a screenshot
    to `shot` just before)."""
    box = page.locator(".atlas-network canvas").bounding_box()
    ends = [
        page.locator(".atlas-network").evaluate("(el, id) => el.atlas.nodePosition(id)", end)
        for end in (source, target)
    ]
    (x0, y0), (x1, y1) = [(box["x"] + end["x"], box["y"] + end["y"]) for end in ends]
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=8)
    page.mouse.move(x1, y1, steps=8)
    if shot:
        page.screenshot(path=shot)
    page.mouse.up()


def test_an_author_draws_a_relation_on_the_map_and_saving_writes_only_it(browser, editing_app, artifacts):
    app, live = editing_app
    before = live.read_text(encoding="utf-8")
    page = open_at(new_page(browser), app, "?panel=edit")
    network = page.locator(".atlas-network")
    draw = page.get_by_role("button", name="Draw a relation")
    expect(draw).to_be_visible()
    page.screenshot(path=artifacts / "edit-draw-a-relation.png")
    draw.click()
    expect(draw).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".atlas-linkhint")).to_contain_text("Drag from one concept to another")
    drag(page, "tpj", "anterior_insula", shot=artifacts / "edit-drawing-a-relation.png")
    expect(draw).to_have_attribute("aria-pressed", "false")  # one relation drawn: the mode ends
    panel = page.locator(".st-key-side_panel")
    expect(panel.get_by_text("A new relation from Temporoparietal junction to Anterior insula")).to_be_visible()
    # no line was added to the map by the drag, and the file is as it was
    assert network.evaluate("el => el.atlas.edge('tpj|connects_with|anterior_insula')") is None
    assert live.read_text(encoding="utf-8") == before
    settled(page)
    expect(panel.get_by_label("From", exact=True)).to_have_value("Temporoparietal junction")
    expect(panel.get_by_label("To", exact=True)).to_have_value("Anterior insula")
    choose(page, "Type", "is functionally connected with")
    cite(page, panel, "spreng2009", "Drawn on the map.")
    panel.get_by_role("button", name="Save relation").click()
    expect(panel.get_by_text("Added the relation.")).to_be_visible()

    after = live.read_text(encoding="utf-8")
    changes = changed(before, after)
    assert [op[0] for op in changes] == ["insert"]
    added = [line.strip() for op in changes for line in after.splitlines()[op[3] : op[4]]]
    assert added == [
        "- source: tpj",
        "type: connects_with",
        "target: anterior_insula",
        "refs: [spreng2009]",
        'note: "Drawn on the map."',
    ]
    page.context.close()


def test_an_author_draws_a_relation_by_keyboard_from_the_selected_concept(browser, editing_app):
    app, live = editing_app
    before = live.read_text(encoding="utf-8")
    page = open_at(new_page(browser), app, "?panel=edit&selected=tpj")
    network = page.locator(".atlas-network")
    page.locator(".atlas-canvas").focus()
    page.keyboard.press("r")  # from the selected concept
    expect(page.locator(".atlas-linkhint")).to_contain_text("From Temporoparietal junction: now choose the other")
    page.keyboard.press("ArrowDown")  # any concept shown below it, related or not
    other = network.evaluate("el => el.atlas.cursor()")
    assert other not in (None, "tpj")
    label = network.evaluate("(el, id) => el.atlas.label(id)", other)
    page.keyboard.press("Enter")
    panel = page.locator(".st-key-side_panel")
    expect(panel.get_by_text(f"A new relation from Temporoparietal junction to {label}")).to_be_visible()
    settled(page)
    expect(panel.get_by_label("To", exact=True)).to_have_value(label)
    page.locator(".atlas-canvas").focus()
    page.keyboard.press("r")
    page.keyboard.press("Escape")  # cancels: nothing sent, the selection kept
    expect(page.locator(".atlas-linkhint")).to_be_hidden()
    assert network.get_attribute("data-selected") == "concept:tpj"
    assert live.read_text(encoding="utf-8") == before
    page.context.close()


def test_the_map_outside_edit_mode_has_no_draw_a_relation_button(browser, app):
    page = open_at(new_page(browser), app, "?selected=tpj")
    expect(page.get_by_role("button", name="Re-layout")).to_be_visible()
    expect(page.get_by_role("button", name="Draw a relation")).to_have_count(0)
    page.locator(".atlas-canvas").press("r")  # nor does the key start anything
    expect(page.locator(".atlas-linkhint")).to_have_count(0)
    assert page.locator(".atlas-network").get_attribute("data-linking") is None
    page.context.close()
