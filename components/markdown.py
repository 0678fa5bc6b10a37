"""Map text made safe for Streamlit's markdown: every character that could become markup is escaped."""

from __future__ import annotations

import re

# CommonMark's punctuation escapes, plus Streamlit's own: ":" (emoji shortcodes, :color[] directives)
# and "$" (LaTeX).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")


def text(value: str) -> str:
    """`value` as literal text inside st.markdown, a label or a caption."""
    return _SPECIAL.sub(r"\\\1", value).replace("\n", " ")


def link(label: str, url: str | None) -> str:
    """A markdown link to an https address, or the plain label when there is none."""
    if not url or not url.startswith("https://"):
        return text(label)
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{text(label)}]({safe_url})"
