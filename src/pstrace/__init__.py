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

from . import values
from .api import Inject, Session, attach, trace
from .errors import PstraceError
from .events import (
    Arg,
    Attach,
    Detach,
    End,
    Event,
    Exec,
    Exit,
    IoDump,
    Message,
    Signal,
    Stop,
    Syscall,
    SyscallEntry,
    Unparsed,
)
from .parse import parse

__all__ = ["trace", "attach", "parse", "Session", "Inject", "PstraceError", "values",
           "Event", "Arg", "End", "Syscall", "SyscallEntry", "Signal", "Stop", "Exit",
           "Attach", "Detach", "Exec", "IoDump", "Message", "Unparsed"]
