"""File handles: name_to_handle_at and open_by_handle_at.

strace counterpart: file_handle.c.  struct file_handle prints as {handle_bytes=N,
handle_type=T, f_handle="\\x.."} with the handle's bytes in hexadecimal (at most
MAX_HANDLE_SZ, then "..."); name_to_handle_at shows the size the kernel wrote back
("handle_bytes=0 => 8", also on EOVERFLOW) and the rest of the handle when it succeeded.
Unlike strace, which prints "{handle_bytes=N" at entry and the rest at exit, pstrace
prints the whole struct at exit (the line differs only when another process's line cuts
this one).
"""
from __future__ import annotations

import errno
import struct

from ..values import Addr, Array, Changed, Int, Note, Str, Struct, Value
from ..xlat import FILE_HANDLE_CONSTS, NAME_TO_HANDLE_AT_FLAGS
from ._fs_common import xval
from .base import Call, DecodeGen, decoder, flags_or_unknown
from .fs import open_flags

_HEADER = struct.Struct("<Ii")     # handle_bytes, handle_type
_INT = struct.Struct("<i")
_MAX_HANDLE_SZ = xval(FILE_HANDLE_CONSTS, "MAX_HANDLE_SZ")


def _f_handle(c: Call, addr: int, size: int) -> Value:
    n = min(size, _MAX_HANDLE_SZ)
    data = c.read(addr + _HEADER.size, n)
    if data is None:
        return Note("???")
    return Str(data, size > n, hex=True)


def _handle(c: Call, addr: int, got: tuple[int, int],
            before: int | None = None) -> list[tuple[str | None, Value]]:
    size: Value = Int(got[0], "u")
    if before is not None and before != got[0]:
        size = Changed(Int(before, "u"), size)
    return [("handle_bytes", size), ("handle_type", Int(got[1])),
            ("f_handle", _f_handle(c, addr, got[0]))]


@decoder("name_to_handle_at")
def _name_to_handle_at(c: Call) -> DecodeGen:
    addr = c.args[2]
    fl = flags_or_unknown(NAME_TO_HANDLE_AT_FLAGS, c.uint(4), "AT_???")
    head = [c.dirfd(0), c.path(1)]
    got = c.read_struct(addr, _HEADER) if addr else None
    if got is None:
        c.sep_late = True
        yield [*head, Addr(addr), c.ptr(3), fl]
        return []
    yield head
    before = got[0]
    fields: list[tuple[str | None, Value]] = [("handle_bytes", Int(before, "u"))]
    if not c.failed or c.error == errno.EOVERFLOW:
        now = c.read_struct(addr, _HEADER)
        if now is not None:
            fields = _handle(c, addr, now, before)
            if c.failed:
                fields = fields[:1]
    mount_id: Value = c.ptr(3)
    if not c.failed and c.args[3]:
        m = c.read_struct(c.args[3], _INT)
        if m is not None:
            mount_id = Array((Int(m[0]),))
    return [Struct(tuple(fields)), mount_id, fl]


@decoder("open_by_handle_at")
def _open_by_handle_at(c: Call) -> list[Value]:
    addr = c.args[1]
    got = c.read_struct(addr, _HEADER) if addr else None
    handle: Value = Addr(addr) if got is None else Struct(tuple(_handle(c, addr, got)))
    return [c.fd(0), handle, open_flags(c.args[2])]
