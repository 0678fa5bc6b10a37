"""A student's map of the paper scored against the expert's: concepts matched by id, name, older name or
abbreviation (fuzzily, with rapidfuzz; a teacher may correct any match), then every link judged, naming
the misconception where there is one:

- correct: the expert map joins the two concepts the same way (same type, same direction, or either
  direction for a symmetric type);
- reversed: the expert map joins them with the same type, the other way round;
- misplaced: the expert map does not join them, but joins one of them this way to another concept of the
  other's kind ("TPJ is part of the mirror neuron system": the map says the TPJ is part of the
  mentalizing system); the end with fewer such alternatives is the one said to be misplaced, and a link
  with more than `MOST_INSTEAD` of them is extra (one of many, not a misconception);
- wrong: the expert map joins them, but with another type;
- extra: the expert map does not join them (or one end matches no concept of it);
- missing: the expert map joins two concepts the student has, and the student does not.
Precision is correct links over the student's links; recall, the expert's links found over the expert's
links between concepts the student has; `in_words` says both as a teacher would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from rapidfuzz import fuzz, process, utils

from components.analysis.details import citations_of
from components.model.concepts import Concept, ConceptMap, Relation
from components.model.vocabulary import RELATIONS, RelationType
from components.text import grammar
from components.text import markdown as md
from components.text.citations import Citation

FUZZY_AT_LEAST = 86  # rapidfuzz WRatio, 0-100: a name this close counts as the same concept
MOST_INSTEAD = 3  # a link whose end the expert map joins this way to more concepts than this is just extra

Verdict = Literal["correct", "reversed", "misplaced", "wrong", "extra", "missing"]
VERDICTS: tuple[Verdict, ...] = ("correct", "reversed", "misplaced", "wrong", "extra", "missing")


@dataclass(frozen=True)
class Match:
    student: Concept
    expert: Concept | None
    how: str  # "id", "name", "older name", "abbreviation", "close name (91)", "chosen", "none"


@dataclass(frozen=True)
class Link:
    verdict: Verdict
    student: Relation | None  # the student's link (None when missing)
    expert: Relation | None  # what the expert map says (None when extra); the first of `instead` if misplaced
    citations: tuple[Citation, ...]  # behind the expert's relations
    instead: tuple[Relation, ...] = ()  # misplaced: what the expert map joins that end to, this way


@dataclass(frozen=True)
class Score:
    matches: tuple[Match, ...]
    links: tuple[Link, ...]

    def of(self, verdict: Verdict) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.verdict == verdict)

    @property
    def drawn(self) -> int:
        """The student's links."""
        return len(self.links) - len(self.of("missing"))

    @property
    def found(self) -> int:
        """The expert's links the student drew as the expert map does."""
        return len({link.expert.id for link in self.of("correct") if link.expert})

    @property
    def expected(self) -> int:
        """The expert's links between concepts the student has."""
        judged = {link.expert.id for link in self.links if link.expert and link.verdict in JOINED}
        return len(judged) + len(self.of("missing"))

    @property
    def precision(self) -> float:
        return len(self.of("correct")) / self.drawn if self.drawn else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0


JOINED: frozenset[Verdict] = frozenset({"correct", "reversed", "wrong"})  # the expert map joins the two ends


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
    links = [_judge(relation, counterpart, expert) for relation in student.relations]
    judged = {link.expert.id for link in links if link.expert and link.verdict in JOINED}
    had = set(counterpart.values())
    for relation in expert.relations:
        if relation.source in had and relation.target in had and relation.id not in judged:
            links.append(Link("missing", None, relation, citations_of(expert, relation.refs)))
    return Score(matches, tuple(links))


def _judge(relation: Relation, counterpart: Mapping[str, str], expert: ConceptMap) -> Link:
    """One student link judged against the expert map (the ends as the expert's concepts)."""
    source, target = counterpart.get(relation.source), counterpart.get(relation.target)
    if source is None or target is None or source == target:
        return Link("extra", relation, None, ())
    symmetric = RELATIONS[relation.type].symmetric
    theirs = [r for r in expert.relations if {r.source, r.target} == {source, target}]
    same = [r for r in theirs if r.type == relation.type and (symmetric or (r.source, r.target) == (source, target))]
    other_way = [r for r in theirs if r.type == relation.type and r not in same]
    verdict: Verdict = "correct" if same else "reversed" if other_way else "wrong" if theirs else "extra"
    instead: tuple[Relation, ...] = ()
    if not theirs:
        instead = _instead(relation.type, source, target, expert)
        verdict = "misplaced" if instead else "extra"
    told = [*same, *other_way, *theirs][:1] or list(instead)
    keys = tuple(dict.fromkeys(key for r in told for key in r.refs))
    return Link(verdict, relation, told[0] if told else None, citations_of(expert, keys), instead)


