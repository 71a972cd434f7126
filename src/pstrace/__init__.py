"""pstrace: a system-call tracer for Linux, strace 6.1 in pure Python, and a library.

    import pstrace
    for ev in pstrace.trace(["ls", "-l"], follow=True, trace="%file"):
        if isinstance(ev, pstrace.Syscall) and ev.error is None:
            print(ev.pid, ev.name, ev.args[1].name, ev.args[1].value, ev.retval)

`trace()` launches a command, `attach()` attaches to running processes; both return a
`Session`, an iterator of events (pstrace.events) that is also a context manager.
`parse()` reads a strace log back into the same events.
Decoded values are in pstrace.values.  The command line is pstrace.cli.
"""
from __future__ import annotations

from ._modules import load as _load

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from . import values
    from .api import Inject, Session, attach, trace
    from .errors import PstraceError
    from .events import (
        Arg,
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
    from .logs import parse
    from .watcher import Connection, Watch, watch

__all__ = ["trace", "attach", "parse", "Session", "Inject", "PstraceError", "values", "Event",
           "Arg", "End", "Syscall", "SyscallEntry", "Signal", "Stop", "Exit", "Attach",
           "Detach", "Exec", "IoDump", "Message", "Personality", "Comm",
           "Unparsed", "Summary", "SummaryRow", "watch", "Watch", "Connection"]

# Where each public name lives: imported on first use (PEP 562), so that the command
# line, which imports pstrace.cli, pays only for the modules a run needs.
_HOME = {"trace": "api", "attach": "api", "Session": "api", "Inject": "api",
         "PstraceError": "errors", "values": "", "parse": "logs", "watch": "watcher",
         "Watch": "watcher", "Connection": "watcher"}
_HOME.update(dict.fromkeys(("Event", "Arg", "End", "Syscall", "SyscallEntry", "Signal",
                            "Stop", "Exit", "Attach", "Detach", "Exec", "IoDump",
                            "Message", "Personality", "Comm", "Unparsed", "Summary",
                            "SummaryRow"), "events"))


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not home:
        return _load(f"{__name__}.{name}")
    value = getattr(_load(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
