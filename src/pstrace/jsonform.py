"""Events and values as JSON-ready data (dicts, lists, numbers, strings): what `--json`
writes, one object per event, and what its schema (schema/pstrace-1.json) describes.

Generic on purpose: a value becomes {"type": <its class name in snake_case>, <its
fields>...}, with a few renames (`_RENAMES`); byte strings become text plus markers
(`_bytes`).  An event becomes {"schema", "type", "pid", <fields>...} through the one
function of its class in `_EVENTS` (a new event class needs one entry there and its
definition in the schema).  Times are seconds (floats), present only when the run asked
for them (`times=True`; `times=None`: wherever the event has one, as for a parsed log).

strace counterpart: none (strace prints text only).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any

from .events import (
    Attach,
    Comm,
    Detach,
    End,
    Event,
    Exec,
    Exit,
    IoDump,
    Message,
    Personality,
    Signal,
    Stop,
    Summary,
    SummaryRow,
    Syscall,
    SyscallEntry,
    Unparsed,
)
from .values import ELIDED, Value
from .xlat import errno_name, errno_text

SCHEMA = "pstrace/1"

JSON = dict[str, Any]

# Field renames per value class: a field mapped to None is left out (a hint for the
# text renderer only: Str.hex says "print every byte as \\xNN").
_RENAMES: dict[str, dict[str, str | None]] = {
    "Str": {"more": "truncated", "hex": None},
    "Path": {"more": "truncated"},
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _bytes(data: bytes) -> JSON:
    """A byte string: its text, and when it is not UTF-8 `utf8` false and its bytes in
    hex (`text` then has U+FFFD where the bytes are not UTF-8)."""
    try:
        return {"text": data.decode("utf-8"), "utf8": True}
    except UnicodeDecodeError:
        return {"text": data.decode("utf-8", "replace"), "utf8": False, "hex": data.hex()}


def plain(x: object) -> Any:
    """Any field of a value (a value, a tuple, a dataclass such as Endpoint, a number,
    a string) as JSON data."""
    if isinstance(x, str):
        # a name read from /proc (an fd's link) keeps non-UTF-8 bytes as surrogates:
        # JSON text cannot hold them, U+FFFD stands in
        return x.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if x is None or isinstance(x, (bool, int, float)):
        return x
    if isinstance(x, Value):
        return value_json(x)
    if isinstance(x, tuple):
        return [plain(i) for i in x]
    if isinstance(x, bytes):
        return _bytes(x)
    if is_dataclass(x) and not isinstance(x, type):
        return {f.name: plain(getattr(x, f.name)) for f in fields(x)}
    raise TypeError(f"no JSON form for {type(x).__name__}")


def value_json(v: Value) -> JSON:
    """A decoded value: {"type": "int", "value": 3, "fmt": "d"}, {"type": "str",
    "text": "abc", "utf8": true, "truncated": false} ..."""
    if v is ELIDED:
        return {"type": "elided"}
    cls = type(v).__name__
    out: JSON = {"type": _snake(cls)}
    renames = _RENAMES.get(cls, {})
    assert is_dataclass(v)
    for f in fields(v):
        key = renames.get(f.name, f.name)
        if key is None:
            continue
        x = getattr(v, f.name)
        if isinstance(x, bytes):
            out.update(_bytes(x))
        elif cls == "Struct" and f.name == "fields":
            out[key] = [{"name": n, "value": value_json(fv)} for n, fv in x]
        else:
            out[key] = plain(x)
    return out


def _opt(v: Value | None) -> JSON | None:
    return None if v is None else value_json(v)


def _secs(ns: int) -> float:
    return ns / 1e9


def _timed(times: bool | None, ns: int) -> bool:
    """Whether an event's time goes in its object: the run asked for times (True), or
    (None) the event has one."""
    return bool(ns) if times is None else times


def _syscall(ev: Syscall, times: bool | None) -> JSON:
    err = ev.errno
    out: JSON = {
        "name": ev.name, "nr": ev.nr, "personality": ev.personality,
        "args": [_arg(a.name, a.ctype, a.value, a.keyword) for a in ev.args],
        "end": ev.end.value, "unfinished": ev.end is not End.RETURNED,
        "retval": ev.retval, "rvalue": _opt(ev.rvalue), "rcomment": _opt(ev.rcomment),
        "errno": err, "error": ev.error, "strerror": errno_text(err) if err else None,
        "failed": ev.fails, "injected": ev.injected, "delayed": ev.delayed,
    }
    if err and errno_name(err) is None:
        out["error"] = None
    if _timed(times, ev.t_entry):
        out["time"] = _secs(ev.t_entry)
        out["time_exit"] = _secs(ev.t_exit) if ev.end is End.RETURNED else None
        out["duration"] = ev.duration
    elif times is None and ev.duration is not None:   # a log with -T but no -ttt
        out["duration"] = ev.duration
    return out


def _arg(name: str | None, ctype: str | None, v: Value, keyword: bool) -> JSON:
    return {"name": name, "ctype": ctype, "keyword": keyword, "value": value_json(v)}


def _entry(ev: SyscallEntry, times: bool | None) -> JSON:
    out: JSON = {"name": ev.name, "nr": ev.nr, "personality": ev.personality,
                 "args": [_arg(a.name, a.ctype, a.value, a.keyword) for a in ev.args]}
    if _timed(times, ev.time):
        out["time"] = _secs(ev.time)
    return out


def _signal(ev: Signal | Stop, times: bool | None) -> JSON:
    out: JSON = {"signo": ev.signo, "name": ev.name}
    if isinstance(ev, Signal):
        out["siginfo"] = _opt(ev.siginfo)
    if _timed(times, ev.time):
        out["time"] = _secs(ev.time)
    return out


def _exit(ev: Exit, times: bool | None) -> JSON:
    out: JSON = {"code": ev.code, "signo": ev.signo, "name": ev.name, "core": ev.core}
    if _timed(times, ev.time):
        out["time"] = _secs(ev.time)
    return out


def _exec(ev: Exec, times: bool | None) -> JSON:
    out: JSON = {"old_pid": ev.old_pid}
    if _timed(times, ev.time):
        out["time"] = _secs(ev.time)
    return out


def _personality(ev: Personality, times: bool | None) -> JSON:
    out: JSON = {"mode": ev.mode}
    if _timed(times, ev.time):
        out["time"] = _secs(ev.time)
    return out


def _dump(ev: IoDump, times: bool | None) -> JSON:
    return {"fd": ev.fd, "buffers": [_bytes(b) for b in ev.buffers],
            "vectored": ev.vectored,
            "unfetched": None if ev.unfetched is None else
            {"size": ev.unfetched[0], "addr": ev.unfetched[1]}}


def _row(r: SummaryRow) -> JSON:
    return {"name": r.name, "calls": r.calls, "errors": r.errors, "seconds": _secs(r.total),
            "min": _secs(r.min), "max": _secs(r.max), "percent": r.percent,
            "usecs_per_call": r.per_call}


def _summary(ev: Summary, times: bool | None) -> JSON:
    return {"clock": "wall" if ev.wall_clock else "system", "columns": list(ev.columns),
            "rows": [_row(r) for r in ev.rows], "total": _row(ev.total)}


def _unparsed(ev: Unparsed, times: bool | None) -> JSON:
    return {"text": plain(ev.text), "prefix": plain(ev.form.prefix if ev.form else "")}


_EVENTS: dict[type[Event], tuple[str, Callable[[Any, bool | None], JSON]]] = {
    Syscall: ("syscall", _syscall),
    SyscallEntry: ("syscall_entry", _entry),
    Signal: ("signal", _signal),
    Stop: ("stop", _signal),
    Exit: ("exit", _exit),
    Attach: ("attach", lambda ev, t: {"how": ev.how, "threads": ev.threads,
                                      "parent": ev.parent}),
    Detach: ("detach", lambda ev, t: {"unknown": ev.unknown}),
    Exec: ("exec", _exec),
    Personality: ("personality", _personality),
    Message: ("message", lambda ev, t: {"text": plain(ev.text), "quiet": ev.quiet}),
    IoDump: ("io_dump", _dump),
    Comm: ("comm", lambda ev, t: {"comm": plain(ev.comm)}),
    Summary: ("summary", _summary),
    Unparsed: ("unparsed", _unparsed),
}


def event_json(ev: Event, times: bool | None = False, ips: bool | None = False) -> JSON:
    """One event as the object `--json` writes for it (without the view's addition:
    "relative").  `ips`: -i asked for the instruction pointer of calls, signals and
    stops (None: wherever the event has one)."""
    kind, fn = _EVENTS[type(ev)]
    out: JSON = {"schema": SCHEMA, "type": kind, "pid": ev.pid}
    out.update(fn(ev, times))
    if ips is not False and isinstance(ev, (Syscall, Signal, Stop)) \
            and (ips or ev.ip):
        out["ip"] = ev.ip
    return out


__all__ = ["SCHEMA", "event_json", "value_json", "plain"]
