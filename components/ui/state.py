"""Every session-state and query-parameter key of the app, its default, and the callbacks that change it.

Shareable view state (selection, filters, depth) lives in widget keys and is mirrored in the URL's
query parameters by id (`?selected=tpj&kinds=region`), so a copied address opens the same view.
Streamlit's own `bind="query-params"` would put the widgets' display labels in the URL instead of ids.
Private state (the last valid map) is set up once by `init()`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import streamlit as st

# Widgets whose values are the shareable view; each key is also its query parameter's name.
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
_URL_READ = "url_read"

VIEW_DEFAULTS: dict[str, Any] = {SELECTED: None, KINDS: [], FACETS: [], FACET_DEPTH: 2, RELATION_TYPES: [], DEPTH: 0}


def init() -> None:
    """Once per run, before any widget: private state and the view's defaults."""
    st.session_state.setdefault(LAST_VALID, None)
    for key, default in VIEW_DEFAULTS.items():
        st.session_state.setdefault(key, _copy(default))


def read_url(options: Mapping[str, Collection[str]], ranges: Mapping[str, range]) -> None:
    """Once per session, before the widgets: take the view from the URL, ignoring unknown values."""
    if st.session_state.get(_URL_READ):
        return
    st.session_state[_URL_READ] = True
    params = st.query_params
    for key, default in VIEW_DEFAULTS.items():
        if key not in params:
            continue
        if isinstance(default, list):
            st.session_state[key] = [value for value in params.get_all(key) if value in options[key]]
        elif isinstance(default, int):
            value = params[key]
            if value.isdigit() and int(value) in ranges[key]:
                st.session_state[key] = int(value)
        elif params[key] in options[key]:
            st.session_state[key] = params[key]


def drop_unknown(options: Mapping[str, Collection[str]]) -> None:
    """Before the widgets: forget a selection or filter value the (edited) map no longer has."""
    if st.session_state.get(SELECTED) not in options[SELECTED]:
        st.session_state[SELECTED] = None
    for key in (KINDS, FACETS, RELATION_TYPES):
        values = st.session_state.get(key) or []
        if any(value not in options[key] for value in values):
            st.session_state[key] = [value for value in values if value in options[key]]


def write_url() -> None:
    """Mirror the view in the URL, leaving out what is at its default."""
    wanted: dict[str, str | list[str]] = {}
    for key, default in VIEW_DEFAULTS.items():
        value = st.session_state.get(key)
        if value is not None and value != default:
            wanted[key] = [str(item) for item in value] if isinstance(value, list) else str(value)
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    if current != {key: value if isinstance(value, list) else [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


def select(target: str | None) -> None:
    """Callback: select a concept or relation by id (None clears the selection)."""
    st.session_state[SELECTED] = target


def on_network_select() -> None:
    """Callback: a click in the network view selects what was clicked; the background clears."""
    event = st.session_state[NETWORK].select or {}
    select(event.get("id") if event.get("kind") in ("node", "edge") else None)


def reset() -> None:
    """Callback: back to the whole map, nothing selected, no reference chosen."""
    for key, default in VIEW_DEFAULTS.items():
        st.session_state[key] = _copy(default)
    st.session_state.pop(REFERENCE_TABLE, None)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
