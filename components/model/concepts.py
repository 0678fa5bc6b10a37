"""The typed model of a map (pydantic v2) and its cross-reference rules; no I/O.

`validate(data)` turns plain data (as read from YAML) into a `ConceptMap`, or raises `MapError` listing
every problem with its path: the field-level ones pydantic finds and the cross-reference ones below.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Generator, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import islice
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError

from components.model import mni as coordinates
from components.model.errors import MapError, Path, Problem
from components.model.vocabulary import RELATIONS, SIGNED, EvidenceKind, Kind, RelationType, Sign, Standing

SLUG = r"^[a-z][a-z0-9_]*$"
KIND_VALUES = frozenset(str(kind) for kind in Kind)
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
# The MNI152 template's bounding box, in mm.
MNI_BOUNDS = ((-90, 90), (-126, 90), (-72, 108))


def _strip_doi_prefix(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        for prefix in DOI_PREFIXES:
            if value.lower().startswith(prefix):
                return value[len(prefix) :]
    return value


def _check_doi(value: str) -> str:
    if not DOI.match(value):
        raise ValueError(f"'{value}' is not a DOI; write it as 10.<registrant>/<suffix>, e.g. 10.1038/nn.3085")
    return value


# A whole https address: a host, then only characters that may stand in a URL unescaped (RFC 3986's
# reserved and unreserved characters and %-escapes). No space, control character, quote, bracket of
# markup or backslash can follow, so a link built from it cannot become anything but that link.
HTTPS_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?")


def _check_https(value: str) -> str:
    if not HTTPS_URL.fullmatch(value):
        shown = f"'{value}'" if value.isprintable() and len(value) <= 80 else repr(value[:80])
        raise ValueError(
            f"{shown} is not a whole https: address; write one link starting with https://, "
            "with no spaces, line breaks or quotes (escape them as %20, %0A, %22)"
        )
    return value


def _check_mni(value: tuple[float, float, float]) -> tuple[float, float, float]:
    for axis, coordinate, (low, high) in zip("xyz", value, MNI_BOUNDS, strict=True):
        if not low <= coordinate <= high:
            raise ValueError(f"{axis} = {coordinate:g} mm lies outside the brain (MNI {axis} from {low} to {high})")
    return value


NOT_BLANK = r"\S"
Text = Annotated[str, StringConstraints(pattern=NOT_BLANK)]
Doi = Annotated[
    str,
    BeforeValidator(_strip_doi_prefix),
    AfterValidator(_check_doi),
    Field(
        json_schema_extra={"pattern": r"^(doi:|https://(dx\.)?doi\.org/)?10\.\d{4,9}/\S+$"},
        description="A DOI such as 10.1038/nn.3085 (a doi: or https://doi.org/ prefix is accepted).",
    ),
]
HttpsUrl = Annotated[str, AfterValidator(_check_https), Field(json_schema_extra={"pattern": f"^{HTTPS_URL.pattern}$"})]
Slug = Annotated[str, Field(pattern=SLUG, description="A lowercase slug: letters, digits and _.")]
MniPoint = tuple[float, float, float]
_POINT_SCHEMA = {
    "type": "array",
    "prefixItems": [
        {"type": "number", "minimum": low, "maximum": high, "title": axis}
        for axis, (low, high) in zip("xyz", MNI_BOUNDS, strict=True)
    ],
    "minItems": 3,
    "maxItems": 3,
}


_TWO_POINTS_SCHEMA = {"type": "array", "items": _POINT_SCHEMA, "minItems": 1, "maxItems": 2}


def _check_points(value: Any) -> Any:
    """[x, y, z], or two such points (a region named for both hemispheres); each within the brain's box.
    One message for any mistake, rather than one per shape it could have had."""
    shape = "give [x, y, z] in mm, or two points [[x, y, z], [x, y, z]] for both hemispheres"
    if not isinstance(value, (list, tuple)) or not value:
        raise ValueError(shape)
    nested = all(isinstance(item, (list, tuple)) for item in value)
    found = list(value) if nested else [value]
    if not 1 <= len(found) <= 2:
        raise ValueError(shape)
    checked = []
    for point in found:
        numbers = [c for c in point if isinstance(c, (int, float)) and not isinstance(c, bool)]
        if len(point) != 3 or len(numbers) != 3:
            raise ValueError(shape)
        checked.append(_check_mni((float(point[0]), float(point[1]), float(point[2]))))
    return tuple(checked) if nested else checked[0]


Mni = Annotated[
    MniPoint | tuple[MniPoint, MniPoint],
    BeforeValidator(_check_points),
    Field(json_schema_extra={"oneOf": [_POINT_SCHEMA, _TWO_POINTS_SCHEMA]}),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    citation: Text = Field(description="The paper the map models, as a citation.")
    doi: Doi | None = None
    url: HttpsUrl | None = None
    key: Slug | None = Field(
        default=None,
        description="A reference key for the paper itself: a claim the paper makes (a definition, say) may "
        "cite it in `refs` like any reference.",
    )


class Meta(Strict):
    title: Text = Field(description="The map's name: the page title and the browser tab's.")
    description: Text = Field(description="One or two sentences on what the map is.")
    source: Source
    version: Text
    start_here: Text = Field(
        default="Start from one of the map's facets:",
        description="The line above the list of facets in the details panel's starting view, "
        'e.g. "The paper\'s three facets of empathy:".',
    )
    search_examples: tuple[Text, ...] = Field(
        default=(),
        description="Two or three things to type in the search box, shown in the help "
        "(default: an abbreviation and an older name from the map).",
    )


class Concept(Strict):
    id: Slug
    label: Text
    kind: Kind
    abbrev: Text | None = None
    aliases: tuple[Text, ...] = Field(default=(), description="Other names, e.g. older terms; used by search.")
    summary: Text = Field(description="1-4 sentences, in our own words.")
    mni: Mni | None = Field(
        default=None,
        description="Regions only: approximate MNI coordinates [x, y, z] in mm, or two points "
        "[[x, y, z], [x, y, z]] for a region named for both hemispheres.",
    )
    mni_source: Text | None = Field(default=None, description="Where the MNI coordinates come from.")
    refs: tuple[Slug, ...] = Field(default=(), description="Keys of references that define or describe it.")

    @property
    def name(self) -> str:
        """The label with its abbreviation: "Temporoparietal junction (TPJ)"."""
        return f"{self.label} ({self.abbrev})" if self.abbrev else self.label


class Relation(Strict):
    source: Slug
    type: RelationType
    target: Slug
    refs: tuple[Slug, ...] = Field(min_length=1, description="Keys of the references that support it.")
    note: Text = Field(description="What the cited work showed, in one or two sentences.")
    standing: Standing | None = Field(
        default=None,
        description="How firmly it stands, if not as its type and references say "
        "(see components/analysis/evidence.py): established, tentative, or interpretive (the map's authors' reading).",
    )
    sign: Sign = Field(
        default=Sign.POSITIVE,
        description="negative where more of the source goes with less of the target (predicts, correlates_with, "
        "modulates): it then reads 'predicts less', 'correlates negatively with', 'reduces'.",
    )

    @property
    def id(self) -> str:
        """A stable id: a map has at most one relation per source, type and target."""
        return f"{self.source}|{self.type}|{self.target}"

    @property
    def phrase(self) -> str:
        """How it reads from its source: "predicts", or "predicts less" when its sign is negative."""
        return RELATIONS[self.type].words(self.sign)[0]

    @property
    def inverse_phrase(self) -> str:
        """How it reads from its target: "is predicted by", or "is inversely predicted by"."""
        return RELATIONS[self.type].words(self.sign)[1]


class Reference(Strict):
    n: int = Field(ge=1, description="Its number in the paper's reference list.")
    key: Slug
    type: Literal["article", "book"]
    authors: tuple[Text, ...] = Field(min_length=1)
    authors_complete: bool = True
    year: int = Field(ge=1800, le=2100)
    title: Text
    journal: Text | None = None
    publisher: Text | None = None
    city: Text | None = None
    volume: str | None = None
    pages: str | None = None
    doi: Doi | None = None
    doi_source: Literal["seen", "inferred"] | None = None
    pmid: int | None = Field(default=None, ge=1)
    pmcid: Annotated[str, Field(pattern=r"^PMC\d+$")] | None = None
    url: HttpsUrl | None = None
    evidence: EvidenceKind | None = Field(
        default=None,
        description="What kind of work it is: meta_analysis, lesion, fmri, tms, eeg_meg, "
        "behavioural, developmental, clinical, review, theory or book.",
    )


class View(Strict):
    """A named view of the map: some of its concepts, and the relations among them (a figure of the paper)."""

    id: Slug
    title: Text
    description: Text | None = None
    concepts: tuple[Slug, ...] = Field(min_length=1)


class TourStep(Strict):
    """One step of a tour: what to say, what to show on the map, and the works it rests on."""

    title: Text
    text: Text = Field(description="What the step says: plain text, with *italic* and **bold** only.")
    concepts: tuple[Slug, ...] = Field(default=(), description="The concepts the step shows and frames.")
    relations: tuple[Text, ...] = Field(
        default=(),
        description="Relation ids (source|type|target) it lights; by default, those among its concepts.",
    )
    refs: tuple[Slug, ...] = Field(default=(), description="Keys of the works the step cites.")
    zoom: float | None = Field(default=None, gt=0, le=5, description="How close to zoom (1: the map's own scale).")


class Tour(Strict):
    """A guided sequence through the map, for teaching."""

    id: Slug
    title: Text
    description: Text | None = None
    steps: tuple[TourStep, ...] = Field(min_length=1)


class SkeletonLink(Strict):
    """A link the exercise gives the student to start from."""

    source: Slug
    type: RelationType
    target: Slug


class Exercise(Strict):
    """A concept-mapping exercise on the map: the question to answer, the concepts to use, the links given."""

    question: Text = Field(description="The focus question the student's map answers.")
    concepts: tuple[Slug, ...] = Field(default=(), description="Ids of the map's concepts the student starts with.")
    skeleton: tuple[SkeletonLink, ...] = Field(
        default=(), description="Links given to start from (source, type, target), among the exercise's concepts."
    )


class ConceptMap(Strict):
    meta: Meta
    concepts: tuple[Concept, ...] = Field(min_length=1)
    relations: tuple[Relation, ...] = ()
    references: tuple[Reference, ...] = ()
    views: tuple[View, ...] = Field(default=(), description="Named views, e.g. the paper's figures.")
    tours: tuple[Tour, ...] = Field(default=(), description="Guided tours of the map, step by step.")
    exercise: Exercise | None = Field(default=None, description="A concept-mapping exercise for students.")

    @cached_property
    def concept_by_id(self) -> dict[str, Concept]:
        return {concept.id: concept for concept in self.concepts}

    @cached_property
    def relation_by_id(self) -> dict[str, Relation]:
        return {relation.id: relation for relation in self.relations}

    @cached_property
    def reference_by_key(self) -> dict[str, Reference]:
        return {reference.key: reference for reference in self.references}

    @cached_property
    def search_examples(self) -> tuple[str, ...]:
        """What the help suggests typing in the search box: the map's own, else an abbreviation and an
        older name of its best-known concepts."""
        if self.meta.search_examples:
            return self.meta.search_examples
        abbrev = next((c.abbrev for c in self.concepts if c.abbrev), None)
        alias = next((c.aliases[0] for c in self.concepts if c.aliases), None)
        return tuple(example for example in (abbrev, alias) if example)


class StudentConcept(Concept):
    """A student's concept: a name is enough (kind and summary may come later)."""

    kind: Kind = Kind.CONSTRUCT
    summary: str = ""


