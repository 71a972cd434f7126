"""Scheduling policies: sched_getscheduler/sched_setscheduler, and sched_getattr/
sched_setattr with struct sched_attr, its size-dependent tail, and sched_setattr's
"=> {size=N}" when the kernel answers E2BIG with the size it knows.

strace counterpart: sched.c (print_sched_attr).
"""
from __future__ import annotations

import errno
import struct

from ..values import Addr, Array, Changed, Const, Int, Struct, Value
from ..xlat import SCHED_ATTR_FLAGS, SCHED_POLICIES
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

# include/uapi/linux/sched/types.h: struct sched_attr, SCHED_ATTR_SIZE_VER0/VER1
_ATTR = struct.Struct("<IIQiIQQQII")
_VER0 = 48
_SIZE = _ATTR.size   # 56, SCHED_ATTR_SIZE_VER1
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")


@decoder("sched_getscheduler")
def _sched_getscheduler(c: Call) -> DecodeGen:
    c.sep_late = True   # no argument follows at exit
    yield [c.pid_(0)]
    if not c.failed:   # the policy's name as the return comment, when it has one
        name = SCHED_POLICIES.name(c.ret)
        c.rcomment = Const(name, c.ret) if name is not None else None
    return []


@decoder("sched_setscheduler")
def _sched_setscheduler(c: Call) -> list[Value]:
    addr = c.args[2]
    got = c.read_struct(addr, _I32) if addr else None
    param: Value = Addr(addr) if got is None else Array((Int(got[0]),))
    return [c.pid_(0), const(SCHED_POLICIES, c.args[1] & 0xFFFFFFFF, comment="SCHED_???"),
            param]


def _attr_fields(data: bytes, size: int, is_set: bool) -> list[tuple[str | None, Value]]:
    (_, policy, flags, nice, prio, runtime, deadline, period, umin, umax) = \
        _ATTR.unpack(data.ljust(_SIZE, b"\0")[:_SIZE])
    keep = xval(SCHED_ATTR_FLAGS, "SCHED_FLAG_KEEP_POLICY") | \
        xval(SCHED_ATTR_FLAGS, "SCHED_FLAG_KEEP_PARAMS")
    keep_params = xval(SCHED_ATTR_FLAGS, "SCHED_FLAG_KEEP_PARAMS")
    out: list[tuple[str | None, Value]] = []
    if not is_set or policy & 0x80000000 or not flags & keep:
        out.append(("sched_policy", const(SCHED_POLICIES, policy, comment="SCHED_???")))
    out.append(("sched_flags",
                flags_or_unknown(SCHED_ATTR_FLAGS, flags, "SCHED_FLAG_???", bits=64)))
    if not is_set or not flags & keep_params:
        out += [("sched_nice", Int(nice)), ("sched_priority", Int(prio, "u")),
                ("sched_runtime", Int(runtime, "u")), ("sched_deadline", Int(deadline, "u")),
                ("sched_period", Int(period, "u"))]
    if size >= _SIZE:
        out += [("sched_util_min", Int(umin, "u")), ("sched_util_max", Int(umax, "u"))]
    return out


def _attr(c: Call, addr: int, usize: int) -> Value:
    """The struct at addr; usize is sched_getattr's size argument, 0 for sched_setattr
    (whose struct says its own size)."""
    is_set = not usize
    if is_set:
        head = c.read_struct(addr, _U32) if addr else None
        if head is None:
            return Addr(addr)
        shown = head[0]
        usize = shown or _VER0
        size = min(usize, _SIZE)
        data = b""
        if size >= _VER0:
            got = c.read(addr, size)
            if got is None:
                return Addr(addr)
            data = got
    else:
        got = c.read(addr, min(usize, _SIZE)) if addr else None
        if got is None:
            return Addr(addr)
        data = got
        shown = size = _U32.unpack(data.ljust(4, b"\0")[:4])[0]
    fields: list[tuple[str | None, Value]] = [("size", Int(shown, "u"))]
    if size >= _VER0:
        fields += _attr_fields(data, size, is_set)
    return Struct(tuple(fields), elided=is_set and usize > size)


@decoder("sched_getattr")
def _sched_getattr(c: Call) -> DecodeGen:
    yield [c.pid_(0)]
    usize = c.args[2] & 0xFFFFFFFF
    addr = c.args[1]
    attr = Addr(addr) if c.failed or not usize else _attr(c, addr, usize)
    return [attr, c.uint_(2), c.uint_(3)]


@decoder("sched_setattr")
def _sched_setattr(c: Call) -> DecodeGen:
    addr = c.args[1]
    attr = _attr(c, addr, 0)   # read at entry, printed at exit with the kernel's answer
    yield [c.pid_(0)]
    if c.error == errno.E2BIG and c.opts.deref:
        got = c.read_struct(addr, _U32)
        if got is not None:
            attr = Changed(attr, Struct((("size", Int(got[0], "u")),)))
    return [attr, c.uint_(2)]
