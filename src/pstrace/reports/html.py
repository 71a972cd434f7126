"""--report FILE.html: one self-contained HTML page (no network, no external script or
font) with a canvas timeline (one lane per thread; calls as bars sized by duration and
coloured by catalog class, failed calls marked, signals and exits as markers; hover or
click shows the call's strace line; wheel to zoom, drag to pan), the process tree and
the -c table (sortable by column).  The data is embedded as compact JSON, column-wise,
so that 100,000 calls stay a few megabytes and draw in one pass over typed arrays.

strace counterpart: none.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from ..events import Event
from .html_page import PAGE
from .model import CLASSES, Collector, collect, command_line
from .tree import format_tree

_KINDS = {"call": 0, "signal": 1, "exit": 2}


def report_data(c: Collector) -> dict[str, object]:
    """The page's data: lanes, the calls column by column, the lines, the -c rows."""
    lane_of: dict[int, int] = {}
    lanes: list[str] = []
    for pid in c.order:
        p = c.procs.get(pid)
        if p is None:
            continue
        lane_of[pid] = len(lanes)
        if p.tgid != p.pid:
            lanes.append(f"{pid} (thread of {p.tgid})")
        else:
            lanes.append(f"{pid} {command_line(p)}"[:60])
    starts = [x.start for x in c.calls]
    t0 = min(starts) if starts else 0
    scale = 1000.0 if c.timed else 1.0
    calls = [x for x in c.calls if x.pid in lane_of]
    return {
        "timed": c.timed,
        "lanes": lanes,
        "classes": list(CLASSES),
        "lane": [lane_of[x.pid] for x in calls],
        "t": [round((x.start - t0) / scale, 3) for x in calls],
        "d": [round(x.dur / scale, 3) for x in calls],
        "c": [CLASSES.index(x.cls) for x in calls],
        "k": [_KINDS[x.kind] for x in calls],
        "f": [int(x.failed) for x in calls],
        "line": [f"[pid {x.pid}] {x.line}" for x in calls],
        "stats": [[r.name, r.calls, r.errors, r.total / 1e9 if c.timed else 0]
                  for r in c.stats.counts()],
    }


def report_html(source: Collector | Iterable[Event], title: str = "pstrace report") -> str:
    """The whole page for a Collector or events."""
    c = source if isinstance(source, Collector) else collect(source)
    data = json.dumps(report_data(c), separators=(",", ":")).replace("</", "<\\/")
    parts = {"@TITLE@": html.escape(title), "@TREE@": html.escape(format_tree(c)),
             "@DATA@": data}
    return re.sub("@TITLE@|@TREE@|@DATA@", lambda m: parts[m.group()], PAGE)
