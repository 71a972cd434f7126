"""Reports over a trace's event stream: the process tree (--tree), the Chrome/Perfetto
trace-event JSON (--perfetto) and the self-contained HTML timeline (--report).  Each is
a function over an iterable of events, so a live session and pstrace.parse() feed them
alike; `Collector` is the consumer that gathers what they need.

strace counterpart: none (strace has no such views).
"""
from __future__ import annotations

from .._modules import load

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from .html import report_html
    from .model import Call, Collector, Process, collect
    from .perfetto import perfetto_json
    from .tree import format_tree

# Each name is imported from its module on first use (start-up, issue #11).
_HOME = {"Call": "model", "Collector": "model", "Process": "model", "collect": "model",
         "format_tree": "tree", "perfetto_json": "perfetto", "report_html": "html"}
__all__ = ["Call", "Collector", "Process", "collect", "format_tree", "perfetto_json",
           "report_html"]


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(load(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
