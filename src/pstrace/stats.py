"""-c/-C accounting: per syscall, the calls, errors and time spent (views/stats.py feeds
it from the event stream and summary() makes the table's Summary event,
render/summary.py prints it).

The time of one call is, as strace 6.1 measures it, the tracee's system CPU time
between the syscall's entry and exit stops (from wait4's rusage), or with -w the wall
clock between the two stops; -O's overhead is subtracted from each call (not below 0).
Calls that never return (exit_group, a process killed inside a call) are not counted.
strace counterpart: count_syscall() in count.c.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .events import Summary, SummaryRow

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from ._records import dataclass

if TYPE_CHECKING:
    from .events import Syscall

DEFAULT_COLUMNS = ("time-percent", "total-time", "avg-time", "calls", "errors", "name")


@dataclass
class Counts:
    """One syscall's row before formatting (times in nanoseconds)."""

    nr: int
    name: str
    calls: int = 0
    errors: int = 0
    total: int = 0
    min: int = 0
    max: int = 0


class Stats:
    """The accounting itself: add() one finished call."""

    __slots__ = ("rows", "wall_clock", "overhead")

    def __init__(self, wall_clock: bool = False, overhead_ns: int = 0) -> None:
        self.rows: dict[int, Counts] = {}
        self.wall_clock = wall_clock
        self.overhead = overhead_ns

    def add(self, call: Syscall) -> None:
        spent = (call.t_exit - call.t_entry if self.wall_clock else call.stime) \
            - self.overhead
        if spent < 0:
            spent = 0
        row = self.rows.get(call.nr)
        if row is None:
            self.rows[call.nr] = Counts(call.nr, call.name, 1, 1 if call.errno else 0,
                                        spent, spent, spent)
            return
        row.calls += 1
        row.total += spent
        if spent < row.min:
            row.min = spent
        elif spent > row.max:   # (min <= max: a new minimum is never a new maximum)
            row.max = spent
        if call.errno:
            row.errors += 1

    def counts(self) -> list[Counts]:
        """The rows in syscall-number order (strace's table order before sorting)."""
        return [self.rows[nr] for nr in sorted(self.rows)]


# -S keys: (sort key of a row, descending?)
_SORT_KEYS: dict[str, tuple[Callable[[Counts], float], bool]] = {
    "time": (lambda r: r.total, True),
    "min-time": (lambda r: r.min, True),
    "max-time": (lambda r: r.max, True),
    "avg-time": (lambda r: r.total / r.calls if r.calls else 0.0, True),
    "calls": (lambda r: r.calls, True),
    "errors": (lambda r: r.errors, True),
}


def sort_rows(rows: list[Counts], sort_by: str) -> list[Counts]:
    """Rows in table order; `rows` must come in syscall-number order."""
    if sort_by == "name":
        return sorted(rows, key=lambda r: r.name.encode())
    spec = _SORT_KEYS.get(sort_by)
    if spec is None:          # "nothing"
        return list(rows)
    key, descending = spec
    if descending:   # negated, not reverse=True: ties keep syscall-number order
        return sorted(rows, key=lambda r: -key(r))
    return sorted(rows, key=key)


def summary(rows: list[Counts], columns: Sequence[str] | None = None,
            sort_by: str = "time", wall_clock: bool = False) -> Summary | None:
    """The -c table's event (None when nothing was counted, as strace then prints no
    table).  `rows`: in syscall-number order; `columns`: -U names (the syscall column
    is appended when missing)."""
    rows = [r for r in rows if r.calls]
    if not rows:
        return None
    cols = tuple(columns) if columns else DEFAULT_COLUMNS
    if "name" not in cols:
        cols += ("name",)
    grand = sum(r.total for r in rows)

    def row(r: Counts, name: str, percent: float) -> SummaryRow:
        return SummaryRow(name, r.calls, r.errors, r.total, r.min, r.max, percent,
                          r.total // r.calls // 1000 if r.calls else 0)
    total = Counts(-1, "total", sum(r.calls for r in rows), sum(r.errors for r in rows),
                   grand, min(r.min for r in rows), max(r.max for r in rows))
    return Summary(0, cols, tuple(row(r, r.name, 100.0 * r.total / grand if grand else 0.0)
                                  for r in sort_rows(rows, sort_by)),
                   row(total, "total", 100.0), wall_clock)
