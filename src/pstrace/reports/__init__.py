"""Reports over a trace's event stream: the process tree (--tree), the Chrome/Perfetto
trace-event JSON (--perfetto) and the self-contained HTML timeline (--report).  Each is
a function over an iterable of events, so a live session and pstrace.parse() feed them
alike; `Collector` is the consumer that gathers what they need.

strace counterpart: none (strace has no such views).
"""
from __future__ import annotations

from .html import report_html
from .model import Call, Collector, Process, collect
from .perfetto import perfetto_json
from .tree import format_tree

__all__ = ["Call", "Collector", "Process", "collect", "format_tree", "perfetto_json",
           "report_html"]
