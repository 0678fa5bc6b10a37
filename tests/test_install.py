"""The Streamlit way to install works: on a clean copy of the repository, a fresh venv made from
requirements.txt alone serves the app, map view included (`streamlit run app.py`, driven over HTTP by
Streamlit's agent API; AppTest would not notice a view whose files cannot be served)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]


def clean_copy(target: Path) -> Path:
    """The repository's files as a fresh clone has them: what git tracks or would track, no build leftovers."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def interact(url: str) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{url}/_stcore/agent/interact", data=b"{}", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def elements(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [tree, *(element for child in tree.get("children", []) for element in elements(child))]


@pytest.mark.slow
def test_a_fresh_venv_from_requirements_txt_serves_the_app(tmp_path: Path):
    repo = clean_copy(tmp_path / "repo")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"],
        cwd=repo, env=environment, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]

    port = free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [str(venv / "bin" / "streamlit"), "run", "app.py", "--server.headless=true", f"--server.port={port}",
         "--server.enableAgentApi=true"],
        cwd=repo, env=environment, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "the server did not answer within a minute"
                time.sleep(0.3)
        page = interact(url)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()

    found = elements(page["tree"])
    assert page["status"] == "ready", (tmp_path / "server.log").read_text()[-3000:]
    assert not [element for element in found if element.get("type") == "exception"]
    assert next(element for element in found if element.get("type") == "title")["props"]["body"] == "Empathy Atlas"
    mounted = {e["props"]["component_name"] for e in found if e.get("type") == "components.v2.component"}
    assert {"components.map_view", "components.page"} <= mounted  # the map view, and the page's stylesheet
