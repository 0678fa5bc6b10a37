"""A student's map of the paper scored against the expert's: concepts matched by id, name, older name or
abbreviation (fuzzily, with rapidfuzz; a teacher may correct any match), then every link judged.

- correct: the expert map joins the two concepts the same way (same type, same direction, or either
  direction for a symmetric type);
- wrong: the expert map joins them, but otherwise (another type or the other direction);
- extra: the expert map does not join them (or one end matches no concept of it);
- missing: the expert map joins two concepts the student has, and the student does not.
Precision is correct links over the student's links; recall, correct links over the expert's links
between concepts the student has.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process, utils

from . import markdown as md
from .citations import Citation
from .details import citations_of
from .model import Concept, ConceptMap, Relation
from .vocabulary import RELATIONS

FUZZY_AT_LEAST = 86  # rapidfuzz WRatio, 0-100: a name this close counts as the same concept

Verdict = Literal["correct", "wrong", "extra", "missing"]


@dataclass(frozen=True)
class Match:
    student: Concept
    expert: Concept | None
    how: str  # "id", "name", "older name", "abbreviation", "close name (91)", "chosen", "none"


@dataclass(frozen=True)
class Link:
    verdict: Verdict
    student: Relation | None  # the student's link (None when missing)
    expert: Relation | None  # what the expert map says (None when extra)
    citations: tuple[Citation, ...]  # behind the expert's relation


@dataclass(frozen=True)
class Score:
    matches: tuple[Match, ...]
    links: tuple[Link, ...]

    def of(self, verdict: Verdict) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.verdict == verdict)

    @property
    def precision(self) -> float:
        made = len(self.links) - len(self.of("missing"))
        return len(self.of("correct")) / made if made else 0.0

    @property
    def recall(self) -> float:
        expected = len(self.of("correct")) + len(self.of("missing")) + len({link.expert for link in self.of("wrong")})
        return len(self.of("correct")) / expected if expected else 0.0


def match(student: ConceptMap, expert: ConceptMap, chosen: Mapping[str, str | None] | None = None) -> tuple[Match, ...]:
    """Each student concept's counterpart in the expert map, if any; `chosen` overrides (None: no match)."""
    chosen = chosen or {}
    names: list[tuple[str, str, str]] = []  # (text, expert id, how)
    for concept in expert.concepts:
        names += [(concept.label, concept.id, "name"), (concept.id.replace("_", " "), concept.id, "name")]
        names += [(alias, concept.id, "older name") for alias in concept.aliases]
        if concept.abbrev:
            names.append((concept.abbrev, concept.id, "abbreviation"))
    exact = {text.casefold(): (concept, how) for text, concept, how in names}
    by_id = expert.concept_by_id
    matches = []
    for concept in student.concepts:
        if concept.id in chosen:
            picked = chosen[concept.id]
            matches.append(Match(concept, by_id.get(picked) if picked else None, "chosen" if picked else "none"))
        elif concept.id in by_id:
            matches.append(Match(concept, by_id[concept.id], "id"))
        elif (hit := _exact(concept, exact)) is not None:
            matches.append(Match(concept, by_id[hit[0]], hit[1]))
        else:
            matches.append(_fuzzy(concept, names, by_id))
    return tuple(matches)


