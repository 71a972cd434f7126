"""The JSON Lines view (--json): one JSON object per event, one line each, written with
one write(2) as the text view writes a line (so a -o file or a pipe gets whole lines,
as soon as strace would write its line).

A call is one object, written when it ends: its entry and exit are merged by the engine,
so a call cut by another process's events (strace's "<unfinished ...>" / "<... resumed>")
is still one object; a call that never returned says so ("end": "vanished",
"unfinished": true).  The show-filters act as on the text (views/shown.py): a line
strace would not print is no object either.  Attach, detach, exec and -Y's comm are
events, always written; the tracer's messages are written unless -e quiet= silences
them (they still go to stderr as text too).  -ff -o FILE writes FILE.PID per process;
-c/-C add a final "summary" object (`json_line`).
strace counterpart: none (strace has no structured output).
"""
from __future__ import annotations

import json
from collections.abc import Container

from ..events import (
    Attach,
    Event,
    Exec,
    Exit,
    Message,
    Personality,
    Signal,
    Stop,
    Syscall,
    SyscallEntry,
)
from ..jsonform import event_json
from .output import Output
from .shown import call_shown, exit_shown, message_shown

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def dumps(obj: dict[str, Any]) -> str:
    """One object as one line (no spaces, non-ASCII kept as UTF-8)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def json_line(ev: Event, times: bool | None = False, ips: bool | None = False) -> str:
    """An event's object as one line (the -c table's, a parsed log's events)."""
    return dumps(event_json(ev, times, ips))


class JsonView:
    """--json output for one Output (or one per process with -ff -o FILE).

    `times`: -t/-tt/-ttt/-r/-T asked for time stamps ("time", "duration" fields);
    `relative`: -r (a "relative" field: seconds since the previous object's time);
    `ips`: -i (an "ip" field); the filters as in TextView and TracerMessages."""

    __slots__ = ("out", "ff_prefix", "prog", "times", "relative", "ips", "status",
                 "signals", "quiet_attach", "quiet_exit", "quiet_personality",
                 "quiet_thread_execve", "outs_by_pid", "last_time")

    def __init__(self, out: Output, ff_prefix: str | None = None, prog: str = "pstrace",
                 times: bool = False, relative: bool = False, ips: bool = False,
                 status: frozenset[str] | None = None,
                 signals: Container[int] | None = None, quiet_attach: bool = False,
                 quiet_exit: bool = False, quiet_personality: bool = False,
                 quiet_thread_execve: bool = False) -> None:
        self.out = out
        self.ff_prefix = ff_prefix
        self.prog = prog
        self.times = times or relative
        self.relative = relative
        self.ips = ips
        self.status = status
        self.signals = signals
        self.quiet_attach = quiet_attach
        self.quiet_exit = quiet_exit
        self.quiet_personality = quiet_personality
        self.quiet_thread_execve = quiet_thread_execve
        self.outs_by_pid: dict[int, Output] = {}
        self.last_time: float | None = None

    def __call__(self, ev: Event) -> None:
        t = type(ev)
        if t is SyscallEntry:
            return   # the merged Syscall says it all
        if self.ff_prefix is not None and t is Attach and ev.pid not in self.outs_by_pid:
            self._open(ev.pid)
        if self.shown(ev):
            self._write(ev)
        if t is Exit:
            out = self.outs_by_pid.pop(ev.pid, None)
            if out is not None:
                out.close()

    def shown(self, ev: Event) -> bool:
        """Whether the event gets an object (SyscallEntry aside)."""
        if isinstance(ev, Syscall):
            return call_shown(ev, self.status)
        if isinstance(ev, (Signal, Stop)):
            return self.signals is None or ev.signo in self.signals
        if isinstance(ev, Exit):
            return exit_shown(ev, self.signals, self.quiet_exit)
        if isinstance(ev, Personality):
            return not self.quiet_personality
        if isinstance(ev, Exec):   # a thread's execve took the leader's pid
            return not (self.quiet_thread_execve and ev.old_pid != ev.pid)
        if isinstance(ev, Message):
            return message_shown(ev, self.quiet_attach, self.quiet_exit)
        return True

    def _write(self, ev: Event) -> None:
        obj = event_json(ev, self.times, self.ips)
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
        assert self.ff_prefix is not None
        out = self.outs_by_pid[pid] = Output.open_process_file(self.ff_prefix, pid, self.prog)
        return out

    def close(self) -> None:
        self.out.close()
        for out in self.outs_by_pid.values():
            out.close()
