"""The Quiz view: questions drawn from the map, answered one click each, with feedback that quotes the
relation's note, cites its work and selects it on the map; a score; the seed in the URL, so a teacher can
hand a class one link; the results as CSV."""

from __future__ import annotations

import random

import streamlit as st

from components.model.concepts import ConceptMap
from components.teaching import quiz
from components.text import markdown as md
from components.text import spreadsheet
from components.ui import state
from components.ui.panels.panel import Panel

QUESTIONS = 8


def view(concept_map: ConceptMap) -> None:
    seed = st.session_state[state.QUIZ]
    if not seed:
        st.markdown("Questions drawn from this map, each with one right answer the map supports.")
        st.button("Start a quiz", icon=":material/quiz:", type="primary", on_click=state.new_quiz,
                  args=(random.randint(1, 999_999),))  # fmt: skip
        return
    asked = quiz.questions(concept_map, seed, QUESTIONS)
    if not asked:
        st.info("This map is too small for a quiz: it needs relations between concepts of several kinds.")
        return
    answers = st.session_state[state.ANSWERS]
    given = {number: answers.get((seed, number)) for number in range(len(asked))}
    right = sum(given[n] == q.options[q.answer] for n, q in enumerate(asked))
    done = sum(answer is not None for answer in given.values())
    st.markdown(f"**{right} of {done} right** · {len(asked)} questions · set {seed}")
    st.caption("Copy the address to give a class this same set.")
    for number, question in enumerate(asked):
        key = f"quiz:{seed}:{number}"
        st.session_state[key] = given[number]
        st.radio(
            f"{number + 1}. {md.text(question.prompt)}",
            options=list(question.options),
            format_func=md.text,
            index=None,
            key=key,
            on_change=state.answer,
            args=(seed, number, key, question.relation.id),
        )
        if given[number] is not None:
            feedback(question, given[number] == question.options[question.answer])
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "Results (CSV)",
            data=results_csv(asked, given),
            file_name=f"quiz-{seed}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        st.button("A new set", icon=":material/refresh:", on_click=state.new_quiz, args=(random.randint(1, 999_999),))


def feedback(question: quiz.Question, correct: bool) -> None:
    sources = " · ".join(md.link(citation.short, citation.url) for citation in question.citations)
    said = f"{md.text(question.note)} {sources}"
    if correct:
        st.success(f"Right. {said}", icon=":material/check_circle:")
    else:
        st.error(f"The map says: {md.text(question.options[question.answer])}. {said}", icon=":material/cancel:")


def results_csv(asked: list[quiz.Question], given: dict[int, str | None]) -> str:
    rows = [
        {
            "question": question.prompt,
            "answer given": given[number] or "",
            "right answer": question.options[question.answer],
            "right": "yes" if given[number] == question.options[question.answer] else "no",
            "why": question.note,
            "works": "; ".join(citation.short for citation in question.citations),
        }
        for number, question in enumerate(asked)
    ]
    return spreadsheet.to_csv(rows, ["question", "answer given", "right answer", "right", "why", "works"])


PANEL = Panel("quiz", "Quiz", lambda run: view(run.concept_map), keeps_selection=True)
