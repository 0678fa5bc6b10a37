"""A student's map as drawn (concepts and worded links) and as a file: one made from the other, both ways.

The Build panel and the importers (exchange/imports.py) hand their drawing to this module, which makes the
lenient student map that `load.parse(..., student=True)` reads and `score.score` judges. Its API, which the
page builds on (keep these signatures):

    wording(words) -> Wording
        A link's words matched to a relation type of the vocabulary: a type's phrase ("engages", "is part
        of"; "reduces" is `modulates` with a negative sign), its inverse ("is engaged by": the link runs the
        other way), a common synonym ("activates"), or a near spelling ("engage"). Words that match no type
        (or deny one: "does not engage") get DEFAULT_TYPE, and are kept as the link's `words`.
    PHRASES
        The phrases a link may be worded with, one per type and sign, in the vocabulary's order.
    build_map(concepts, links, expert, title="") -> ConceptMap
        concepts: [{"id": any text, "label": text}], links: [{"from": id, "to": id, "words": text}], as
        drawn. A concept whose label names one of the expert's concepts exactly (as score.py matches:
        its label, id, older name or abbreviation) takes the expert's id; any other gets an id made from
        its label. A link's words pick its type (`wording`). MapError if the drawing is not a map yet
        (no concept, a blank label, a link to no concept or to itself): each problem's path names the
        drawing's own place, e.g. ("links", 3, "to").
    student_map(concepts, links, title="") -> ConceptMap
        The same without an expert map: a concept keeps its id if it is one (a lowercase slug, but not a
        tool's numbering such as yEd's "n0"), else gets one from its label. What the importers use.
    drawing_of(student_map) -> {"concepts": [{"id", "label"}], "links": [{"from", "to", "words"}]}
        The map as a drawing again, to re-open a student's file: a link's words are the student's own
        where they were kept, else its type's phrase.
    starting_drawing(concept_map) -> the same shape
        The exercise's starting point, from the map's `exercise:` (its concepts and skeleton); empty if
        it has none.
    to_yaml(student_map) -> str
        The student map file, which `load.parse(..., student=True)` reads back as the same map.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from components.model.concepts import SLUG, ConceptMap, validate
from components.model.errors import MapError, Path, Problem
from components.model.vocabulary import RELATIONS, RelationType, Sign
from components.teaching import score

DEFAULT_TYPE = RelationType.INTERACTS_WITH  # symmetric and least committal: it claims no direction
FUZZY_AT_LEAST = 85  # rapidfuzz ratio, 0-100: words this close to a phrase ("engage") are that phrase
MAX_ID = 40
GENERATED = re.compile(r"^[a-z]\d+$")  # a drawing tool's own numbering (yEd's n0): the label says more
EXACT = frozenset({"id", "name", "older name", "abbreviation"})  # how score.match says a name was matched exactly
Drawing = dict[str, list[dict[str, str]]]


@dataclass(frozen=True)
class Wording:
    """What a link's words say: a relation type and sign, which way it runs, and whether a type fitted."""

    type: RelationType
    sign: Sign = Sign.POSITIVE
    reverse: bool = False  # the words read from the link's target ("is engaged by"): the relation runs back
    matched: bool = True  # False: no type fits the words; DEFAULT_TYPE stands in, the words are kept
    exact: bool = True  # the words are the type's own phrase (nothing of the student's to keep)


