"""The tracer's own messages about its tracees: "PROG: Process N attached" (with
"with N threads" for -p -f), "PROG: Process N detached", and what strace warns of while
decoding.  They go to stderr whatever -o says, even with -c; -q / -e quiet=attach
silences the attach/detach ones.  Like strace, such a
message does not end an open trace line: on a shared terminal it lands mid-line.
strace counterpart: the attach/detach messages of strace.c (startup_attach, detach).
"""
from __future__ import annotations

from ..events import Attach, Detach, Event, Message
from .output import Output
from .shown import message_shown


class TracerMessages:
    """A consumer of the event stream that writes the tracer's messages: attach/detach
    (unless -q), and the warnings of decoding."""

    __slots__ = ("prog", "out", "quiet", "quiet_exit")

    def __init__(self, prog: str, quiet: bool = False, quiet_exit: bool = False) -> None:
        self.prog = prog
        self.out = Output(2)
        self.quiet = quiet
        self.quiet_exit = quiet_exit

    def __call__(self, ev: Event) -> None:
        t = type(ev)
        if t is Message:
            assert isinstance(ev, Message)
            if message_shown(ev, self.quiet, self.quiet_exit):
                self.out.write(f"{self.prog}: {ev.text}\n")
            return
        if self.quiet:
            return
        if t is Attach:
            assert isinstance(ev, Attach)
            if ev.how == "launch":
                return
            more = f" with {ev.threads} threads" if ev.threads > 1 else ""
            self.out.write(f"{self.prog}: Process {ev.pid} attached{more}\n")
        elif t is Detach:
            assert isinstance(ev, Detach)
            if ev.unknown:
                self.out.write(f"{self.prog}: Detached unknown pid {ev.pid}\n")
            else:
                self.out.write(f"{self.prog}: Process {ev.pid} detached\n")
