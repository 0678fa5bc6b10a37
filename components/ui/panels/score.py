"""The Score view: a student's map of the same paper, uploaded or pasted, scored against this map. The
matches of the student's concepts are shown and can be corrected; the links are judged (correct, reversed,
to the wrong concept, drawn differently, extra, missing), each with what the map says instead, and drawn
on the map; precision and recall are said in words; the feedback downloads as Markdown."""

from __future__ import annotations

from typing import Any

import streamlit as st

from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.teaching import score
from components.text import markdown as md
from components.ui import cache, problems, state
from components.ui.panels.panel import Panel, Run
from components.view import drawing

MAX_BYTES = load.STUDENT_MAX_BYTES  # a student's map is small; this keeps a stray upload from costing the server
NONE = "(not in this map)"
VERDICTS: dict[score.Verdict, tuple[str, str]] = {
    "correct": ("Correct", "The expert map draws it as you did."),
    "reversed": ("Reversed", "The expert map draws it the other way round."),
    "misplaced": ("Wrong concept", "The expert map joins one end this way, but to another concept."),
    "wrong": ("Drawn differently", "The expert map joins these concepts, but another way."),
    "extra": ("Not in the expert map", "The expert map does not join these concepts."),
    "missing": ("Missing", "The expert map joins two of your concepts; you could add it."),
}
TO_FIX = ("reversed", "misplaced", "wrong", "missing")  # opened at first: what the student can learn from


def student_map() -> tuple[str, ConceptMap] | None:
    """The student's map being scored (its name and model), or None; problems are shown where it is read."""
    held = st.session_state[state.STUDENT]
    if held is None:
        return None
    name, content = held
    try:
        return name, cache.student_map(name, content)
    except MapError:
        return None


def result(expert: ConceptMap) -> score.Score | None:
    """The score of the student's map being held (an upload counts as soon as it arrives)."""
    _take_upload()
    held = student_map()
    if held is None:
        return None
    return score.score(held[1], expert, _corrections(expert))


def overlay(found: score.Score | None) -> dict[str, Any] | None:
    """What the map draws of the score: the expert's relations judged (for a link to the wrong concept, the
    relations the map has instead), and the student's links the map does not have."""
    if found is None:
        return None
    drawn: dict[str, Any] = {verdict: [] for verdict in ("correct", "reversed", "misplaced", "wrong", "missing")}
    extra = []
    counterpart = {m.student.id: m.expert.id for m in found.matches if m.expert}
    for link in found.links:
        if link.verdict == "misplaced":
            drawn["misplaced"] += [relation.id for relation in link.instead]
        elif link.verdict in drawn and link.expert is not None:
            drawn[link.verdict].append(link.expert.id)
        if link.verdict in ("extra", "misplaced") and link.student is not None:
            ends = counterpart.get(link.student.source), counterpart.get(link.student.target)
            if ends[0] and ends[1] and ends[0] != ends[1]:
                extra.append({"from": ends[0], "to": ends[1], "type": str(link.student.type)})
    used = [verdict for verdict, links in {**drawn, "extra": extra}.items() if links]
    return {**drawn, "extra": extra, "lines": drawing.verdict_lines(used)}


def view(expert: ConceptMap, found: score.Score | None) -> None:
    st.markdown("A student's map of the same paper, in the same format (references and notes optional).")
    upload = st.file_uploader("Upload a map (YAML, CmapTools CXL or GraphML)", key="student_upload",
                              type=["yaml", "yml", "cxl", "graphml"],
                              max_upload_size=MAX_BYTES // 2**20,
                              help=f"At most {MAX_BYTES // 2**20} MiB.")  # fmt: skip
    with st.expander("…or paste one", expanded=False):
        st.text_area("The student's map", key="student_text", height=180, label_visibility="collapsed")
        st.button("Score it", key="score-pasted", on_click=_hold, args=("pasted map", "student_text"))
    if upload is not None and upload.size > MAX_BYTES:
        st.error(f"{md.text(upload.name)} is over {MAX_BYTES // 2**20} MiB, the most a student's map may be.")
        return
    held = st.session_state[state.STUDENT]
    if held is None:
        return
    name, content = held
    try:
        student = cache.student_map(name, content)
    except MapError as error:
        problems.show(error, keeping_last_valid=False)
        return
    if found is None:
        return
    summary(student, found)
    matches(expert, found)
    verdicts(student, expert, found)


