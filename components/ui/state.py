"""Every session-state and query-parameter key of the app, its default, and the callbacks that change it.

Shareable view state (selection, filters, depth) lives in widgets bound to the URL's query parameters;
private state (the last valid map) is set up once by `init()`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

# Widgets bound to query parameters: the key is the parameter's name.
SELECTED = "selected"  # a concept id or a relation id
KINDS = "kinds"
FACETS = "facets"
FACET_DEPTH = "facet_depth"
RELATION_TYPES = "relations"
DEPTH = "depth"
# Other widgets and components.
NETWORK = "network"
REFERENCE_TABLE = "reference_table"
# Private state.
LAST_VALID = "last_valid_map"  # (content, name) of the last map that loaded cleanly

FILTER_DEFAULTS: dict[str, Any] = {KINDS: [], FACETS: [], FACET_DEPTH: 2, RELATION_TYPES: [], DEPTH: 0}


def init() -> None:
    st.session_state.setdefault(LAST_VALID, None)


def select(target: str | None) -> None:
    """Callback: select a concept or relation by id (None clears the selection)."""
    st.session_state[SELECTED] = target


def on_network_select() -> None:
    """Callback: a click in the network view selects what was clicked; the background clears."""
    event = st.session_state[NETWORK].select or {}
    select(event.get("id") if event.get("kind") in ("node", "edge") else None)


def reset() -> None:
    """Callback: back to the whole map, nothing selected, no reference chosen."""
    for key in (*FILTER_DEFAULTS, SELECTED, REFERENCE_TABLE):
        st.session_state.pop(key, None)
