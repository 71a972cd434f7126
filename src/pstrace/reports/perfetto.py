"""--perfetto: the Chrome trace-event JSON that ui.perfetto.dev and chrome://tracing
load (the "JSON Object Format": {"traceEvents": [...], "displayTimeUnit": "ns"}).
One track per thread (tid), grouped by process (pid = the thread group), named by
process_name / thread_name metadata events; each call is a complete event ("ph": "X")
with ts and dur in microseconds and its arguments and strace line in args; signals are
instant events ("ph": "i") and exits too.

strace counterpart: none.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from ..events import Event
from .model import Collector, collect, command_line

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def perfetto_events(c: Collector) -> list[dict[str, Any]]:
    """The traceEvents list for a Collector."""
    starts = [x.start for x in c.calls]
    t0 = min(starts) if starts and c.timed else 0
    scale = 1000.0 if c.timed else 1.0   # untimed: one event rank = one microsecond
    out: list[dict[str, Any]] = []
    for pid in c.order:
        p = c.procs.get(pid)
        if p is None:
            continue
        if p.tgid == p.pid:
            name = command_line(p) if p.argv else f"pid {p.pid}"
            out.append({"name": "process_name", "ph": "M", "pid": p.tgid, "tid": p.pid,
                        "args": {"name": name}})
        out.append({"name": "thread_name", "ph": "M", "pid": p.tgid, "tid": p.pid,
                    "args": {"name": f"{p.pid}"}})
    for x in c.calls:
        p = c.procs.get(x.pid)
        tgid = p.tgid if p is not None else x.pid
        ev: dict[str, Any] = {"name": x.name, "cat": x.cls, "pid": tgid, "tid": x.pid,
                              "ts": (x.start - t0) / scale,
                              "args": {**dict(x.args), "line": x.line}}
        if x.kind == "call":
            ev["ph"] = "X"
            ev["dur"] = x.dur / scale
            if x.failed:
                ev["args"]["failed"] = True
        else:
            ev["ph"] = "i"
            ev["s"] = "t"
        out.append(ev)
    return out


def perfetto_json(source: Collector | Iterable[Event]) -> str:
    """The whole JSON document for a Collector or events."""
    c = source if isinstance(source, Collector) else collect(source)
    return json.dumps({"traceEvents": perfetto_events(c), "displayTimeUnit": "ns"},
                      separators=(",", ":"))
