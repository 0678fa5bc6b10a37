"""Tables as CSV that spreadsheets open as data: a cell that a spreadsheet would run as a formula
(OWASP's CSV injection: one starting with =, +, -, @, a tab or a carriage return) gets a leading
apostrophe, which shows the text as it is. Every CSV the app or the command line writes goes through
`to_csv` (the exports, the References' and the Quiz's downloads); no table of the page offers a download
of its own (`client.disableDataExport` in .streamlit/config.toml). A cell holding a line break is quoted
(the csv module's minimal quoting), so a carriage return cannot start a row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A text cell a spreadsheet will not evaluate; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{column: cell(value) for column, value in row.items()} for row in rows]


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV text, every cell made safe."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(safe_rows(rows))
    return out.getvalue()
