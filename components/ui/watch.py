"""Reload the map when its file is saved.

One watcher per map file, shared by every session that shows it: a thread of its own looks at the file's
size and modification time twice a second, and Streamlit's file watcher, when it is on (`make dev`; it is
off by default, see .streamlit/config.toml), tells it of a save at once.
Either way each session showing the map is asked to run again, once per change. No page reruns while
the file is unchanged, however many are open. Outside a running server (AppTest), each page checks the
file every few seconds.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.watcher.path_watcher import watch_file

from components.ui import cache

POLL_SECONDS = 3.0  # only outside a running server
LOOK_SECONDS = 0.5  # the watcher's own look at the file's size and time, shared by every session


class _Watch:
    """The sessions showing one map file, each asked to run again when the file changes."""

    def __init__(self, path: str) -> None:
        self._path = Path(path)
        self._seen = cache.signature(self._path)
        self._sessions: set[str] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._look, name=f"atlas-watch:{self._path.name}", daemon=True).start()

    def _look(self) -> None:
        while True:
            time.sleep(LOOK_SECONDS)
            self.changed(str(self._path))

    def add(self, session_id: str) -> None:
        with self._lock:
            self._sessions.add(session_id)

    def changed(self, _path: str) -> None:
        """Called on a watcher's thread: reruns the sessions if the file is not as last seen."""
        try:
            runtime = Runtime.instance()
        except RuntimeError:  # no server (yet, or any more: an AppTest's runtime goes when its run ends)
            return
        now = cache.signature(self._path)
        with self._lock:
            if now == self._seen:
                return
            self._seen = now
            gone = {session for session in self._sessions if not runtime.is_active_session(session)}
            self._sessions -= gone
            sessions = list(self._sessions)
        for session_id in sessions:
            session = runtime.get_app_session(session_id)
            if session is not None:
                session.request_rerun(None)  # None: with the widgets as the page last sent them


@st.cache_resource(show_spinner=False)
def _watch(path: str) -> _Watch:
    watch = _Watch(path)
    watch_file(path, watch.changed, allow_nonexistent=True)  # at once; the watcher's own look covers a miss
    return watch


def reload_on_change(path: Path, seen: tuple[int, int] | None) -> None:
    """Make this session run again when the file at `path` changes (`seen`: its signature now)."""
    context = get_script_run_ctx()
    watch = _watch(str(path.resolve())) if context is not None and Runtime.exists() else None
    if watch is not None and context is not None:
        watch.add(context.session_id)
    else:
        _poll(path, seen)


@st.fragment(run_every=POLL_SECONDS)
def _poll(path: Path, seen: tuple[int, int] | None) -> None:
    if cache.signature(path) != seen:
        st.rerun(scope="app")