class StudentRelation(Relation):
    """A student's link: references and a note are welcome but not required; `words`, the student's own
    wording where it is not its type's phrase ("activates" for engages), is how it reads."""

    refs: tuple[Slug, ...] = ()
    note: str = ""
    words: str = Field(default="", description="The link's wording as the student wrote it, if not its type's.")

    @property
    def phrase(self) -> str:
        return self.words or super().phrase


class StudentMeta(Strict):
    title: str = "A student's map"
    description: str = ""
    source: Source | None = None
    version: str = ""
    start_here: str = ""
    search_examples: tuple[str, ...] = ()


class StudentMap(ConceptMap):
    """A student's map of the same paper, to be scored against the expert's: only concepts are required."""

    meta: StudentMeta = StudentMeta()  # type: ignore[assignment]
    concepts: tuple[StudentConcept, ...] = Field(min_length=1)
    relations: tuple[StudentRelation, ...] = ()


MAX_PROBLEMS = 200  # a file with more lists the first ones: enough to fix, cheap to report
CHUNK = 500  # records validated at a time when looking for the first problems of a very broken file
SECTIONS = ("concepts", "relations", "references")


def validate(data: Any, student: bool = False) -> ConceptMap:
    """Plain data -> ConceptMap (a StudentMap if `student`), or MapError listing every field and
    cross-reference problem.

    A file with more than MAX_PROBLEMS problems gets the first ones and a count of the rest.
    """
    model = StudentMap if student else ConceptMap
    cross = list(islice(cross_reference_problems(data), MAX_PROBLEMS)) if isinstance(data, Mapping) else []
    try:
        concept_map = model.model_validate(data)
    except ValidationError as error:
        taken = {problem.path for problem in cross}  # one problem per place: "unknown 'TPJ'" beats "not an id"
        fields = [problem for problem in _field_problems(data, error, model) if problem.path not in taken]
        problems = [*fields, *cross]
        omitted = max(error.error_count() - len(fields), 0) if error.error_count() > MAX_PROBLEMS else 0
        raise MapError(problems, omitted) from None
    if cross:
        raise MapError(cross)
    return concept_map


