"""The decoded return value of a finished call: the decoder's own (`c.rval`), else the
number in the catalog's format for the call ("d", "u", "x", "o", "tid"/"tgid"/"pgid"/
"sid" an id with its -Y name and --pidns-translation number, or "fd" with its -y
decoration read now, while the descriptor still exists).

strace counterpart: the RVAL_* formats of syscall_exiting_trace() in syscall.c.
"""
from __future__ import annotations

from ..syscalls.catalog import by_nr
from ..values import Int, Value
from .base import Call, fd_number, number, s32

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from .pidns import PidKind

# the catalog's return formats that are ids, as pidns' kinds
PID_KINDS: dict[str, PidKind] = {"tid": "tid", "tgid": "tgid", "pgid": "pgid", "sid": "sid"}

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
        return number(ret)
    if kind == "x":
        return Int(ret & _U64, "x")
    if kind == "u":
        return number(ret & _U64, "u")
    pid_kind = PID_KINDS.get(kind)
    if pid_kind is not None:   # its name under -Y, its number in pstrace's namespace
        return c.pid_value(s32(ret), pid_kind)
    if kind == "o":
        return Int(ret, "o")
    # "fd": a new descriptor
    if ret >= 0 and c.opts.decode_fds:
        return c.fd_value(ret)
    return fd_number(ret)
