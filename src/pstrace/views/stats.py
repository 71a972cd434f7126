"""-c/-C as a consumer of the event stream.

strace counterpart: the count_syscall() call sites of syscall.c.
"""
from __future__ import annotations

from ..events import End, Event, Syscall
from ..stats import Stats
from ..syscalls.catalog import known

_RETURNED = End.RETURNED   # (once: a global loads faster than a class attribute)


class StatsView:
    """-c/-C: counts every call that returned (calls that never return, a process
    killed inside a call, are not counted: strace 6.1).  Whatever -e status=, -z or
    -Z hide from the text, it counts; a call strace's table does not know it never
    counts."""

    __slots__ = ("stats", "_known")

    def __init__(self, stats: Stats) -> None:
        self.stats = stats
        self._known: set[int] = set()   # x86_64 numbers met that known() accepted

    def __call__(self, ev: Event) -> None:
        if type(ev) is Syscall and ev.end is _RETURNED:
            nr = ev.nr
            # the catalog asked once per number (this runs for every call: issue #11)
            if ev.personality or nr not in self._known:
                if not known(ev.personality, nr):
                    return
                if not ev.personality:
                    self._known.add(nr)
            self.stats.add(ev)
