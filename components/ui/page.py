"""The page around the map: tab title, stylesheet, the About text, and the side panel's choice of view."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.analysis import guide
from components.model.concepts import ConceptMap
from components.text import markdown as md
from components.text.citations import source_link

# The page's stylesheet, linked by an element that draws nothing: the browser fetches it once, and a
# rerun sends only the element (not the stylesheet, as an inline <style> would be on every run).
_STYLESHEET = st.components.v2.component("components.page", css="page.css", isolate_styles=False)
ICON = (Path(__file__).parent / "icon.svg").read_text(encoding="utf-8")  # local: a :material/: icon loads from Google


def icon() -> None:
    """The tab's icon, set last in a run: any image icon has Streamlit import numpy and Pillow (a tenth of
    a second of a cold start's first page), which the map need not wait for."""
    st.set_page_config(page_icon=ICON)


def frame(concept_map: ConceptMap, presenting: bool) -> None:
    """Title the tab and style the page (larger type when presenting)."""
    st.set_page_config(page_title=concept_map.meta.title)
    _STYLESHEET(key="atlas_style_presenting" if presenting else "atlas_style")


def about(concept_map: ConceptMap) -> None:
    meta = concept_map.meta
    st.markdown(f"{md.text(meta.description)} Based on {md.link(meta.source.citation, source_link(meta.source))}")
    st.markdown("**How to use the map**")
    st.markdown(guide.how_to(concept_map))
