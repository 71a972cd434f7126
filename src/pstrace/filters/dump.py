"""-e read=SET / -e write=SET: the data a call moved through a selected descriptor,
read from the tracee at the call's exit (render.lines.dump_text prints strace's
hex-and-ASCII dump of it).  strace counterpart: dumpio() in syscall.c.
"""
from __future__ import annotations

import struct
from collections.abc import Container
from typing import TYPE_CHECKING

from ..events import IoDump
from ..syscalls.catalog import by_nr

if TYPE_CHECKING:
    from ..decoders.base import Call

_IOVEC = struct.Struct("=QQ")


def dump_call(call: Call, fds_read: Container[int] | None,
              fds_write: Container[int] | None) -> IoDump | None:
    """The data a finished call moved, when its fd is in the read/write set."""
    if call.error:
        return None
    row = by_nr(call.nr)
    spec = row.dump if row is not None else None
    if spec is None:
        return None
    direction, bi, li, vectored = spec
    fds = fds_read if direction == "read" else fds_write
    if fds is None:
        return None
    fd = call.args[0] & 0xFFFFFFFF
    if fd & 0x80000000 or fd not in fds:
        return None
    if not vectored:
        size = call.ret if li is None else call.args[li]
        size = min(size, 1 << 24)
        data = call.read(call.args[bi], size) if size > 0 else b""
        return IoDump(call.pid, fd, (data,)) if data else None
    # vectored: strace dumps up to the return value, buffer by buffer
    left = call.ret
    count = min(call.args[li], 1024) if li is not None else 0
    raw = call.read(call.args[bi], count * _IOVEC.size) if count else b""
    if raw is None:
        return None
    out = []
    for k in range(count):
        if left <= 0:
            break
        base, length = _IOVEC.unpack_from(raw, k * _IOVEC.size)
        length = min(length, left)
        left -= length
        data = call.read(base, length) if length else b""
        if data is None:
            break
        out.append(data)
    return IoDump(call.pid, fd, tuple(out), vectored=True) if out else None
