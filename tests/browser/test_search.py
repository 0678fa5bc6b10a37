"""The search box finds what people type, in the page: plurals, small typos and word order forgiven, and
what is meant listed first (the options read in order from the listbox)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from helpers import new_page, open_at
from playwright.sync_api import Browser, Page, expect


def opened(browser: Browser, app) -> Iterator[Page]:
    page = open_at(new_page(browser, (1440, 900)), app)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def paper(browser: Browser, app) -> Iterator[Page]:
    """The paper's map, opened once for this module's searches."""
    yield from opened(browser, app)


def options_for(page: Page, typed: str) -> list[str]:
    """What the listbox offers for `typed`, in order."""
    box = page.get_by_role("combobox", name="Search")
    box.fill(typed)
    listed = page.get_by_role("listbox", name="Matching concepts and relations")
    expect(listed).to_be_visible()
    expect(listed.get_by_role("option").first).to_be_visible()
    return listed.get_by_role("option").all_inner_texts()


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("mirror neurons", "Mirror neuron system (MNS)"),  # a plural; the name starts with it
        ("theory of mind", "Mentalizing"),  # an older name of it, typed exactly
        ("insula", "Anterior insula (AI)"),  # one word of the name
        ("temporoparietl junction", "Temporoparietal junction (TPJ)"),  # a typo
        ("junction temporoparietal", "Temporoparietal junction (TPJ)"),  # the words the other way round
    ],
)
def test_what_is_typed_finds_what_is_meant_first(paper: Page, typed: str, first: str):
    listed = options_for(paper, typed)
    assert listed[0].startswith(f"{first} ·"), listed[:4]


def test_an_older_name_typed_exactly_comes_before_a_name_containing_its_words(paper: Page):
    listed = options_for(paper, "theory of mind")
    names = [option.split(" · ")[0] for option in listed]
    assert names.index("Mentalizing") < names.index("Theory-theory of mind")


def test_enter_chooses_the_first_and_selects_it_on_the_map(paper: Page):
    options_for(paper, "mirror neurons")
    paper.get_by_role("combobox", name="Search").press("Enter")
    expect(paper.locator(".atlas-network")).to_have_attribute("data-selected", "concept:mirror_system")
    expect(paper.get_by_role("heading", name="Mirror neuron system", exact=True)).to_be_visible()


def test_on_another_topics_map(browser: Browser, example_app):
    for page in opened(browser, example_app):
        assert options_for(page, "phonological loops")[0].startswith("Phonological loop ·")
        assert re.match(r"Visuospatial sketchpad", options_for(page, "sketchpd")[0])
