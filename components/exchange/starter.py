"""A starter map from a bibliography: BibTeX (bibtexparser), RIS (rispy) or a list of DOIs, made into a
valid map with its references filled in and one stub concept per reference, to rename and link.

Real bibliographies are messy (string macros, braces and LaTeX accents in names, missing fields,
duplicate keys, @comment and @preamble blocks, non-ASCII). What can be kept is kept; every entry that
cannot be used, or is used with a gap, gets a note naming it. Nothing is looked up online: a bare DOI
becomes a reference whose authors, year and title are placeholders to fill in.

Bounded alike on the page and at the command line: at most MAX_BYTES and MAX_ENTRIES entries, counted
before anything is parsed (a list of 130,000 DOIs took 83 s and 1.45 GB to make into a map).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from components.model import load
from components.model.concepts import DOI
from components.model.errors import MapError, Problem
from components.text import citations

SCHEMA_LINE = "# yaml-language-server: $schema=concepts.schema.json\n"
PLACEHOLDER_YEAR = 2000
MAX_BYTES = 2 * 1024 * 1024
MAX_ENTRIES = 2_000  # a paper cites dozens of works, a long review a few hundred
# Where each entry starts, to count them before parsing: an @ that opens a line (BibTeX: @comment and
# @string count too), a TY tag (RIS), any line but a blank or a comment (a list of DOIs).
_ENTRY_STARTS = {
    "bibtex": re.compile(r"^[ \t]*@", re.MULTILINE),
    "ris": re.compile(r"^[ \t]*TY  -", re.MULTILINE),
    "dois": re.compile(r"^[ \t]*[^\s#]", re.MULTILINE),
}


@dataclass
class Starter:
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)  # one per entry skipped or filled in with a placeholder

    @property
    def yaml(self) -> str:
        header = "".join(f"# {note}\n" for note in self.notes)
        return SCHEMA_LINE + header + yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True, width=110)


def from_file(name: str, content: bytes) -> Starter:
    """A starter map from a .bib, .ris or .txt (one DOI per line) file's content."""
    if len(content) > MAX_BYTES:
        too_big = f"the file is over {MAX_BYTES // 2**20} MiB, the most a bibliography may be"
        raise MapError([Problem(too_big, file=name)])
    text = content.decode("utf-8-sig", errors="replace")
    lower = name.lower()
    kind = "ris" if lower.endswith(".ris") else "dois" if lower.endswith((".txt", ".dois")) else "bibtex"
    starts = _ENTRY_STARTS[kind].finditer(text)
    if sum(1 for _ in zip(starts, range(MAX_ENTRIES + 1), strict=False)) > MAX_ENTRIES:
        raise MapError([Problem(
            f"the file holds more than {MAX_ENTRIES:,} entries, the most a starter map takes; "
            "keep the works one paper cites", file=name,
        )])  # fmt: skip
    records, notes = {"ris": _ris, "dois": _dois, "bibtex": _bibtex}[kind](text)
    return _starter(name, records, notes)


