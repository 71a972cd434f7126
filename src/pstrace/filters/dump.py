"""-e read=SET / -e write=SET: the data a call moved through a selected descriptor,
read from the tracee at the call's exit (render.lines.dump_text prints strace's
hex-and-ASCII dump of it).  strace counterpart: dumpio() in syscall.c.
"""
from __future__ import annotations

import struct

from ..events import IoDump

# name -> (kind, buffer argument index, length argument index or None for "the return value")
READ_CALLS: dict[str, tuple[str, int, int | None]] = {
    "read": ("buf", 1, None), "pread64": ("buf", 1, None), "recvfrom": ("buf", 1, None),
    "readv": ("iov", 1, 2), "preadv": ("iov", 1, 2), "preadv2": ("iov", 1, 2),
}
WRITE_CALLS: dict[str, tuple[str, int, int | None]] = {
    "write": ("buf", 1, 2), "pwrite64": ("buf", 1, 2), "sendto": ("buf", 1, 2),
    "writev": ("iov", 1, 2), "pwritev": ("iov", 1, 2), "pwritev2": ("iov", 1, 2),
}
_IOVEC = struct.Struct("=QQ")


def dump_call(call, fds_read, fds_write) -> IoDump | None:
    """The data a finished call moved, when its fd is in the read/write set."""
    if call.error:
        return None
    name = call.name
    spec = None
    if fds_read is not None and name in READ_CALLS:
        spec, total = READ_CALLS[name], call.ret
        fds = fds_read
    elif fds_write is not None and name in WRITE_CALLS:
        spec, total = WRITE_CALLS[name], None
        fds = fds_write
    if spec is None:
        return None
    fd = call.args[0] & 0xFFFFFFFF
    if fd & 0x80000000 or fd not in fds:
        return None
    kind, bi, li = spec
    if kind == "buf":
        size = total if li is None else call.args[li]
        size = min(size, 1 << 24)
        data = call.read(call.args[bi], size) if size > 0 else b""
        return IoDump(call.pid, fd, (data,)) if data else None
    # vectored: strace dumps up to the return value, buffer by buffer
    left = call.ret
    count = min(call.args[li], 1024)
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
