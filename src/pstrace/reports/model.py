"""What the reports know about a trace, gathered from its event stream: every thread
(its process, parent, command line, first and last time seen, how it ended) and every
call and marker on a common time axis.

Times are the events' nanoseconds when the run recorded them (a live run with a report
always does; a parsed log with -ttt and -T prefixes does); otherwise each event's rank
in the stream stands in for its time, one "tick" per event.

strace counterpart: none.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..events import Attach, End, Event, Exec, Exit, Signal, Syscall
from ..render.lines import exit_text, signal_text, syscall_line
from ..render.text import TextRenderer
from ..stats import Stats
from ..syscalls.catalog import by_name
from ..values import Array, Str, Value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field

_FORKS = frozenset(("clone", "clone3", "fork", "vfork"))
# The catalog's classes in the order a call's colour is chosen (a call in several takes
# the first: kill is %signal before %process, execve %process before %file).
CLASSES = ("signal", "process", "network", "ipc", "memory", "file", "desc", "creds",
           "clock", "other")


@dataclass
class Process:
    """One thread group (or one thread, `tgid` != `pid` for a thread of another)."""

    pid: int
    tgid: int
    parent: int | None = None
    argv: list[str] | None = None
    start: int = 0
    end: int = 0
    exit_code: int | None = None
    signal: str | None = None
    core: bool = False
    calls: int = 0
    errors: int = 0
    time: int = 0                       # ns in system calls (entry to exit)
    children: list[int] = field(default_factory=list)

    @property
    def status(self) -> str:
        """"exit 0", "killed by SIGKILL (core dumped)" or "running" (not seen to end)."""
        if self.exit_code is not None:
            return f"exit {self.exit_code}"
        if self.signal is not None:
            return f"killed by {self.signal}" + (" (core dumped)" if self.core else "")
        return "?"


@dataclass(frozen=True, slots=True)
class Call:
    """One bar or marker of the timeline: a call (kind "call") or a signal/exit marker
    (kind "signal", "exit"), its thread, times, class and strace line."""

    kind: str
    pid: int
    start: int
    dur: int
    name: str
    cls: str
    failed: bool
    line: str
    args: tuple[tuple[str, str], ...] = ()


def command_line(p: Process) -> str:
    """A process's command line on one line, shell-quoted ("?" when unknown)."""
    if p.argv is None:
        return "?"
    import shlex  # only for a report, not at start-up (issue #11)
    return shlex.join(p.argv).replace("\n", "\\n").replace("\t", "\\t")


def call_class(name: str) -> str:
    """The catalog class a call is coloured by."""
    row = by_name(name)
    if row is None:
        return "other"
    for cls in CLASSES:
        if cls in row.classes:
            return cls
    return "other"


def _argv(v: Value) -> list[str] | None:
    if isinstance(v, Array):
        # cut at -s as the trace shows them: "..." marks the cut
        return [x.data.decode("utf-8", "replace") + ("..." if x.more else "")
                for x in v.items if isinstance(x, Str)]
    return None


class Collector:
    """The consumer: call it with each event; then read `procs`, `calls`, `stats`,
    `timed`.  `timeline=False` keeps only the processes (all --tree needs), not a
    rendered Call per event."""

    def __init__(self, renderer: TextRenderer | None = None, timeline: bool = True) -> None:
        self.r = renderer or TextRenderer()
        self.timeline = timeline
        self.procs: dict[int, Process] = {}
        self.order: list[int] = []          # pids in the order first seen
        self.calls: list[Call] = []
        self.stats = Stats(wall_clock=True)   # the -c table of the report
        self.timed = False
        self.rank = 0

    def _proc(self, pid: int, t: int) -> Process:
        p = self.procs.get(pid)
        if p is None:
            p = self.procs[pid] = Process(pid, pid, start=t, end=t)
            self.order.append(pid)
        else:
            if t and (not p.start or t < p.start):
                p.start = t
            p.end = max(p.end, t)
        return p

    def _link(self, child: int, parent: int, thread: bool) -> None:
        c = self._proc(child, 0)
        par = self.procs.get(parent)
        if thread and par is not None:
            c.tgid = par.tgid   # the clone that made it says so, after its Attach
        if c.parent is not None or child == parent:
            return
        c.parent = parent
        if par is not None:
            par.children.append(child)
            c.argv = par.argv   # a child runs its parent's program until it execs

    def __call__(self, ev: Event) -> None:
        self.rank += 1
        if isinstance(ev, Syscall):
            self._syscall(ev)
        elif isinstance(ev, Attach):
            if ev.parent is not None:
                self._link(ev.pid, ev.parent, False)
            else:
                self._proc(ev.pid, 0)
        elif isinstance(ev, Signal):
            t = self._time(ev.time)
            self._proc(ev.pid, t)
            if self.timeline:
                self.calls.append(Call("signal", ev.pid, t, 0, ev.name, "signal",
                                       False, signal_text(self.r, ev)))
        elif isinstance(ev, Exit):
            t = self._time(ev.time)
            p = self._proc(ev.pid, t)
            p.exit_code, p.signal, p.core = ev.code, ev.name, ev.core
            if self.timeline:
                self.calls.append(Call("exit", ev.pid, t, 0, "exit", "process",
                                       ev.signo is not None, exit_text(ev)))
        elif isinstance(ev, Exec) and ev.old_pid != ev.pid:
            self.procs.pop(ev.old_pid, None)

    def _time(self, t: int) -> int:
        if t:
            self.timed = True
            return t
        return 0 if self.timed else self.rank

    def _syscall(self, ev: Syscall) -> None:
        t0 = self._time(ev.t_entry)
        t1 = ev.t_exit if ev.t_exit and ev.t_entry else t0 + (0 if self.timed else 1)
        p = self._proc(ev.pid, t0)
        p.end = max(p.end, t1)
        p.calls += 1
        p.errors += bool(ev.errno)
        p.time += t1 - t0 if self.timed else 0
        self.stats.add(ev)
        if ev.name in ("execve", "execveat") and not ev.errno and len(ev.values) > 1:
            p.argv = _argv(ev.values[1 if ev.name == "execve" else 2])
        if ev.name in _FORKS and ev.retval is not None and ev.retval > 0:
            thread = "CLONE_THREAD" in self.r.join(ev.values)
            self._link(ev.retval, ev.pid, thread)
        if not self.timeline:
            return
        failed = bool(ev.errno) or ev.end is not End.RETURNED and ev.end is not End.VANISHED
        args = tuple((a.name or f"arg{i}", self.r.value(a.value))
                     for i, a in enumerate(ev.args))
        self.calls.append(Call("call", ev.pid, t0, t1 - t0, ev.name, call_class(ev.name),
                               failed, syscall_line(self.r, ev), args))

    def roots(self) -> list[Process]:
        """The processes no traced process started, in the order first seen."""
        return [self.procs[p] for p in self.order
                if p in self.procs and self.procs[p].parent not in self.procs]


def collect(events: Iterable[Event]) -> Collector:
    """A Collector fed with every event of `events`."""
    c = Collector()
    for ev in events:
        c(ev)
    return c
