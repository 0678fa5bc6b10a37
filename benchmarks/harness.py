"""What the benchmarks share with the browser tests, found in one place: the app served on a free port
(tests/browser/app_server.py), a Streamlit session spoken at the protocol level
(tests/browser/protocol_client.py), and when the map view is ready (tests/browser/helpers.py).
The benchmarks are scripts, run as `python benchmarks/<name>.py`; this is the one module that puts
tests/browser/ on their import path.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "browser"))
from app_server import ROOT, free_port, serve
from helpers import DRAWN, SETTLED, TEST_HOOKS
from protocol_client import Run, Session

__all__ = ["DRAWN", "ROOT", "SETTLED", "TEST_HOOKS", "Run", "Session", "free_port", "serve"]
