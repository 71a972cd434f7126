"""Linux AIO, so far its context calls: io_setup (the new context written back) and
io_destroy.  io_submit, io_cancel, io_getevents and io_pgetevents (struct iocb and
struct io_event) are still printed generically.

strace counterpart: aio.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Value
from .base import Call, DecodeGen, decoder

_CTX = struct.Struct("<Q")


@decoder("io_setup")
def _io_setup(c: Call) -> DecodeGen:
    yield [Int(c.args[0] & 0xFFFFFFFF, "u")]
    addr = c.args[1]
    got = None if c.failed or not addr else c.read_struct(addr, _CTX)
    return [Addr(addr) if got is None else Array((Addr(got[0]),))]


@decoder("io_destroy")
def _io_destroy(c: Call) -> list[Value]:
    return [Addr(c.args[0])]
