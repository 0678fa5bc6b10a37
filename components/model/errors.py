"""The one user-facing error of a map: every problem found in a file, each as `file:line:col: message`.

    MapError(ValueError)      raised by load.load_concepts / load.parse and model.validate
      .problems: list[Problem]

A Problem knows where it is twice over: `path`, its place in the data (("relations", 41, "target")),
and, once the loader has matched the path to the YAML text, `file`, `line` and `col` (1-based).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """("relations", 41, "target") -> "relations[41].target"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Problem:
    message: str
    path: Path = ()
    file: str = ""
    line: int | None = None
    col: int | None = None

    def located(self, file: str, line: int | None, col: int | None) -> Problem:
        return replace(self, file=file, line=line, col=col)

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line, self.col) if part not in ("", None))
        what = f"{format_path(self.path)}: {self.message}" if self.path else self.message
        return f"{where}: {what}" if where else what


class MapError(ValueError):
    """A map could not be loaded; `problems` lists every problem found, in file order.

    A very broken file lists only its first problems; `omitted` counts (about) how many more it has.
    """

    def __init__(self, problems: Iterable[Problem], omitted: int = 0):
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.col or 0))
        self.omitted = omitted
        super().__init__(self.problems)

    def __str__(self) -> str:
        return self.summary()

    @property
    def counted(self) -> str:
        """ "1 problem", "3 problems"."""
        count = len(self.problems)
        return f"{count} problem{'s' if count != 1 else ''}"

    def summary(self) -> str:
        head = f"{self.counted} in the map:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems), *self.omitted_note()])

    def omitted_note(self) -> list[str]:
        """A line on the problems left out, if any."""
        return [f"... and about {self.omitted:,} more problems; fix these first"] if self.omitted else []
