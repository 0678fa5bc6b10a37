"""Starter maps from bibliographies: messy BibTeX, RIS and DOI lists make valid maps; problems are named."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from components.cli import main
from components.exchange import starter
from components.model import load
from components.model.errors import MapError

BIB = Path(__file__).parent / "data" / "bib"


def made(name: str) -> starter.Starter:
    return starter.from_file(name, (BIB / name).read_bytes())


def test_a_messy_bibtex_file_makes_a_valid_map_keeping_what_it_can():
    result = made("messy.bib")
    concept_map = load.parse(result.yaml, "starter.yaml")
    keys = [reference.key for reference in concept_map.references]
    assert keys == ["zaki2012", "singer2004", "goldman2006", "bruneau", "singer2004_2"]
    zaki = concept_map.reference_by_key["zaki2012"]
    assert zaki.journal == "Nature Neuroscience"  # a @string macro, expanded
    assert zaki.authors == ("Zaki, J.", "Ochsner, K. N.")
    assert zaki.doi == "10.1038/nn.3085"
    assert concept_map.reference_by_key["singer2004"].doi == "10.1126/science.1093535"  # an https DOI, made bare
    assert concept_map.reference_by_key["singer2004"].title.startswith("Empathy for pain")  # braces dropped
    assert concept_map.reference_by_key["bruneau"].authors[2] == "Schönberg, M."  # LaTeX accents decoded
    assert concept_map.reference_by_key["goldman2006"].type == "book"
    assert [concept.refs for concept in concept_map.concepts] == [(key,) for key in keys]


def test_each_problem_names_its_entry():
    notes = made("messy.bib").notes
    assert "notitle: skipped, it has no title" in notes
    assert "Bruneau: no year; 2000 written, to correct" in notes
    assert "Singer2004: key written as 'singer2004_2'" in notes
    assert any(note.startswith("line ") and "could not be read" in note for note in notes)


def test_the_starter_has_the_schema_line_for_editors():
    assert made("messy.bib").yaml.startswith("# yaml-language-server: $schema=concepts.schema.json\n")


def test_a_ris_file_makes_a_valid_map():
    concept_map = load.parse(made("refs.ris").yaml, "starter.yaml")
    first, book = concept_map.references
    assert (first.key, first.pages, first.journal) == ("zaki2012", "675-680", "Nature Neuroscience")
    assert (book.type, book.publisher, book.city) == ("book", "Oxford University Press", "New York")


def test_a_list_of_dois_makes_references_to_fill_in():
    result = made("dois.txt")
    concept_map = load.parse(result.yaml, "starter.yaml")
    assert [r.doi for r in concept_map.references] == ["10.1038/nn.3085", "10.1126/science.1093535"]
    assert any("no DOI" in note for note in result.notes)


@pytest.mark.parametrize("content", [b"", b"% only a comment\n", b"@article{x, year = 2000}"])
def test_a_file_with_nothing_usable_is_a_clear_error(content):
    with pytest.raises(MapError, match="no usable entry"):
        starter.from_file("empty.bib", content)


def test_new_writes_the_starter_map_and_reports_notes(tmp_path, capsys):
    target = tmp_path / "map.yaml"
    assert main(["new", "--from", str(BIB / "messy.bib"), "-o", str(target)]) == 0
    assert yaml.safe_load(target.read_text())["references"][0]["key"] == "zaki2012"
    out, err = capsys.readouterr()
    assert "5 references" in out
    assert "notitle: skipped" in err
    assert main(["validate", str(target)]) == 0


def test_new_from_a_missing_file_exits_1(tmp_path, capsys):
    assert main(["new", "--from", str(tmp_path / "none.bib"), "-o", str(tmp_path / "map.yaml")]) == 1
    assert not (tmp_path / "map.yaml").exists()


# --- bounded: a bibliography is at most 2 MiB and 2,000 entries, on the page and at the command line --------

ENTRIES = {
    "dois.txt": lambda n: "".join(f"10.1000/x{number}\n" for number in range(n)),
    "refs.bib": lambda n: "".join(f"@article{{k{number}, title={{T}}, year={{2001}}}}\n" for number in range(n)),
    "refs.ris": lambda n: "".join(f"TY  - JOUR\nID  - k{number}\nTI  - T\nER  - \n" for number in range(n)),
    "broken.bib": lambda n: "@a{k,\n" * n,  # unclosed entries: 11 s and 924 MB at 2 MiB
}


def test_a_list_of_130000_dois_is_refused_at_once():
    """A 1.99 MB DOI list took 83 s and 1.45 GB."""
    content = ENTRIES["dois.txt"](131_320).encode()
    assert len(content) > 1_990_000
    start = time.perf_counter()

    with pytest.raises(MapError, match=f"more than {starter.MAX_ENTRIES:,} entries"):
        starter.from_file("dois.txt", content)

    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("name", list(ENTRIES))
def test_a_bibliography_of_more_than_the_most_entries_is_refused(name):
    with pytest.raises(MapError, match=f"more than {starter.MAX_ENTRIES:,} entries"):
        starter.from_file(name, ENTRIES[name](starter.MAX_ENTRIES + 1).encode())


@pytest.mark.parametrize("name", ["dois.txt", "refs.bib", "refs.ris"])
def test_a_bibliography_of_the_most_entries_makes_a_map(name):
    assert len(starter.from_file(name, ENTRIES[name](starter.MAX_ENTRIES).encode()).data["references"]) == 2_000


def test_a_bibliography_over_2_mib_is_refused_by_the_page_and_the_command_line_alike(tmp_path, capsys):
    """`new --from` read up to 16 MiB where the page stops at 2 MiB."""
    big = tmp_path / "big.bib"
    big.write_bytes(b"% padding\n" * (starter.MAX_BYTES // 10 + 1))
    with pytest.raises(MapError, match="over 2 MiB"):
        starter.from_file("big.bib", big.read_bytes())

    assert main(["new", "--from", str(big), "-o", str(tmp_path / "map.yaml")]) == 1
    assert "over 2 MiB" in capsys.readouterr().err
    assert not (tmp_path / "map.yaml").exists()


def test_a_stub_concept_cites_its_two_authors_by_name():
    made_map = starter.from_file(
        "two.bib",
        b"@article{sk, author={Saxe, Rebecca and Kanwisher, Nancy}, "
        b"title={People thinking about thinking people}, year={2003}}",
    )

    assert made_map.data["concepts"][0]["summary"].startswith("What Saxe & Kanwisher 2003 found")
