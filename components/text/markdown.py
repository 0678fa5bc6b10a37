"""Map text made safe for Streamlit's markdown: shown as exactly the text it is, never as markup.

Two kinds of markup need two defences. CommonMark syntax (emphasis, links, headings, HTML, LaTeX,
Streamlit's :color[] directives) is read while parsing, so a backslash before every punctuation mark
disarms it. But Streamlit also rewrites the parsed *text*: bare addresses (`http://…`, `www.…`,
`a@b.c`) become links and `:material/icon:` or `:emoji:` shortcodes become pictures, whatever was
escaped. An invisible WORD JOINER (U+2060) after every colon, before every @ and inside `www.` breaks
those patterns without changing what the reader sees.
"""

from __future__ import annotations

import re

from components.model.concepts import HTTPS_URL

# CommonMark's punctuation escapes, plus Streamlit's own: ":" (emoji shortcodes, :color[] directives)
# and "$" (LaTeX).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")
WORD_JOINER = "\u2060"
_REWRITTEN_AFTER_PARSING = re.compile(r"(?<=:)|(?=@)|(?<=@)|(?<=www)(?=\\\.)", re.IGNORECASE)
# Every way of starting a new line: a line break in the text would start a new Markdown block.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def text(value: str) -> str:
    """`value` as literal text inside st.markdown, a label or a caption, on one line."""
    return _unindented(_escaped(value))


def _escaped(value: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", value))
    return _REWRITTEN_AFTER_PARSING.sub(WORD_JOINER, escaped)


def _unindented(markdown: str) -> str:
    """Markdown that starts no code block: an indent (a tab, four spaces) is put after a word joiner."""
    return WORD_JOINER + markdown if markdown[:1] in (" ", "\t") else markdown


def link(label: str, url: str | None) -> str:
    """A markdown link to a whole https address, or the plain label when there is none.

    The address goes in angle brackets, where nothing but `<`, `>` and a line break could end it, and
    a valid address has none of them (model.HTTPS_URL); anything else is shown as text, unlinked.
    """
    if not url or not HTTPS_URL.fullmatch(url):
        return text(label)
    return f"[{text(label)}](<{url}>)"


_EMPHASIS = re.compile(r"(\*\*[^*\n]+\*\*|\*[^*\n]+\*)")


def emphasis(value: str) -> str:
    """`value` as literal text but for *italic* and **bold**: the one markup a tour step may use."""
    parts = []
    for part in _EMPHASIS.split(_LINE_BREAKS.sub(" ", value)):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            parts.append(f"**{_escaped(part[2:-2])}**")
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            parts.append(f"*{_escaped(part[1:-1])}*")
        else:
            parts.append(_escaped(part))
    return _unindented("".join(parts))
