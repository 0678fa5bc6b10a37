"""Start the app (or another Streamlit script) on a free local port, for browser tests and benchmarks/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class App:
    url: str
    log: Path
    outbound: Path  # every connection the server tried to make to another host, one per line

    def outbound_connections(self) -> list[str]:
        return self.outbound.read_text().splitlines() if self.outbound.exists() else []


@contextmanager
def serve(concepts: Path, name: str, app: Path = ROOT / "app.py", log_check: bool = False) -> Iterator[App]:
    """`streamlit run <app>` on a free port until the block ends (optionally: its log holds no traceback)."""
    ARTIFACTS.mkdir(exist_ok=True)
    port = free_port()
    log = ARTIFACTS / f"server-{name}.log"
    outbound = ARTIFACTS / f"outbound-{name}.log"
    outbound.unlink(missing_ok=True)
    # As `streamlit run app.py` starts it: the address comes from .streamlit/config.toml (localhost).
    command = [
        sys.executable, "-m", "streamlit", "run", str(app), "--server.headless=true", f"--server.port={port}",
        "--", "--concepts", str(concepts),
    ]  # fmt: skip
    guard = str(Path(__file__).parent / "outbound_guard")
    environment = {
        **os.environ,
        "EMPATHY_ATLAS_CONCEPTS": str(concepts),
        "PYTHONPATH": os.pathsep.join(filter(None, [guard, os.environ.get("PYTHONPATH")])),
        "ATLAS_OUTBOUND_LOG": str(outbound),
    }
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT)
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
        yield App(url, log, outbound)
    finally:
        process.terminate()
        process.wait(timeout=15)
    if log_check:
        assert not app_tracebacks(log.read_text()), f"the server logged a traceback; see {log}"
        assert not outbound.exists(), f"the server tried to reach another host; see {outbound}"


# A browser that hangs up while Streamlit's server accepts or closes its websocket makes the server log a
# traceback of its own (starlette's WebSocketDisconnected, no frame of the app's): a race of the transport,
# seen once in several hundred test sessions, not an error of the app. Every other traceback counts.
TRANSPORT = "starlette.websockets.WebSocketDisconnected"


def app_tracebacks(log: str) -> list[str]:
    """The tracebacks in a server's log, but for the transport's own hang-ups (see TRANSPORT)."""
    found = []
    for block in log.split("Traceback (most recent call last):")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        chaining = ("During handling of the above exception", "The above exception was the direct cause")
        last = next((line for line in reversed(lines) if not line.startswith((" ", "\t", *chaining))), "")
        ours = any("/components/" in line or "app.py" in line for line in lines if line.lstrip().startswith("File "))
        if ours or not last.startswith(TRANSPORT):
            found.append(block)
    return found
