"""The JSON Lines view (--json): one JSON object per event, one line each, written with
one write(2) as the text view writes a line (so a -o file or a pipe gets whole lines).

A call is one object, written when it ends: its entry and exit are merged by the engine,
so a call cut by another process's events (strace's "<unfinished ...>" / "<... resumed>")
is still one object; a call that never returned says so ("end": "vanished",
"unfinished": true).  The show-filters act as on the text: -e status= / -z / -Z,
-e signal=, -qq (exit objects), -e quiet=personality; attach and detach are events, always
written (-q silences the tracer's messages about them on stderr, as on text).
-ff -o FILE writes FILE.PID per process.  -c/-C add a final "summary" object.
strace counterpart: none (strace has no structured output).
"""
from __future__ import annotations

import json
import os
from collections.abc import Container
from typing import Any

from ..errors import PstraceError
from ..events import (
    Attach,
    End,
    Event,
    Exec,
    Exit,
    Personality,
    Signal,
    Stop,
    Syscall,
    SyscallEntry,
)
from ..jsonform import SCHEMA, event_json
from ..stats import Counts
from .output import Output


def dumps(obj: dict[str, Any]) -> str:
    """One object as one line (no spaces, non-ASCII kept as UTF-8)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


class JsonView:
    """--json output for one Output (or one per process with -ff -o FILE).

    `times`: -t/-tt/-ttt/-r/-T asked for time stamps ("time", "duration" fields);
    `relative`: -r (a "relative" field: seconds since the previous object's time);
    `ips`: -i (an "ip" field); the filters as in TextView."""

    __slots__ = ("out", "ff_prefix", "prog", "times", "relative", "ips", "status",
                 "signals", "quiet_exit", "quiet_personality",
                 "outs_by_pid", "last_time")

    def __init__(self, out: Output, ff_prefix: str | None = None, prog: str = "pstrace",
                 times: bool = False, relative: bool = False, ips: bool = False,
                 status: frozenset[str] | None = None,
                 signals: Container[int] | None = None,
                 quiet_exit: bool = False, quiet_personality: bool = False) -> None:
        self.out = out
        self.ff_prefix = ff_prefix
        self.prog = prog
        self.times = times or relative
        self.relative = relative
        self.ips = ips
        self.status = status
        self.signals = signals
        self.quiet_exit = quiet_exit
        self.quiet_personality = quiet_personality
        self.outs_by_pid: dict[int, Output] = {}
        self.last_time: float | None = None

    def __call__(self, ev: Event) -> None:
        t = type(ev)
        if t is SyscallEntry:
            return   # the merged Syscall says it all
        if self.ff_prefix is not None and t is Attach and ev.pid not in self.outs_by_pid:
            self._open(ev.pid)
        if self._shown(ev):
            self._write(ev)
        if t is Exit:
            out = self.outs_by_pid.pop(ev.pid, None)
            if out is not None:
                out.close()

    def _shown(self, ev: Event) -> bool:
        if isinstance(ev, Syscall):
            status = self.status
            if status is None or ev.end is End.DETACHED:
                return True
            if ev.end is End.RETURNED:
                return ("failed" if ev.fails else "successful") in status
            return "unfinished" in status
        if isinstance(ev, (Signal, Stop)):
            return self.signals is None or ev.signo in self.signals
        if isinstance(ev, Exit):
            if ev.code is not None:
                return not self.quiet_exit
            return self.signals is None or ev.signo in self.signals
        if isinstance(ev, Personality):
            return not self.quiet_personality
        return True

    def _write(self, ev: Event) -> None:
        obj = event_json(ev, self.times)
        if self.ips and hasattr(ev, "ip"):
            obj["ip"] = getattr(ev, "ip")
        if self.relative and obj.get("time") is not None:
            now = obj["time"]
            obj["relative"] = 0.0 if self.last_time is None else now - self.last_time
            self.last_time = now
        self._out(ev.pid).write(dumps(obj))

    def _out(self, pid: int) -> Output:
        if self.ff_prefix is None:
            return self.out
        out = self.outs_by_pid.get(pid)
        return out if out is not None else self._open(pid)

    def _open(self, pid: int) -> Output:
        path = f"{self.ff_prefix}.{pid}"
        try:
            out = Output.open_file(path, self.prog)
        except OSError as e:
            raise PstraceError(f"Can't fopen '{path}': {os.strerror(e.errno or 0)}") from None
        self.outs_by_pid[pid] = out
        return out

    def close(self) -> None:
        self.out.close()
        for out in self.outs_by_pid.values():
            out.close()


def summary_json(rows: list[Counts], wall_clock: bool) -> dict[str, Any]:
    """-c/-C as one object: per system call its number of calls and errors and its
    times in seconds (system CPU time, or wall-clock time with -w)."""
    calls = [{"name": r.name, "nr": r.nr, "calls": r.calls, "errors": r.errors,
              "seconds": r.total / 1e9, "min": r.min / 1e9, "max": r.max / 1e9}
             for r in rows if r.calls]
    return {"schema": SCHEMA, "type": "summary",
            "clock": "wall" if wall_clock else "system", "syscalls": calls,
            "calls": sum(c["calls"] for c in calls),
            "errors": sum(c["errors"] for c in calls),
            "seconds": sum(r.total for r in rows) / 1e9}
