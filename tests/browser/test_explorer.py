"""User stories in the browser: the map is drawn, clicks and searches select, the page stays offline."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

SETTLED = ".atlas-network[data-settled=true]:not([data-animating=true])"  # laid out and not moving


def open_map(page: Page, app, query: str = "") -> None:
    page.goto(f"{app.url}/{query}")
    page.wait_for_selector(SETTLED, timeout=30_000)


def canvas_point(page: Page, script: str, arg: str) -> tuple[float, float]:
    position = page.locator(".atlas-network").evaluate(script, arg)
    box = page.locator(".atlas-network canvas").bounding_box()
    return box["x"] + position["x"], box["y"] + position["y"]


def click_node(page: Page, node: str) -> None:
    page.mouse.click(*canvas_point(page, "(el, id) => el.atlas.nodePosition(id)", node))


def details_heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


def painted_share(page: Page) -> float:
    """The share of the network canvas's pixels that something was drawn on."""
    return page.locator(".atlas-network canvas").evaluate(
        """canvas => {
            const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
            return painted / (canvas.width * canvas.height);
        }"""
    )


def view_state(page: Page, script: str, arg: str | None = None):
    return page.locator(".atlas-network").evaluate(script, arg)


def wait_until(page: Page, script: str, arg: str | None = None, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not view_state(page, script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(100)


def test_the_map_is_painted_with_a_legend(
    page: Page, app, offline: list[str], console_errors: list[str], artifacts: Path
):
    open_map(page, app)
    assert painted_share(page) > 0.01
    expect(page.locator(".atlas-legend")).to_contain_text("Facets")
    expect(page.locator(".atlas-legend")).to_contain_text("Brain regions")
    page.screenshot(path=artifacts / "explorer.png")
    assert offline == []
    assert console_errors == []


def test_clicking_a_node_shows_its_details(page: Page, app, console_errors: list[str]):
    open_map(page, app)
    click_node(page, "tpj")
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    expect(page.get_by_text("MNI coordinates:")).to_be_visible()
    expect(page).to_have_url(re.compile(r"selected=tpj"))
    assert page.locator(".atlas-network").get_attribute("data-selected") == "node:tpj"
    assert console_errors == []


def test_clicking_an_edge_shows_the_claim(page: Page, app):
    open_map(page, app, "?selected=tpj&depth=1")  # few edges near the one to click
    page.mouse.click(*canvas_point(page, "(el, id) => el.atlas.edgePosition(id)", "mentalizing|engages|tpj"))
    expect(details_heading(page, "Relation")).to_be_visible()
    expect(page).to_have_url(re.compile(r"selected=mentalizing%7Cengages%7Ctpj"))


def test_clicking_the_background_clears_the_selection(page: Page, app):
    open_map(page, app, "?selected=tpj")
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    page.mouse.click(*canvas_point(page, "el => el.atlas.emptyPoint()", None))
    expect(details_heading(page, "Start here")).to_be_visible()
    assert "selected" not in page.url


def test_search_selects_and_centres_without_reloading_the_view(page: Page, app):
    library_loads: list[str] = []
    page.on("request", lambda request: library_loads.append(request.url) if "vis-network" in request.url else None)
    open_map(page, app)
    page.locator(".atlas-network canvas").evaluate("canvas => { canvas.dataset.mark = 'first' }")
    search = page.get_by_role("combobox", name="Search")
    search.click()
    search.fill("TPJ")
    page.get_by_role("option", name=re.compile(r"^Temporoparietal junction \(TPJ\)")).click()
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    page.wait_for_selector('.atlas-network[data-selected="node:tpj"]:not([data-animating=true])')
    x, y = canvas_point(page, "(el, id) => el.atlas.nodePosition(id)", "tpj")
    box = page.locator(".atlas-canvas").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 40
    assert abs(y - (box["y"] + box["height"] / 2)) < 40
    assert page.locator(".atlas-network canvas").get_attribute("data-mark") == "first"  # same canvas, not rebuilt
    assert len(library_loads) == 1


def test_filters_hide_nodes_without_moving_the_rest(page: Page, app):
    open_map(page, app)
    before = page.locator(".atlas-network").evaluate("el => el.atlas.nodePosition('tpj')")
    page.get_by_role("combobox", name="Kinds").click()
    page.get_by_role("option", name="Brain regions").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"kinds=region"))
    wait_until(page, "el => el.atlas.node('mentalizing').hidden === true")
    assert view_state(page, "el => el.atlas.node('tpj').hidden") is False
    after = page.locator(".atlas-network").evaluate("el => el.atlas.nodePosition('tpj')")
    assert after == pytest.approx(before, abs=1)


def test_hostile_text_is_shown_as_text(page: Page, hostile_app, console_errors: list[str]):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(page, hostile_app, "?selected=facet_one")
    expect(page.get_by_text("<script>alert('summary')</script>", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Facet <img src=x onerror=alert('label')>")).to_be_visible()
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []
    assert console_errors == []


def test_dark_theme_labels_are_light(browser, app, artifacts: Path):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    open_map(page, app)
    color = page.locator(".atlas-network").evaluate("el => el.atlas.node('mentalizing').font.color")
    red, green, blue = (
        (int(part) for part in re.findall(r"\d+", color)[:3])
        if "rgb" in color
        else (int(color[i : i + 2], 16) for i in (1, 3, 5))
    )
    assert (0.299 * red + 0.587 * green + 0.114 * blue) / 255 > 0.6
    page.screenshot(path=artifacts / "explorer-dark.png")
    context.close()
