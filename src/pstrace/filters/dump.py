"""-e read=SET / -e write=SET: strace's hex-and-ASCII dump of the data a call moved.

strace counterpart: dumpio() in syscall.c, dumpstr()/dumpiov_upto() in util.c.
Format (observed from strace 6.1): one line per 16 bytes,
" | OFFSET  xx xx xx xx xx xx xx xx  xx xx xx xx xx xx xx xx  ASCII16          |"
(offset as 5 hex digits, printable ASCII 0x20..0x7e shown, everything else as ".");
vectored calls print " * N bytes in buffer K" before each buffer's dump.
"""
from __future__ import annotations

import struct

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
_ASCII = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in range(256))


def hexdump(data: bytes) -> str:
    """The dump lines of one buffer, each ending in a newline."""
    out = []
    for off in range(0, len(data), 16):
        chunk = data[off:off + 16]
        hexes = [f"{b:02x}" for b in chunk] + ["  "] * (16 - len(chunk))
        text = "".join(_ASCII[b] for b in chunk)
        out.append(f" | {off:05x}  {' '.join(hexes[:8])}  {' '.join(hexes[8:])}  {text:<16} |\n")
    return "".join(out)


def dump_call(call, fds_read, fds_write) -> str | None:
    """The dump text for a finished call whose fd is in the read/write set, or None."""
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
        return hexdump(data) if data else None
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
        out.append(f" * {length} bytes in buffer {k}\n" + hexdump(data))
    return "".join(out) or None
