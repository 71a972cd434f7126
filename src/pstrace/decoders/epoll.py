"""The epoll calls that use a set: epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2
(epoll_create/epoll_create1 are in handles.py).

strace counterpart: epoll.c.  struct epoll_event is packed on x86_64 (12 bytes:
__u32 events, __u64 data; include/uapi/linux/eventpoll.h) and printed as
{events=EPOLLIN, data={u32=N, u64=N}}.  The wait calls print everything but the epoll
descriptor at exit: the events the kernel wrote, or (as every pointer of a call that
failed) the address.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import EPOLL_CTL_OPS, EPOLL_EVENTS
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown
from .signal import sigset_at
from .time import timespec_at

_EVENT = struct.Struct("<IQ")
_CTL_DEL = xval(EPOLL_CTL_OPS, "EPOLL_CTL_DEL")


def _event(raw: tuple[int, int]) -> Struct:
    events, data = raw
    return Struct((("events", flags_or_unknown(EPOLL_EVENTS, events, "EPOLL???")),
                   ("data", Struct((("u32", Int(data & 0xFFFFFFFF, "u")),
                                    ("u64", Int(data, "u")))))))


@decoder("epoll_ctl")
def _epoll_ctl(c: Call) -> list[Value]:
    op = c.uint(1)
    addr = c.args[3]
    event: Value = Addr(addr)
    if op != _CTL_DEL and addr:
        got = c.read_struct(addr, _EVENT)
        if got is not None:
            event = _event((got[0], got[1]))
    return [c.fd(0), const(EPOLL_CTL_OPS, op, "x", "EPOLL_CTL_???"), c.fd(2), event]


def _events(c: Call) -> Value:
    """The array of c.ret events at args[1] (strace's print_array: -s entries at most)."""
    addr = c.args[1]
    if c.failed or not addr:
        return Addr(addr)
    count = c.ret
    shown = min(count, c.opts.max_strlen)
    raw = c.read(addr, shown * _EVENT.size) if shown else b""
    if raw is None:
        return Addr(addr)
    items = tuple(_event(_EVENT.unpack_from(raw, i * _EVENT.size)) for i in range(shown))
    return Array(items, elided=count > shown)


@decoder("epoll_wait")
def _epoll_wait(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_events(c), c.int_(2), c.int_(3)]


@decoder("epoll_pwait", "epoll_pwait2")
def _epoll_pwait(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    # At exit, strace prints a failed call's pointers as addresses (umove_or_printaddr).
    timeout = c.int_(3) if c.name == "epoll_pwait" else \
        Addr(c.args[3]) if c.failed else timespec_at(c, c.args[3])
    mask = Addr(c.args[4]) if c.failed else sigset_at(c, c.args[4], c.args[5])
    return [_events(c), c.int_(2), timeout, mask, c.ulong(5)]
