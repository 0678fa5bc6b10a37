"""The brain view in the browser: the glass brain beside the map, the 3D view, and no request to another host."""

from __future__ import annotations

from pathlib import Path

from helpers import DRAWN, new_page, open_at
from playwright.sync_api import Page, expect


def test_the_brain_view_draws_offline_and_its_list_selects_on_the_map(
    page: Page, app, offline: list[str], console_errors: list[str], artifacts: Path
):
    open_at(page, app, "?panel=brain&selected=tpj", until=DRAWN)
    picture = page.locator("[data-testid=stImage] img").first
    expect(picture).to_be_visible(timeout=30_000)
    assert picture.evaluate("img => img.naturalWidth") > 1000
    page.get_by_role("button", name="AI", exact=True).click()
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", "concept:anterior_insula")
    expect(page.get_by_role("heading", name="Anterior insula (AI)")).to_be_visible()
    page.get_by_text("3D view").click()
    frame = page.frame_locator("[data-testid=stIFrame]")
    expect(frame.locator(".js-plotly-plot, .plotly").first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1_000)
    page.screenshot(path=artifacts / "brain.png", full_page=True)
    assert offline == []
    assert app.outbound_connections() == []
    assert console_errors == []


def test_the_brain_takes_the_stage_in_front_of_a_room(browser, app, artifacts: Path, console_errors: list[str]):
    """At 1280x720 in presentation mode the Brain view can take the map's place: its three views large, the
    names at 14 px or more as shown, the facets' colours in a legend; the 3D view fills the stage; and the map
    comes back as it was."""
    page = new_page(browser, (1280, 720))
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    open_at(page, app, "?panel=brain&present=1", until=DRAWN)
    page.get_by_role("button", name="On the stage").click()
    picture = page.locator(".st-key-brain_stage [data-testid=stImage] img")
    expect(picture).to_be_visible(timeout=30_000)
    expect(page.locator(".atlas-network")).to_be_hidden()  # out of sight, still loaded
    box = picture.bounding_box()
    assert box["width"] >= 0.7 * 1280
    natural = picture.evaluate("img => img.naturalWidth")
    assert box["width"] / natural * 11 * 100 / 72 >= 14  # 11-point names at 100 dpi, as shown
    page.wait_for_timeout(500)
    page.screenshot(path=artifacts / "brain-stage-1280x720.png")
    page.locator(".st-key-brain_stage").get_by_text("3D view").click()
    frame = page.locator(".st-key-brain_stage [data-testid=stIFrame]")
    expect(frame).to_be_visible(timeout=30_000)
    area = frame.bounding_box()
    assert area["width"] >= 0.7 * 1280
    assert area["height"] >= 550
    page.screenshot(path=artifacts / "brain-stage-3d-1280x720.png")
    page.get_by_role("button", name="Back to the map").click()
    expect(page.locator(".atlas-network")).to_be_visible()
    expect(page.locator(".st-key-brain_stage")).to_have_count(0)
    assert console_errors == []
    page.context.close()
