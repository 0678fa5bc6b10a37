"""Reload the map when its file is saved: a small fragment polls the file's signature."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from . import data

POLL_SECONDS = 1.5


@st.fragment(run_every=POLL_SECONDS)
def reload_on_change(path: Path, seen: tuple[int, int] | None) -> None:
    if data.signature(path) != seen:
        st.rerun(scope="app")
