"""A byte-level mutation fuzzer over every way a map gets in: the map file, a student's map (upload or
paste), and the scoring and graph built from what loads; bibliographies made into starter maps; a view's
address; and the exports of every mutant that loads, read back by their independent readers. Real files
are mutated (bits flipped, bytes overwritten, spans deleted, duplicated or spliced from another file,
tokens YAML treats specially inserted); whatever comes out, only the project's own MapError may escape,
each input is answered within a second and in bounded memory.

Seeded, so a failure replays. `FUZZ_MUTANTS=2000 pytest tests/test_fuzz.py` runs a longer campaign.
"""

from __future__ import annotations

import csv
import io
import os
import random
import time
import tracemalloc
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import bibtexparser
import networkx as nx
import pytest
import rispy

from components.analysis import graph
from components.exchange import export
from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError
from components.teaching import score
from components.view import address, scope

ROOT = Path(__file__).parents[1]
SEEDS = [
    ROOT / "concepts.yaml",
    ROOT / "examples" / "working_memory.yaml",
    ROOT / "examples" / "student_empathy.yaml",
    ROOT / "tests" / "data" / "app" / "hostile.yaml",
    ROOT / "tests" / "data" / "valid" / "minimal.yaml",
]
MUTANTS = int(os.environ.get("FUZZ_MUTANTS", "24"))  # per seed file and way in
SECONDS_EACH = 1.0
PEAK_BYTES = 64 * 1024 * 1024  # Python allocations while one input is read, checked and used

# What YAML and the map treat specially: anchors, aliases, merge keys, tags, flow collections, document
# markers, BOM, NUL, surrogates' bytes, overlong and huge numbers, deep nesting, long lines.
TOKENS = [
    b"&a ", b"*a", b"<<: *a\n", b"!!python/object:os.system ", b"!!binary ", b"!!set ", b"!!omap ",
    b"!<tag:yaml.org,2002:str> ", b"[", b"]", b"{", b"}", b"---\n", b"...\n", b"\xef\xbb\xbf", b"\x00",
    b"\xed\xa0\x80", b"\xc0\xaf", b"1e999999", b"0x" + b"f" * 64, b"9" * 400, b"- " * 60, b"[" * 200,
    b"{a: " * 60, b"\t", b"\r", b"\r\n", b"%YAML 1.1\n", b"? ", b": ", b"'", b'"', b"\\", b"#", b"|\n",
    b">-\n", b"x" * 20_000, b"\n  - ", b"null", b"~", b".nan", b"2004-02-30",
]  # fmt: skip


def mutate(content: bytes, donor: bytes, rng: random.Random) -> bytes:
    """`content` after one to four random edits."""
    data = bytearray(content)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        edit = rng.choice(["flip", "byte", "delete", "duplicate", "splice", "token", "truncate"])
        if edit == "flip" and data:
            index = rng.randrange(len(data))
            data[index] ^= 1 << rng.randrange(8)
        elif edit == "byte" and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif edit == "delete":
            del data[at : at + rng.randint(1, 200)]
        elif edit == "duplicate":
            data[at:at] = data[at : at + rng.randint(1, 400)] * rng.randint(1, 8)
        elif edit == "splice" and donor:
            start = rng.randrange(len(donor))
            data[at:at] = donor[start : start + rng.randint(1, 600)]
        elif edit == "token":
            data[at:at] = rng.choice(TOKENS)
        elif edit == "truncate":
            del data[at:]
    return bytes(data)


def use(concept_map: ConceptMap, expert: ConceptMap, student: bool) -> None:
    """What the app does with a map that loads: build its graph, or score it against the expert's."""
    if student:
        score.report(score.score(concept_map, expert), concept_map, expert)
    else:
        graph.build(concept_map)


def answer(content: bytes, expert: ConceptMap, student: bool) -> tuple[float, int]:
    """Processor seconds and peak bytes to read, check and use `content`; anything but MapError propagates.
    (Processor time, not the clock's: other work on a busy machine does not count against the input.)"""
    tracemalloc.start()
    start = time.process_time()
    try:
        use(load.parse(content, "fuzzed.yaml", student=student), expert, student)
    except MapError as error:
        problems = error.problems
    else:
        problems = None
    finally:
        seconds = time.process_time() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    if problems is not None:
        assert problems, "a MapError lists at least one problem"
        assert all(str(problem).startswith("fuzzed.yaml") for problem in problems)
    return seconds, peak


@pytest.fixture(scope="module")
def expert() -> ConceptMap:
    return load.load_concepts(ROOT / "concepts.yaml")


