"""One line of strace's text (after its prefix) into an event: system calls (with
their "= value ERRNO (text)", "(INJECTED)", "(DELAYED)" and -T " <secs>" tails),
"<unfinished ...>" halves, "--- SIG... ---" signals, "--- stopped by ---" and
"+++ exited/killed +++" lines.  A line that reads back into nothing the renderer
reproduces exactly is an `Unparsed` event.

strace counterpart: the writers of those lines in syscall.c and strace.c.
"""
from __future__ import annotations

import re

from ..events import End, Event, Exit, Signal, Stop, Syscall, Unparsed
from ..render.lines import DEFAULT_COLUMN
from ..syscalls.catalog import by_name
from ..values import Fd, Note, Value
from ..xlat import errno_name, signal_number
from .values import Reader, parse_value, read_arg

_RET = re.compile(
    r" *= (?:(?P<err>-1|\?) (?P<ename>E[A-Z0-9]+) \((?P<etext>[^)]*)\)"
    r"|(?P<q>\?)|(?P<val>\S+(?: /\* .*? \*/)?)(?: \((?P<comment>.*?)\))?)"
    r"(?P<inj> \(INJECTED(?::[^)]*)?\))?(?P<delay> \(DELAYED\))?"
    r"(?: <(?P<dur>\d+\.\d+)>)?$")
_EXIT = re.compile(r"\+\+\+ (?:exited with (?P<code>-?\d+)|killed by (?P<sig>\w+)"
                   r"(?P<core> \(core dumped\))?) \+\+\+$")
_SIGNAL = re.compile(r"--- (?P<name>SIG\w+|\d+)(?: (?P<info>\{.*\}))? ---$")
_STOP = re.compile(r"--- stopped by (?P<name>SIG\w+) ---$")
_CALL = re.compile(r"[a-z_][a-z0-9_]*\(")
UNFINISHED = " <unfinished ...>"
_RESUMED = re.compile(r"<\.\.\. (?P<name>[a-z_0-9]+) resumed>")
TIMED = re.compile(r" <\d+\.\d+>$")
_ERRNOS = {errno_name(n): n for n in range(1, 4096) if errno_name(n)}


def _errno(name: str) -> int:
    return _ERRNOS.get(name, 0)


def read_syscall(body: str, pid: int, t: int, ip: int,
                 column: int = DEFAULT_COLUMN) -> Syscall | None:
    """A whole call line ("name(args) = ret"): the event (None when the line is not
    one)."""
    m = _CALL.match(body)
    if not m:
        return None
    name = m.group()[:-1]
    r = Reader(body, m.end())
    vals: list[Value] = []
    if not r.take(")"):
        while True:
            vals.append(read_arg(r))
            if r.take(")"):
                break
            if not r.take(", "):
                return None
    head = body[:r.i]
    if len(head) < column and body[len(head):column] != " " * (column - len(head)):
        return None
    rm = _RET.match(body, r.i)
    if not rm:
        return None
    row = by_name(name)
    nr = row.nr if row is not None else -1
    dur = rm.group("dur")
    t_exit = 0
    if dur:
        sec, frac = dur.split(".")
        t_exit = t + int(sec) * 1_000_000_000 + int(frac.ljust(9, "0"))
    inj = rm.group("inj")
    injected: bool | str = bool(inj)
    if inj and inj != " (INJECTED)":
        injected = inj[len(" (INJECTED: "):-1]
    retval: int | None = 0
    err = 0
    rv: Value | None = None
    comment: Value | None = None
    end = End.RETURNED
    if rm.group("ename"):
        err = _errno(rm.group("ename"))
        if not err:
            return None
        retval = -err
    elif rm.group("q"):
        retval, end = None, End.VANISHED
    else:
        try:
            rv = parse_value(rm.group("val"))
        except ValueError:
            return None
        number = rv.num if isinstance(rv, Fd) else getattr(rv, "value", None)
        retval = number if isinstance(number, int) else 0
        if rm.group("comment") is not None:
            comment = Note(rm.group("comment"))
    return Syscall(pid, nr, name, tuple(vals), len(vals), False, retval, err, rv, comment,
                   end, fails=bool(err), injected=injected,
                   delayed=bool(rm.group("delay")), t_entry=t, t_exit=t_exit, ip=ip)


def read_event(body: str, pid: int, t: int, ip: int,
               column: int = DEFAULT_COLUMN) -> Event:
    """The event of one complete line (no unfinished half).  `column`: where the -a
    column falls in `body` (the default less the prefix)."""
    if body.startswith("+++ "):
        m = _EXIT.match(body)
        if m:
            if m.group("code") is not None:
                return Exit(pid, code=int(m.group("code")), time=t)
            sig = m.group("sig")
            return Exit(pid, signo=signal_number(sig) or 0, name=sig,
                        core=bool(m.group("core")), time=t)
    elif body.startswith("--- "):
        m = _STOP.match(body)
        if m:
            name = m.group("name")
            return Stop(pid, signal_number(name) or 0, name, time=t)
        m = _SIGNAL.match(body)
        if m:
            name = m.group("name")
            info = m.group("info")
            try:
                si = parse_value(info) if info else None
            except ValueError:
                return Unparsed(pid, body)
            return Signal(pid, signal_number(name) or 0, name, si, time=t)
    else:
        ev = read_syscall(body, pid, t, ip, column)
        if ev is not None:
            return ev
    return Unparsed(pid, body)
