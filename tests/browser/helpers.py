"""What the browser tests share: when the map view is ready, and opening the app at an address until it is;
the standalone explorer written to a file, and when it is ready.

The view marks its root (`.atlas-network`) `data-settled=true` once the map is laid out and drawn, and
`data-animating=true` while the camera moves (to a selection, a route, a tour's step).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from components.exchange import export
from components.model import load

if TYPE_CHECKING:
    from app_server import App
    from playwright.sync_api import Browser, Page

TEST_HOOKS = "window.__atlasTest = true;"  # run before the page's own scripts: the view loads testing.js
DRAWN = ".atlas-network[data-settled=true]"  # laid out and drawn; the camera may still be moving
SETTLED = f"{DRAWN}:not([data-animating=true])"  # laid out and not moving
OPENING_MS = 30_000  # a page load to the map drawn, on a loaded 2-core machine
EXPLORER_READY = "body[data-ready=true]"  # the standalone explorer's map laid out and drawn, once


def new_page(browser: Browser, size: tuple[int, int] = (1280, 720), **context: Any) -> Page:
    """A page in a context of its own (close it with `page.context.close()`), at a window size; the tests'
    browser makes every context ask for the view's test hooks (conftest.py). `context`: Playwright's
    options for it (`color_scheme`, `is_mobile`, `has_touch`...)."""
    return browser.new_context(viewport={"width": size[0], "height": size[1]}, **context).new_page()


def open_at(page: Page, app: App, query: str = "", until: str = SETTLED, timeout: float = OPENING_MS) -> Page:
    """Go to the app at `query` ("?selected=tpj&panel=path", or "" for its start) and wait until the map is
    `until` (SETTLED: laid out and still; DRAWN: laid out). Returns the page."""
    page.goto(f"{app.url}/{query}")
    page.wait_for_selector(until, timeout=timeout)
    return page


def standalone_file(tmp_path: Path, source: Path) -> Path:
    """The standalone explorer of the map at `source`, as the Export menu writes it, in `tmp_path`."""
    (page,) = export.export(load.load_concepts(source), "html", "map")
    target = tmp_path / page.name
    target.write_bytes(page.data)
    return target
