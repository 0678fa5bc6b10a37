"""CSV that spreadsheets open as data, never as formulas (OWASP's CSV injection guidance)."""

from __future__ import annotations

import csv
import io

import pytest

from components.text.spreadsheet import cell, to_csv

FORMULAS = ['=HYPERLINK("http://evil.example", "x")', "@SUM(1+1)", "+1+cmd|' /C calc'!A0", "-2+3", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_would_run_as_a_formula_is_shown_as_text(value):
    assert cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Singer, T.", "a = b", "", "2004", 2004, None, "'quoted"])
def test_other_cells_are_left_alone(value):
    assert cell(value) == value


def test_no_cell_of_a_written_csv_starts_like_a_formula():
    rows = [{"title": value, "n": index} for index, value in enumerate(FORMULAS)]
    written = list(csv.reader(io.StringIO(to_csv(rows, ["n", "title"]), newline="")))
    assert written[0] == ["n", "title"]
    assert [row[1] for row in written[1:]] == ["'" + value for value in FORMULAS]


@pytest.mark.parametrize("value", ["'\r=2", "a\r\nb", "a\nb", "\n=1"])
def test_a_line_break_in_a_cell_is_quoted_and_starts_no_row(value):
    written = to_csv([{"a": value, "b": "next"}], ["a", "b"])
    assert written.endswith('"' + cell(value).replace('"', '""') + '",next\r\n')
    assert list(csv.reader(io.StringIO(written, newline=""))) == [["a", "b"], [cell(value), "next"]]