# Common ways of saying what a type says, for a student's own words: general English, not a topic's.
SYNONYMS: dict[str, tuple[RelationType, Sign, bool]] = {
    "activates": (RelationType.ENGAGES, Sign.POSITIVE, False),
    "recruits": (RelationType.ENGAGES, Sign.POSITIVE, False),
    "uses": (RelationType.ENGAGES, Sign.POSITIVE, False),
    "relies on": (RelationType.ENGAGES, Sign.POSITIVE, False),
    "is activated by": (RelationType.ENGAGES, Sign.POSITIVE, True),
    "belongs to": (RelationType.PART_OF, Sign.POSITIVE, False),
    "is a part of": (RelationType.PART_OF, Sign.POSITIVE, False),
    "is a component of": (RelationType.PART_OF, Sign.POSITIVE, False),
    "contains": (RelationType.PART_OF, Sign.POSITIVE, True),
    "consists of": (RelationType.PART_OF, Sign.POSITIVE, True),
    "has part": (RelationType.PART_OF, Sign.POSITIVE, True),
    "causes": (RelationType.LEADS_TO, Sign.POSITIVE, False),
    "produces": (RelationType.LEADS_TO, Sign.POSITIVE, False),
    "results in": (RelationType.LEADS_TO, Sign.POSITIVE, False),
    "gives rise to": (RelationType.LEADS_TO, Sign.POSITIVE, False),
    "influences": (RelationType.MODULATES, Sign.POSITIVE, False),
    "affects": (RelationType.MODULATES, Sign.POSITIVE, False),
    "increases": (RelationType.MODULATES, Sign.POSITIVE, False),
    "decreases": (RelationType.MODULATES, Sign.NEGATIVE, False),
    "inhibits": (RelationType.MODULATES, Sign.NEGATIVE, False),
    "is associated with": (RelationType.CORRELATES_WITH, Sign.POSITIVE, False),
    "is linked to": (RelationType.CORRELATES_WITH, Sign.POSITIVE, False),
    "differs from": (RelationType.DISTINCT_FROM, Sign.POSITIVE, False),
    "is different from": (RelationType.DISTINCT_FROM, Sign.POSITIVE, False),
    "works with": (RelationType.INTERACTS_WITH, Sign.POSITIVE, False),
    "is connected with": (RelationType.CONNECTS_WITH, Sign.POSITIVE, False),
    "is connected to": (RelationType.CONNECTS_WITH, Sign.POSITIVE, False),
    "tests": (RelationType.MEASURES, Sign.POSITIVE, False),
    "assesses": (RelationType.MEASURES, Sign.POSITIVE, False),
    "is an example of": (RelationType.EXEMPLIFIES, Sign.POSITIVE, False),
    "is evidence for": (RelationType.SUPPORTS, Sign.POSITIVE, False),
    "is evidence against": (RelationType.CHALLENGES, Sign.POSITIVE, False),
    "overcomes": (RelationType.ADDRESSES, Sign.POSITIVE, False),
    "is investigated with": (RelationType.STUDIED_WITH, Sign.POSITIVE, False),
}
_AUXILIARY = re.compile(r"^(?:is|are|was|were|be)\s+")
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|without)\b|n't\b")


def _plain(words: str) -> str:
    """Words compared as a reader would: case, arrows, punctuation and a leading "is"/"are" set aside."""
    text = unicodedata.normalize("NFKC", words).casefold().replace("_", " ").replace("’", "'")
    text = re.sub(r"[^\w' ]+", " ", text)
    return _AUXILIARY.sub("", " ".join(text.split()))


def _phrasebook() -> dict[str, tuple[RelationType, Sign, bool]]:
    """Every wording the vocabulary and SYNONYMS know, plain, to (type, sign, reverse); own phrases first."""
    book: dict[str, tuple[RelationType, Sign, bool]] = {}
    for kind, info in RELATIONS.items():
        for sign in (Sign.POSITIVE, Sign.NEGATIVE) if info.negative else (Sign.POSITIVE,):
            book.setdefault(_plain(info.words(sign)[0]), (kind, sign, False))
        book.setdefault(_plain(kind.value), (kind, Sign.POSITIVE, False))
    for kind, info in RELATIONS.items():
        for sign in (Sign.POSITIVE, Sign.NEGATIVE) if info.negative else (Sign.POSITIVE,):
            book.setdefault(_plain(info.words(sign)[1]), (kind, sign, not info.symmetric))
    for words, meaning in SYNONYMS.items():
        book.setdefault(_plain(words), meaning)
    return book


_BOOK = _phrasebook()
_CHOICES = list(_BOOK)
PHRASES: tuple[str, ...] = tuple(
    phrase
    for info in RELATIONS.values()
    for phrase in dict.fromkeys((info.label, *(info.negative[:1] if info.negative else ())))
)


def wording(words: str) -> Wording:
    """The relation type a link's words say (see the module's docstring)."""
    plain = _plain(words)
    if not plain or _NEGATION.search(plain):
        return Wording(DEFAULT_TYPE, matched=False, exact=not plain)
    found = _BOOK.get(plain)
    if found is None:
        near = process.extractOne(plain, _CHOICES, scorer=fuzz.ratio, score_cutoff=FUZZY_AT_LEAST)
        if near is None:
            return Wording(DEFAULT_TYPE, matched=False, exact=False)
        found = _BOOK[near[0]]
    kind, sign, reverse = found
    own = _plain(RELATIONS[kind].words(sign)[1 if reverse else 0])
    return Wording(kind, sign, reverse, exact=plain == own)


def build_map(
    concepts: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]], expert: ConceptMap, title: str = ""
) -> ConceptMap:
    """A drawn map as a student map, its concepts given the expert's ids where their names match exactly."""
    labels = [_text(concept.get("label")) for concept in concepts]
    taken = set(expert.concept_by_id)
    provisional = [f"drawn_{index}" for index in range(len(labels))]
    while taken.intersection(provisional):
        provisional = [f"{name}_" for name in provisional]
    names = [{"id": name, "label": label} for name, label in zip(provisional, labels, strict=True) if label.strip()]
    matched: dict[str, str] = {}
    if names:
        drafted = validate({"concepts": names}, student=True)
        matched = {m.student.id: m.expert.id for m in score.match(drafted, expert) if m.expert and m.how in EXACT}
    ids: list[str] = []
    used: set[str] = set()
    for name, label in zip(provisional, labels, strict=True):
        chosen = matched.get(name)
        if chosen is None or chosen in used:
            chosen = _unique(_slug(label), used | taken)
        used.add(chosen)
        ids.append(chosen)
    return _made(concepts, links, ids, title)


