"""Linux AIO, so far: io_setup (the new context written back), io_destroy and
io_getevents (its struct io_event array and timeout, both read at exit).  io_submit,
io_cancel (struct iocb) and io_pgetevents (its sigset) are still printed generically.

strace counterpart: aio.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ._fs_common import array
from .base import Call, DecodeGen, decoder, s64
from .time import timespec_at

_CTX = struct.Struct("<Q")
_IO_EVENT = struct.Struct("<QQqq")


@decoder("io_setup")
def _io_setup(c: Call) -> DecodeGen:
    yield [Int(c.args[0] & 0xFFFFFFFF, "u")]
    addr = c.args[1]
    got = None if c.failed or not addr else c.read_struct(addr, _CTX)
    return [Addr(addr) if got is None else Array((Addr(got[0]),))]


@decoder("io_destroy")
def _io_destroy(c: Call) -> list[Value]:
    return [Addr(c.args[0])]


def _io_events(c: Call, addr: int) -> Value:
    """[{data=0x..., obj=0x..., res=N, res2=N}, ...]: as many as the call returned."""
    if not addr:
        return Addr(0)
    if c.failed:
        return Addr(addr)
    size = _IO_EVENT.size
    raw = c.read(addr, c.ret * size) if c.ret > 0 else b""
    if raw is None:
        return Addr(addr)
    items: list[Value] = []
    for data, obj, res, res2 in _IO_EVENT.iter_unpack(raw):
        items.append(Struct((("data", Int(data, "x")), ("obj", Addr(obj)),
                             ("res", Int(res)), ("res2", Int(res2)))))
    return array(c, items)


@decoder("io_getevents")
def _io_getevents(c: Call) -> DecodeGen:
    """The timeout is read at exit (strace prints it there, failed call or not)."""
    yield [Addr(c.args[0]), Int(s64(c.args[1])), Int(s64(c.args[2]))]
    return [_io_events(c, c.args[3]), timespec_at(c, c.args[4])]