def _exact(concept: Concept, exact: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    for text in (concept.label, *concept.aliases, *([concept.abbrev] if concept.abbrev else [])):
        if text.casefold() in exact:
            return exact[text.casefold()]
    return None


def _fuzzy(concept: Concept, names: list[tuple[str, str, str]], by_id: Mapping[str, Concept]) -> Match:
    found = process.extractOne(
        concept.label, [text for text, _, _ in names], scorer=fuzz.WRatio, processor=utils.default_process,
        score_cutoff=FUZZY_AT_LEAST,
    )  # fmt: skip
    if found is None:
        return Match(concept, None, "none")
    _, similarity, index = found
    return Match(concept, by_id[names[index][1]], f"close name ({similarity:.0f})")


def score(student: ConceptMap, expert: ConceptMap, chosen: Mapping[str, str | None] | None = None) -> Score:
    matches = match(student, expert, chosen)
    counterpart = {m.student.id: m.expert.id for m in matches if m.expert}
    between: dict[frozenset[str], list[Relation]] = {}
    for relation in expert.relations:
        between.setdefault(frozenset((relation.source, relation.target)), []).append(relation)
    links: list[Link] = []
    judged: set[str] = set()
    for relation in student.relations:
        source, target = counterpart.get(relation.source), counterpart.get(relation.target)
        if source is None or target is None or source == target:
            links.append(Link("extra", relation, None, ()))
            continue
        theirs = between.get(frozenset((source, target)), [])
        same = [r for r in theirs if r.type == relation.type and (
            (r.source, r.target) == (source, target) or RELATIONS[r.type].symmetric)]  # fmt: skip
        verdict: Verdict = "correct" if same else "wrong" if theirs else "extra"
        expert_relation = next(iter(same or theirs), None)
        if expert_relation is not None:
            judged.add(expert_relation.id)
        citations = citations_of(expert, expert_relation.refs) if expert_relation else ()
        links.append(Link(verdict, relation, expert_relation, citations))
    had = set(counterpart.values())
    for relation in expert.relations:
        if relation.source in had and relation.target in had and relation.id not in judged:
            links.append(Link("missing", None, relation, citations_of(expert, relation.refs)))
    return Score(matches, tuple(links))


def sentence(concept_map: ConceptMap, relation: Relation) -> str:
    by_id = concept_map.concept_by_id
    return f"{by_id[relation.source].label} {RELATIONS[relation.type].label} {by_id[relation.target].label}"


def report(result: Score, student: ConceptMap, expert: ConceptMap) -> str:
    """The feedback, in Markdown, to hand back to the student: every text from a map escaped as the page
    escapes it (components/markdown.py), so a student's Markdown or HTML reads as the text it is."""
    lines = [
        f"# Feedback: {md.text(student.meta.title)}",
        "",
        f"Scored against *{md.text(expert.meta.title)}*.",
        "",
        f"- **Precision** {result.precision:.0%}: of your {len(result.links) - len(result.of('missing'))} links, "
        f"{len(result.of('correct'))} are in the expert map as you drew them.",
        f"- **Recall** {result.recall:.0%}: of the expert map's links between concepts you have, you drew "
        f"{len(result.of('correct'))}.",
        "",
        "## Your concepts",
        "",
        *[
            f"- {md.text(m.student.label)} → {md.text(m.expert.label) if m.expert else '(not in the expert map)'} "
            f"({m.how})"
            for m in result.matches
        ],
    ]
    sections: list[tuple[Verdict, str]] = [
        ("correct", "Correct links"),
        ("wrong", "Links the expert map draws differently"),
        ("extra", "Links the expert map does not draw"),
        ("missing", "Links you could add"),
    ]
    for verdict, title in sections:
        found = result.of(verdict)
        lines += ["", f"## {title} ({len(found)})", ""]
        for link in found:
            mine = md.text(sentence(student, link.student)) if link.student else ""
            theirs = md.text(sentence(expert, link.expert)) if link.expert else ""
            note = md.text(link.expert.note) if link.expert else ""
            sources = "; ".join(md.text(citation.short) for citation in link.citations)
            if verdict == "correct":
                lines.append(f"- {mine}. *{note}* [{sources}]")
            elif verdict == "wrong":
                lines.append(f"- You: {mine}. The expert map: {theirs}. *{note}* [{sources}]")
            elif verdict == "extra":
                lines.append(f"- {mine}.")
            else:
                lines.append(f"- {theirs}. *{note}* [{sources}]")
    return "\n".join(lines) + "\n"
