"""Text for a terminal: what the command line prints from a file (a label, a note, a problem quoting a
value, a bibliography's entry key) shows its control characters as escapes (`\\x1b`, `\\x07`, `\\x9b`,
`\\n`, `\\u2028`), so that no text from a file can set the terminal's title, clear the screen, move the
cursor, ring the bell, or break or hide a line. A tab is kept."""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
# overrides and isolates that reorder what a line shows.
CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(line: str) -> str:
    """`line` with every control character written as its Python escape."""
    return CONTROLS.sub(_escape, line)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return {10: "\\n", 13: "\\r"}.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
