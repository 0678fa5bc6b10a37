"""The page header: what the map is, the paper it models, and how to use it."""

from __future__ import annotations

import streamlit as st

from components import guide
from components import markdown as md
from components.citations import source_link
from components.model import ConceptMap


def header(concept_map: ConceptMap) -> None:
    meta = concept_map.meta
    st.title(md.text(meta.title), anchor=False)
    st.markdown(f"{md.text(meta.description)} Based on {md.link(meta.source.citation, source_link(meta.source))}")
    with st.expander("How to use the map", icon=":material/help:"):
        st.markdown(guide.how_to(concept_map))
