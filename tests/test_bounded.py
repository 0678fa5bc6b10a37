"""Files sent from the page are read in a child process with limits (components/exchange/bounded.py): the same map
or the same problems as read in place, or a clear problem when a file needs more time or memory than a
file gets; never more than two at once."""

from __future__ import annotations

import resource
import threading
import time
from pathlib import Path

import pytest

from components.exchange import bounded, starter
from components.model import load
from components.model.errors import MapError

ROOT = Path(__file__).parents[1]
HEAD = 'meta: {title: T, description: D., source: {citation: C.}, version: "1"}\n'


def aliases(count: int) -> bytes:
    """A map whose one concept has `count` aliases, each a number (so each a problem)."""
    concept = "- {id: a, label: b, kind: facet, summary: c, aliases: [" + "1," * count + "1]}\n"
    return (HEAD + "concepts:\n" + concept).encode()


def test_a_map_read_in_a_child_is_the_map_read_in_place():
    content = (ROOT / "concepts.yaml").read_bytes()
    assert bounded.parse(content, "concepts.yaml") == load.parse(content, "concepts.yaml")


def test_a_broken_map_read_in_a_child_has_the_problems_read_in_place():
    content = (ROOT / "tests" / "data" / "invalid" / "unknown_field.yaml").read_bytes()
    with pytest.raises(MapError) as in_place:
        load.parse(content, "broken.yaml")
    with pytest.raises(MapError) as in_child:
        bounded.parse(content, "broken.yaml")
    assert in_child.value.problems == in_place.value.problems


def test_a_students_map_and_a_bibliography_are_read_in_a_child():
    student = (ROOT / "examples" / "student_empathy.yaml").read_bytes()
    assert bounded.parse(student, "s.yaml", student=True) == load.parse(student, "s.yaml", student=True)
    bib = (ROOT / "tests" / "data" / "bib" / "messy.bib").read_bytes()
    assert bounded.starter_map("messy.bib", bib).yaml == starter.from_file("messy.bib", bib).yaml


def test_a_file_that_needs_more_processor_time_is_refused_and_costs_the_server_nothing(monkeypatch):
    """1.9 million wrong aliases in 3.8 MB took 61 s and 3.4 GB in place."""
    monkeypatch.setattr(bounded, "CPU_SECONDS", 1)
    content = aliases(1_900_000)
    before = resource.getrusage(resource.RUSAGE_SELF)

    with pytest.raises(MapError, match="more than 1 s of processor time") as caught:
        bounded.parse(content, "aliases.yaml")

    after = resource.getrusage(resource.RUSAGE_SELF)
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) < 1
    assert str(caught.value.problems[0]).startswith("aliases.yaml: reading the file takes")


def test_a_file_that_needs_more_memory_is_refused(monkeypatch):
    monkeypatch.setattr(bounded, "MEMORY_BYTES", 200 * 2**20)
    content = (HEAD + "concepts:\n" + "- {x: 1}\n" * 300_000).encode()  # 300,000 broken concepts

    with pytest.raises(MapError, match="more than 200 MB of memory"):
        bounded.parse(content, "many.yaml")


def test_a_file_that_takes_longer_than_the_clock_allows_is_refused(monkeypatch):
    monkeypatch.setattr(bounded, "WALL_SECONDS", 0.01)
    with pytest.raises(MapError, match=r"more than 0\.01 s"):
        bounded.parse((ROOT / "concepts.yaml").read_bytes(), "concepts.yaml")


def test_no_more_than_two_files_are_read_at_once(monkeypatch):
    running, most = [0], [0]
    lock = threading.Lock()
    real_run = bounded.subprocess.run

    def counted(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.2)
        try:
            return real_run(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(bounded.subprocess, "run", counted)
    content = (ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_bytes()
    threads = [threading.Thread(target=bounded.parse, args=(content, "m.yaml")) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert most[0] == bounded.AT_ONCE == 2


def test_a_students_map_over_its_cap_is_refused_before_it_is_read():
    with pytest.raises(MapError, match="over 1 MiB"):
        bounded.parse(b"# x\n" * (load.STUDENT_MAX_BYTES // 4 + 1), "big.yaml", student=True)
