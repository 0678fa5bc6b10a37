"""One renderer: the app's page and the standalone explorer of the same map draw it with the same code, so
the same clicks and searches show the same there and here (what is selected and lit, which names are
drawn and how large at the same view, the legend, the lines, the search's order). Only where the names
sit may differ: the page has Streamlit's font, the explorer the system's."""

from __future__ import annotations

from pathlib import Path

from app_server import ROOT
from helpers import EXPLORER_READY, SETTLED, new_page, open_at, standalone_file
from playwright.sync_api import Browser, Page, expect

QUERIES = ("TPJ", "theory of mind", "insula", "mirror neurons", "empathy", "engages")


def view(page: Page, script: str, arg=None):
    return page.locator(".atlas-network").evaluate(script, arg)


def same_canvas(explorer: Page, page: Page) -> None:
    """The explorer's window sized so that its map's canvas is the page's size."""
    size = "el => [el.querySelector('.atlas-canvas').clientWidth, el.querySelector('.atlas-canvas').clientHeight]"
    want, have = view(page, size), view(explorer, size)
    window = explorer.viewport_size
    assert window is not None
    width, height = window["width"] + want[0] - have[0], window["height"] + want[1] - have[1]
    explorer.set_viewport_size({"width": width, "height": height})
    explorer.wait_for_function(f"document.querySelector('.atlas-canvas').clientWidth === {want[0]}")


def click(page: Page, hook: str, item: str) -> None:
    point = view(page, f"(el, id) => el.atlas.{hook}(id)", item)
    box = page.locator(".atlas-network canvas").bounding_box()
    assert point is not None
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def options(page: Page, query: str) -> list[str]:
    search = page.get_by_role("combobox", name="Search")
    search.fill(query)
    listed = page.get_by_role("listbox")
    expect(listed).to_be_visible()
    found = listed.get_by_role("option").all_inner_texts()
    search.press("Escape")
    return found


def shown(page: Page) -> dict:
    """What the view says it shows: the selection, what is lit, the legend, and the names it promises."""
    return view(
        page,
        """el => ({
        selected: el.atlas.selected(),
        lit: (el.atlas.lit() ?? []).sort(),
        legend: el.atlas.legend(),
        promised: el.atlas.promised(),
    })""",
    )


def test_the_page_and_the_standalone_explorer_show_the_same(browser: Browser, app, tmp_path: Path):
    page = open_at(new_page(browser, (1280, 720)), app)
    explorer = new_page(browser, (1280, 720))
    explorer.goto(standalone_file(tmp_path, ROOT / "concepts.yaml").as_uri())
    explorer.wait_for_selector(EXPLORER_READY)
    same_canvas(explorer, page)

    assert view(explorer, "el => el.atlas.lines()") == view(page, "el => el.atlas.lines()")
    for query in QUERIES:
        assert options(explorer, query) == options(page, query), query

    for hook, item, selected in (
        ("nodePosition", "tpj", "concept:tpj"),
        ("nodePosition", "mentalizing", "concept:mentalizing"),
        ("edgePosition", "mentalizing|engages|tpj", "relation:mentalizing|engages|tpj"),
    ):
        click(page, hook, item)
        expect(page.locator(".atlas-network")).to_have_attribute("data-selected", selected)
        page.wait_for_selector(SETTLED)
        click(explorer, hook, item)
        expect(explorer.locator(".atlas-network")).to_have_attribute("data-selected", selected)
        explorer.wait_for_selector(SETTLED)
        page.wait_for_timeout(400)  # a camera move lasts 250 ms; one may start as the selection's run lands
        page.wait_for_selector(SETTLED)
        camera = view(page, "el => el.atlas.camera()")  # the same view on both: the same names, as large
        for side in (page, explorer):  # both set to it, so a move still under way on either ends here
            view(side, "(el, camera) => el.atlas.moveTo(camera)", camera)
            side.wait_for_timeout(100)  # a frame drawn at the new view
        assert shown(explorer) == shown(page), item
    page.context.close()
    explorer.context.close()
