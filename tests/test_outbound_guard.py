"""The guard the browser tests load into the app server does see a connection to another host (so its
silence there means the server made none) and lets this machine's own connections pass unrecorded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GUARD = Path(__file__).parent / "browser" / "outbound_guard"
TRY_TWO_HOSTS = """
import socket
for host in ("127.0.0.1", "192.0.2.1"):  # this machine, then TEST-NET-1 (reserved, never answers)
    with socket.socket() as sock:
        sock.settimeout(0.05)
        sock.connect_ex((host, 9))
"""


def test_the_guard_records_connections_to_other_hosts_only(tmp_path: Path):
    log = tmp_path / "outbound.log"
    environment = {**os.environ, "PYTHONPATH": str(GUARD), "ATLAS_OUTBOUND_LOG": str(log)}
    subprocess.run([sys.executable, "-c", TRY_TWO_HOSTS], env=environment, check=True, timeout=30)
    assert log.read_text().splitlines() == ["('192.0.2.1', 9)"]
