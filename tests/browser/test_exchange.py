"""Exports in the browser: the standalone explorer opened from disk, offline; the Export menu downloads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_server import ROOT
from helpers import DRAWN, EXPLORER_READY, new_page, open_at, standalone_file
from playwright.sync_api import Page, expect

from components.model import load


def test_the_standalone_explorer_works_from_disk_with_the_network_blocked(
    page: Page, tmp_path: Path, console_errors: list[str], artifacts: Path
):
    tried: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (
        tried.append(route.request.url), route.abort()))  # fmt: skip
    page.goto(standalone_file(tmp_path, ROOT / "concepts.yaml").as_uri())
    page.wait_for_selector(EXPLORER_READY)
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    point = page.evaluate("atlasExplorer.nodePosition('tpj')")
    box = page.locator("#map canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page.get_by_role("heading", name="Temporoparietal junction (TPJ)")).to_be_visible()
    citations = page.locator("#details ol.citations li")
    expect(citations.first).to_contain_text("(2009)")
    links = page.locator("#details a[href]").evaluate_all("links => links.map(link => link.href)")
    assert links
    assert all(link.startswith("https://") for link in links)
    page.get_by_role("combobox", name="Search").fill("insula")
    page.get_by_role("option").first.click()
    expect(page.get_by_role("heading", name="Anterior insula (AI)")).to_be_visible()
    page.screenshot(path=artifacts / "standalone.png")
    assert tried == []
    assert console_errors == []


def test_the_standalone_explorer_names_concepts_as_the_page_does(browser, tmp_path: Path, artifacts: Path):
    """At a projector's size, at the starting fit and around a selection: no name over another or over the
    legend, none broken inside a word, every landmark named (the names drawn by the page's own names.js)."""
    the_map = load.load_concepts(ROOT / "concepts.yaml")
    labels = {concept.id: concept.label for concept in the_map.concepts}
    landmarks = {concept.id for concept in the_map.concepts if concept.kind in ("facet", "system", "pitfall", "trend")}
    page = new_page(browser, (1280, 720))
    for hash_, shot in (("", "standalone-fit-1280x720.png"), ("#tpj", "standalone-tpj-1280x720.png")):
        page.goto(standalone_file(tmp_path, ROOT / "concepts.yaml").as_uri() + hash_)
        page.wait_for_selector(EXPLORER_READY)
        page.wait_for_timeout(400)  # the camera's move to the selection
        names = page.evaluate("atlasExplorer.names()")
        assert names
        boxes = [(n["x"], n["y"], n["x"] + n["width"], n["y"] + n["height"]) for n in names]
        legend = page.locator("#map .atlas-legend").bounding_box()
        origin = page.locator("#map canvas").bounding_box()
        under = (legend["x"] - origin["x"], legend["y"] - origin["y"])
        for index, (a, name) in enumerate(zip(boxes, names, strict=True)):
            assert not [b for b in boxes[index + 1 :] if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
            assert not (a[3] > under[1] and a[0] < under[0] + legend["width"] and a[2] > under[0]), name["id"]
            assert " ".join(name["lines"]) == " ".join(labels[name["id"]].split()), name  # words kept whole
        if not hash_:
            assert landmarks <= {name["id"] for name in names}
        page.screenshot(path=artifacts / shot)
    page.context.close()


def test_hostile_text_in_the_standalone_explorer_runs_nothing(page: Page, tmp_path: Path, console_errors: list[str]):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tried: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (
        tried.append(route.request.url), route.abort()))  # fmt: skip
    page.goto(standalone_file(tmp_path, ROOT / "tests" / "data" / "app" / "hostile.yaml").as_uri() + "#facet_one")
    page.wait_for_selector(EXPLORER_READY)
    expect(page.get_by_role("heading", name="Facet <img src=x onerror=alert('label')>")).to_be_visible()
    expect(page.get_by_text("<script>alert('summary')</script>", exact=False)).to_be_visible()
    page.wait_for_timeout(300)
    assert page.locator("img, iframe").count() == 0
    assert page.locator("a[href^='javascript'], a[href^='data:'], a[href^='http:']").count() == 0
    assert dialogs == []
    assert tried == []
    assert console_errors == []


def test_the_export_menu_downloads_the_explorer_of_the_view(page: Page, app):
    open_at(page, app, "?selected=tpj&depth=1", until=DRAWN)
    page.get_by_role("button", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Explorer (HTML)").click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "concepts-view.html"
    text = saved.read_text()
    assert "Content-Security-Policy" in text
    assert '"tpj"' in text
    assert '"empathic_accuracy"' not in text  # the view's six concepts, not the whole map


@pytest.mark.parametrize("address", ["#constructor", "#__proto__", "#toString", "#%E0%A4%A", "#hasOwnProperty"])
def test_an_address_that_names_nothing_opens_the_explorer_at_its_start(
    page: Page, tmp_path: Path, console_errors: list[str], address: str
):
    """The explorer threw on these (an object's inherited names, a broken escape): the details never drew."""
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(standalone_file(tmp_path, ROOT / "tests" / "data" / "valid" / "minimal.yaml").as_uri() + address)
    page.wait_for_selector(EXPLORER_READY)
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    assert page.locator("body").get_attribute("data-selected") == ""
    assert console_errors == []
    page.goto(page.url.split("#")[0] + "#empathy")  # a concept's own id still opens it
    page.reload()
    page.wait_for_selector(EXPLORER_READY)
    expect(page.get_by_role("heading", name="Empathy")).to_be_visible()


@pytest.mark.parametrize("hash_", ["#constructor", "#__proto__", "#toString", "#%E0%A4%A"])
def test_an_address_that_names_no_concept_selects_nothing(page: Page, tmp_path: Path, console_errors, hash_: str):
    page.goto(standalone_file(tmp_path, ROOT / "concepts.yaml").as_uri() + hash_)
    page.wait_for_selector(EXPLORER_READY)
    expect(page.get_by_role("heading", name="Start here")).to_be_visible()
    assert page.locator("body").get_attribute("data-selected") == ""
    assert page.locator(".atlas-network").get_attribute("data-selected") == ""
    assert console_errors == []


def test_the_standalone_explorer_has_no_test_hooks_unless_asked(browser, tmp_path: Path):
    page = browser.new_page()  # not a context of the tests' own (conftest.py): no window.__atlasTest
    page.goto(standalone_file(tmp_path, ROOT / "concepts.yaml").as_uri())
    page.wait_for_selector(EXPLORER_READY)
    assert page.evaluate("typeof atlasExplorer === 'undefined'")
    assert page.locator(".atlas-network").evaluate("el => el.atlas === undefined")
    page.close()
