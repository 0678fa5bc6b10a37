"""Properties (hypothesis): valid maps survive YAML, broken text only ever gives MapError, scalars read as PyYAML's."""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.model import concepts as model
from components.model import load, mni
from components.model.errors import MapError, Problem
from components.model.vocabulary import Kind, RelationType

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAP_SETTINGS = settings(SETTINGS, max_examples=75)  # a map of up to 30 concepts takes ~70 ms to generate

# --- generated valid maps ------------------------------------------------------------------------------------

SLUGS = st.from_regex(r"[a-z][a-z0-9_]{0,14}", fullmatch=True)
# Free text: any printable character (quotes, colons, '#', non-ASCII...), after a letter so it is never blank.
TEXT = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("AbzÉ"),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
)
OPTIONAL_TEXT = st.none() | TEXT
DOIS = st.builds(
    lambda prefix, registrant, suffix: f"{prefix}10.{registrant}/{suffix}",
    st.sampled_from(["", "doi:", "https://doi.org/", "https://dx.doi.org/"]),
    st.integers(1000, 999_999_999),
    st.from_regex(r"[A-Za-z0-9._;()/:-]{1,20}", fullmatch=True),
)
URLS = st.builds(lambda path: f"https://example.org/{path}", SLUGS)


# Points of the MNI152 brain mask (coordinates outside it are refused; tests/test_brain.py covers that).
MNI = st.integers(0, 10**6).map(lambda index: [round(c) for c in mni.inside_point(index)])


def without_none(record: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in record.items() if value is not None}


@st.composite
def references(draw: st.DrawFn, key: str, n: int) -> dict[str, Any]:
    return without_none(
        {
            "n": n,
            "key": key,
            "type": draw(st.sampled_from(["article", "book"])),
            "authors": draw(st.lists(TEXT, min_size=1, max_size=4)),
            "authors_complete": draw(st.none() | st.booleans()),
            "year": draw(st.integers(1800, 2100)),
            "title": draw(TEXT),
            "journal": draw(OPTIONAL_TEXT),
            "publisher": draw(OPTIONAL_TEXT),
            "city": draw(OPTIONAL_TEXT),
            "volume": draw(st.none() | st.from_regex(r"[0-9]{1,4}", fullmatch=True)),
            "pages": draw(st.none() | st.from_regex(r"[0-9]{1,4}-[0-9]{1,4}", fullmatch=True)),
            "doi": draw(st.none() | DOIS),
            "doi_source": draw(st.none() | st.sampled_from(["seen", "inferred"])),
            "pmid": draw(st.none() | st.integers(1, 10**9)),
            "pmcid": draw(st.none() | st.from_regex(r"PMC[0-9]{1,8}", fullmatch=True)),
            "url": draw(st.none() | URLS),
        }
    )


@st.composite
def concepts(draw: st.DrawFn, concept_id: str, keys: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(list(Kind)))
    is_placed = kind is Kind.REGION and draw(st.booleans())
    refs = draw(st.lists(st.sampled_from(keys), max_size=3)) if keys else []
    return without_none(
        {
            "id": concept_id,
            "label": draw(TEXT),
            "kind": kind.value,
            "abbrev": draw(OPTIONAL_TEXT),
            "aliases": draw(st.none() | st.lists(TEXT, max_size=3)),
            "summary": draw(TEXT),
            "mni": draw(MNI) if is_placed else None,
            "mni_source": draw(TEXT) if is_placed else None,
            "refs": refs or None,
        }
    )


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    """A valid map as plain data: unique ids, keys and numbers; relations between distinct known concepts."""
    keys = draw(st.lists(SLUGS, min_size=draw(st.integers(0, 3)), max_size=6, unique=True))
    numbers = draw(st.lists(st.integers(1, 5000), min_size=len(keys), max_size=len(keys), unique=True))
    ids = draw(st.lists(SLUGS, min_size=draw(st.integers(1, 30)), max_size=30, unique=True))
    triples = []
    if keys and len(ids) > 1:
        triple = st.tuples(st.sampled_from(ids), st.sampled_from(list(RelationType)), st.sampled_from(ids))
        at_least = draw(st.integers(0, 10))
        triples = draw(st.lists(triple.filter(lambda t: t[0] != t[2]), min_size=at_least, max_size=40, unique=True))
    return without_none(
        {
            "meta": {
                "title": draw(TEXT),
                "description": draw(TEXT),
                "source": without_none(
                    {"citation": draw(TEXT), "doi": draw(st.none() | DOIS), "url": draw(st.none() | URLS)}
                ),
                "version": draw(TEXT),
            },
            "concepts": [draw(concepts(concept_id, keys)) for concept_id in ids],
            "relations": [
                {
                    "source": source,
                    "type": kind.value,
                    "target": target,
                    "refs": draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3)),
                    "note": draw(TEXT),
                }
                for source, kind, target in triples
            ]
            or None,
            "references": [draw(references(key, n)) for key, n in zip(keys, numbers, strict=True)] or None,
        }
    )


