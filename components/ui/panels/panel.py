"""What a side panel is (`Panel`), and what every panel is given to draw from (`Run`): the map and the view
as this run of the page has settled them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from components.analysis.filters import Visible
from components.analysis.paths import Path
from components.analysis.selection import Selection
from components.model.concepts import ConceptMap
from components.ui.cache import MapFile
from components.view.address import View

T = TypeVar("T")


@dataclass(frozen=True)
class Run:
    file: MapFile
    concept_map: ConceptMap
    view: View
    selection: Selection | None
    visible: Visible  # what the filters keep
    filtered: bool  # whether they leave anything out
    routes: list[Path]  # the path's routes, in the Path panel
    lit: frozenset[str]  # the concepts lit on the map, and the selection's
    presenting: bool
    panel: Panel
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def shown_nodes(self) -> frozenset[str] | None:
        """The concepts the filters keep, if they leave any out."""
        return self.visible.nodes if self.filtered else None

    def once(self, name: str, compute: Callable[[], T]) -> T:
        """`compute()`, once per run (what a panel's overlay and the panel itself both need)."""
        if name not in self._memo:
            self._memo[name] = compute()
        result: T = self._memo[name]
        return result


@dataclass(frozen=True)
class Panel:
    name: str  # its value of `?panel=`
    label: str  # on its tab
    draw: Callable[[Run], None]  # the panel, in the side column
    wide: bool = False  # the side column widens for its tables
    keeps_selection: bool = False  # a click on the map selects there without leaving this panel for Details
    settle: Callable[[Run], None] | None = None  # before the address is written: what it keeps in bounds
    on_stage: Callable[[Run], None] | None = None  # what it draws in the map's place, while `?stage=1`
    overlay: Callable[[Run], dict[str, Any] | None] | None = None  # what the map draws over itself for it
    board: Callable[[Run], dict[str, Any] | None] | None = None  # a drawing board in the map's place: its data
    on_link: Callable[[], None] | None = None  # the map offers "Draw a relation" while it is shown: the ends drawn

    def staged(self, run: Run) -> bool:
        """Whether it takes the map's place now."""
        return self.on_stage is not None and bool(run.view.stage)
