"""Explaining the connections, in the browser: a path lit on the map, a shift-click asking the way, a cell of
the facet comparison selecting its relation, the evidence view. Screenshots left in test-artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import SETTLED, new_page, open_at
from playwright.sync_api import Browser, Page, expect

SIZE = (1440, 900)


def view(page: Page, script: str, arg=None):
    return page.locator(".atlas-network").evaluate(script, arg)


def test_a_path_is_lit_on_the_map_one_route_at_a_time(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, SIZE), app, "?panel=path&path=tpj&path=prosocial_concern")
    expect(page.get_by_role("radio", name=re.compile(r"Route 3 · \d steps · loose"))).to_be_visible()
    expect(
        page.get_by_role("button", name=re.compile(r"^Temporoparietal junction is part of Mentalizing system"))
    ).to_be_visible()
    page.wait_for_selector(SETTLED)
    first = set(view(page, "el => el.atlas.lit()"))
    assert {"tpj", "prosocial_concern", "mentalizing_system"} <= first
    canvas = page.locator(".atlas-canvas").bounding_box()
    for concept in first:  # the route is framed, every concept of it named, no name over another
        point = view(page, "(el, id) => el.atlas.nodePosition(id)", concept)
        assert 0 < point["x"] < canvas["width"]
        assert 0 < point["y"] < canvas["height"]
    names = view(page, "el => el.atlas.labels()")
    assert first <= {name["id"] for name in names}
    boxes = [(n["x"], n["y"], n["x"] + n["width"], n["y"] + n["height"]) for n in names]
    assert not [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    page.screenshot(path=artifacts / "connections-path.png")
    page.get_by_role("radio", name=re.compile(r"Route 3 ")).click()
    expect(page).to_have_url(re.compile("route=3"))
    page.wait_for_selector(SETTLED)
    third = set(view(page, "el => el.atlas.lit()"))
    assert {"tpj", "mentalizing", "empathy", "prosocial_concern"} == third  # one route lit at a time
    expect(page.get_by_text("a loose link", exact=False)).to_be_attached()
    page.context.close()


def test_a_shift_click_asks_the_way_from_the_selection(browser: Browser, app):
    page = open_at(new_page(browser, SIZE), app, "?selected=tpj")
    page.wait_for_selector(SETTLED)
    canvas = page.locator(".atlas-network canvas").bounding_box()
    point = view(page, "(el, id) => el.atlas.nodePosition(id)", "mentalizing")
    page.keyboard.down("Shift")
    page.mouse.click(canvas["x"] + point["x"], canvas["y"] + point["y"])
    page.keyboard.up("Shift")
    expect(page).to_have_url(re.compile(r"path=tpj&path=mentalizing"))
    expect(page.get_by_role("radio", name="Path")).to_be_checked()
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:tpj")  # still selected
    page.context.close()


def test_a_cell_of_the_comparison_selects_its_relation(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, SIZE), app, "?panel=compare")
    grid = page.locator(".st-key-compare_grid")
    expect(grid.get_by_text("Brain regions by facet", exact=False)).to_be_visible()
    page.screenshot(path=artifacts / "connections-compare.png")
    # The anterior cingulate cortex is joined to experience sharing (the first facet) by one relation.
    grid.locator("[class*='-experience_sharing-acc']").get_by_role("button", name=re.compile("refs?$")).first.click()
    expect(page).to_have_url(re.compile(r"selected=(acc|[a-z_]+%7C[a-z_]+%7Cacc)(&|$)"))
    page.context.close()


def test_no_name_in_the_comparison_is_cut(browser: Browser, app):
    """Its headers and row names wrap: none is clipped ("Experienc", "Anterior cingulate cort"), at a
    projector's size and on a phone."""
    for size in ((1280, 720), (390, 844)):
        page = open_at(new_page(browser, size), app, "?panel=compare")
        names = page.locator(".st-key-compare_grid [data-testid=stMarkdownContainer] p")
        expect(names.first).to_be_attached()
        texts = names.all_inner_texts()
        assert "Experience sharing" in texts
        assert "Anterior cingulate cortex" in texts
        clipped = names.evaluate_all("ps => ps.filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.innerText)")
        assert clipped == [], size
        page.context.close()


def test_the_evidence_view(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, SIZE), app, "?panel=evidence")
    expect(page.get_by_text("How firmly the relations stand")).to_be_visible()
    expect(page.locator(".atlas-legend")).to_contain_text("Tentative")  # the line styles explained on the map
    page.screenshot(path=artifacts / "connections-evidence.png")
    page.context.close()
