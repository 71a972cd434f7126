"""-e read=SET / -e write=SET: the data a call moved through a selected descriptor,
read from the tracee at the call's exit (render.lines.dump_text prints strace's
hex-and-ASCII dump of it).  strace counterpart: dumpio() in syscall.c.
"""
from __future__ import annotations

import struct
from collections.abc import Container

from ..events import IoDump
from ..syscalls.catalog import by_nr

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from ..decoders.base import Call

_IOVEC = struct.Struct("=QQ")
_MSGHDR = struct.Struct("=16xQQ16x8x")      # struct msghdr: msg_iov, msg_iovlen
_MMSGHDR = struct.Struct("=16xQQ16x8xI4x")  # struct mmsghdr: those, and msg_len
_IOV_MAX = 1024                             # <limits.h>: the most iovecs dumped
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


def _iovecs(call: Call, addr: int, count: int, left: int) -> list[bytes]:
    """strace's dumpiov_upto: the buffers of `count` iovecs at addr, up to `left`
    bytes in all, stopping at the first empty one."""
    count = min(count, _IOV_MAX)
    raw = call.read(addr, count * _IOVEC.size) if count else b""
    if raw is None:
        return []
    out = []
    for k in range(count):
        base, length = _IOVEC.unpack_from(raw, k * _IOVEC.size)
        length = min(length, left)
        if not length:
            break
        left -= length
        data = call.read(base, length)
        if data is None:
            break
        out.append(data)
    return out


def _msghdr(call: Call, fd: int, addr: int, left: int) -> IoDump | None:
    raw = call.read(addr, _MSGHDR.size)
    if raw is None:
        return None
    iov, iovlen = _MSGHDR.unpack(raw)
    out = _iovecs(call, iov, iovlen, left)
    return IoDump(call.pid, fd, tuple(out), vectored=True) if out else None


def _mmsghdr(call: Call, fd: int, addr: int) -> IoDump | None:
    """Each message's buffers up to its msg_len, for the return value's count of
    messages (strace's dumpiov_in_mmsghdr)."""
    buffers: list[bytes] = []
    vectors: list[tuple[int, int]] = []
    for i in range(min(call.ret & 0xFFFFFFFF, _IOV_MAX)):
        raw = call.read(addr + i * _MMSGHDR.size, _MMSGHDR.size)
        if raw is None:
            break
        iov, iovlen, msg_len = _MMSGHDR.unpack(raw)
        out = _iovecs(call, iov, iovlen, msg_len)
        vectors.append((iovlen, len(out)))
        buffers += out
    if not vectors:
        return None
    return IoDump(call.pid, fd, tuple(buffers), vectored=True, vectors=tuple(vectors))


def dump_call(call: Call, fds_read: Container[int] | None,
              fds_write: Container[int] | None) -> IoDump | None:
    """The data a finished call moved, when its fd is in the read/write set.  As strace,
    a write is dumped whole (its length argument) even when it failed; a read only
    when it succeeded, up to its return value."""
    row = by_nr(call.nr)
    spec = row.dump if row is not None else None
    if spec is None:
        return None
    direction, bi, li, kind = spec
    if call.error and direction == "read":
        return None
    fds = fds_read if direction == "read" else fds_write
    if fds is None:
        return None
    fd = call.args[0] & 0xFFFFFFFF
    if fd & 0x80000000 or fd not in fds:
        return None
    addr = call.args[bi]
    # strace dumps a read up to the return value, a write whole
    left = call.ret if direction == "read" else 1 << 64
    if kind == "msghdr":
        return _msghdr(call, fd, addr, left)
    if kind == "mmsghdr":
        return _mmsghdr(call, fd, addr)
    if kind == "iov":
        out = _iovecs(call, addr, call.args[li] if li is not None else 0, left)
        return IoDump(call.pid, fd, tuple(out), vectored=True) if out else None
    size = call.ret if li is None else call.args[li]
    size = min(size, 1 << 24)
    data = call.read(addr, size) if size > 0 else b""
    if data is None:
        return _chunked(call, fd, addr, size)
    return IoDump(call.pid, fd, (data,)) if data else None
