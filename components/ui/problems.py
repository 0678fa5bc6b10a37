"""How the app shows a map's problems: every one as file:line:col, never a traceback."""

from __future__ import annotations

import streamlit as st

from components.model.errors import MapError


def show(error: MapError, *, keeping_last_valid: bool) -> None:
    if keeping_last_valid:
        st.warning(
            f"The map file has {error.counted}. Still showing the last valid map; fix the file and the map updates.",
            icon=":material/warning:",
        )
    else:
        st.error(f"The map file has {error.counted}. Fix them and the map opens.", icon=":material/error:")
    listing = [*(str(problem) for problem in error.problems), *error.omitted_note()]
    st.code("\n".join(listing), language=None, wrap_lines=True)
