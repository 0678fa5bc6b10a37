"""Map text in Streamlit's markdown: escaped so it is shown as exactly the text it is; links only to whole
https addresses. (What the browser finally draws is checked in tests/browser: test_hostile_*.)"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from components.text.markdown import WORD_JOINER, link, text

COMMONMARK = MarkdownIt("commonmark")


def shown(markdown: str) -> str:
    """What a reader sees: escapes read, the invisible word joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.mark.parametrize(
    "value",
    [
        "**bold** _it_ `code` [x](javascript:alert(1)) <b>tag</b> # heading",
        ":red[coloured] :material/warning: :smile: $x^2$ ~~gone~~",
        "see www.example.org, http://a.b/x, HTTPS://c.d and a@b.co or mailto:e@f.gh",
        "1. not a list | not | a table",
    ],
)
def test_text_reads_back_as_itself(value):
    assert shown(text(value)) == value


def rendered(markdown: str) -> tuple[str, str]:
    """What a CommonMark reader (markdown-it) makes of `markdown`: its HTML, and the text a browser shows,
    whitespace collapsed and the invisible word joiners gone."""
    page = COMMONMARK.render(markdown)
    return page, collapsed(html.unescape(re.sub(r"<[^>]*>", "", page)).replace(WORD_JOINER, ""))


def collapsed(value: str) -> str:
    """Whitespace as a browser shows it: runs of space, tab and line breaks as one space, none at the ends."""
    return re.sub(r"[ \t\n\r\f]+", " ", value).strip()


# Streamlit's reader, like CommonMark's, shows U+0000 as U+FFFD.
# The word joiners `text` writes are invisible and taken out of what is read back, so a value's own are too.
@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
@example("\u2060")
def test_text_reads_back_as_itself_in_a_commonmark_reader(value):
    page, shown_text = rendered(text(value))
    shown_value = re.sub(r"[\v\x1c-\x1e\x85\u2028\u2029]", " ", value).replace(WORD_JOINER, "")
    assert shown_text == collapsed(shown_value)
    assert page.count("<p>") <= 1  # one paragraph: no heading, list, quote or code block
    assert "<pre>" not in page


@pytest.mark.parametrize("value", ["\t=1", "    =1", " \t x", "\n\t=1"])
def test_text_that_starts_with_a_tab_or_an_indent_is_no_code_block(value):
    page, shown_text = rendered(text(value))
    assert "<pre>" not in page
    assert shown_text == collapsed(value)


def test_every_punctuation_mark_is_escaped():
    assert not re.search(r"(?<!\\)[*_`\[\]()<>#$:|~!]", text("*_`[]()<>#$:|~!"))


@pytest.mark.parametrize(
    ("value", "pattern"),
    [
        ("http://evil.example", r"http:/"),  # a bare address becomes a link after parsing, escaped or not
        ("https://evil.example", r"https:/"),
        ("www.evil.example", r"www\\\."),
        ("someone@evil.example", r"\w@\w"),
        (":material/warning:", r":material"),  # an icon shortcode
        (":smile:", r":smile"),
    ],
)
def test_what_streamlit_rewrites_after_parsing_is_broken_up(value, pattern):
    assert not re.search(pattern, text(value))


@pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\v", "\f", "\u2028", "\u2029", "\x85"])
def test_text_stays_on_one_line(breaker):
    """A line break, \\r included, would start a new Markdown block (an indented one is a code block)."""
    assert text(f"first{breaker}    second") == "first     second"


def test_a_link_puts_a_whole_https_address_in_angle_brackets():
    assert link("the paper", "https://doi.org/10.1016/S0140-6736(05)70001-1") == (
        "[the paper](<https://doi.org/10.1016/S0140-6736(05)70001-1>)"
    )


@pytest.mark.parametrize(
    "url",
    [
        None,
        "http://example.org",
        "javascript:alert(1)",
        "data:text/html,<script>",
        "https://example.org/ok\n\n[r1]:http://evil.example/p.png\n\n![x][r1]",
        "https://example.org/a> ![x](http://evil.example/p.png)",
    ],
)
def test_anything_but_a_whole_https_address_is_shown_as_plain_text(url):
    assert link("the [paper]", url) == text("the [paper]")


def test_emphasis_keeps_italic_and_bold_and_nothing_else():
    from components.text.markdown import emphasis

    marked = emphasis("The **perceiver** and the *target*: [link](javascript:x) <b>tag</b> www.example.org")
    assert marked.startswith("The **perceiver** and the *target*")
    assert "[link](javascript" not in marked
    assert r"\<b\>" in marked
    assert not re.search(r"www\\\.", marked)  # the bare address is broken up like any map text
