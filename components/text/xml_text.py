"""Map text that every XML reader accepts and reads back as written: the characters XML 1.0 forbids (C0
controls but tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates) are replaced by
U+FFFD, and a carriage return is written as a character reference, which a reader keeps (a raw one it
would turn into a line feed). Every XML the app or the command line writes (GraphML, GEXF, CmapTools,
SVG) carries its text through `text`, and its bytes through `document`.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-].
FORBIDDEN = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# In a picture a control character has no glyph (matplotlib warns and draws a box): shown as U+FFFD too.
UNDRAWABLE = re.compile(r"[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def text(value: str) -> str:
    """`value` with every character XML 1.0 forbids replaced by U+FFFD."""
    return FORBIDDEN.sub(REPLACEMENT, value)


def drawn(value: str) -> str:
    """`value` as a picture's label: control characters too replaced by U+FFFD (line breaks kept)."""
    return UNDRAWABLE.sub(REPLACEMENT, value)


def document(data: bytes) -> bytes:
    """A serialised XML document whose text kept its carriage returns: each written as `&#13;`.

    XML writers (ElementTree, networkx) never put a carriage return in markup and escape one in an
    attribute, so any raw one is in a text node, where a reader would change it to a line feed.
    """
    return data.replace(b"\r", b"&#13;")