def _field_problems(data: Any, error: ValidationError, model: type[ConceptMap] = ConceptMap) -> list[Problem]:
    """Pydantic's problems as the map's own; for a very broken file, only the first MAX_PROBLEMS.

    Converting every error of a file with 100,000 broken records takes seconds, so such a file is
    validated again a chunk of records at a time, every list inside them cut short (a record may hold a
    list of a million wrong values), until enough problems are found.
    """
    if error.error_count() <= MAX_PROBLEMS or not isinstance(data, Mapping):
        return _problems(error.errors())
    found: list[Problem] = []
    longest = max((len(data[name]) for name in SECTIONS if isinstance(data.get(name), list)), default=0)
    for start in range(0, max(longest, 1), CHUNK):
        sample = {
            key: [_trimmed(record) for record in value[start : start + CHUNK]]
            if key in SECTIONS and isinstance(value, list)
            else _trimmed(value)
            for key, value in data.items()
        }
        try:
            model.model_validate(sample)
        except ValidationError as chunk_error:
            for problem in _problems(chunk_error.errors()):
                path = problem.path
                if len(path) > 1 and path[0] in SECTIONS and isinstance(path[1], int):
                    found.append(Problem(problem.message, (path[0], path[1] + start, *path[2:])))
                elif start == 0 and problem.message != "the map needs at least one concept":
                    found.append(problem)  # the top level and meta, once
        if len(found) >= MAX_PROBLEMS:
            break
    return found[:MAX_PROBLEMS]


