"""A view's address: the values of its URL query, read by functions that never raise.

An address is typed by people and pasted from anywhere: `?step=⑨`, `?quiz=²` (digits to `str.isdigit`,
not to `int`) or `?depth=` and five thousand nines (past Python's limit on the digits of an int) are
values like any other that the map does not have, and are left out. The page (ui/state.py) and the
export's scope (scope.py) read numbers here.
"""

from __future__ import annotations

from collections.abc import Container

MAX_DIGITS = 9  # no number in an address needs more (the largest is a quiz's seed, under a million)


def number(text: str | None, allowed: Container[int] | None = None) -> int | None:
    """The whole number `text` spells in ASCII digits, if it is one of `allowed` (any, if None); else None."""
    if text is None or not (0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdecimal()):
        return None
    value = int(text)
    return value if allowed is None or value in allowed else None
