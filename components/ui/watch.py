"""Reload the map when its file is saved.

One watcher per map file, shared by every session that shows it: Streamlit's own file watcher (watchdog,
or polling where watchdog is missing) notices the save, and each session showing the map is asked to
run again. Nothing runs while the file is unchanged, however many pages are open. Where Streamlit's
watching is turned off (`server.fileWatcherType = "none"`), each page checks the file every few seconds.
"""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.watcher.path_watcher import watch_file

from . import data

POLL_SECONDS = 3.0  # only without a file watcher


class _Watch:
    """The sessions showing one map file, each asked to run again when the file changes."""

    def __init__(self) -> None:
        self._sessions: set[str] = set()
        self._lock = threading.Lock()

    def add(self, session_id: str) -> None:
        with self._lock:
            self._sessions.add(session_id)

    def changed(self, _path: str) -> None:
        """Called on the watcher's thread."""
        if not Runtime.exists():
            return
        runtime = Runtime.instance()
        with self._lock:
            gone = {session for session in self._sessions if not runtime.is_active_session(session)}
            self._sessions -= gone
            sessions = list(self._sessions)
        for session_id in sessions:
            session = runtime.get_app_session(session_id)
            if session is not None:
                session.request_rerun(None)  # None: with the widgets as the page last sent them


@st.cache_resource(show_spinner=False)
def _watch(path: str) -> _Watch | None:
    watch = _Watch()
    return watch if watch_file(path, watch.changed, allow_nonexistent=True) else None


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
    if data.signature(path) != seen:
        st.rerun(scope="app")