def _trimmed(value: Any) -> Any:
    """`value` with every list cut to its first MAX_PROBLEMS items, which keep their places."""
    if isinstance(value, list):
        return [_trimmed(item) for item in value[:MAX_PROBLEMS]]
    if isinstance(value, dict):
        return {key: _trimmed(item) for key, item in value.items()}
    return value


def _problems(errors: list[Any]) -> list[Problem]:
    """Pydantic errors -> Problems; a list reported empty because all its items failed says nothing new."""
    failed_inside = {
        tuple(e["loc"][:index]) for e in errors for index, part in enumerate(e["loc"]) if isinstance(part, int)
    }
    return [
        _problem_from_pydantic(e) for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in failed_inside)
    ]


def _within_bounds(value: Any) -> bool:
    """Whether this is one or two points of three numbers each, every one within MNI_BOUNDS."""
    try:
        found = coordinates.points(value)
    except (TypeError, ValueError, IndexError, KeyError):
        return False
    return bool(found) and all(
        len(point) == 3 and all(low <= c <= high for c, (low, high) in zip(point, MNI_BOUNDS, strict=True))
        for point in found
    )


def cross_reference_problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    """Problems between records: duplicates, unknown ids and keys, misplaced coordinates.

    Works on plain data, so it reports alongside pydantic's field problems; records that are not
    mappings, or fields of the wrong type, are left to pydantic.
    """
    concepts = _records(data, "concepts")
    relations = _records(data, "relations")
    references = _records(data, "references")
    ids = yield from _unique(concepts, "concepts", "id", "concept id")
    keys = yield from _unique(references, "references", "key", "reference key")
    yield from _unique(references, "references", "n", "reference number")
    source = data.get("meta", {}).get("source") if isinstance(data.get("meta"), Mapping) else None
    if isinstance(source, Mapping) and isinstance(source.get("key"), str):
        if source["key"] in keys:
            yield Problem(
                f"the source's key '{source['key']}' is also a reference's; use another", ("meta", "source", "key")
            )
        keys.add(source["key"])
    for index, view in _records(data, "views"):
        members = view.get("concepts")
        if isinstance(members, list):
            for position, member in enumerate(members):
                if isinstance(member, str) and member not in ids:
                    yield Problem(
                        f"unknown concept '{member}'{_did_you_mean(member, ids)}",
                        ("views", index, "concepts", position),
                    )
    yield from _unique(_records(data, "views"), "views", "id", "view id")
    yield from _tour_problems(data, ids, keys)
    yield from _exercise_problems(data, ids)
    for index, concept in concepts:
        path: Path = ("concepts", index)
        yield from _known_refs(concept, path, keys)
        if concept.get("kind") == Kind.REGION:
            if "mni" in concept and not concept.get("mni_source"):
                yield Problem("a region with mni needs mni_source: say where the coordinates come from", path)
            if _within_bounds(concept.get("mni")):  # a point out of bounds is pydantic's to report
                yield from coordinates.coordinate_problems(concept, path)
        elif concept.get("kind") in KIND_VALUES and ("mni" in concept or "mni_source" in concept):
            yield Problem(
                f"only regions have mni coordinates; this concept's kind is '{concept.get('kind')}'", (*path, "mni")
            )
    seen: dict[tuple[Any, ...], int] = {}
    for index, relation in relations:
        path = ("relations", index)
        triple = (relation.get("source"), relation.get("type"), relation.get("target"))
        if not _all_in(triple[::2], ids):
            for end, value in (("source", triple[0]), ("target", triple[2])):
                if isinstance(value, str) and value not in ids:
                    yield Problem(f"unknown concept '{value}'{_did_you_mean(value, ids)}", (*path, end))
        yield from _known_refs(relation, path, keys)
        kind = relation.get("type")
        if relation.get("sign") == Sign.NEGATIVE and isinstance(kind, str) and kind in RELATIONS and kind not in SIGNED:
            yield Problem(
                f"'{kind}' has no negative reading; only {', '.join(sorted(SIGNED))} may have sign: negative",
                (*path, "sign"),
            )
        if type(triple[0]) is str and type(triple[1]) is str and type(triple[2]) is str:
            if triple[0] == triple[2]:
                yield Problem(f"a relation must join two different concepts, not '{triple[0]}' to itself", path)
            if triple in seen:
                yield Problem(f"the same relation is already at relations[{seen[triple]}]; remove one", path)
            seen.setdefault(triple, index)


