"""The map is the page: it fills the first screen, its names are readable and never overlap, it presents
in large type, it works by keyboard and on a phone, and axe-core finds nothing serious. Screenshots of
each view are left in test-artifacts/ to be looked at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import SETTLED, new_page, open_at
from playwright.sync_api import Browser, Page, expect

SCREENS = [(1280, 720), (1440, 900), (1920, 1080)]


def view(page: Page, script: str, arg=None):
    return page.locator(".atlas-network").evaluate(script, arg)


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
    ]  # fmt: skip


@pytest.mark.parametrize("size", SCREENS, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_fills_the_first_screen_with_readable_names(browser: Browser, app, size, scheme, artifacts: Path):
    page = open_at(new_page(browser, size, color_scheme=scheme), app)
    width, height = size
    canvas = page.locator(".atlas-canvas").bounding_box()
    assert canvas["y"] + canvas["height"] <= height  # the whole canvas without scrolling
    assert canvas["width"] * canvas["height"] >= 0.6 * width * height
    title = page.get_by_role("heading", level=1).bounding_box()
    assert title["height"] < 45  # one line
    promised = view(page, "el => el.atlas.promised()")
    assert len(promised) >= 30
    assert [p["label"] for p in promised if p["size"] < 12] == []  # every landmark and the 30 most connected
    labels = view(page, "el => el.atlas.labels()")
    assert overlapping(labels) == []
    for label in labels:  # wrapped between words only: every line is whole words of the name
        words = view(page, "(el, id) => el.atlas.label(id)", label["id"]).split()
        assert [word for line in label["lines"] for word in line.split()] == words
    assert any(len(label["lines"]) > 1 for label in labels)
    page.screenshot(path=artifacts / f"page-{width}x{height}-{scheme}.png")
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_shows_the_map_first_then_the_details_and_a_way_back(browser: Browser, app, scheme, artifacts: Path):
    page = open_at(
        new_page(browser, (390, 844), color_scheme=scheme, is_mobile=True, has_touch=True), app, "?selected=tpj"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    heading = page.get_by_role("heading", name="Temporoparietal junction", exact=True)
    assert page.locator(".atlas-canvas").bounding_box()["y"] < heading.bounding_box()["y"]
    assert overlapping(view(page, "el => el.atlas.labels()")) == []
    page.screenshot(path=artifacts / f"page-390x844-{scheme}.png")
    heading.scroll_into_view_if_needed()
    page.get_by_text("Relations (5)").scroll_into_view_if_needed()
    back = page.locator(".atlas-back")
    expect(back).to_be_visible()
    page.screenshot(path=artifacts / f"page-390x844-{scheme}-details.png")
    back.tap()
    expect(page.locator(".atlas-canvas")).to_be_in_viewport()
    page.context.close()


def test_presentation_mode_shows_the_map_and_details_in_large_type(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1280, 720)), app, "?present=1&selected=tpj&contrast=1")
    expect(page.get_by_role("heading", level=1)).to_have_count(0)  # no header
    expect(page.get_by_role("combobox", name="Search")).to_have_count(0)
    body = page.get_by_text("Where the temporal and parietal lobes meet", exact=False)
    assert float(body.evaluate("element => getComputedStyle(element).fontSize").removesuffix("px")) >= 20
    page.screenshot(path=artifacts / "page-present-1280x720.png")
    page.get_by_role("button", name="Exit presentation").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"present="))
    expect(page).to_have_url(re.compile(r"selected=tpj"))
    page.context.close()


def test_the_present_button_opens_presentation_mode_and_the_url_keeps_it(browser: Browser, app):
    page = open_at(new_page(browser, (1440, 900)), app, "?selected=mentalizing")
    page.get_by_role("button", name="Present").click()
    expect(page).to_have_url(re.compile(r"present=1"))
    expect(page.get_by_role("button", name="Exit presentation")).to_be_visible()
    page.context.close()


def test_the_tab_has_the_maps_title_and_the_apps_own_icon(browser: Browser, app):
    page = open_at(new_page(browser, (1280, 720)), app)
    expect(page).to_have_title("Empathy Atlas")  # the map's meta.title
    icon = page.locator("link[rel~=icon]").first
    expect(icon).to_have_attribute("href", re.compile(r"^data:image/svg\+xml;base64,"))  # no request at all
    page.context.close()


def test_the_keyboard_moves_opens_clears_fits_and_zooms(browser: Browser, app):
    page = open_at(new_page(browser, (1440, 900)), app)
    page.locator(".atlas-canvas").focus()
    page.keyboard.press("ArrowRight")
    first = view(page, "el => el.atlas.cursor()")
    assert first
    expect(page.locator(".atlas-announce")).to_contain_text("Enter opens it")
    for key in ("ArrowUp", "ArrowLeft", "ArrowDown", "ArrowRight"):
        page.keyboard.press(key)
        cursor = view(page, "el => el.atlas.cursor()")
        if cursor != first:
            break
    assert cursor != first, "no arrow moved to a neighbour"
    page.keyboard.press("Enter")
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", f"concept:{cursor}")
    expect(page).to_have_url(re.compile(rf"selected={cursor}"))
    expect(page.locator(".atlas-announce")).to_contain_text("Selected")
    page.wait_for_selector(SETTLED)
    before = view(page, "el => el.atlas.scale()")
    page.keyboard.press("+")
    page.wait_for_function(
        "([el, s]) => el.atlas.scale() > s * 1.1", arg=[page.locator(".atlas-network").element_handle(), before]
    )
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.keyboard.press("Escape")
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "")
    expect(page).not_to_have_url(re.compile(r"selected="))
    page.keyboard.press("f")
    page.wait_for_selector(SETTLED)
    canvas = page.locator(".atlas-canvas").bounding_box()
    for node in ("experience_sharing", "mentalizing", "prosocial_concern"):
        point = view(page, "(el, id) => el.atlas.nodePosition(id)", node)
        assert 0 < point["x"] < canvas["width"]
        assert 0 < point["y"] < canvas["height"]
    page.context.close()


def test_tooltips_keep_clear_of_the_selection_and_go_when_the_pointer_leaves(browser: Browser, app):
    page = open_at(new_page(browser, (1440, 900)), app, "?selected=tpj")
    canvas = page.locator(".atlas-network canvas").bounding_box()
    neighbours = ["mentalizing", "mentalizing_system", "default_mode_network", "mental_state_attribution"]
    for neighbour in neighbours:
        point = view(page, "(el, id) => el.atlas.nodePosition(id)", neighbour)
        page.mouse.move(canvas["x"] + point["x"], canvas["y"] + point["y"])
        expect(page.locator(".atlas-tip")).to_be_visible()
        tip = view(page, "el => el.atlas.tipBox()")
        for shown in ["tpj", *neighbours]:
            at = view(page, "(el, id) => el.atlas.nodePosition(id)", shown)
            inside = tip["x"] <= at["x"] <= tip["x"] + tip["width"] and tip["y"] <= at["y"] <= tip["y"] + tip["height"]
            assert not inside, f"the tooltip covers {shown}"
    page.mouse.move(canvas["x"] + canvas["width"] + 50, canvas["y"] + 10)  # off the map
    expect(page.locator(".atlas-tip")).to_be_hidden()
    page.context.close()


def test_a_tap_selects_and_opens_no_tooltip(browser: Browser, app):
    page = open_at(new_page(browser, (1280, 800), has_touch=True), app)
    canvas = page.locator(".atlas-network canvas").bounding_box()
    point = view(page, "(el, id) => el.atlas.nodePosition(id)", "tpj")
    page.touchscreen.tap(canvas["x"] + point["x"], canvas["y"] + point["y"])
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:tpj")
    expect(page.locator(".atlas-tip")).to_be_hidden()
    page.context.close()


def test_a_near_miss_on_a_relation_still_selects_it(browser: Browser, app):
    page = open_at(new_page(browser, (1440, 900)), app, "?selected=tpj&depth=1")
    relation = "mentalizing|engages|tpj"
    point = view(page, "(el, id) => el.atlas.edgePosition(id)", relation)
    canvas = page.locator(".atlas-network canvas").bounding_box()
    for dx, dy in ((6, 0), (-6, 0), (0, 6), (0, -6)):  # several pixels off the line
        x, y = point["x"] + dx, point["y"] + dy
        if view(page, "(el, p) => el.atlas.nodeAt(p)", {"x": x, "y": y}) is None:
            page.mouse.click(canvas["x"] + x, canvas["y"] + y)
            break
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", f"relation:{relation}")
    page.context.close()


def test_filters_refit_the_map_and_the_legend_counts_what_is_shown(browser: Browser, app):
    page = open_at(new_page(browser, (1440, 900)), app)
    page.get_by_role("button", name="Filters").click()
    page.get_by_role("combobox", name="Kinds").click()
    page.get_by_role("option", name="Brain regions").click()
    page.keyboard.press("Escape")
    expect(page.locator(".atlas-legend")).to_have_text(
        re.compile(r"^\s*Brain regions 16(Established|Tentative|Interpretive)*\s*$")
    )
    page.wait_for_selector(SETTLED)
    canvas = page.locator(".atlas-canvas").bounding_box()
    shown = view(page, "el => el.atlas.shownBox()")  # the sixteen, refitted to fill the canvas
    assert shown["left"] > 0
    assert shown["top"] > 0
    assert shown["right"] < canvas["width"]
    assert shown["bottom"] < canvas["height"]
    filled = max(
        (shown["right"] - shown["left"]) / canvas["width"], (shown["bottom"] - shown["top"]) / canvas["height"]
    )
    assert filled > 0.6
    page.context.close()


def test_a_reference_lights_up_on_the_map_on_the_same_screen(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1440, 900)), app)
    page.get_by_role("radio", name="References").click()
    table = page.get_by_role("region", name="The paper's references")
    expect(table).to_be_visible()
    box = table.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 35 * 1 + 17)  # the row selector of reference no. 2
    expect(page).to_have_url(re.compile(r"ref=gallese2004"))
    expect(page.get_by_text("lit up on the map")).to_be_in_viewport()
    expect(page.locator(".atlas-canvas")).to_be_in_viewport()
    lit = view(page, "el => el.atlas.lit()")
    assert lit  # the concepts the reference supports are in full colour, the rest faded
    page.screenshot(path=artifacts / "page-references-1440x900.png")
    page.context.close()


def test_the_outline_selects_on_the_map_by_keyboard(browser: Browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1440, 900)), app, "?panel=outline")
    section = page.locator(".st-key-side_panel summary").filter(has_text="Mentalizing")
    section.focus()
    page.keyboard.press("Enter")  # open its section, by keyboard too
    concept = page.get_by_role("button", name="Temporoparietal junction (TPJ)")
    concept.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"selected=tpj"))
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:tpj")
    page.screenshot(path=artifacts / "page-outline-1440x900.png")
    page.context.close()


@pytest.mark.parametrize("query", ["", "?selected=tpj", "?panel=references&ref=singer2004", "?panel=outline",
                                   "?present=1&selected=tpj", "?present=1&contrast=1",
                                   "?panel=path&path=tpj&path=prosocial_concern", "?panel=compare",
                                   "?panel=evidence", "?selected=prosocial_concern%7Cengages%7Cvmpfc"])  # fmt: skip
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_problem(browser: Browser, app, query, scheme):
    page = open_at(new_page(browser, (1440, 900), color_scheme=scheme), app, query)
    violations = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')[:200]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert violations == []
    page.context.close()


@pytest.mark.parametrize("popover", ["Filters", "About"])
def test_axe_finds_no_serious_problem_in_the_popovers(browser: Browser, app, popover):
    for scheme in ("light", "dark"):
        page = open_at(
            new_page(browser, (1440, 900), color_scheme=scheme),
            app,
            "?kinds=region&facets=mentalizing&depth=2&selected=tpj",
        )
        page.get_by_role("button", name=re.compile(rf"^{popover}")).click()
        page.wait_for_timeout(500)
        violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        assert violations == [], scheme
        page.context.close()
