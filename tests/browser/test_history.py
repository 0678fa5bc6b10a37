"""The browser's Back and Forward walk through the views: selections, panels and tour steps are each an entry
in its history, and going back to one restores it (before, Back changed the address and nothing else)."""

from __future__ import annotations

import re

from helpers import SETTLED, new_page, open_at
from playwright.sync_api import Browser, Page, expect


def click_concept(page: Page, concept: str) -> None:
    page.wait_for_selector(SETTLED)
    root = page.locator(".atlas-network")
    page.locator(".atlas-network [data-action=fit]").click()
    page.wait_for_selector(SETTLED)
    point = root.evaluate("(el, id) => el.atlas.nodePosition(id)", concept)
    box = page.locator(".atlas-network canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(root).to_have_attribute("data-selected", f"concept:{concept}")
    expect(page).to_have_url(re.compile(f"selected={concept}"))


def shows(page: Page, selected: str, panel: str) -> None:
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", selected)
    expect(page.get_by_role("radio", name=panel)).to_be_checked()


def test_back_and_forward_walk_through_selections_and_panels(browser: Browser, app) -> None:
    page = open_at(new_page(browser, (1280, 720)), app)
    click_concept(page, "mentalizing")
    expect(page.get_by_role("heading", name="Mentalizing", exact=True)).to_be_visible()
    click_concept(page, "experience_sharing")
    expect(page.get_by_role("heading", name="Experience sharing", exact=True)).to_be_visible()
    page.get_by_role("radio", name="Compare").click()
    expect(page).to_have_url(re.compile("panel=compare"))

    page.go_back()
    shows(page, "concept:experience_sharing", "Details")
    expect(page.get_by_role("heading", name="Experience sharing", exact=True)).to_be_visible()
    page.go_back()
    shows(page, "concept:mentalizing", "Details")
    expect(page.get_by_role("heading", name="Mentalizing", exact=True)).to_be_visible()
    page.go_forward()
    shows(page, "concept:experience_sharing", "Details")
    page.go_forward()
    shows(page, "concept:experience_sharing", "Compare")
    page.go_back()
    page.go_back()
    page.go_back()  # to the view the page opened with: nothing selected, and still the app
    shows(page, "", "Details")
    expect(page).to_have_url(app.url + "/")
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    page.context.close()


def test_back_turns_a_tours_pages_back(browser: Browser, app) -> None:
    page = open_at(new_page(browser, (1280, 720)), app, "?panel=tour&tour=argument&step=1&present=1")
    next_page = page.get_by_role("button", name="Next")
    for step in (2, 3):
        next_page.click()
        expect(page).to_have_url(re.compile(f"step={step}"))
    page.go_back()
    expect(page).to_have_url(re.compile("step=2"))
    expect(page.get_by_text("step 2 of", exact=False)).to_be_visible()
    page.go_back()
    expect(page.get_by_text("step 1 of", exact=False)).to_be_visible()
    page.go_forward()
    expect(page.get_by_text("step 2 of", exact=False)).to_be_visible()
    page.context.close()
