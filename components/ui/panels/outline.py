"""The Outline view: the whole map as text, for reading and for the keyboard. Facets in order, under each
the concepts nearest to it, each a button that selects it on the map, with its relations in words and the
works behind them."""

from __future__ import annotations

import streamlit as st

from components.analysis import outline as outlines
from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS
from components.text import markdown as md
from components.ui import state
from components.ui.panels.panel import Panel, Run


def view(concept_map: ConceptMap, selected: str | None) -> None:
    st.caption("Everything the map shows, as text. Choose a concept to select it on the map.")
    for section in outlines.outline(concept_map):
        chosen_here = any(entry.concept.id == selected for entry in section.entries)
        with st.expander(md.text(section.title), expanded=chosen_here):
            for entry in section.entries:
                st.button(
                    md.text(entry.concept.name),
                    key=f"outline:{entry.concept.id}",
                    on_click=state.select,
                    args=(entry.concept.id,),
                    type="primary" if entry.concept.id == selected else "tertiary",
                    icon=":material/arrow_forward:",
                    help=f"Select this {KINDS[entry.concept.kind].label.lower()} on the map",
                )
                if entry.lines:
                    st.markdown(
                        "\n".join(
                            f"- {md.text(line.phrase)} {md.text(line.other.label)}"
                            + (f" ({md.text('; '.join(line.sources))})" if line.sources else "")
                            for line in entry.lines
                        )
                    )


def _draw(run: Run) -> None:
    view(run.concept_map, run.selection.id if run.selection else None)


PANEL = Panel("outline", "Outline", _draw, keeps_selection=True)
