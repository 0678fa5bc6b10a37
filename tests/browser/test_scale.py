"""A large map in the browser: drawn by the view itself, clicks select, an idle page is quiet, a click is small."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from app_server import App, serve
from conftest import chromium
from helpers import DRAWN, open_at
from playwright.sync_api import Page, WebSocket, expect

from components.model.generate import generated_map

CONCEPTS = 2_000  # above the view's own drawing threshold (500), small enough to start in a second


@pytest.fixture(scope="module")
def large_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    chromium()
    path = tmp_path_factory.mktemp("scale") / "large.yaml"
    path.write_text(yaml.safe_dump(generated_map(CONCEPTS), sort_keys=False))
    with serve(path, "large", log_check=True) as running:
        yield running


class Frames:
    """The bytes of the page's Streamlit websocket frames, sent and received."""

    def __init__(self, page: Page) -> None:
        self.sent: list[int] = []
        self.received: list[int] = []
        page.on("websocket", self.watch)

    def wait_until_quiet(self, page: Page, quiet_ms: int = 1_500, most_ms: int = 20_000) -> None:
        """Until no frame has gone either way for `quiet_ms` (at most `most_ms`)."""
        waited, seen = 0, -1
        while waited < most_ms:
            count = len(self.sent) + len(self.received)
            if count == seen:
                return
            seen = count
            page.wait_for_timeout(quiet_ms)
            waited += quiet_ms
        raise AssertionError(f"the page kept exchanging frames for {most_ms / 1000:g} s")

    def watch(self, socket: WebSocket) -> None:
        socket.on("framesent", lambda payload: self.sent.append(len(payload)))
        socket.on("framereceived", lambda payload: self.received.append(len(payload)))


def open_large(page: Page, app: App) -> None:
    open_at(page, app, until=DRAWN, timeout=60_000)  # a large map
    expect(page.locator(".atlas-network")).to_have_attribute("data-large", "true")


def clickable_concept(page: Page) -> tuple[str, tuple[float, float]]:
    """A concept drawn inside the canvas, and the page point a click on it lands on."""
    found = page.locator(".atlas-network").evaluate(
        """(el, count) => {
            const canvas = el.querySelector("canvas");
            for (let index = count - 1; index > 0; index--) {
                const point = el.atlas.nodePosition(`c${index}`);
                if (!point || point.x < 40 || point.y < 40) continue;
                if (point.x > canvas.clientWidth - 40 || point.y > canvas.clientHeight - 40) continue;
                const picked = el.atlas.nodeAt(point);
                if (picked) return { id: picked, point };
            }
            return null;
        }""",
        CONCEPTS,
    )
    assert found, "no concept is drawn inside the canvas"
    box = page.locator(".atlas-network canvas").bounding_box()
    assert box
    return found["id"], (box["x"] + found["point"]["x"], box["y"] + found["point"]["y"])


def test_a_large_map_is_drawn_and_a_click_selects(page: Page, large_app: App, console_errors: list[str]):
    open_large(page, large_app)
    drawn = page.locator(".atlas-network canvas").evaluate(
        """canvas => {
            const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
            return painted / (canvas.width * canvas.height);
        }"""
    )
    assert drawn > 0.01  # the dots and lines are the view's own drawing: vis-network holds none of them
    concept, point = clickable_concept(page)
    page.mouse.click(*point)
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", f"concept:{concept}")
    expect(page.get_by_role("heading", name=re.compile(rf" {concept.removeprefix('c')}$"))).to_be_visible()
    # A name typed exactly comes first, though hundreds of others start with the same words ("Method 1...").
    label = page.locator(".atlas-network").evaluate("el => el.atlas.label('c5')")
    page.get_by_role("combobox", name="Search").fill(label)
    expect(page.get_by_role("option").first).to_have_text(re.compile(rf"^{re.escape(label)} ·"))
    assert console_errors == []


def test_an_idle_large_map_sends_nothing_and_a_click_does_not_resend_the_map(page: Page, large_app: App):
    frames = Frames(page)
    open_large(page, large_app)
    frames.wait_until_quiet(page)  # the first run's last messages, however slow the machine
    first_page = sum(frames.received)
    sent, received = len(frames.sent), len(frames.received)
    page.wait_for_timeout(5_000)
    assert len(frames.sent) == sent, "an idle page asked the server for something"
    assert len(frames.received) == received, "the server sent an idle page something"

    concept, point = clickable_concept(page)
    before = sum(frames.received)
    page.mouse.click(*point)
    expect(page.locator(".atlas-network")).to_have_attribute("data-selected", f"concept:{concept}")
    expect(page.get_by_role("heading", name=re.compile(rf" {concept.removeprefix('c')}$"))).to_be_visible()
    page.wait_for_timeout(1_000)
    click = sum(frames.received) - before
    # The map's data (hundreds of kB at this size) crossed with the first page; a click brings its details.
    assert first_page > 100_000
    assert click < first_page / 5, f"a click received {click:,} bytes; the first page {first_page:,}"


def test_the_server_compresses_what_it_sends(page: Page, large_app: App):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    agreed: list[str] = []
    cdp.on(
        "Network.webSocketHandshakeResponseReceived",
        lambda event: agreed.extend(
            value for name, value in event["response"]["headers"].items() if name.lower() == "sec-websocket-extensions"
        ),
    )
    open_large(page, large_app)
    assert any("permessage-deflate" in extension for extension in agreed), agreed
