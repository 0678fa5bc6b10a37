"""User stories in the browser: the map is drawn, clicks and searches select, the page stays offline."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from helpers import SETTLED, new_page, open_at
from playwright.sync_api import Browser, Page, expect


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
    open_at(page, app)
    assert painted_share(page) > 0.01
    expect(page.locator(".atlas-legend")).to_contain_text("Facets")
    expect(page.locator(".atlas-legend")).to_contain_text("Brain regions")
    page.screenshot(path=artifacts / "explorer.png")
    assert offline == []
    assert console_errors == []


def test_clicking_a_node_shows_its_details(page: Page, app, console_errors: list[str]):
    open_at(page, app)
    click_node(page, "tpj")
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    expect(page.get_by_text("MNI coordinates:")).to_be_visible()
    expect(page).to_have_url(re.compile(r"selected=tpj"))
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:tpj")
    page.wait_for_selector(SETTLED)
    box = page.locator(".atlas-canvas").bounding_box()  # framed with its neighbours, as a search frames it
    for concept in ("tpj", "mentalizing", "mentalizing_system", "default_mode_network", "mental_state_attribution"):
        point = view_state(page, "(el, id) => el.atlas.nodePosition(id)", concept)
        assert 0 < point["x"] < box["width"]
        assert 0 < point["y"] < box["height"]
    assert console_errors == []


def test_clicking_an_edge_shows_the_claim(page: Page, app):
    open_at(page, app, "?selected=tpj&depth=1")  # few edges near the one to click
    page.mouse.click(*canvas_point(page, "(el, id) => el.atlas.edgePosition(id)", "mentalizing|engages|tpj"))
    expect(details_heading(page, "Relation")).to_be_visible()
    expect(page).to_have_url(re.compile(r"selected=mentalizing%7Cengages%7Ctpj"))


def test_clicking_the_background_clears_the_selection(page: Page, app):
    open_at(page, app, "?selected=tpj")
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    page.mouse.click(*canvas_point(page, "el => el.atlas.emptyPoint()", None))
    expect(details_heading(page, "Start here")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"selected="))  # retried: the URL is written after the rerun


def test_search_selects_and_centres_without_reloading_the_view(page: Page, app):
    library_loads: list[str] = []
    page.on("request", lambda request: library_loads.append(request.url) if "vis-network" in request.url else None)
    open_at(page, app)
    page.locator(".atlas-network canvas").evaluate("canvas => { canvas.dataset.mark = 'first' }")
    search = page.get_by_role("combobox", name="Search")
    search.click()
    search.fill("TPJ")
    page.get_by_role("option", name=re.compile(r"^Temporoparietal junction \(TPJ\)")).click()
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    page.wait_for_selector('.atlas-network[data-selected="concept:tpj"]:not([data-animating=true])')
    x, y = canvas_point(page, "(el, id) => el.atlas.nodePosition(id)", "tpj")
    box = page.locator(".atlas-canvas").bounding_box()  # framed with its neighbours: well inside the canvas
    assert box["x"] + 0.1 * box["width"] < x < box["x"] + 0.9 * box["width"]
    assert box["y"] + 0.1 * box["height"] < y < box["y"] + 0.9 * box["height"]
    assert page.locator(".atlas-network canvas").get_attribute("data-mark") == "first"  # same canvas, not rebuilt
    assert len(library_loads) == 1


def test_a_search_choice_is_on_the_map_before_the_server_answers(page: Page, app):
    held: list[str | bytes] = []  # what the server sent while held back
    pipe: dict = {"hold": False, "page": None}

    def route(socket) -> None:
        pipe["page"] = socket
        server = socket.connect_to_server()

        def from_server(message: str | bytes) -> None:
            if pipe["hold"]:
                held.append(message)
            else:
                socket.send(message)

        server.on_message(from_server)

    page.route_web_socket(re.compile(r"_stcore/stream"), route)
    open_at(page, app)
    search = page.get_by_role("combobox", name="Search")
    search.fill("TPJ")
    option = page.get_by_role("option", name=re.compile(r"^Temporoparietal junction \(TPJ\)"))
    option.wait_for()
    pipe["hold"] = True
    option.click()
    page.wait_for_selector('.atlas-network[data-selected="concept:tpj"]:not([data-animating=true])')
    x, y = canvas_point(page, "(el, id) => el.atlas.nodePosition(id)", "tpj")
    box = page.locator(".atlas-canvas").bounding_box()  # framed on it already
    assert box["x"] + 0.1 * box["width"] < x < box["x"] + 0.9 * box["width"]
    assert box["y"] + 0.1 * box["height"] < y < box["y"] + 0.9 * box["height"]
    expect(details_heading(page, "Temporoparietal junction")).not_to_be_visible()  # the server is held back
    while held:  # in order: what comes meanwhile joins the queue
        pipe["page"].send(held.pop(0))
    pipe["hold"] = False
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()


def test_filters_hide_nodes_without_moving_the_rest(page: Page, app):
    open_at(page, app)
    before = view_state(page, "el => el.atlas.node('tpj')")
    page.get_by_role("button", name="Filters").click()
    page.get_by_role("combobox", name="Kinds").click()
    page.get_by_role("option", name="Brain regions").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"kinds=region"))
    wait_until(page, "el => el.atlas.node('mentalizing').hidden === true")
    assert view_state(page, "el => el.atlas.node('tpj').hidden") is False
    after = view_state(page, "el => el.atlas.node('tpj')")
    assert (after["x"], after["y"]) == pytest.approx((before["x"], before["y"]), abs=1)  # on the map, not moved


def test_hostile_text_is_shown_as_text(
    page: Page, hostile_app, console_errors: list[str], offline: list[str], artifacts: Path
):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_at(page, hostile_app, "?selected=facet_one")
    expect(page.get_by_text("<script>alert('summary')</script>", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Facet <img src=x onerror=alert('label')>")).to_be_visible()
    # Bare addresses, e-mails and icon shortcodes stay text: exactly the map's words, nothing clickable.
    summary = page.get_by_text("Bare links:", exact=False).inner_text().replace("\u2060", "")  # invisible joiners
    assert (
        "Bare links: http://plain.example/p, www.www.example, mail@mail.example, mailto:to@mailto.example, "
        ":material/warning: icon." in summary
    )
    page.get_by_role("button", name="About").click()  # the map's source is cited there
    expect(page.get_by_text("Based on")).to_be_visible()
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
    assert {href for href in hrefs if not href.startswith(hostile_app.url)} == {
        "https://doi.org/10.1000/evil",  # the map's source and its references: their links, and no others
        "https://doi.org/10.1000/evil%3Cscript%3E",
        "https://example.org/formulas",
    }
    assert page.locator("[data-testid=stMain] [data-testid=stIconMaterial]").filter(has_text="warning").count() == 0
    # A carriage return does not start a new block (an indented line would become a code block).
    assert page.locator("[data-testid=stMain] pre").filter(has_text="an indented line").count() == 0
    page.screenshot(path=artifacts / "hostile.png", full_page=True)
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []
    assert console_errors == []
    assert offline == []
    assert hostile_app.outbound_connections() == []


@pytest.mark.parametrize("query", ["?panel=tour&tour=hostile_tour&step=1", "?panel=compare&view=hostile_view"])
def test_hostile_tours_and_views_run_nothing_and_fetch_nothing(
    page: Page, hostile_app, query: str, console_errors: list[str], offline: list[str]
):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_at(page, hostile_app, query)
    shown = "Step <script>alert('step')</script>" if "tour" in query else "View <script>alert('view')</script> **bold**"
    expect(page.get_by_text(shown, exact=False).first).to_be_visible()
    page.wait_for_timeout(500)  # an injected image or script would have fired by now
    assert page.locator("[data-testid=stMain] img, [data-testid=stSidebar] img").count() == 0
    assert page.locator("a[href^='javascript'], a[href^='http:'], a[href^='data:']").count() == 0
    assert dialogs == []
    assert console_errors == []
    assert offline == []


def test_dark_theme_labels_are_light(browser, app, artifacts: Path):
    page = open_at(new_page(browser, (1500, 1000), color_scheme="dark"), app)
    color = page.locator(".atlas-network").evaluate("el => el.atlas.theme().text")
    red, green, blue = (
        (int(part) for part in re.findall(r"\d+", color)[:3])
        if "rgb" in color
        else (int(color[i : i + 2], 16) for i in (1, 3, 5))
    )
    assert (0.299 * red + 0.587 * green + 0.114 * blue) / 255 > 0.6
    page.screenshot(path=artifacts / "explorer-dark.png")
    page.context.close()


def rename_on_save(page: Page, live: Path, original: str) -> None:
    """Save the map with the TPJ renamed, and see the page show the new name by itself."""
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible()
    live.write_text(original.replace("Temporoparietal junction", "Temporo-parietal junction"))
    expect(details_heading(page, "Temporo-parietal junction")).to_be_visible(timeout=15_000)


def test_a_broken_save_keeps_the_selection(page: Page, live_app):
    """Edit a label, then save a broken file: the last valid map stays, and so does all the user chose."""
    app, live, original = live_app
    open_at(page, app, "?selected=tpj&kinds=region&kinds=facet")
    rename_on_save(page, live, original)
    live.write_text(
        original.replace("Temporoparietal junction", "Temporo-parietal junction").replace("summary:", "sumary:")
    )
    expect(page.get_by_text("Still showing the last valid map")).to_be_visible(timeout=15_000)
    expect(details_heading(page, "Temporo-parietal junction")).to_be_visible()
    expect(page).to_have_url(re.compile(r"selected=tpj"))
    expect(page).to_have_url(re.compile(r"kinds=region"))
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:tpj")
    live.write_text(original)
    expect(details_heading(page, "Temporoparietal junction")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Still showing the last valid map")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"selected=tpj"))


def test_a_save_is_noticed_with_streamlits_file_watcher_on_too(page: Page, watched_app):
    """Streamlit's watcher is off by default (see .streamlit/config.toml); `make dev` turns it on."""
    app, live, original = watched_app
    open_at(page, app, "?selected=tpj")
    rename_on_save(page, live, original)