def summary(student: ConceptMap, found: score.Score) -> None:
    """Precision and recall, in figures and in words."""
    st.markdown(
        f"**{md.text(student.meta.title)}** · precision **{found.precision:.0%}** · recall **{found.recall:.0%}**"
    )
    st.markdown(" ".join(md.text(sentence) for sentence in score.in_words(found)))


def verdicts(student: ConceptMap, expert: ConceptMap, found: score.Score) -> None:
    """Each verdict's links, with what the map says and its references, and the feedback to download."""
    for verdict, (title, meaning) in VERDICTS.items():
        links = found.of(verdict)
        with st.expander(f"{title} ({len(links)})", expanded=verdict in TO_FIX and bool(links)):
            st.caption(meaning)
            for link in links:
                lines = []
                if link.student is not None:
                    lines.append(f"**Student:** {md.text(score.sentence(student, link.student))}")
                sources = " · ".join(md.link(citation.short, citation.url) for citation in link.citations)
                lines.append(f"**Map:** {md.text(score.explain(link, student, expert))} {sources}".rstrip())
                st.markdown("  \n".join(lines))
    st.download_button(
        "Feedback (Markdown)",
        data=score.report(found, student, expert),
        file_name="feedback.md",
        mime="text/markdown",
        icon=":material/download:",
    )


def matches(expert: ConceptMap, found: score.Score) -> None:
    """The student's concepts and their matches, editable: a teacher corrects a match in the table."""
    import pandas as pd  # a quarter of a second to import: only when this panel is shown

    labels = [NONE, *sorted(concept.label for concept in expert.concepts)]
    table = pd.DataFrame(
        [
            {
                "Student's concept": m.student.label,
                "In this map": m.expert.label if m.expert else NONE,
                "Matched by": m.how,
            }
            for m in found.matches
        ]
    )
    st.data_editor(
        table,
        key="student_matches",
        hide_index=True,
        disabled=["Student's concept", "Matched by"],
        column_config={"In this map": st.column_config.SelectboxColumn(options=labels, required=True)},
    )
    st.caption("Change a match in the table and the links are judged again.")


def _take_upload() -> None:
    """A newly uploaded file (within the size cap) becomes the map being scored."""
    upload = st.session_state.get("student_upload")
    if upload is None or upload.size > MAX_BYTES:
        return
    held = (upload.name, upload.getvalue())
    if st.session_state[state.STUDENT] != held and st.session_state.get("student_upload_seen") != upload.file_id:
        st.session_state[state.STUDENT] = held
        st.session_state["student_upload_seen"] = upload.file_id


def _hold(name: str, key: str) -> None:
    """Callback: the pasted text becomes the map being scored."""
    text = st.session_state.get(key) or ""
    st.session_state[state.STUDENT] = (name, text.encode("utf-8")[: MAX_BYTES + 1])


def _corrections(expert: ConceptMap) -> dict[str, str | None]:
    """The matches a teacher changed in the table, by the student's concept id."""
    edits = (st.session_state.get("student_matches") or {}).get("edited_rows", {})
    held = student_map()
    if not edits or held is None:
        return {}
    by_label = {concept.label: concept.id for concept in expert.concepts}
    concepts = held[1].concepts
    chosen: dict[str, str | None] = {}
    for row, change in edits.items():
        if "In this map" in change and int(row) < len(concepts):
            chosen[concepts[int(row)].id] = by_label.get(change["In this map"])
    return chosen


def _result(run: Run) -> score.Score | None:
    return run.once("score", lambda: result(run.concept_map))


PANEL = Panel(
    "score",
    "Score a map",
    lambda run: view(run.concept_map, _result(run)),
    wide=True,
    keeps_selection=True,
    overlay=lambda run: overlay(_result(run)),
)