def _tour_problems(data: Mapping[str, Any], ids: set[Any], keys: set[Any]) -> Iterator[Problem]:
    """Every concept, relation and reference a tour step names must be in the map."""
    relations = {f"{r.get('source')}|{r.get('type')}|{r.get('target')}" for _, r in _records(data, "relations")}
    tours = _records(data, "tours")
    yield from _unique(tours, "tours", "id", "tour id")
    for t, tour in tours:
        steps = tour.get("steps")
        if not isinstance(steps, list):
            continue
        for s, step in enumerate(steps):
            if not isinstance(step, Mapping):
                continue
            for field, known, what in (("concepts", ids, "concept"), ("relations", relations, "relation"),
                                       ("refs", keys, "reference")):  # fmt: skip
                values = step.get(field)
                if not isinstance(values, list):
                    continue
                for position, value in enumerate(values):
                    if isinstance(value, str) and value not in known:
                        yield Problem(
                            f"unknown {what} '{value}'{_did_you_mean(value, known)}",
                            ("tours", t, "steps", s, field, position),
                        )


def _exercise_problems(data: Mapping[str, Any], ids: set[Any]) -> Iterator[Problem]:
    """The exercise's concepts must be the map's; its skeleton's links must join two of them."""
    exercise = data.get("exercise")
    if not isinstance(exercise, Mapping):
        return
    members = exercise.get("concepts")
    chosen = {member for member in members if isinstance(member, str)} if isinstance(members, list) else None
    for position, member in enumerate(members if isinstance(members, list) else ()):
        if isinstance(member, str) and member not in ids:
            yield Problem(f"unknown concept '{member}'{_did_you_mean(member, ids)}", ("exercise", "concepts", position))
    skeleton = exercise.get("skeleton")
    for index, link in enumerate(skeleton if isinstance(skeleton, list) else ()):
        if not isinstance(link, Mapping):
            continue
        for end in ("source", "target"):
            value = link.get(end)
            if not isinstance(value, str):
                continue
            if value not in ids:
                yield Problem(
                    f"unknown concept '{value}'{_did_you_mean(value, ids)}", ("exercise", "skeleton", index, end)
                )
            elif chosen is not None and value not in chosen:
                yield Problem(
                    f"'{value}' is not one of the exercise's concepts; add it to exercise.concepts",
                    ("exercise", "skeleton", index, end),
                )


