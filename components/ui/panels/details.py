"""The details panel: what is selected, its relations with links to the other side, and citations."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from components.analysis import details
from components.analysis.selection import Selection
from components.model.concepts import Concept, ConceptMap
from components.model.mni import points
from components.model.vocabulary import KINDS, STANDINGS, Kind, Standing
from components.text import markdown as md
from components.text.citations import Citation
from components.ui import state
from components.ui.panels.panel import Panel, Run


def panel(concept_map: ConceptMap, selection: Selection | None, hidden: bool) -> None:
    """Draw the panel for the selected concept or relation, or a starting point when there is none."""
    if selection is None:
        _start(concept_map)
        return
    if selection.concept:
        _concept(concept_map, selection.concept)
    elif selection.relation:
        _claim(details.claim(concept_map, selection.relation))
    if hidden:
        st.caption("The current filters hide this on the map.")


def _start(concept_map: ConceptMap) -> None:
    st.subheader("Start here", anchor=False)
    st.markdown("Click a concept or a relation on the map, or search for one above it.")
    facets = [concept for concept in concept_map.concepts if concept.kind == Kind.FACET]
    if facets:
        st.markdown(md.text(concept_map.meta.start_here))
    for concept in facets:
        _go(concept, key=f"start:{concept.id}")
        st.caption(md.text(concept.summary))


def _concept(concept_map: ConceptMap, concept: Concept) -> None:
    st.subheader(md.text(concept.label), anchor=False)
    kind = KINDS[concept.kind].label
    st.caption(md.text(f"{kind} · {concept.abbrev}" if concept.abbrev else kind))
    if concept.aliases:
        st.markdown("**Also called:** " + ", ".join(md.text(alias) for alias in concept.aliases))
    st.markdown(md.text(concept.summary))
    if concept.mni is not None:
        where = " and ".join(f"x {x:g}, y {y:g}, z {z:g}" for x, y, z in points(concept.mni))
        st.markdown(f"**MNI coordinates:** {where} mm")
        if concept.mni_source:
            st.caption(md.text(concept.mni_source))
    if concept.refs:
        st.markdown("**Described in**")
        _citations(details.citations_of(concept_map, concept.refs))
    groups = details.links(concept_map, concept.id)
    total = sum(len(group) for group in groups.values())
    st.markdown(f"#### Relations ({total})")
    hub = total > MANY_LINKS
    if hub:
        st.caption("Choose a kind of relation to list them.")
    for phrase, group in groups.items():
        heading = f"{md.text(concept.label)} {md.text(phrase)}"
        listed = st.session_state[state.LISTED].get((concept.id, phrase), 0 if hub else LINKS_SHOWN)
        if hub:  # a line per kind of relation, each unfolding its list: a hub's panel stays short and quick
            st.button(
                f"{heading} · {len(group)}",
                key=f"kind:{concept.id}:{phrase}",
                on_click=state.list_links,
                args=((concept.id, phrase), 0 if listed else LINKS_SHOWN),
                type="tertiary",
                icon=":material/expand_less:" if listed else ":material/expand_more:",
            )
        else:
            st.markdown(f"**{heading}**")
        for link in group[:listed]:
            _go(link.other, key=f"link:{link.relation_id}")
            # One element for the standing, the note, the kinds of work and the works cited (by author and
            # year, each a link; the relation's own details cite them in full): a concept may list dozens
            # of relations, and every element is one more message per click and one more to draw.
            kinds = _kinds(link.citations)
            st.caption(
                "  \n".join(
                    [
                        _badge(link.standing, link.citations),
                        md.text(link.note),
                        " · ".join([*([f"*{kinds}*"] if kinds else []), *map(_cited_briefly, link.citations)]),
                    ]
                )
            )
        if 0 < listed < len(group):
            st.button(
                f"Show all {len(group)}",
                key=f"unfold:{concept.id}:{phrase}",
                on_click=state.list_links,
                args=((concept.id, phrase), len(group)),
                type="tertiary",
                icon=":material/expand_more:",
            )


# A concept's relations of one kind listed at first; the rest are one click away. A concept with more
# relations than MANY_LINKS (a hub of a large map may have thousands) lists none until a kind is chosen.
LINKS_SHOWN = 12
MANY_LINKS = 40


def _claim(claim: details.Claim) -> None:
    st.subheader("Relation", anchor=False)
    st.markdown(f"**{md.text(claim.source.label)}** {md.text(claim.phrase)} **{md.text(claim.target.label)}**")
    st.markdown(md.text(claim.note))
    _standing(claim.standing, claim.citations)
    if kinds := _kinds(claim.citations):
        st.caption(kinds)
    st.markdown("**Supported by**")
    _citations(claim.citations)
    st.markdown("**Its two ends**")
    _go(claim.source, key=f"end:source:{claim.relation_id}")
    _go(claim.target, key=f"end:target:{claim.relation_id}")


def _go(concept: Concept, key: str) -> None:
    """A link-like button that selects a concept."""
    st.button(
        md.text(concept.label),
        key=key,
        on_click=state.select,
        args=(concept.id,),
        type="tertiary",
        icon=":material/arrow_forward:",
        help=f"Select {KINDS[concept.kind].label.lower()}",
    )


STANDING_BADGE: dict[Standing, tuple[str, Literal["green", "orange", "violet"], str]] = {
    Standing.ESTABLISHED: ("Established", "green", ":material/verified:"),
    Standing.TENTATIVE: ("Tentative", "orange", ":material/help:"),
    Standing.INTERPRETIVE: ("Interpretive", "violet", ":material/psychology:"),
}


def _standing(standing: Standing, citations: tuple[Citation, ...]) -> None:
    """How firmly a relation stands, with what that means on hover."""
    label, color, icon = STANDING_BADGE[standing]
    st.badge(f"{label}{_one_work(standing, citations)}", color=color, icon=icon, help=STANDINGS[standing])


def _badge(standing: Standing, citations: tuple[Citation, ...]) -> str:
    """How firmly a relation stands, as a Markdown badge inside a line of text."""
    label, color, icon = STANDING_BADGE[standing]
    return f":{color}-badge[{icon} {label}{_one_work(standing, citations)}]"


def _one_work(standing: Standing, citations: tuple[Citation, ...]) -> str:
    return " · rests on one work" if len(citations) == 1 and standing != Standing.INTERPRETIVE else ""


def _kinds(citations: tuple[Citation, ...]) -> str:
    """The kinds of work cited (a meta-analysis, an fMRI study, ...), as Markdown text, the first word
    capitalized unless it is written with capitals of its own ("fMRI study", not "Fmri study")."""
    kinds = ", ".join(sorted({citation.evidence for citation in citations if citation.evidence}))
    return md.text(kinds if kinds[1:2].isupper() else kinds[:1].upper() + kinds[1:])


def _citations(citations: tuple[Citation, ...]) -> None:
    for citation in citations:
        st.caption(_cited(citation))


def _cited_briefly(citation: Citation) -> str:
    """A citation as Markdown: surnames and year, linked to the work."""
    return md.link("The paper itself" if citation.itself else citation.short, citation.url)


def _cited(citation: Citation) -> str:
    """A citation as Markdown: authors, year, title, source and its link."""
    url = citation.url
    shown = url.removeprefix("https://") if url else ""
    if citation.itself:
        return f"The paper itself: {md.text(citation.authors)} {md.link(shown, url)}"
    return (
        f"{md.text(citation.authors)} ({citation.year}). {md.text(citation.title)}. "
        f"*{md.text(citation.source)}*. {md.link(shown, url)}"
    )


def _draw(run: Run) -> None:
    panel(run.concept_map, run.selection, hidden=run.selection is not None and not run.visible.shows(run.selection))


PANEL = Panel("details", "Details", _draw)
