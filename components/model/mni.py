"""Where MNI coordinates lie: a region's one or two points, inside the MNI152 brain or not, on the side
its names say.

The brain mask is nilearn's MNI152 mask at 2 mm, stored beside this module as packed bits
(`mni152_brain_mask.npz`, 11 kB; `tests/test_brain.py` checks it against nilearn's), so that checking a
map needs numpy only, not nilearn. Works on plain data: the model reports these problems with its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from components.model.errors import Problem

MASK = Path(__file__).with_name("mni152_brain_mask.npz")
TOLERANCE_MM = 4.0  # an approximate centre may lie this far outside the mask (the cortex's edge, a sulcus)

Point = tuple[float, float, float]


def points(mni: Any) -> tuple[Point, ...]:
    """A concept's coordinates as points: [x, y, z] is one, [[x, y, z], [x, y, z]] two."""
    if mni is None:
        return ()
    if len(mni) and isinstance(mni[0], (list, tuple)):
        return tuple((float(p[0]), float(p[1]), float(p[2])) for p in mni)
    return ((float(mni[0]), float(mni[1]), float(mni[2])),)


@lru_cache(maxsize=1)
def _mask() -> tuple[Any, Any]:
    import numpy as np

    stored = np.load(MASK)
    shape = tuple(int(n) for n in stored["shape"])
    inside = np.unpackbits(stored["bits"])[: int(np.prod(shape))].reshape(shape).astype(bool)
    return inside, np.linalg.inv(stored["affine"])


@lru_cache(maxsize=1)
def _inside_points() -> Any:
    import numpy as np

    inside, to_voxel = _mask()
    voxels = np.argwhere(inside)
    from_voxel = np.linalg.inv(to_voxel)
    return (np.c_[voxels, np.ones(len(voxels))] @ from_voxel.T)[:, :3]


def inside_point(index: int) -> Point:
    """A point of the brain mask, in MNI mm (for generated maps and tests): any int picks one."""
    points = _inside_points()
    x, y, z = points[index % len(points)]
    return (float(x), float(y), float(z))


def distance_outside(point: Point) -> float:
    """How far (mm) a point lies outside the MNI152 brain mask: 0 inside, up to 2 * TOLERANCE_MM searched."""
    import numpy as np

    inside, to_voxel = _mask()
    centre = (to_voxel @ np.array([*point, 1.0]))[:3]
    reach = int(np.ceil(2 * TOLERANCE_MM / 2))  # voxels are 2 mm
    best = float("inf")
    low = np.maximum(np.floor(centre).astype(int) - reach, 0)
    high = np.minimum(np.ceil(centre).astype(int) + reach, np.array(inside.shape) - 1)
    if np.any(low > high):
        return best
    block = inside[low[0] : high[0] + 1, low[1] : high[1] + 1, low[2] : high[2] + 1]
    where = np.argwhere(block)
    if where.size:
        best = float(np.min(np.linalg.norm((where + low - centre) * 2.0, axis=1)))
    return 0.0 if best <= 1.0 else best  # within half a voxel counts as inside


# Areas named for one hemisphere by definition: "Broca's area" is the left inferior frontal gyrus (its
# right counterpart is called its homologue), "Wernicke's area" the left posterior superior temporal gyrus.
ONE_SIDED = re.compile(r"\b(broca|wernicke)['’]?s? area\b", re.IGNORECASE)


def hemisphere(words: Sequence[str]) -> str | None:
    """ "right" or "left" if the region's names state one hemisphere only (e.g. "right TPJ", "rTPJ",
    "Broca's area")."""
    stated = set()
    for word in words:
        sides = {side for side in ("right", "left") if re.search(rf"\b{side}\b", word, re.IGNORECASE)}
        stated |= sides or ({"left"} if ONE_SIDED.search(word) else set())
        if re.fullmatch(r"r[A-Z]{2,}", word.strip()):
            stated.add("right")
        if re.fullmatch(r"l[A-Z]{2,}", word.strip()):
            stated.add("left")
    return stated.pop() if len(stated) == 1 else None


def coordinate_problems(concept: Mapping[str, Any], path: tuple[str | int, ...]) -> Iterator[Problem]:
    """A region's coordinates against the brain and against the hemisphere its names state (plain data)."""
    mni = concept.get("mni")
    try:
        found = points(mni)
    except (TypeError, ValueError, IndexError):
        return  # not numbers: the model reports that
    if not 1 <= len(found) <= 2:
        return  # the wrong shape: the model says what to write
    for number, point in enumerate(found):
        where: tuple[str | int, ...] = (*path, "mni", number) if len(found) > 1 else (*path, "mni")
        far = distance_outside(point)
        if far > TOLERANCE_MM:
            shown = ", ".join(f"{value:g}" for value in point)
            yield Problem(
                f"[{shown}] lies outside the MNI152 brain (more than {TOLERANCE_MM:g} mm from it): check the signs "
                "and the order x, y, z",
                where,
            )
    names = [str(concept.get("label", "")), *(str(a) for a in concept.get("aliases") or [])]
    if concept.get("abbrev"):
        names.append(str(concept["abbrev"]))
    side = hemisphere(names)
    if side and len(found) == 1:
        x = found[0][0]
        if (side == "right" and x < 0) or (side == "left" and x > 0):
            wanted = "x > 0" if side == "right" else "x < 0"
            yield Problem(
                f"its names say the {side} hemisphere but x = {x:g}: the {side} one has {wanted}", (*path, "mni")
            )
