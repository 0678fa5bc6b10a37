"""Browser tests: the app served by `streamlit run` on a free port, driven in Debian's headless Chromium.

Without Chromium these tests skip with the reason, unless REQUIRE_BROWSER=1 (CI), where they fail.
Every page blocks and records requests to any host but the app's own, and asks for the map view's test
hooks (`el.atlas` on the view's root, testing.js), which a page loads only when asked.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from app_server import ARTIFACTS, ROOT, App, serve
from helpers import TEST_HOOKS
from playwright.sync_api import Browser, BrowserContext, expect

# Every assertion waits on state and retries; on a loaded 2-core machine a rerun can take seconds.
expect.set_options(timeout=15_000)

MAP = Path(os.environ.get("ATLAS_TEST_MAP", ROOT / "concepts.yaml"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "Chromium is not installed (apt-get install chromium); browser tests need it"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": chromium(), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser(browser: Browser) -> Browser:
    """The tests' browser: every context made from it (by the `page` fixture, or a test's own
    `browser.new_context(...)`) asks for the test hooks. `browser.new_page()` makes a plain page."""
    make = browser.new_context

    def new_context(*args: Any, **kwargs: Any) -> BrowserContext:
        context = make(*args, **kwargs)
        context.add_init_script(TEST_HOOKS)
        return context

    browser.new_context = new_context  # type: ignore[method-assign]
    return browser


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1500, "height": 1000}}


@pytest.fixture(scope="session")
def app() -> Iterator[App]:
    chromium()
    with serve(MAP, "concepts", log_check=True) as running:
        yield running


@pytest.fixture(scope="session")
def hostile_app() -> Iterator[App]:
    chromium()
    with serve(ROOT / "tests" / "data" / "app" / "hostile.yaml", "hostile", log_check=True) as running:
        yield running


@pytest.fixture(scope="session")
def example_app() -> Iterator[App]:
    chromium()
    with serve(ROOT / "examples" / "working_memory.yaml", "example", log_check=True) as running:
        yield running


def _editable(tmp_path: Path, name: str) -> Iterator[tuple[App, Path, str]]:
    """The app on a copy of the small map that a test may edit while the app runs."""
    chromium()
    original = (ROOT / "tests" / "data" / "app" / "small.yaml").read_text()
    live = tmp_path / f"{name}.yaml"
    live.write_text(original)
    with serve(live, name, log_check=True) as running:
        yield running, live, original


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[tuple[App, Path, str]]:
    yield from _editable(tmp_path, "live")


@pytest.fixture
def watched_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, Path, str]]:
    """Like live_app, with Streamlit's own file watcher on (as `make dev` runs the app): the map's watcher
    then hears of a save from both, and must still reload once and lose nothing."""
    monkeypatch.setenv("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "watchdog")
    yield from _editable(tmp_path, "watched")


@pytest.fixture(scope="session")
def failing_app() -> Iterator[App]:
    chromium()
    with serve(ROOT / "concepts.yaml", "failing", app=ROOT / "tests" / "data" / "app" / "raises.py") as running:
        yield running


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave screenshots for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of the page during the test."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


@pytest.fixture
def offline(page) -> list[str]:
    """Block every request to a host other than 127.0.0.1 and return the list of those tried."""
    tried: list[str] = []

    def guard(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            tried.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    return tried
