"""--tree: every traced process as an indented tree, one line each: pid, command line,
start and end, how it ended, its calls, errors and time in system calls.  Threads are
listed under their process, marked "thread".

    1234 sh -c ./a  [0.000000 .. 0.012345]  exit 0  calls=42 errors=3 time=0.001234s
    ├─ 1235 ./a  [0.001000 .. 0.010000]  killed by SIGTERM  calls=10 errors=0 ...
    └─ 1236 thread  ...

Times are seconds from the first event (or event ranks "#N" for an untimed log).
strace counterpart: none.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..events import Event
from .model import Collector, Process, collect, command_line


def _when(c: Collector, t: int, t0: int) -> str:
    return f"{(t - t0) / 1e9:.6f}" if c.timed else f"#{t}"


def _line(c: Collector, p: Process, t0: int) -> str:
    what = "thread" if p.tgid != p.pid else command_line(p)
    text = (f"{p.pid} {what}  [{_when(c, p.start, t0)} .. {_when(c, p.end, t0)}]  "
            f"{p.status}  calls={p.calls} errors={p.errors}")
    if c.timed:
        text += f" time={p.time / 1e9:.6f}s"
    return text


def format_tree(source: Collector | Iterable[Event]) -> str:
    """The tree's text (every line ending in a newline) for a Collector or events."""
    c = source if isinstance(source, Collector) else collect(source)
    starts = [p.start for p in c.procs.values() if p.start]
    t0 = min(starts) if starts and c.timed else 0
    out: list[str] = []

    def walk(p: Process, lead: str, branch: str, seen: set[int]) -> None:
        seen.add(p.pid)
        out.append(lead + branch + _line(c, p, t0) + "\n")
        kids = [c.procs[k] for k in p.children if k in c.procs and k not in seen]
        sub = lead + ("" if not branch else "   " if branch == "└─ " else "│  ")
        for i, k in enumerate(kids):
            walk(k, sub, "└─ " if i == len(kids) - 1 else "├─ ", seen)

    seen: set[int] = set()
    for root in c.roots():
        walk(root, "", "", seen)
    return "".join(out)