def _bibtex(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    from bibtexparser import middlewares
    from bibtexparser.entrypoint import parse_string

    # bibtexparser logs each block it cannot read, quoting the file; the notes name them instead.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL + 1)
    library = parse_string(
        text,
        append_middleware=[middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors()],
    )
    from bibtexparser.model import DuplicateBlockKeyBlock, Entry

    notes, entries = [], list(library.entries)
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            entries.append(block.ignore_error_block)  # kept, under a key of its own (see _unique)
        else:
            notes.append(f"line {line}: skipped an entry that could not be read (unbalanced braces or quotes?)")
    records = []
    for entry in entries:
        fields = {key.lower(): value for key, value in entry.fields_dict.items()}

        def value(name: str, fields: dict[str, Any] = fields) -> str | None:
            found = fields.get(name)
            return _clean(found.value) if found is not None and not isinstance(found.value, list) else None

        people = fields.get("author") or fields.get("editor")
        names = people.value if people is not None else []
        if isinstance(names, str):  # an entry the middlewares did not reach (a duplicate key)
            names = re.split(r"\s+and\s+", names)
        authors = [_clean(name) for name in names]
        records.append({
            "key": entry.key,
            "type": "book" if entry.entry_type.lower() in ("book", "inbook", "incollection") else "article",
            "authors": authors,
            "year": value("year"),
            "title": value("title"),
            "journal": value("journal") or value("booktitle"),
            "publisher": value("publisher"),
            "city": value("address"),
            "volume": value("volume"),
            "pages": (value("pages") or "").replace("--", "-") or None,
            "doi": value("doi"),
        })  # fmt: skip
    return records, notes


def _ris(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    import rispy

    try:
        entries = rispy.loads(text)
    except Exception as error:  # rispy raises plain exceptions on malformed files
        raise MapError([Problem(f"not a RIS file: {error}", file="")]) from error
    records = []
    for number, entry in enumerate(entries, 1):
        kind = entry.get("type_of_reference", "JOUR")
        pages = "-".join(p for p in (entry.get("start_page"), entry.get("end_page")) if p) or None
        records.append({
            "key": entry.get("id") or f"ref{number}",
            "type": "book" if kind in ("BOOK", "CHAP", "EDBOOK") else "article",
            "authors": entry.get("authors") or entry.get("first_authors") or [],
            "year": str(entry.get("year") or entry.get("publication_year") or "")[:4] or None,
            "title": entry.get("title") or entry.get("primary_title"),
            "journal": entry.get("secondary_title") or entry.get("journal_name") or entry.get("alternate_title3"),
            "publisher": entry.get("publisher"),
            "city": entry.get("place_published"),
            "volume": entry.get("volume"),
            "pages": pages,
            "doi": entry.get("doi"),
        })  # fmt: skip
    return records, []


def _dois(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    records: list[dict[str, Any]] = []
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        found = re.search(r"10\.\d{4,9}/\S+", line)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not found:
            notes.append(f"line {number}: no DOI in {line.strip()[:60]!r}")
            continue
        doi = found.group(0).rstrip(".,;")
        records.append({"key": f"doi{len(records) + 1}", "type": "article", "authors": [], "year": None,
                        "title": None, "doi": doi, "placeholder": True})  # fmt: skip
    return records, notes


def _starter(name: str, records: list[dict[str, Any]], notes: list[str]) -> Starter:
    references: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in records:
        label = record["key"] or "an entry without a key"
        key = _unique(_slug(record["key"] or "ref"), seen)
        if key != (record["key"] or "").lower():
            notes.append(f"{label}: key written as {key!r}")
        placeholder = record.get("placeholder", False)
        title = record.get("title")
        if not title and not placeholder:
            notes.append(f"{label}: skipped, it has no title")
            continue
        year = _year(record.get("year"))
        if year is None:
            notes.append(f"{label}: no year; {PLACEHOLDER_YEAR} written, to correct")
            year = PLACEHOLDER_YEAR
        authors = [a for a in (_author(author) for author in record.get("authors") or []) if a]
        if not authors:
            notes.append(f"{label}: no authors; a placeholder written, to correct")
            authors = ["Unknown, A."]
        reference: dict[str, Any] = {
            "n": len(references) + 1,
            "key": key,
            "type": record["type"],
            "authors": authors,
            "year": year,
            "title": title or f"Title of doi:{record['doi']} (to fill in)",
        }
        for name_ in ("journal", "publisher", "city", "volume", "pages"):
            if record.get(name_):
                reference[name_] = _clean(str(record[name_]))
        doi = (record.get("doi") or "").strip().removeprefix("https://doi.org/").removeprefix("doi:")
        if doi and DOI.match(doi):
            reference["doi"] = doi
        elif doi:
            notes.append(f"{label}: DOI {doi!r} is not in the form 10.NNNN/..., left out")
        references.append(reference)
    if not references:
        raise MapError([Problem("no usable entry (each needs at least a title, or a DOI)", file=name)])
    concepts = [
        {"id": reference["key"], "label": _label(reference), "kind": "construct",
         "summary": f"What {_short(reference)} found or proposed: to write, in your own words.",
         "refs": [reference["key"]]}
        for reference in references
    ]  # fmt: skip
    data = {
        "meta": {
            "title": f"A map of {name}",
            "description": "A starter map: one concept per reference, to rename, give kinds and link.",
            "source": {"citation": f"The works listed in {name}."},
            "version": "0.1",
        },
        "concepts": concepts,
        "relations": [],
        "references": references,
    }
    starter = Starter(data, notes)
    load.parse(starter.yaml, f"starter from {name}")  # it is valid, or this is a bug to report, not hide
    return starter


def _clean(value: str) -> str:
    """One line of text without BibTeX's protective braces or doubled spaces."""
    text = unicodedata.normalize("NFC", str(value)).replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", text).strip()


def _author(name: str) -> str | None:
    """ "Last, F." from "Last, First Middle" or "First Middle Last"."""
    name = _clean(name)
    if not name:
        return None
    if "," in name:
        last, _, first = name.partition(",")
    else:
        *first_names, last = name.split(" ")
        first = " ".join(first_names)
    initials = " ".join(f"{part[0]}." for part in re.split(r"[\s.-]+", first.strip()) if part)
    return f"{last.strip()}, {initials}".rstrip(", ") if initials else last.strip()


def _year(value: Any) -> int | None:
    found = re.search(r"\b(1[89]\d\d|20\d\d|2100)\b", str(value or ""))
    return int(found.group(1)) if found else None


def _slug(key: str) -> str:
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_]+", "_", ascii_key).strip("_")
    return slug if slug and slug[0].isalpha() else f"ref_{slug}".rstrip("_")


def _unique(key: str, seen: set[str]) -> str:
    candidate, number = key, 2
    while candidate in seen:
        candidate, number = f"{key}_{number}", number + 1
    seen.add(candidate)
    return candidate


def _short(reference: dict[str, Any]) -> str:
    return citations.short_form(reference["authors"], reference["year"])


def _label(reference: dict[str, Any]) -> str:
    title = str(reference["title"])
    return title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "…"
