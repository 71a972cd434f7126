"""restart_syscall: the kernel resuming a call a signal interrupted
(ERESTART_RESTARTBLOCK).  strace names the interrupted call when it saw it fail with
that code; after an attach it never did, and strace 6.1 then prints "read" (observed:
`strace -p` on a process sleeping in clock_nanosleep).  strace counterpart: restart_syscall
in syscall.c (s_prev_ent).
"""
from __future__ import annotations

from ..values import Resuming, Value
from .base import Call, decoder

_UNKNOWN_PREVIOUS = "read"


@decoder("restart_syscall")
def restart_syscall(c: Call) -> list[Value]:
    prev = getattr(c.proc, "restart_name", None) or _UNKNOWN_PREVIOUS
    return [Resuming(prev)]
