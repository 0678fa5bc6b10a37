"""Tables in the browser: none offers Streamlit's own "Download as CSV", which wrote map text raw (a cell
`=HYPERLINK(…)` runs in a spreadsheet; a bare carriage return starts a row); the References' download
writes every cell through components/text/spreadsheet.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import open_at
from playwright.sync_api import Page, expect

from components.text.spreadsheet import FORMULA_START


@pytest.mark.parametrize("panel", ["references", "evidence"])
def test_no_table_offers_a_csv_download_of_its_own(page: Page, hostile_app, panel: str):
    open_at(page, hostile_app, f"?panel={panel}")
    table = page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    table.hover()
    expect(page.get_by_role("button", name="Fullscreen").first).to_be_visible()  # the table's toolbar is shown
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)


def test_the_references_download_writes_cells_a_spreadsheet_shows_as_text(page: Page, hostile_app):
    open_at(page, hostile_app, "?panel=references")
    with page.expect_download() as download:
        page.get_by_role("button", name="References (CSV)").click()
    assert download.value.suggested_filename == "references.csv"
    with Path(download.value.path()).open(newline="", encoding="utf-8") as file:
        header, *rows = list(csv.reader(file))
    assert header[:4] == ["No.", "Authors", "Year", "Title"]
    assert len(rows) == 2
    assert rows[1][3] == '\'=HYPERLINK("http://evil.example/", "click")'
    assert not any(cell.startswith(FORMULA_START) for row in rows for cell in row)


def test_the_comparison_is_no_data_table_and_offers_no_download(page: Page, hostile_app):
    """The facets compared are a grid of the page's own elements (ui/compare.py): nothing to download raw."""
    open_at(page, hostile_app, "?panel=compare")
    expect(page.locator(".st-key-compare_grid")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)