def student_map(
    concepts: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]], title: str = ""
) -> ConceptMap:
    """A drawn (or imported) map as a student map: each concept keeps its id if it is a slug."""
    ids: list[str] = []
    used: set[str] = set()
    for concept in concepts:
        given = _text(concept.get("id"))
        kept = re.match(SLUG, given) and not GENERATED.match(given) and len(given) <= MAX_ID and given not in used
        chosen = given if kept else None
        ids.append(chosen or _unique(_slug(_text(concept.get("label"))), used))
        used.add(ids[-1])
    return _made(concepts, links, ids, title)


def _made(
    concepts: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]], ids: list[str], title: str
) -> ConceptMap:
    """The student map of a drawing whose concepts get `ids`; problems named by the drawing's places."""
    problems: list[Problem] = []
    own = {_text(concept.get("id")): new for concept, new in zip(concepts, ids, strict=True)}
    records = [
        {"id": new, "label": " ".join(_text(concept.get("label")).split())}
        for concept, new in zip(concepts, ids, strict=True)
    ]
    relations: list[dict[str, Any]] = []
    places: list[int] = []  # each relation's link in the drawing
    seen: set[tuple[str, str, str]] = set()
    for index, link in enumerate(links):
        ends = []
        for end in ("from", "to"):
            named = own.get(_text(link.get(end)))
            if named is None:
                problems.append(Problem("the link's end is not one of the map's concepts", ("links", index, end)))
            ends.append(named)
        source, target = ends
        if source is None or target is None:
            continue
        words = " ".join(_text(link.get("words")).split())
        said = wording(words)
        if said.reverse:
            source, target = target, source
        triple = (source, str(said.type), target)
        if triple in seen or (RELATIONS[said.type].symmetric and (target, triple[1], source) in seen):
            continue  # the same claim drawn twice
        seen.add(triple)
        relation: dict[str, Any] = {"source": source, "type": triple[1], "target": target}
        if said.sign == Sign.NEGATIVE:
            relation["sign"] = str(said.sign)
        if not said.exact and not said.reverse:
            relation["words"] = words
        note = " ".join(_text(link.get("note")).split())
        if note:
            relation["note"] = note
        relations.append(relation)
        places.append(index)
    data: dict[str, Any] = {"concepts": records, "relations": relations}
    if title.strip():
        data["meta"] = {"title": " ".join(_text(title).split())}
    try:
        made = validate(data, student=True)
    except MapError as error:
        problems += [_in_drawing(problem, places) for problem in error.problems]
    if problems:
        raise MapError(problems)
    return made


_FIELDS = {"source": "from", "target": "to", "type": "words", "sign": "words"}


def _in_drawing(problem: Problem, places: list[int]) -> Problem:
    """A problem of the student map, named by its place in the drawing ("links", n, "to")."""
    path: Path = problem.path
    if len(path) >= 2 and path[0] == "relations" and isinstance(path[1], int):
        rest = tuple(_FIELDS.get(str(part), part) for part in path[2:3])
        path = ("links", places[path[1]], *rest)
    message = problem.message
    if "a relation must join two different concepts" in message:
        message = "a link must join two different concepts"
    return Problem(message, path)


def drawing_of(student: ConceptMap) -> Drawing:
    """The map as a drawing: its concepts and its links, each with its words."""
    return {
        "concepts": [{"id": concept.id, "label": concept.label} for concept in student.concepts],
        "links": [
            {"from": relation.source, "to": relation.target, "words": relation.phrase} for relation in student.relations
        ],
    }


def starting_drawing(concept_map: ConceptMap) -> Drawing:
    """What the map's exercise gives the student to start from: its concepts and its skeleton's links."""
    exercise = concept_map.exercise
    if exercise is None:
        return {"concepts": [], "links": []}
    by_id = concept_map.concept_by_id
    return {
        "concepts": [{"id": name, "label": by_id[name].label} for name in exercise.concepts],
        "links": [
            {"from": link.source, "to": link.target, "words": RELATIONS[link.type].label} for link in exercise.skeleton
        ],
    }


HEADER = (
    "# A student's map. Score it against the expert's:\n#   python -m components score THIS_FILE --against MAP.yaml\n"
)


def to_yaml(student: ConceptMap) -> str:
    """The student map file: only what differs from a student map's defaults, in the file's order."""
    data = student.model_dump(mode="json", exclude_defaults=True)
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: Any) -> str:
    """A value from a drawing as text (numbers are written as they read; anything else is blank); a lone
    surrogate (a browser's string may hold one, no file can) becomes U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _slug(label: str) -> str:
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:MAX_ID].rstrip("_")
    return slug if slug[:1].isalpha() else f"concept_{slug}".rstrip("_")


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}_{number}", number + 1
    return candidate
