"""The Evidence view: how firmly the map's claims stand, what rests on one work, the most cited works and
the most connected concepts, and the references by year."""

from __future__ import annotations

import streamlit as st

from components.analysis import evidence
from components.model.concepts import ConceptMap
from components.model.vocabulary import EVIDENCE, STANDINGS, Standing
from components.text import markdown as md
from components.ui import state
from components.ui.panels.panel import Panel

LINE_LOOK = {
    Standing.ESTABLISHED: "solid line",
    Standing.TENTATIVE: "dashed line",
    Standing.INTERPRETIVE: "dotted line",
}


def view(concept_map: ConceptMap) -> None:
    import pandas as pd  # a quarter of a second to import: only when this panel is shown

    summary = evidence.summary(concept_map)
    total = max(len(concept_map.relations), 1)
    st.markdown("**How firmly the relations stand**")
    st.markdown(
        "\n".join(
            f"- **{summary.standings[kind]}** ({summary.standings[kind] / total:.0%}) {STANDINGS[kind]} "
            f"On the map: a {LINE_LOOK[kind]}."
            for kind in Standing
        )
    )
    per = ", ".join(f"{count} with {n}" for n, count in summary.references_per_relation.items())
    st.caption(f"References behind each relation: {per}.")
    with st.expander(f"Findings that rest on one work ({len(summary.single_reference)})"):
        by_id = concept_map.concept_by_id
        for relation in summary.single_reference:
            source, target = by_id[relation.source].label, by_id[relation.target].label
            st.button(
                f"{md.text(source)} → {md.text(target)}",
                key=f"single:{relation.id}",
                on_click=state.select,
                args=(relation.id,),
                type="tertiary",
                icon=":material/arrow_forward:",
            )
    st.markdown("**Most cited works**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Work": f"{reference.authors[0].split(',')[0]} {reference.year}",
                    "Kind": EVIDENCE[reference.evidence] if reference.evidence else "",
                    "Cited by": count,
                }
                for reference, count in summary.most_cited
            ]
        ),
        hide_index=True,
        alt="The most cited works and how many relations and concepts cite them",
    )
    st.markdown("**Most connected concepts**")
    st.dataframe(
        pd.DataFrame(
            [
                {"Concept": c.concept.label, "Relations": c.degree, "Betweenness": round(c.betweenness, 3)}
                for c in summary.most_connected
            ]
        ),
        hide_index=True,
        column_config={
            "Betweenness": st.column_config.NumberColumn(
                help="The share of shortest routes between other concepts that pass through it"
            )
        },
        alt="The most connected concepts, with their relations and betweenness",
    )
    if summary.by_year:
        st.markdown("**References by year**")
        years = pd.DataFrame({"Year": [str(y) for y in summary.by_year], "References": list(summary.by_year.values())})
        st.bar_chart(years, x="Year", y="References", height=220)


PANEL = Panel("evidence", "Evidence", lambda run: view(run.concept_map), wide=True, keeps_selection=True)
