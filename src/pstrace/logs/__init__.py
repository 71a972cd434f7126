"""pstrace.parse() (this package, pstrace.logs): strace 6.x logs back into the events
the engine emits.

`parse(source, pid=None)` reads a path, a file object or an iterable of lines and
yields events: Syscall (an "<unfinished ...>" half and its "<... resumed>" rest merged
into one), Signal, Stop, Exit, and `Unparsed` for any line it cannot read back into an
event that prints as the line did: never an exception, never a dropped line.  A -ff
file (a path ending in ".PID") or an explicit `pid` tags the events with that pid.

strace counterpart: none (strace writes these logs; this reads them).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import IO

from ..events import Event, Syscall, Unparsed
from ..render.lines import DEFAULT_COLUMN
from .lines import _RESUMED, TIMED, UNFINISHED, line_text, read_event
from .prefix import read_prefix

Source = str | os.PathLike[str] | IO[str] | Iterable[str]
_FF_SUFFIX = re.compile(r"\.(\d+)$")


class _Counts:
    """How many arguments fell back to raw text (a Note of the text)."""

    raw_args = 0


COUNTS = _Counts()


def _lines(source: Source) -> tuple[Iterable[str], int | None]:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        m = _FF_SUFFIX.search(path)

        def gen() -> Iterator[str]:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                yield from f
        return gen(), int(m.group(1)) if m else None
    return source, None


def parse(source: Source, pid: int | None = None) -> Iterator[Event]:
    """The events of a strace log (see the module's docstring)."""
    lines, ff_pid = _lines(source)
    if pid is None:
        pid = ff_pid
    pending: dict[int, str] = {}   # pid -> the unfinished half "name(args, "
    for raw in lines:
        line = raw[:-1] if raw.endswith("\n") else raw
        yield from _line(line, pid, pending)
    for p, head in pending.items():
        yield Unparsed(p, head + UNFINISHED)


def _line(line: str, pid: int | None, pending: dict[int, str]) -> Iterator[Event]:
    pre = read_prefix(line)
    p = pre.pid if pre.pid is not None else (pid or 0)
    body = line[pre.end:]
    if body.endswith(UNFINISHED) and not body.endswith(")" + UNFINISHED):
        if p in pending:
            yield Unparsed(p, pending.pop(p) + UNFINISHED)
        pending[p] = body[:-len(UNFINISHED)]
        return
    m = _RESUMED.match(body)
    column = DEFAULT_COLUMN - pre.end
    if m:
        head = pending.pop(p, None)
        if head is None or not head.startswith(m.group("name") + "("):
            if head is not None:
                yield Unparsed(p, head + UNFINISHED)
            yield Unparsed(p, body)
            return
        body = head + body[m.end():]
        column = 0   # the halves were padded where each was printed: not checked
    ev, raw = read_event(body, p, pre.time_ns, pre.ip, column)
    timed = isinstance(ev, Syscall) and TIMED.search(body) is not None
    if column and not isinstance(ev, Unparsed) and \
            line_text(ev, pre.end, timed) != body:
        ev = Unparsed(p, body)
    COUNTS.raw_args += raw
    yield ev


__all__ = ["parse", "Source"]
