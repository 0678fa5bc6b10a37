"""The References view: the paper's references in a searchable, sortable table; choosing one lights up on
the map, and lists, every concept and relation it supports."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.analysis import details
from components.model.concepts import ConceptMap, reference_use
from components.text import markdown as md
from components.text import spreadsheet
from components.text.citations import cite, link
from components.ui import state
from components.ui.panels.panel import Panel


def chosen(concept_map: ConceptMap) -> str | None:
    """The key of the chosen reference (kept in the URL as ?ref=)."""
    key = st.session_state[state.REFERENCE]
    return key if key in concept_map.reference_by_key else None


def view(concept_map: ConceptMap, key: str | None) -> None:
    """The table, then what the chosen reference supports."""
    table(concept_map)
    if key:
        supported(concept_map, key)
    else:
        st.caption("Choose a reference in the table to light up on the map, and list, all that it supports.")


def table(concept_map: ConceptMap) -> None:
    """Draw the table of references, and its download as CSV; choosing a row chooses that reference."""
    use = reference_use(concept_map)
    rows = [
        {
            "No.": reference.n,
            "Authors": cite(reference).authors,
            "Year": reference.year,
            "Title": reference.title,
            "Journal": reference.journal or reference.publisher or "",
            "Cited by": use[reference.key],
            "Link": link(reference),
        }
        for reference in concept_map.references
    ]
    keys = [reference.key for reference in concept_map.references]
    st.dataframe(
        rows,
        key=state.REFERENCE_TABLE,
        on_select=partial(_on_rows, keys),
        selection_mode="single-row",
        hide_index=True,
        height=min(36 + 35 * len(rows), 330),
        column_config={
            "No.": st.column_config.NumberColumn(width="small", help="Number in the paper's reference list"),
            "Year": st.column_config.NumberColumn(format="%d", width="small"),
            "Title": st.column_config.TextColumn(width="large"),
            "Cited by": st.column_config.NumberColumn(help="Concepts and relations in the map that cite it"),
            "Link": st.column_config.LinkColumn(display_text="open", width="small"),
        },
        alt="The paper's references",
    )
    st.download_button(
        "References (CSV)",
        data=lambda: spreadsheet.to_csv(rows, list(rows[0]) if rows else []),
        file_name="references.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )


def _on_rows(keys: list[str]) -> None:
    rows = st.session_state[state.REFERENCE_TABLE].selection.rows
    state.choose_reference(keys[rows[0]] if rows and rows[0] < len(keys) else None)


def supported(concept_map: ConceptMap, key: str) -> None:
    """What the chosen reference supports, each with a button that selects it."""
    citation = cite(concept_map.reference_by_key[key])
    concepts, claims = details.supported_by(concept_map, key)
    st.markdown(
        f"**{md.text(citation.authors)} ({citation.year})** supports {len(claims)} "
        f"relation{'s' if len(claims) != 1 else ''} and describes {len(concepts)} "
        f"concept{'s' if len(concepts) != 1 else ''}, lit up on the map."
    )
    st.caption(f"{md.text(citation.title)}. *{md.text(citation.source)}*. {md.link(citation.url or '', citation.url)}")
    st.button("Clear", key="ref-clear", on_click=state.choose_reference, args=(None,), icon=":material/close:")
    for concept in concepts:
        st.button(
            md.text(concept.label),
            key=f"ref-concept:{concept.id}",
            on_click=state.select,
            args=(concept.id,),
            type="tertiary",
            icon=":material/arrow_forward:",
        )
    for claim in claims:
        st.button(
            f"{md.text(claim.source.label)} {md.text(claim.phrase)} {md.text(claim.target.label)}",
            key=f"ref-claim:{claim.relation_id}",
            on_click=state.select,
            args=(claim.relation_id,),
            type="tertiary",
            icon=":material/arrow_forward:",
        )


PANEL = Panel("references", "References", lambda run: view(run.concept_map, chosen(run.concept_map)), wide=True)
