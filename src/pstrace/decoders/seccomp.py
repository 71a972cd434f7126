"""seccomp(2), and the seccomp filter prctl(PR_SET_SECCOMP) takes.

strace counterpart: seccomp.c, bpf_seccomp_filter.c (fetch_bpf_fprog/decode_bpf_fprog).
  * the operation and flags are 32-bit (the upper halves of the registers are ignored);
  * SECCOMP_SET_MODE_FILTER: the flags by name, then {len=N, filter=...}: the filter's
    address, its instructions with -v (bpf.py), a BPF_RET's k as the action by name
    and the data bits ORed ("SECCOMP_RET_ERRNO|0x10");
  * SECCOMP_GET_ACTION_AVAIL: [the action] by name; SECCOMP_GET_NOTIF_SIZES: the
    struct seccomp_notif_sizes the kernel filled, at exit;
  * SECCOMP_SET_MODE_STRICT and unknown operations: flags in hex, the address.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Or, Struct, Value
from ..xlat import (
    BPF_CLASSES,
    SECCOMP_CONSTS,
    SECCOMP_FILTER_FLAGS,
    SECCOMP_OPS,
    SECCOMP_RET_ACTION,
)
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown
from .bpf import bpf_filter

_SOCK_FPROG = struct.Struct("<H6xQ")     # struct sock_fprog: len, filter pointer
_NOTIF_SIZES = struct.Struct("<HHH")     # struct seccomp_notif_sizes
_U32 = struct.Struct("<I")
_BPF_RET = xval(BPF_CLASSES, "BPF_RET")
_ACTION_FULL = xval(SECCOMP_CONSTS, "SECCOMP_RET_ACTION_FULL")
_FILTER, _AVAIL, _SIZES = (xval(SECCOMP_OPS, n) for n in (
    "SECCOMP_SET_MODE_FILTER", "SECCOMP_GET_ACTION_AVAIL", "SECCOMP_GET_NOTIF_SIZES"))


def action(value: int) -> Value:
    return const(SECCOMP_RET_ACTION, value, comment="SECCOMP_RET_???")


def _filter_k(code: int, k: int) -> Value:
    if code & 0x07 != _BPF_RET:
        return Int(k, "x")
    act = k & _ACTION_FULL
    data = k & ~act
    return Or((action(act), Int(data, "x"))) if data else action(act)


def seccomp_fprog(c: Call, addr: int) -> Value:
    """{len=N, filter=...} of a struct sock_fprog holding a seccomp filter."""
    got = c.read_struct(addr, _SOCK_FPROG) if addr else None
    if got is None:
        return Addr(addr)
    count, filt = got
    return Struct((("len", Int(count, "u")), ("filter", seccomp_filter(c, filt, count))))


def seccomp_filter(c: Call, addr: int, count: int) -> Value:
    """The `count` instructions of a seccomp filter at addr (the address without -v)."""
    return bpf_filter(c, addr, count, _filter_k) if c.opts.verbose else Addr(addr)


@decoder("seccomp")
def _seccomp(c: Call) -> DecodeGen:
    op, fl, addr = c.args[0] & 0xFFFFFFFF, c.args[1] & 0xFFFFFFFF, c.args[2]
    head = const(SECCOMP_OPS, op, comment="SECCOMP_SET_MODE_???")
    if op == _SIZES:
        yield [head, Int(fl, "x")]
        got = None if c.failed or not addr else c.read_struct(addr, _NOTIF_SIZES)
        if got is None:
            return [Addr(addr)]
        return [Struct(tuple((n, Int(v, "u")) for n, v in zip(
            ("seccomp_notif", "seccomp_notif_resp", "seccomp_data"), got, strict=True)))]
    vals: list[Value]
    if op == _FILTER:
        vals = [head, flags_or_unknown(SECCOMP_FILTER_FLAGS, fl, "SECCOMP_FILTER_FLAG_???"),
                seccomp_fprog(c, addr)]
    elif op == _AVAIL:
        act = c.read(addr, 4) if addr else None
        vals = [head, Int(fl, "x"),
                Addr(addr) if act is None else Array((action(_U32.unpack(act)[0]),))]
    else:
        vals = [head, Int(fl, "x"), Addr(addr)]
    yield []    # all inputs, printed at exit as prctl's are (a generator cannot stop here)
    return vals


__all__ = ["action", "seccomp_filter", "seccomp_fprog"]
