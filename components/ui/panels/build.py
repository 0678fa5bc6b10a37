"""The Build view: a student draws their own map of the paper in the map's place (the board, map_view.build),
from the map's own concept names or new ones, and checks it against this map: the Score view's judgement in
the panel, and each of their links lit on their own drawing as it was judged; "Show the expert's" puts this
map back, the check drawn on it. The drawing is kept in the browser across reloads, downloads as a student's
map file and opens again from one. A map's exercise (its question and concepts, perhaps a skeleton to start
from) is asked at the top, its concepts offered first."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.model.vocabulary import RELATIONS
from components.teaching import score, student_maps
from components.text import markdown as md
from components.ui import cache, problems
from components.ui.panels import score as score_panel
from components.ui.panels.panel import Panel, Run
from components.view import drawing

KEY = "build_view"  # the board; its state `drawing` is the student's drawing
EXPERT = "build_expert"  # "Show the expert's"
CHECKED = "build_checked"  # the drawing as it was when last checked
OPENED = "build_opened"  # {"token", "drawing"}: the last file opened onto the board
UPLOAD = "build_upload"
UNJUDGED = "unjudged"  # a link the check could not place (its ends are no concepts of the drawing: greyed)
PHRASES = sorted({words for info in RELATIONS.values() for words in (info.label, info.inverse, *(info.negative or ()))})
HOW = (
    "Draw how the paper's ideas connect. Add a concept from the box above the board (the map's own names, "
    "or type a new one), drag it into place, and drag from its dot to another concept to link them; give "
    "each link its words. Your map is kept in this browser."
)


@dataclass(frozen=True)
class Check:
    drawing: dict[str, Any]  # as it was when checked
    student: ConceptMap
    found: score.Score


def board(run: Run) -> dict[str, Any] | None:
    """What the board in the map's place is given (`map_view.build`), unless the expert's map is asked for."""
    if st.session_state.get(EXPERT):
        return None
    expert = run.concept_map
    exercise = expert.exercise
    return {
        "key": KEY,
        "storage": f"{expert.meta.title}@{expert.meta.version}",
        "phrases": PHRASES,
        "offered": _offered(expert, run.view.use or (exercise.concepts if exercise else ())),
        "start": _start(expert),
        "load": st.session_state.get(OPENED),
        "checked": lit(_checked(run)),
    }


def drawn() -> dict[str, Any] | None:
    """The drawing the board last sent (its state `drawing`; None: none yet this session)."""
    held = st.session_state.get(KEY)
    value = held.get("drawing") if held is not None else None
    return value if isinstance(value, dict) else None


def view(run: Run) -> None:
    exercise = run.concept_map.exercise
    if exercise is not None:
        st.markdown(f"**{md.text(exercise.question)}**")
    st.caption(HOW)
    with st.container(horizontal=True, gap="small"):
        st.button("Check my map", icon=":material/fact_check:", type="primary", on_click=_check, key="build_check")
        st.toggle("Show the expert's", key=EXPERT, help="This map in place of yours, your check drawn on it.")
    drawing_now = drawn()
    student = _student_of(drawing_now, run.concept_map)
    if student is not None:
        text = student_maps.to_yaml(
            student
        )  # written when asked for: a file made on every edit would race its own download
        st.download_button("Download my map", data=lambda: text, file_name="my-map.yaml",
                           mime="application/yaml", icon=":material/download:", key="build_download")  # fmt: skip
    st.file_uploader("Open a map (YAML, CmapTools CXL or GraphML)", type=["yaml", "yml", "cxl", "graphml"],
                     key=UPLOAD, on_change=_open,
                     max_upload_size=score_panel.MAX_BYTES // 2**20)  # fmt: skip
    if (error := st.session_state.get(f"{UPLOAD}_error")) is not None:
        problems.show(error, keeping_last_valid=False)
    checked = _checked(run)
    if checked is None:
        return
    if drawing_now is not None and _words(drawing_now) != _words(checked.drawing):
        st.info("Your map has changed since it was checked: *Check my map* again to judge it as it is.")
    free = sum(not student_maps.wording(link["words"]).matched for link in checked.drawing["links"])
    if free:
        said = "link's words name" if free == 1 else "links' words name"
        st.caption(f"{free} of your {said} no relation of the map's vocabulary: each is read as "
                   f"'{RELATIONS[student_maps.DEFAULT_TYPE].label}', your words kept.")  # fmt: skip
    score_panel.summary(checked.student, checked.found)
    score_panel.verdicts(checked.student, run.concept_map, checked.found)


def lit(checked: Check | None) -> dict[str, Any] | None:
    """How the board lights the checked drawing: each link's verdict (by its ends' names and its words, so that
    an edit since leaves it unlit), the links the expert map has between the student's concepts, the lines."""
    if checked is None:
        return None
    verdicts = _verdicts(checked)
    student_of = {m.expert.id: m.student.id for m in checked.found.matches if m.expert}
    missing = [
        {"from": student_of[link.expert.source], "to": student_of[link.expert.target], "words": link.expert.phrase}
        for link in checked.found.of("missing")
        if link.expert and link.expert.source in student_of and link.expert.target in student_of
    ]
    used = {*verdicts.values(), *(["missing"] if missing else [])}
    return {"verdicts": verdicts, "missing": missing, "lines": drawing.verdict_lines(used)}


