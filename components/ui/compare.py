"""The Compare view: the facets side by side (which regions, methods, paradigms or populations each
reaches, and through how many works), and the paper's own figures as named views of the map."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import compare
from components import markdown as md
from components.model import ConceptMap
from components.vocabulary import KINDS, Kind

from . import state


def view(concept_map: ConceptMap) -> None:
    if concept_map.views:
        st.markdown("**As the paper draws it**")
        shown = st.session_state[state.VIEW]
        for named in concept_map.views:
            st.button(
                md.text(named.title),
                key=f"view:{named.id}",
                on_click=state.show_view,
                args=(None if shown == named.id else named.id,),
                type="primary" if shown == named.id else "secondary",
                icon=":material/check:" if shown == named.id else ":material/image:",
                help=md.text(named.description) if named.description else None,
                width="stretch",
            )
        if shown:
            st.caption("Only this figure's concepts are on the map. Choose it again to see the whole map.")
    kinds = [kind for kind in compare.COMPARED if any(c.kind == kind for c in concept_map.concepts)]
    if not kinds or not any(c.kind == Kind.FACET for c in concept_map.concepts):
        st.info("This map has no facets to compare.")
        return
    st.segmented_control(
        "Compare the facets by",
        options=[str(kind) for kind in kinds],
        format_func=lambda kind: KINDS[Kind(kind)].plural,
        required=True,
        **state.widget(state.COMPARE, [str(kind) for kind in kinds]),
    )
    result = compare.matrix(concept_map, Kind(st.session_state[state.COMPARE]))
    if not result.rows:
        st.info(f"No {KINDS[result.kind].plural.lower()} are linked to a facet.")
        return
    table(result)
    shared = result.shared()
    if shared:
        names = ", ".join(md.text(row.label) for row in shared)
        st.markdown(f"**Shared by more than one facet:** {names}")


def table(result: compare.Matrix) -> None:
    """Rows by facets, each cell the number of works behind the links; choosing a cell selects it."""
    import pandas as pd  # a quarter of a second to import: only when this panel is shown

    counts = pd.DataFrame(
        [[result.cells[(f.id, r.id)].references if (f.id, r.id) in result.cells else 0 for f in result.facets]
         for r in result.rows],
        index=[row.label for row in result.rows],
        columns=[facet.label for facet in result.facets],
    )  # fmt: skip
    most = max(int(counts.to_numpy().max()), 1)
    styled = counts.style.map(lambda n: _shade(n, most)).format(
        lambda n: f"{n} ref{'s' if n != 1 else ''}" if n else ""
    )
    st.dataframe(
        styled,
        key="compare_table",
        on_select=partial(_on_cell, result),
        selection_mode="single-cell",
        height=min(38 + 35 * len(result.rows), 420),
        column_config={
            "_index": st.column_config.TextColumn(width="medium"),
            **{facet.label: st.column_config.TextColumn(width="small") for facet in result.facets},
        },
        alt=f"{KINDS[result.kind].plural} by facet: how many works link each to each facet",
    )
    st.caption("Each cell counts the works behind the relations that join a facet (or one of its parts) to it. "
               "Choose a cell to see the relation on the map.")  # fmt: skip


def _shade(count: int, most: int) -> str:
    """A cell's background: the more works, the deeper the blue (readable under light and dark text)."""
    return f"background-color: rgba(29, 95, 167, {0.1 + 0.45 * count / most:.2f})" if count else ""


def _on_cell(result: compare.Matrix) -> None:
    """Callback: a chosen cell selects its relation (or, if it holds several, the concept of its row)."""
    cells = st.session_state["compare_table"].selection.cells
    if not cells:
        return
    row, column = cells[0]
    facets = {facet.label: facet for facet in result.facets}
    if column not in facets or not isinstance(row, int) or row >= len(result.rows):
        return
    concept = result.rows[row]
    cell = result.cells.get((facets[column].id, concept.id))
    state.select(cell.relations[0].id if cell and len(cell.relations) == 1 else concept.id)
