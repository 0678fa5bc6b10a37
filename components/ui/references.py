"""The References view: the paper's references in a searchable, sortable table; choosing one lists,
and highlights on the map, every concept and relation it supports."""

from __future__ import annotations

import streamlit as st

from components import details, spreadsheet
from components import markdown as md
from components.citations import cite, link
from components.model import ConceptMap, reference_use

from . import state


def chosen(concept_map: ConceptMap) -> str | None:
    """The key of the reference chosen in the table (readable before the table is drawn)."""
    table_state = st.session_state.get(state.REFERENCE_TABLE) or {}
    rows = table_state.get("selection", {}).get("rows", [])
    return concept_map.references[rows[0]].key if rows and rows[0] < len(concept_map.references) else None


def highlight(concept_map: ConceptMap, key: str | None) -> dict[str, list[str]] | None:
    """What the network view lights up for the chosen reference."""
    if key is None:
        return None
    concepts, claims = details.supported_by(concept_map, key)
    return {"nodes": [c.id for c in concepts], "edges": [claim.relation_id for claim in claims]}


def table(concept_map: ConceptMap) -> None:
    """Draw the table of references; choosing a row selects that reference."""
    use = reference_use(concept_map)
    rows = spreadsheet.safe_rows(
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
    )
    st.dataframe(
        rows,
        key=state.REFERENCE_TABLE,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        column_config={
            "No.": st.column_config.NumberColumn(width="small", help="Number in the paper's reference list"),
            "Year": st.column_config.NumberColumn(format="%d", width="small"),
            "Title": st.column_config.TextColumn(width="large"),
            "Cited by": st.column_config.NumberColumn(help="Concepts and relations in the map that cite it"),
            "Link": st.column_config.LinkColumn(display_text="open", width="small"),
        },
        alt="The paper's references",
    )


def supported(concept_map: ConceptMap, key: str) -> None:
    """List what the chosen reference supports, each with a link that selects it."""
    reference = concept_map.reference_by_key[key]
    citation = cite(reference)
    concepts, claims = details.supported_by(concept_map, key)
    st.markdown(
        f"**{md.text(citation.authors)} ({citation.year})** supports {len(claims)} relations "
        f"and describes {len(concepts)} concepts, highlighted on the map."
    )
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
