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
    references = panel.get_by_label("References", exact=True)
    references.click()
    references.fill("harbaugh2007")
    page.get_by_role("option").filter(has_text="harbaugh2007").first.click()
    page.keyboard.press("Escape")
    panel.get_by_label("Note: what the cited work showed", exact=True).fill("Giving engaged reward areas.")
    panel.get_by_role("button", name="Save relation").click()
    expect(panel.get_by_text("Added the relation.")).to_be_visible()

    after = live.read_text(encoding="utf-8")
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
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
    open_at(page, app, "?selected=vicarious_reward|engages|subjective_valuation")
    expect(page.locator(".st-key-side_panel").get_by_text("Giving engaged reward areas.")).to_be_visible()
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