def test_another_papers_map_has_its_own_words(page: Page, example_app, artifacts: Path):
    open_at(page, example_app)
    expect(page.get_by_role("heading", name="Working Memory Atlas")).to_be_visible()
    expect(page.get_by_text("The four components of Baddeley's model:")).to_be_visible()
    expect(page).to_have_title("Working Memory Atlas")
    page.screenshot(path=artifacts / "example-map.png")
    assert not re.search(r"empath", page.locator("body").inner_text(), re.IGNORECASE)


def test_an_unexpected_error_shows_a_plain_message_and_logs_the_details(page: Page, failing_app):
    page.goto(failing_app.url)
    expect(page.get_by_text("This app has encountered an error")).to_be_visible(timeout=30_000)
    assert "secret" not in page.locator("body").inner_text()
    assert "RuntimeError" not in page.locator("body").inner_text()
    assert "/secret/path" in failing_app.log.read_text()  # the details are in the server's log


def test_a_page_no_test_asked_of_has_no_test_hooks(browser: Browser, app):
    """The view's test hooks (testing.js) load only when a test asks, before the page starts; not otherwise."""
    requested: list[str] = []
    page = browser.new_page()  # not a context of the tests' own (conftest.py): no window.__atlasTest
    page.on("request", lambda request: requested.append(request.url))
    open_at(page, app)
    assert page.locator(".atlas-network").evaluate("el => el.atlas === undefined")
    assert [url for url in requested if url.endswith("/network.js")]
    assert not [url for url in requested if url.endswith("/testing.js")]
    page.close()
