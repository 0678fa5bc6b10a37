"""How the app shows a map's problems: every one as file:line:col, never a traceback."""

from __future__ import annotations

import streamlit as st

from components.errors import MapError


def show(error: MapError, *, keeping_last_valid: bool) -> None:
    count = len(error.problems)
    listing = "\n".join(str(problem) for problem in error.problems)
    if keeping_last_valid:
        st.warning(
            f"The map file has {count} problem{'s' if count != 1 else ''}. Still showing the last valid map; "
            "fix the file and the map updates.",
            icon=":material/warning:",
        )
    else:
        st.error(
            f"The map file has {count} problem{'s' if count != 1 else ''}. Fix them and the map opens.",
            icon=":material/error:",
        )
    st.code(listing, language=None, wrap_lines=True)
