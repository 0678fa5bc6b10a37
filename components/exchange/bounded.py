"""Reading what the page is sent (a map opened, a student's map, a bibliography) in a child process with
limits, so that no file under the size caps can slow or exhaust the server every session shares.

The child gets CPU_SECONDS of processor time and MEMORY_BYTES of address space (resource.setrlimit), the
parent waits WALL_SECONDS at most (and, waiting, holds no lock another session needs: the server's
threads run on), and at most AT_ONCE children run at a time. A file that needs more is refused with a
problem that says so, like any other.

    python -m components.exchange.bounded     the child: reads (verb, arguments, limits) pickled on stdin, writes
                                     the result pickled on stdout (only this module writes and reads them)
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
from typing import Any

from components.exchange import imports, starter
from components.model import load
from components.model.concepts import ConceptMap
from components.model.errors import MapError, Problem

CPU_SECONDS = 5  # a map of 10,000 concepts takes 0.6 s
MEMORY_BYTES = 768 * 2**20  # address space; such a map takes 300 MB
WALL_SECONDS = 20  # a busy machine's share of the processor, and the child's start (0.3 s)
AT_ONCE = 2
_SLOTS = threading.BoundedSemaphore(AT_ONCE)  # shared by the server's sessions: the cores' worth of children
_OUT_OF_MEMORY = 3


def parse(content: bytes, filename: str, student: bool = False) -> ConceptMap:
    """load.parse, in a child process with limits; MapError if the file has problems or needs too much.
    A student's map may also be CmapTools' CXL or GraphML (imports.read)."""
    result: ConceptMap = _run("student" if student else "parse", filename, (content, filename))
    return result


def starter_map(name: str, content: bytes) -> starter.Starter:
    """starter.from_file, in a child process with limits."""
    result: starter.Starter = _run("starter", name, (name, content))
    return result


def _run(verb: str, name: str, arguments: tuple[Any, ...]) -> Any:
    if not _SLOTS.acquire(timeout=WALL_SECONDS):
        raise MapError([Problem("the server is reading other files; try again in a moment", file=name)])
    try:
        done = subprocess.run(
            [sys.executable, "-m", "components.exchange.bounded"],
            input=pickle.dumps((verb, arguments, CPU_SECONDS, MEMORY_BYTES)),
            capture_output=True,
            timeout=WALL_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise MapError([_too_much(name, f"more than {WALL_SECONDS} s")]) from None
    finally:
        _SLOTS.release()
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise MapError([_too_much(name, f"more than {CPU_SECONDS} s of processor time")])
    if done.returncode != 0 or not done.stdout:  # MemoryError, or an allocation a library could not make
        raise MapError([_too_much(name, f"more than {MEMORY_BYTES // 2**20} MB of memory")])
    outcome, *rest = pickle.loads(done.stdout)  # written by this module's child, from this module's objects
    if outcome == "problems":
        problems, omitted = rest
        raise MapError(problems, omitted)
    return rest[0]


def _too_much(name: str, what: str) -> Problem:
    return Problem(
        f"reading the file takes {what}, the most the page gives one file: is it a map? (a map of "
        "10,000 concepts takes well under a second; serve a larger one with --concepts)",
        file=name,
    )


def _child() -> None:
    """Read one file within the limits, as asked on stdin; answer on stdout."""
    verb, arguments, seconds, memory = pickle.load(sys.stdin.buffer)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))  # SIGXCPU, then SIGKILL
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        read: Any = {"parse": load.parse, "student": imports.read, "starter": starter.from_file}[verb]
        result = read(*arguments)
        answer = pickle.dumps(("result", result))
    except MapError as error:
        answer = pickle.dumps(("problems", error.problems, error.omitted))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)
    sys.stdout.buffer.write(answer)
    sys.stdout.flush()


if __name__ == "__main__":
    _child()
