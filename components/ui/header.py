"""The page header: what the map is, the paper it models, and how to use it."""

from __future__ import annotations

import streamlit as st

from components.model import ConceptMap

from . import markdown as md

HOW_TO = """
- **Explore:** drag to pan, scroll to zoom, drag a node to move it. *Fit* shows the whole map again.
- **Select:** click a concept or a relation to read what it is and which references support it;
  its neighbours stay lit and the rest fade. Click the background to clear.
- **Search** in the sidebar by name, abbreviation (TPJ, AI) or an older term (theory of mind).
- **Filter** by kind, by facet, or by relation type; **Focus** keeps only what lies a few steps
  from the selection. *Reset view* undoes it all.
- **References:** choose one in the table below the map to light up everything it supports.
- The address bar keeps the selection and filters: copy it to share exactly this view.
"""


def header(concept_map: ConceptMap) -> None:
    meta = concept_map.meta
    st.title(md.text(meta.title), anchor=False)
    source = meta.source
    url = f"https://doi.org/{source.doi}" if source.doi else source.url
    st.markdown(f"{md.text(meta.description)} Based on {md.link(source.citation, url)}")
    with st.expander("How to use the map", icon=":material/help:"):
        st.markdown(HOW_TO)