def _records(data: Mapping[str, Any], section: str) -> list[tuple[int, dict[str, Any]]]:
    records = data.get(section)
    if not isinstance(records, (list, tuple)):
        return []
    return [(index, record) for index, record in enumerate(records) if type(record) is dict]


def _unique(
    records: Sequence[tuple[int, Mapping[str, Any]]], section: str, field: str, what: str
) -> Generator[Problem, None, set[Any]]:
    """Yield a problem for each repeated value of `field`; return the set of values."""
    first: dict[Any, int] = {}
    for index, record in records:
        value = record.get(field)
        if not isinstance(value, str | int) or isinstance(value, bool):
            continue
        if value in first:
            yield Problem(
                f"duplicate {what} '{value}' (first used at {section}[{first[value]}])", (section, index, field)
            )
        else:
            first[value] = index
    return set(first)


def _known_refs(record: Mapping[str, Any], path: Path, keys: set[Any]) -> Iterator[Problem]:
    refs = record.get("refs")
    if not isinstance(refs, (list, tuple)) or _all_in(refs, keys):
        return
    for position, key in enumerate(refs):
        if isinstance(key, str) and key not in keys:
            yield Problem(f"unknown reference '{key}'{_did_you_mean(key, keys)}", (*path, "refs", position))


def _all_in(values: list[Any] | tuple[Any, ...], known: set[Any]) -> bool:
    try:
        return known.issuperset(values)
    except TypeError:  # an unhashable value: let the slow path report it
        return False


def _did_you_mean(word: str, choices: set[Any]) -> str:
    matches = difflib.get_close_matches(word, [c for c in choices if isinstance(c, str)], n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


TOO_SHORT = {
    "concepts": "the map needs at least one concept",
    "refs": "a relation needs at least one reference key that supports it",
    "authors": "a reference needs at least one author",
}
FIELDS: dict[str, tuple[str, ...]] = {
    "": tuple(ConceptMap.model_fields),
    "meta": tuple(Meta.model_fields),
    "source": tuple(Source.model_fields),
    "concepts": tuple(Concept.model_fields),
    "relations": tuple(Relation.model_fields),
    "references": tuple(Reference.model_fields),
    "views": tuple(View.model_fields),
    "tours": tuple(Tour.model_fields),
    "steps": tuple(TourStep.model_fields),
    "exercise": tuple(Exercise.model_fields),
    "skeleton": tuple(SkeletonLink.model_fields),
}


EXAMPLES = {
    "concepts": "{id: a_concept, label: A concept}",
    "relations": "{source: a_concept, type: part_of, target: another_concept}",
    "skeleton": "{source: a_concept, type: part_of, target: another_concept}",
}


def _problem_from_pydantic(error: Any) -> Problem:
    """One pydantic error -> a Problem that says what to fix, in the map's words."""
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return Problem(f"missing required field '{loc[-1]}'", loc[:-1])
    if kind == "too_short":
        return Problem(TOO_SHORT.get(str(loc[-1]), "must not be empty"), loc)
    if kind == "extra_forbidden":
        section = next((str(part) for part in reversed(loc[:-1]) if isinstance(part, str)), "")
        allowed = FIELDS.get(section, ())
        name = str(loc[-1])
        hint = _did_you_mean(name, set(allowed))
        return Problem(f"unknown field '{name}'{hint}; allowed fields: {', '.join(allowed)}", loc)
    if kind in ("model_type", "dict_type"):
        section = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
        example = f", e.g. {EXAMPLES[section]}" if section in EXAMPLES else ""
        return Problem(f"must be a mapping of fields{example}, not a single value or a list", loc)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_BLANK:
        return Problem("must not be empty", loc)
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG:
        return Problem(
            f"'{error['input']}' is not a valid id: use lowercase letters, digits and _ "
            "(starting with a letter), e.g. 'anterior_insula'",
            loc,
        )
    if kind == "enum":
        choices = [value.strip("'") for value in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")]
        hint = _did_you_mean(str(error["input"]), set(choices))
        return Problem(f"'{error['input']}' is not allowed here{hint}; use one of: {', '.join(choices)}", loc)
    message = error["msg"].removeprefix("Value error, ")
    return Problem(message[:1].lower() + message[1:], loc)


def reference_use(concept_map: ConceptMap) -> Counter[str]:
    """How many relations and concepts cite each reference key."""
    counts: Counter[str] = Counter({reference.key: 0 for reference in concept_map.references})
    for concept in concept_map.concepts:
        counts.update(concept.refs)
    for relation in concept_map.relations:
        counts.update(relation.refs)
    return counts