@pytest.mark.slow
@MAP_SETTINGS
@given(data=maps(), unicode=st.booleans())
def test_generated_map_parses_as_it_validates(data, unicode):
    text = yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False)

    assert load.parse(text) == model.validate(data)


@pytest.mark.slow
@MAP_SETTINGS
@given(data=maps())
def test_dumped_model_loads_back_to_itself(data):
    concept_map = model.validate(data)
    text = yaml.safe_dump(concept_map.model_dump(mode="json", exclude_none=True), allow_unicode=True)

    assert load.parse(text) == concept_map


# --- corrupted text ------------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["\t", ":", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "&a", "- ", "? ", "#", "'", '"', "!!", "!", "|",
     ">", "%", "@", "`", "<<: ", "---\n", "...\n", "\x00", "\x85", "\u2028", "\ufeff", "é", "—", "😀", "\n",
     "\n  ", "    ", "~", "yes", "1e3", "2004-13-45", "0x", "-"]
)  # fmt: skip
INSERTS = st.lists(PIECES | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=6).map(
    "".join
)


@st.composite
def corrupted(draw: st.DrawFn, text: str) -> str | bytes:
    """The text after 1-3 random edits; sometimes as UTF-8 bytes with a byte overwritten."""
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.sampled_from(["delete", "insert", "duplicate_line", "swap_lines", "truncate"]))
        at = draw(st.integers(0, len(text)))
        lines = text.splitlines(keepends=True)
        if edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 80)) :]
        elif edit == "insert":
            text = text[:at] + draw(INSERTS) + text[at:]
        elif edit == "truncate":
            text = text[:at]
        elif lines:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if edit == "duplicate_line":
                lines.insert(i, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
    if not draw(st.booleans()):
        return text
    raw = bytearray(text.encode("utf-8"))
    if raw:
        raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
    return bytes(raw)


def problems_of(content: str | bytes) -> list[Problem] | None:
    """The problems of parsing `content`, None if it loads; any exception but MapError propagates."""
    try:
        load.parse(content, "corrupt.yaml")
    except MapError as error:
        return error.problems
    return None


@SETTINGS
@given(data=st.data())
def test_corrupted_text_loads_or_raises_map_error(valid_text, data):
    problems = problems_of(data.draw(corrupted(valid_text)))

    assert problems is None or problems, "a MapError must list at least one problem"
    for problem in problems or []:
        assert str(problem).startswith("corrupt.yaml")
        assert problem.line is None or problem.line >= 1
        assert problem.col is None or problem.col >= 1


@SETTINGS
@given(data=st.data())
def test_corrupted_text_problems_lie_within_the_text(valid_text, data):
    content = data.draw(corrupted(valid_text))
    text = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content

    last_line = len(text.splitlines()) + 1
    assert all(problem.line is None or problem.line <= last_line for problem in problems_of(content) or [])


# --- scalars as PyYAML reads them ----------------------------------------------------------------------------

_REFERENCE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the loader's own parser, as yaml.load uses it
SCALAR_PIECES = st.sampled_from(
    ["a", "1", "0", "7", ".", "-", "+", "e", ":", "_", "x", "b", "o", "yes", "No", "~", "null", "TRUE", "<<",
     "=", " ", "!", "!!str ", "!!int ", "!!float ", "!!bool ", "'", '"', "[", "]", "{", "}", ",", "#", "é",
     "2004-01-02", "T", "Z", ".inf", ".nan", "\n  "]
)  # fmt: skip


def same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    return type(a) is type(b) and a == b


@settings(max_examples=300, deadline=None)
@given(st.lists(SCALAR_PIECES, max_size=10).map("".join))
def test_read_yaml_reads_values_as_pyyaml_or_raises_map_error(value):
    text = f"key: {value}\n"
    try:
        document = load.read_yaml(text)
    except MapError:
        return
    if document.problems:  # e.g. a duplicate key, which PyYAML would silently overwrite
        return
    assert same(document.data, yaml.load(text, Loader=_REFERENCE))
