"""-c/-C accounting: per syscall, the calls, errors and time spent, and the sinks that
feed it (a counting sink for -c, a fan-out to the text sink and the counter for -C).

The time of one call is, as strace 6.1 measures it, the tracee's system CPU time
between the syscall's entry and exit stops (from wait4's rusage), or with -w the wall
clock between the two stops; -O's overhead is subtracted from each call (not below 0).
Calls that never return (exit_group, a process killed inside a call) are not counted.
strace counterpart: count_syscall() in count.c.
"""
from __future__ import annotations

from dataclasses import dataclass

from .render.output import Output


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

    def add(self, call) -> None:
        if self.wall_clock:
            spent = call.t_exit - call.t_entry
        else:
            spent = call.s_exit - call.s_entry
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
        if call.error:
            row.errors += 1

    def counts(self) -> list[Counts]:
        """The rows in syscall-number order (strace's table order before sorting)."""
        return [self.rows[nr] for nr in sorted(self.rows)]


class StatsSink:
    """-c: counts every finished call and prints nothing but tracer messages."""

    __slots__ = ("stats", "pid_prefix")

    def __init__(self, stats: Stats) -> None:
        self.stats = stats
        self.pid_prefix = False

    def syscall_entry(self, call) -> None:
        pass

    def syscall_exit(self, call) -> None:
        self.stats.add(call)

    def syscall_vanished(self, call, superseded: bool = False) -> None:
        pass

    def syscall_detached(self, call) -> None:
        pass

    def line(self, pid: int, text: str, alive: bool = False) -> None:
        pass

    def signal(self, pid: int, signame: str, siginfo) -> None:
        pass

    def stopped(self, pid: int, signame: str) -> None:
        pass

    def exited(self, pid: int, code: int) -> None:
        pass

    def killed(self, pid: int, signame: str, core: bool) -> None:
        pass

    def message(self, text: str) -> None:
        """Process N attached/detached: strace -c still prints them on stderr."""
        Output(2).write(text + "\n")

    def close(self) -> None:
        pass


class CountingTextSink:
    """-C: the text sink, plus counting each finished call."""

    __slots__ = ("text", "stats")

    def __init__(self, text, stats: Stats) -> None:
        self.text = text
        self.stats = stats

    @property
    def pid_prefix(self) -> bool:
        return self.text.pid_prefix

    @pid_prefix.setter
    def pid_prefix(self, value: bool) -> None:
        self.text.pid_prefix = value

    def syscall_entry(self, call) -> None:
        self.text.syscall_entry(call)

    def syscall_exit(self, call) -> None:
        self.stats.add(call)
        self.text.syscall_exit(call)

    def __getattr__(self, name: str):
        # every other event goes to the text sink unchanged
        return getattr(self.text, name)
