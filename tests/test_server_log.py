"""The browser tests' servers fail a session whose log holds a traceback (tests/browser/app_server.py), but for
the transport's own hang-ups: a browser closing its websocket while Streamlit accepts or closes it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "browser"))

from app_server import app_tracebacks

HANG_UP = """Traceback (most recent call last):
  File "/venv/site-packages/streamlit/web/server/starlette/starlette_websocket.py", line 516, in _websocket_endpoint
    data = await websocket.receive_bytes()
starlette.websockets.WebSocketDisconnected: WebSocket is not connected. Need to call "accept" first.

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/venv/site-packages/starlette/websockets.py", line 104, in send
starlette.websockets.WebSocketDisconnected: Cannot call "send" once a close message has been sent.
  Stopping...
"""
OURS = """Traceback (most recent call last):
  File "/work/main/components/ui/state.py", line 3, in settle
KeyError: 'panel'
"""
LIBRARY = """Traceback (most recent call last):
  File "/venv/site-packages/streamlit/runtime/scriptrunner.py", line 9, in run
RuntimeError: boom
"""


def test_a_browser_hanging_up_on_the_websocket_is_not_the_apps_traceback():
    assert app_tracebacks(HANG_UP) == []


def test_any_other_traceback_counts():
    assert len(app_tracebacks(OURS)) == 1
    assert len(app_tracebacks(LIBRARY)) == 1
    assert len(app_tracebacks(HANG_UP + OURS)) == 1
