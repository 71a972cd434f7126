"""-c/-C accounting: per syscall, the calls, errors and time spent (views/stats.py feeds
it from the event stream, render/summary.py prints it).

The time of one call is, as strace 6.1 measures it, the tracee's system CPU time
between the syscall's entry and exit stops (from wait4's rusage), or with -w the wall
clock between the two stops; -O's overhead is subtracted from each call (not below 0).
Calls that never return (exit_group, a process killed inside a call) are not counted.
strace counterpart: count_syscall() in count.c.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import Syscall


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
        if self.wall_clock:
            spent = call.t_exit - call.t_entry
        else:
            spent = call.stime
        spent -= self.overhead
        if spent < 0:
            spent = 0
        row = self.rows.get(call.nr)
        if row is None:
            row = self.rows[call.nr] = Counts(call.nr, call.name, 1, 0, spent, spent, spent)
        else:
            row.calls += 1
            row.total += spent
            if spent < row.min:
                row.min = spent
            if spent > row.max:
                row.max = spent
        if call.errno:
            row.errors += 1

    def counts(self) -> list[Counts]:
        """The rows in syscall-number order (strace's table order before sorting)."""
        return [self.rows[nr] for nr in sorted(self.rows)]
