"""io_uring, so far: io_uring_setup (struct io_uring_params: what the caller asks at
entry, the rings' sizes, features and offsets the kernel writes back at exit) and
io_uring_enter (its flags and signal mask); io_uring_register is in uring_register.py.

strace counterpart: io_uring.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import URING_ENTER_FLAGS, URING_SETUP_FEATURES, URING_SETUP_FLAGS
from ._fs_common import xval
from .base import Call, DecodeGen, decoder, flags_or_unknown, s32
from .signal import sigset_at

# struct io_uring_params: sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle,
# features, wq_fd, resv[3], then struct io_sqring_offsets and io_cqring_offsets (seven
# __u32, resv1 __u32, resv2 __u64 each)
_PARAMS = struct.Struct("<10I" + "8IQ" * 2)
_ATTACH_WQ = xval(URING_SETUP_FLAGS, "IORING_SETUP_ATTACH_WQ")
_SQ_OFF = ("head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array")
_CQ_OFF = ("head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags")


def _offsets(names: tuple[str, ...], values: tuple[int, ...]) -> Struct:
    """io_sqring_offsets / io_cqring_offsets; resv1 and resv2 only when not zero."""
    fields: list[tuple[str | None, Value]] = [(n, Int(v, "u"))
                                              for n, v in zip(names, values, strict=False)]
    for name, v in (("resv1", values[7]), ("resv2", values[8])):
        if v:
            fields.append((name, Int(v, "x")))
    return Struct(tuple(fields))


@decoder("io_uring_setup")
def _io_uring_setup(c: Call) -> DecodeGen:
    addr = c.args[1]
    got = c.read_struct(addr, _PARAMS) if addr else None
    if got is None:
        yield [Int(c.uint(0), "u")]
        return [Addr(addr)]
    flags = got[2]
    fields: list[tuple[str | None, Value]] = [
        ("flags", flags_or_unknown(URING_SETUP_FLAGS, flags, "IORING_SETUP_???")),
        ("sq_thread_cpu", Int(got[3], "x")), ("sq_thread_idle", Int(got[4], "u"))]
    if flags & _ATTACH_WQ:
        fields.append(("wq_fd", c.fd_value(s32(got[6]))))
    if any(got[7:10]):
        fields.append(("resv", Array(tuple(Int(v, "x") for v in got[7:10]))))
    yield [Int(c.uint(0), "u")]
    after = None if c.failed else c.read_struct(addr, _PARAMS)
    if after is not None:
        fields += [("sq_entries", Int(after[0], "u")), ("cq_entries", Int(after[1], "u")),
                   ("features", flags_or_unknown(URING_SETUP_FEATURES, after[5],
                                                 "IORING_FEAT_???")),
                   ("sq_off", _offsets(_SQ_OFF, after[10:19])),
                   ("cq_off", _offsets(_CQ_OFF, after[19:28]))]
    return [Struct(tuple(fields))]


@decoder("io_uring_enter")
def _io_uring_enter(c: Call) -> list[Value]:
    size = c.args[5]
    return [c.fd(0), Int(c.uint(1), "u"), Int(c.uint(2), "u"),
            flags_or_unknown(URING_ENTER_FLAGS, c.uint(3), "IORING_ENTER_???"),
            sigset_at(c, c.args[4], size), Int(size, "u")]