def _verdicts(checked: Check) -> dict[str, str]:
    """Each drawn link's verdict, by "from's name|words|to's name"."""
    by_ends: dict[tuple[str, str], str] = {}
    for link in checked.found.links:
        if link.student is not None:
            by_ends[link.student.source, link.student.target] = link.verdict
            by_ends.setdefault((link.student.target, link.student.source), link.verdict)
    labels = {concept["id"]: concept["label"] for concept in checked.drawing["concepts"]}
    # The student map names a concept of the drawing by the expert's id, or one made from its label.
    ids = {
        concept["id"]: made.id
        for concept, made in zip(checked.drawing["concepts"], checked.student.concepts, strict=True)
    }
    return {
        f"{labels.get(link['from'], '')}|{link['words'].strip()}|{labels.get(link['to'], '')}": by_ends.get(
            (ids.get(link["from"], link["from"]), ids.get(link["to"], link["to"])), UNJUDGED
        )
        for link in checked.drawing["links"]
    }


def _words(drawn: dict[str, Any]) -> set[str]:
    """What a check judges of a drawing: its links as they read (not where its concepts stand)."""
    labels = {concept["id"]: concept["label"] for concept in drawn["concepts"]}
    links = {f"{labels.get(link['from'])}|{link['words'].strip()}|{labels.get(link['to'])}" for link in drawn["links"]}
    return links | {f"concept:{label}" for label in labels.values()}


def _checked(run: Run) -> Check | None:
    return run.once("build", lambda: _check_of(st.session_state.get(CHECKED), run.concept_map))


def _check_of(drawn: dict[str, Any] | None, expert: ConceptMap) -> Check | None:
    student = _student_of(drawn, expert)
    if drawn is None or student is None:
        return None
    return Check(drawn, student, score.score(student, expert, {}))


def _student_of(drawn: dict[str, Any] | None, expert: ConceptMap) -> ConceptMap | None:
    if not drawn or not drawn.get("concepts"):
        return None
    try:
        return student_maps.build_map(drawn["concepts"], drawn["links"], expert, title="My map")
    except (MapError, KeyError, TypeError):
        return None  # a drawing that is not one (a hand-edited state): nothing to judge


def _check() -> None:
    """Callback: the drawing as it is now is the one judged."""
    st.session_state[CHECKED] = drawn()


def _open() -> None:
    """Callback: a student's map file onto the board (undoable there), or its problems."""
    upload = st.session_state.get(UPLOAD)
    st.session_state[f"{UPLOAD}_error"] = None
    if upload is None or upload.size > score_panel.MAX_BYTES:
        return
    try:
        student = cache.student_map(upload.name, upload.getvalue())
    except MapError as error:
        st.session_state[f"{UPLOAD}_error"] = error
        return
    st.session_state[OPENED] = {"token": upload.file_id, "drawing": _placed(student_maps.drawing_of(student), "opened")}


def _offered(expert: ConceptMap, names: tuple[str, ...]) -> list[dict[str, str]]:
    """The exercise's concepts, as the board offers them: the address's (`?use=`), else the map file's."""
    by_id = expert.concept_by_id
    return [{"id": name, "label": by_id[name].label} for name in names if name in by_id]


def _start(expert: ConceptMap) -> dict[str, Any] | None:
    """The exercise's skeleton (its links and their concepts), drawn when the browser keeps nothing yet."""
    given = student_maps.starting_drawing(expert)
    ends = {end for link in given["links"] for end in (link["from"], link["to"])}
    if not ends:
        return None
    return _placed({"concepts": [c for c in given["concepts"] if c["id"] in ends], "links": given["links"]}, "start")


def _placed(drawn: student_maps.Drawing, rev: str) -> dict[str, Any]:
    """A drawing on the board: its concepts round an ellipse (a file keeps no places), each link given an id."""
    count = max(len(drawn["concepts"]), 1)
    radius = 60 + 40 * count
    return {
        "concepts": [
            {
                **concept,
                "x": round(400 + radius * math.cos(2 * math.pi * index / count)),
                "y": round(300 + 0.6 * radius * math.sin(2 * math.pi * index / count)),
            }
            for index, concept in enumerate(drawn["concepts"])
        ],
        "links": [{"id": f"link_{index}", **link} for index, link in enumerate(drawn["links"], 1)],
        "rev": rev,
    }


def _overlay(run: Run) -> dict[str, Any] | None:
    """The check drawn on the expert's map, when it is shown (as the Score view draws one)."""
    checked = _checked(run)
    return score_panel.overlay(checked.found) if checked and st.session_state.get(EXPERT) else None


PANEL = Panel("build", "Build", view, keeps_selection=True, overlay=_overlay, board=board)
