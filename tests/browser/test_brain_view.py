"""The brain view in the browser: the glass brain beside the map, the 3D view, and no request to another host."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect


def test_the_brain_view_draws_offline_and_its_list_selects_on_the_map(
    page: Page, app, offline: list[str], console_errors: list[str], artifacts: Path
):
    page.goto(f"{app.url}/?panel=brain&selected=tpj")
    page.wait_for_selector(".atlas-network[data-settled=true]", timeout=30_000)
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
