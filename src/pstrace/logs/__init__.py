"""pstrace.parse() (this package, pstrace.logs): strace 6.x logs back into the events
the engine emits.

`parse(source, pid=None)` reads a path, a file object or an iterable of lines and
yields events: Syscall (an "<unfinished ...>" half and its "<... resumed>" rest merged
into one), Signal, Stop, Exit, and `Unparsed` for any line it cannot read back into an
event that prints as the line did: never an exception, never a dropped line; a -c
table is one Summary event.  Each event keeps the line's prefix and -T (its LineForm),
so that str() of each event gives its line back.  A -ff file (a path ending in
".PID") or an explicit `pid` tags the events with that pid.

strace counterpart: none (strace writes these logs; this reads them).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO

from ..events import Event, Exit, LineForm, Signal, Stop, Syscall, Unparsed
from ..render.lines import DEFAULT_COLUMN
from .lines import _RESUMED, TIMED, UNFINISHED, read_event
from .prefix import read_prefix
from .summary import is_header, read_table

Source = str | os.PathLike[str] | IO[str] | Iterable[str]
_FF_SUFFIX = re.compile(r"\.(\d+)$")
_RULE = re.compile(r"-+(?: -+)*$")


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
    pending: dict[int, tuple[str, str]] = {}   # pid -> (prefix, unfinished "name(args, ")
    table: list[str] = []                       # the lines of a -c table so far
    for raw in lines:
        line = raw[:-1] if raw.endswith("\n") else raw
        if table or is_header(line):
            table.append(line)
            if len(table) == 2 and not _RULE.match(line):
                yield Unparsed(pid or 0, table[0])
                table = []
            elif len(table) < 5 or table[-2] != table[1]:
                continue
            else:
                summary = read_table(table)
                if summary is not None:
                    yield summary
                else:
                    yield from (Unparsed(pid or 0, t) for t in table)
                table = []
                continue
        yield from _line(line, pid, pending)
    yield from (Unparsed(pid or 0, t) for t in table)
    for p, (prefix, head) in pending.items():
        yield Unparsed(p, head + UNFINISHED, form=LineForm(prefix))


def _line(line: str, pid: int | None,
          pending: dict[int, tuple[str, str]]) -> Iterator[Event]:
    pre = read_prefix(line)
    p = pre.pid if pre.pid is not None else (pid or 0)
    prefix, body = line[:pre.end], line[pre.end:]
    if body.endswith(UNFINISHED) and not body.endswith(")" + UNFINISHED):
        if p in pending:
            old_prefix, head = pending.pop(p)
            yield Unparsed(p, head + UNFINISHED, form=LineForm(old_prefix))
        pending[p] = (prefix, body[:-len(UNFINISHED)])
        return
    m = _RESUMED.match(body)
    column = DEFAULT_COLUMN - pre.end
    if m:
        half = pending.pop(p, None)
        if half is None or not half[1].startswith(m.group("name") + "("):
            if half is not None:
                yield Unparsed(p, half[1] + UNFINISHED, form=LineForm(half[0]))
            yield Unparsed(p, body, form=LineForm(prefix))
            return
        prefix, body = half[0], half[1] + body[m.end():]
        column = 0   # the halves were padded where each was printed: not checked
    ev = read_event(body, p, pre.time_ns, pre.ip, column)
    form = LineForm(prefix, isinstance(ev, Syscall) and TIMED.search(body) is not None)
    if isinstance(ev, (Syscall, Signal, Stop, Exit)):
        ev = replace(ev, form=form)
        if column and str(ev) != line:
            ev = Unparsed(p, body)
    if isinstance(ev, Unparsed):
        ev = replace(ev, form=LineForm(prefix))
    yield ev


__all__ = ["parse", "Source"]
