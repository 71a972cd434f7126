"""Calls on a pidfd: pidfd_send_signal and pidfd_getfd (pidfd_open is in handles.py).

strace counterpart: pidfd_send_signal.c, pidfd_getfd.c.  pidfd_getfd's target
descriptor belongs to the process the pidfd refers to: -y decorates it from that
process's /proc entry (strace's printfd_pid), and the new descriptor it returns is
decorated as usual (syscalls/facts.py).
"""
from __future__ import annotations

from ..values import Fd, Int, Value
from .base import Call, decoder, s32
from .fdinfo import describe_fd
from .signal import sig_value, siginfo_at


@decoder("pidfd_send_signal")
def _pidfd_send_signal(c: Call) -> list[Value]:
    return [c.fd(0), sig_value(c.sint(1)), siginfo_at(c, c.args[2]),
            Int(c.uint(3), "x")]


@decoder("pidfd_getfd")
def _pidfd_getfd(c: Call) -> list[Value]:
    target = s32(c.args[1])
    other: Value = Int(target)
    modes = c.opts.decode_fds
    if modes and target >= 0 and c.sint(0) >= 0:
        owner = describe_fd(c.pid, c.sint(0), frozenset(("pidfd",)))
        if owner is not None and owner.pid:
            other = Fd(target, describe_fd(owner.pid, target, modes))
    return [c.fd(0), other, Int(c.uint(2), "x")]
