"""Starter maps from bibliographies: messy BibTeX, RIS and DOI lists make valid maps; problems are named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components import load, starter
from components.cli import main
from components.errors import MapError

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