@pytest.mark.parametrize("student", [False, True], ids=["map file", "student's map"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_mutated_files_give_a_map_or_a_map_error_quickly_and_in_bounded_memory(seed: Path, student, expert):
    content = seed.read_bytes()
    donors = [path.read_bytes() for path in SEEDS if path != seed]
    rng = random.Random(f"{seed.name}-{student}")
    slowest, largest = 0.0, 0
    for number in range(MUTANTS):
        mutant = mutate(content, rng.choice(donors), rng)
        try:
            seconds, peak = answer(mutant, expert, student)
        except Exception as error:  # pragma: no cover - the report of a failure
            raise AssertionError(f"mutant {number} of {seed.name} raised {error!r}") from error
        slowest, largest = max(slowest, seconds), max(largest, peak)
    assert slowest < SECONDS_EACH, f"the slowest input took {slowest:.2f} s"
    assert largest < PEAK_BYTES, f"an input took {largest / 2**20:.0f} MiB"


def test_the_fuzzer_reaches_both_outcomes(expert):
    """The mutations are neither all harmless nor all fatal: some mutants still load, most are refused."""
    content = SEEDS[1].read_bytes()
    rng = random.Random(7)
    loaded = refused = 0
    for _ in range(60):
        try:
            load.parse(mutate(content, SEEDS[0].read_bytes(), rng), "fuzzed.yaml")
            loaded += 1
        except MapError:
            refused += 1
    assert loaded > 0
    assert refused > 0


BIBLIOGRAPHIES = sorted((ROOT / "tests" / "data" / "bib").iterdir())


@pytest.mark.parametrize("seed", BIBLIOGRAPHIES, ids=lambda path: path.name)
def test_mutated_bibliographies_give_a_starter_map_or_a_map_error(seed: Path):
    """A starter map from a broken .bib, .ris or DOI list: a valid map with notes, or MapError; nothing else."""
    from components.exchange import starter

    content = seed.read_bytes()
    rng = random.Random(seed.name)
    for number in range(MUTANTS):
        mutant = mutate(content, rng.choice(SEEDS).read_bytes()[:4000], rng)
        start = time.process_time()
        try:
            made = starter.from_file(seed.name, mutant)
        except MapError:
            continue
        except Exception as error:  # pragma: no cover - the report of a failure
            raise AssertionError(f"mutant {number} of {seed.name} raised {error!r}") from error
        assert made.data["references"]
        assert time.process_time() - start < SECONDS_EACH


# --- addresses and exports --------------------------------------------------------------------------------------

ADDRESSES = [
    "?selected=tpj&depth=1", "?kinds=region&kinds=method&facets=mentalizing&facet_depth=2", "?panel=path&path=tpj&"
    "path=prosocial_concern", "?panel=tour&tour=argument&step=3", "?view=figure_1&standing=established",
    "?relations=engages&selected=mentalizing|engages|tpj", "#constructor", "?selected=%E0%A4%A&depth=99999999",
]  # fmt: skip


def test_mutated_addresses_give_a_view_of_the_map(expert):
    """A view's address (the page's, the export menu's, `export --view`): any mutant is a part of the map."""
    rng = random.Random("addresses")
    for number in range(MUTANTS * 8):
        mutant = mutate(rng.choice(ADDRESSES).encode(), rng.choice(ADDRESSES).encode(), rng)
        try:
            shown = scope.of(expert, address.read(expert, mutant.decode("utf-8", errors="replace")))
            part = shown.part(expert)
        except Exception as error:  # pragma: no cover - the report of a failure
            raise AssertionError(f"address {number} {mutant!r} raised {error!r}") from error
        assert shown.concepts <= set(expert.concept_by_id)
        assert {concept.id for concept in part.concepts} == set(shown.concepts)


READERS = {
    "json": lambda data, concept_map: load.parse(data, "map.json") == concept_map,
    "graphml": lambda data, concept_map: nx.read_graphml(io.BytesIO(data)).number_of_nodes()
    == len(concept_map.concepts),
    "gexf": lambda data, concept_map: nx.read_gexf(io.BytesIO(data)).number_of_nodes() == len(concept_map.concepts),
    "cxl": lambda data, concept_map: len(ElementTree.fromstring(data).findall(".//{*}concept"))
    == len(concept_map.concepts),
    "bibtex": lambda data, concept_map: (lambda library: not library.failed_blocks
        and [entry.key for entry in library.entries] == [r.key for r in concept_map.references])(
        bibtexparser.parse_string(data.decode())),
    "ris": lambda data, concept_map: [entry.get("id") for entry in rispy.loads(data.decode())]
    == [r.key for r in concept_map.references],
    "html": lambda data, concept_map: "default-src 'none'" in data.decode(),
}  # fmt: skip


@pytest.mark.parametrize("seed", [SEEDS[1], SEEDS[3]], ids=lambda path: path.name)
def test_mutated_maps_that_load_export_files_their_readers_read_back(seed: Path):
    """Whatever text a map that loads holds, each export reads back in its independent reader."""
    content = seed.read_bytes()
    rng = random.Random(f"exports-{seed.name}")
    exported = 0
    for number in range(MUTANTS * 2):
        mutant = mutate(content, rng.choice(SEEDS).read_bytes()[:4000], rng)
        try:
            concept_map = load.parse(mutant, "fuzzed.yaml")
        except MapError:
            continue
        for format_name, reads_back in READERS.items():
            (file,) = export.export(concept_map, format_name)
            assert reads_back(file.data, concept_map), f"mutant {number} of {seed.name}: {format_name}"
        concepts, _ = export.export(concept_map, "csv")
        assert len(list(csv.DictReader(io.StringIO(concepts.data.decode(), newline="")))) == len(concept_map.concepts)
        exported += 1
    assert exported > 0
