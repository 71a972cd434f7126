"""Decoders that return directory data and names: getdents, getdents64, readlink,
readlinkat, getcwd.

Without -v strace prints a getdents buffer as "0x... /* N entries */"; with -v as an
array of dirent structs, names whole (not cut at -s).  readlink's buffer prints at exit,
the returned length of it, cut at -s; getcwd's as a path (never cut).

strace counterpart: dirent.c, dirent64.c, readlink.c, getcwd.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Comment, Count, Int, Path, Struct, Value
from ..xlat import DIRENT_TYPES
from .base import Call, DecodeGen, const, decoder

_DIRENT64 = struct.Struct("<QqHB")   # linux_dirent64: d_ino, d_off, d_reclen, d_type, d_name
_DIRENT = struct.Struct("<QQH")      # linux_dirent: d_ino, d_off, d_reclen, d_name, ..., d_type
_MAX_BUF = 1 << 20                   # read at most this much of a getdents buffer


def _name(raw: bytes) -> Path:
    nul = raw.find(b"\0")
    return Path(raw if nul < 0 else raw[:nul])


def _entries(data: bytes, wide: bool) -> list[Value] | None:
    """The dirents in data; None when a record is malformed (strace then stops)."""
    head = _DIRENT64 if wide else _DIRENT
    out: list[Value] = []
    pos = 0
    while pos < len(data):
        if pos + head.size > len(data):
            break
        if wide:
            ino, off, reclen, dtype = head.unpack_from(data, pos)
            name_at = pos + head.size
        else:
            ino, off, reclen = head.unpack_from(data, pos)
            name_at = pos + head.size
        if reclen < head.size or pos + reclen > len(data):
            break
        rec_end = pos + reclen
        if wide:
            out.append(Struct((("d_ino", Int(ino, "u")), ("d_off", Int(off)),
                               ("d_reclen", Int(reclen, "u")),
                               ("d_type", const(DIRENT_TYPES, dtype)),
                               ("d_name", _name(data[name_at:rec_end])))))
        else:
            dtype = data[rec_end - 1]
            out.append(Struct((("d_ino", Int(ino, "u")), ("d_off", Int(off, "u")),
                               ("d_reclen", Int(reclen, "u")),
                               ("d_name", _name(data[name_at:rec_end - 1])),
                               ("d_type", const(DIRENT_TYPES, dtype)))))
        pos = rec_end
    return out


def _dirents(c: Call, wide: bool) -> list[Value]:
    addr = c.args[1]
    count = Int(c.args[2] & 0xFFFFFFFF, "u")
    if c.failed or not addr:
        return [Addr(addr), count]
    n = c.ret
    data = c.read(addr, min(n, _MAX_BUF)) if n and c.opts.deref else (
        b"" if c.opts.deref else None)   # outside -e verbose=: the address
    if data is None:
        return [Addr(addr), count]
    entries = _entries(data, wide) or []
    if not c.opts.verbose:
        return [Comment(Addr(addr), Count(len(entries), "entries", "entries")), count]
    return [Array(tuple(entries)), count]


@decoder("getdents64")
def _getdents64(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return _dirents(c, True)


@decoder("getdents")
def _getdents(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return _dirents(c, False)


def _link_buf(c: Call, addr: int) -> Value:
    if c.failed:
        return Addr(addr)
    return c.buf(addr, c.ret)


@decoder("readlink")
def _readlink(c: Call) -> DecodeGen:
    yield [c.path(0)]
    return [_link_buf(c, c.args[1]), c.ulong(2)]


@decoder("readlinkat")
def _readlinkat(c: Call) -> DecodeGen:
    yield [c.dirfd(0), c.path(1)]
    return [_link_buf(c, c.args[2]), c.ulong(3)]


@decoder("getcwd")
def _getcwd(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    if c.failed or not addr:
        return [Addr(addr), c.ulong(1)]
    # a string: printed even outside -e verbose=
    data = c.mem.read(c.pid, addr, c.ret) if c.ret > 0 else b""
    return [Addr(addr) if data is None else _name(data), c.ulong(1)]
