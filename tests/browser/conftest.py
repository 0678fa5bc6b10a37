"""Browser tests: the app served by `streamlit run` on a free port, driven in Debian's headless Chromium.

Without Chromium these tests skip with the reason, unless REQUIRE_BROWSER=1 (CI), where they fail.
Every page blocks and records requests to any host but the app's own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"
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
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1500, "height": 1000}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class App:
    url: str
    log: Path
    outside_requests: list[str] = field(default_factory=list)


@contextmanager
def serve(concepts: Path, name: str) -> Iterator[App]:
    """`streamlit run app.py` on a free port until the block ends; its log must hold no traceback."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    log = ARTIFACTS / f"server-{name}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless=true",
        f"--server.port={port}", "--server.address=127.0.0.1", "--", "--concepts", str(concepts),
    ]  # fmt: skip
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not start; see {log}") from None
                time.sleep(0.3)
        yield App(url, log)
    finally:
        process.terminate()
        process.wait(timeout=15)
    assert "Traceback" not in log.read_text(), f"the server logged a traceback; see {log}"


@pytest.fixture(scope="session")
def app() -> Iterator[App]:
    chromium()
    with serve(MAP, "concepts") as running:
        yield running


@pytest.fixture(scope="session")
def hostile_app() -> Iterator[App]:
    chromium()
    with serve(ROOT / "tests" / "data" / "app" / "hostile.yaml", "hostile") as running:
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