def _instead(kind: RelationType, source: str, target: str, expert: ConceptMap) -> tuple[Relation, ...]:
    """What the expert map joins, with this type, the source to (among concepts of the target's kind), or
    to the target (among the source's kind): the end with fewer, if at most MOST_INSTEAD."""
    of = {concept.id: concept.kind for concept in expert.concepts}
    symmetric = RELATIONS[kind].symmetric
    from_source, to_target = [], []
    for r in expert.relations:
        if r.type != kind:
            continue
        ends = [(r.source, r.target), (r.target, r.source)] if symmetric else [(r.source, r.target)]
        for near, far in ends:
            if near == source and far != target and of[far] == of[target]:
                from_source.append(r)
            elif far == target and near != source and of[near] == of[source]:
                to_target.append(r)
    sides = sorted((side for side in (from_source, to_target) if side), key=len)
    return tuple(sides[0]) if sides and len(sides[0]) <= MOST_INSTEAD else ()


def sentence(concept_map: ConceptMap, relation: Relation) -> str:
    by_id = concept_map.concept_by_id
    return grammar.sentence(by_id[relation.source].label, relation.phrase, by_id[relation.target].label)


SHARES = {Fraction(1, 2): "half", Fraction(1, 3): "a third", Fraction(2, 3): "two thirds",
          Fraction(1, 4): "a quarter", Fraction(3, 4): "three quarters"}  # fmt: skip


def in_words(result: Score) -> tuple[str, str]:
    """Precision and recall as a teacher says them (see `precision_in_words`, `recall_in_words`)."""
    return precision_in_words(len(result.of("correct")), result.drawn), recall_in_words(result.found, result.expected)


def precision_in_words(right: int, drawn: int) -> str:
    """ "Half of your 8 links are in the expert map as you drew them." """
    if not drawn:
        return "You have drawn no links yet."
    if drawn == 1:
        return f"Your one link is {'' if right else 'not '}in the expert map as you drew it."
    share = "all" if right == drawn else "none" if not right else SHARES.get(Fraction(right, drawn), str(right))
    verb = "is" if share in ("none", "1") else "are"
    return f"{share.capitalize()} of your {drawn} links {verb} in the expert map as you drew them."


def recall_in_words(found: int, expected: int) -> str:
    """ "You found 4 of the 9 links the expert map draws between your concepts." """
    if not expected:
        return "The expert map draws no links between your concepts."
    if expected == 1:
        return f"You {'found' if found else 'did not find'} the one link the expert map draws between your concepts."
    return f"You found {found} of the {expected} links the expert map draws between your concepts."


def explain(link: Link, student: ConceptMap, expert: ConceptMap) -> str:
    """What is wrong with a link (or right), in a sentence that says what the expert map says instead."""
    theirs = sentence(expert, link.expert) if link.expert else ""
    if link.verdict == "correct":
        return "The map draws it as you did."
    if link.verdict == "reversed":
        return f"Reversed: the map draws it the other way round, {theirs}."
    if link.verdict == "misplaced":
        return f"The map says: {'; '.join(sentence(expert, r) for r in link.instead)}."
    if link.verdict == "wrong":
        return f"The map joins them another way: {theirs}."
    if link.verdict == "missing":
        return f"The map says: {theirs}. You have both concepts: you could add it."
    return "The map does not join these concepts."


TITLES: dict[Verdict, str] = {
    "correct": "Correct links",
    "reversed": "Links drawn the wrong way round",
    "misplaced": "Links to the wrong concept",
    "wrong": "Links the expert map draws differently",
    "extra": "Links the expert map does not draw",
    "missing": "Links you could add",
}


def report(result: Score, student: ConceptMap, expert: ConceptMap) -> str:
    """The feedback, in Markdown, to hand back to the student: every text from a map escaped as the page
    escapes it (components/text/markdown.py), so a student's Markdown or HTML reads as the text it is."""
    precision, recall = in_words(result)
    lines = [
        f"# Feedback: {md.text(student.meta.title)}",
        "",
        f"Scored against *{md.text(expert.meta.title)}*.",
        "",
        f"- **Precision** {result.precision:.0%}: {precision}",
        f"- **Recall** {result.recall:.0%}: {recall}",
        "",
        "## Your concepts",
        "",
        *[
            f"- {md.text(m.student.label)} → {md.text(m.expert.label) if m.expert else '(not in the expert map)'} "
            f"({m.how})"
            for m in result.matches
        ],
    ]
    for verdict in VERDICTS:
        found = result.of(verdict)
        lines += ["", f"## {TITLES[verdict]} ({len(found)})", ""]
        for link in found:
            sources = "; ".join(md.text(citation.short) for citation in link.citations)
            said = [
                md.text(sentence(student, link.student)) + "." if link.student else "",
                md.text(explain(link, student, expert)),
            ]
            if link.expert is not None and verdict != "misplaced":
                said.append(f"*{md.text(link.expert.note)}*")
            elif link.instead:
                said += [f"*{md.text(r.note)}*" for r in link.instead]
            lines.append(f"- {' '.join(part for part in said if part)}" + (f" [{sources}]" if sources else ""))
    return "\n".join(lines) + "\n"
