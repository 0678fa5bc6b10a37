"""Writing files whole or not at all: into a temporary file beside the target, then renamed over it,
so a crash, a full disk or Ctrl-C never leaves half a file; with the mode any other new file gets (the
umask), or the mode of the file it replaces. An output that is one of the command's inputs is refused
(`overwritten`). Only the command line writes files."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | Path, content: str | bytes) -> None:
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode(target)
    handle, temporary = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)  # mkstemp makes it 0600
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode(target: Path) -> int:
    """The replaced file's permissions, or a new file's: 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)  # the only way to read it; the command line has one thread
        os.umask(mask)
        return 0o666 & ~mask


def overwritten(outputs: Iterable[str | Path | None], inputs: Iterable[str | Path]) -> tuple[Path, Path] | None:
    """The first (output, input) that are the same file (by path, or a link to it), if any."""
    given = list(inputs)
    for output in outputs:
        if output is None:
            continue
        for source in given:
            if _same(Path(output), Path(source)):
                return Path(output), Path(source)
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return a.resolve() == b.resolve()
