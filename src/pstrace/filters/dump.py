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
_CHUNK = 1 << 16   # strace's dumpstr fetches at most 64 KiB at a time


def _chunked(call: Call, fd: int, addr: int, size: int) -> IoDump | None:
    """A buffer that is not readable whole, fetched as strace does, chunk by chunk: the
    chunks read before the first that fails, and that one as `unfetched` (nothing at
    all when the first fails)."""
    step = min(-(-size // 16) * 16, _CHUNK)
    data = b""
    while len(data) < size:
        want = min(size - len(data), step)
        got = call.read(addr + len(data), want)
        if got is None:
            part = call.mem.read_upto(call.pid, addr + len(data), want)
            if part:   # as strace's umoven, which then fetches nothing of it
                call.warn(f"umoven: short read ({len(part)} < {want}) @{addr + len(data):#x}")
            if not data:
                return None
            return IoDump(call.pid, fd, (data,), unfetched=(want, addr + len(data)))
        data += got
    return IoDump(call.pid, fd, (data,))


def dump_call(call: Call, fds_read: Container[int] | None,
              fds_write: Container[int] | None) -> IoDump | None:
    """The data a finished call moved, when its fd is in the read/write set.  As strace,
    a write is dumped whole (its length argument) even when it failed; a read only
    when it succeeded, up to its return value."""
    row = by_nr(call.nr)
    spec = row.dump if row is not None else None
    if spec is None:
        return None
    direction, bi, li, vectored = spec
    if call.error and direction == "read":
        return None
    fds = fds_read if direction == "read" else fds_write
    if fds is None:
        return None
    fd = call.args[0] & 0xFFFFFFFF
    if fd & 0x80000000 or fd not in fds:
        return None
    if not vectored:
        size = call.ret if li is None else call.args[li]
        size = min(size, 1 << 24)
        addr = call.args[bi]
        data = call.read(addr, size) if size > 0 else b""
        if data is None:
            return _chunked(call, fd, addr, size)
        return IoDump(call.pid, fd, (data,)) if data else None
    # vectored: strace dumps a read up to the return value, a write whole, buffer by buffer
    left = call.ret if direction == "read" else 1 << 64
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
