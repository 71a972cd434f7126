"""The decoded return value of a finished call: the decoder's own (`c.rval`), else the
number in the catalog's format for the call ("d", "u", "x", "o", "pid" a
process id with its -Y name, or "fd" with its -y decoration read now, while the
descriptor still exists).

strace counterpart: the RVAL_* formats of syscall_exiting_trace() in syscall.c.
"""
from __future__ import annotations

from ..syscalls.catalog import by_nr
from ..values import Fd, Int, Value
from .base import Call, s32

_U64 = 0xFFFFFFFFFFFFFFFF


def decode_return(c: Call) -> Value | None:
    """None for a failed call: its errno says it all."""
    if c.error:
        return None
    if c.rval is not None:
        return c.rval
    ret = c.ret
    row = by_nr(c.nr) if c.spec is not None else None   # undecoded calls print "d"
    kind = row.ret if row is not None else "d"
    if kind == "d":
        return Int(ret)
    if kind == "x":
        return Int(ret & _U64, "x")
    if kind == "u":
        return Int(ret & _U64, "u")
    if kind == "pid":   # a process or thread id: its name under -Y
        return c.pid_value(s32(ret))
    if kind == "o":
        return Int(ret, "o")
    # "fd": a new descriptor
    if ret >= 0 and c.opts.decode_fds:
        return c.fd_value(ret)
    return Fd(ret)
