"""Classic BPF programs (struct sock_filter arrays) as strace 6.1 prints them with -v:
[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x800, 0, 0x1), ...].

Public API: `bpf_filter(c, addr, count) -> Value` (the array, or the address when
unreadable).  Learned from strace 6.1's output (tests/syscalls/net_sockopt_struct.c):
  * BPF_JUMP when jt or jf is nonzero, else BPF_STMT (whatever the class);
  * the code: class, then per class size|mode (LD, LDX), src|op (ALU, JMP), rval (RET),
    miscop (MISC), the other bits of ST/STX; an unknown part prints "0xN /* BPF_??? */"
    (a bare number under -X raw); bits above 0xff print only for BPF_MISC, and they and
    the other bits of BPF_ST/BPF_STX keep their comment in every style;
  * k in hex, but for BPF_LD|BPF_ABS the special areas: SKF_AD_OFF+SKF_AD_PROTOCOL,
    SKF_NET_OFF+9, SKF_LL_OFF+1 (offsets in decimal), SKF_AD_OFF+0x40 /* SKF_AD_??? */.
eBPF programs (struct bpf_insn arrays, bpf(2)'s BPF_PROG_LOAD) print with -v as
[{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}, ...]:
`ebpf_prog(c, addr, count)`; the code as print_bpf_filter_code(code, extended=true)
names it (BPF_ST/BPF_STX have size|mode there, BPF_MISC is BPF_ALU64, BPF_RET is
BPF_JMP32 and prints only its other bits).
strace counterpart: bpf_filter.c, bpf_sock_filter.c, print_ebpf_prog() in bpf.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from .. import xlat as X
from ..values import (
    Addr,
    Array,
    Comment,
    Const,
    Func,
    Int,
    Note,
    Offset,
    Or,
    Struct,
    Sym,
    Unreadable,
    Value,
)
from ..xlat import Xlat
from ._fs_common import tracee_array, xval
from .base import Call, const

SOCK_FILTER = struct.Struct("<HBBI")      # struct sock_filter: code, jt, jf, k


def _part(table: Xlat, value: int) -> Value:
    name = table.name(value)
    if name is not None:
        return Const(name, value, "x")
    return Sym(Int(value, "x"), Comment(Int(value, "x"), "BPF_???"), Note("BPF_???"))


def _code(code: int) -> Value:
    cls = code & 0x07
    parts: list[Value] = [_part(X.BPF_CLASSES, cls)]
    cname = X.BPF_CLASSES.name(cls)
    if cname in ("BPF_LD", "BPF_LDX"):
        parts += [_part(X.BPF_SIZES, code & 0x18), _part(X.BPF_MODES, code & 0xE0)]
    elif cname in ("BPF_ALU", "BPF_JMP"):
        ops = X.BPF_ALU_OPS if cname == "BPF_ALU" else X.BPF_JMP_OPS
        parts += [_part(X.BPF_SRCS, code & 0x08), _part(ops, code & 0xF0)]
    elif cname == "BPF_RET":
        parts.append(_part(X.BPF_RVALS, code & 0x18))
    elif cname == "BPF_MISC":
        parts.append(_part(X.BPF_MISCOPS, code & 0xF8))
        if code & ~0xFF:
            # the comment stays under -X raw too (observed)
            parts.append(Comment(Int(code & ~0xFF, "x"), "BPF_???", keep=True))
    elif code & 0xF8:   # BPF_ST, BPF_STX: no other field
        parts.append(Comment(Int(code & 0xF8, "x"), "BPF_???", keep=True))   # every style
    return Or(tuple(parts))


def _ebpf_code(code: int) -> Value:
    cls = code & 0x07
    parts: list[Value] = [_part(X.EBPF_CLASSES, cls)]
    cname = X.EBPF_CLASSES.name(cls)
    if cname in ("BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX"):
        parts += [_part(X.BPF_SIZES, code & 0x18), _part(X.EBPF_MODES, code & 0xE0)]
    elif cname in ("BPF_ALU", "BPF_ALU64", "BPF_JMP"):
        ops = X.BPF_JMP_OPS if cname == "BPF_JMP" else X.BPF_ALU_OPS
        parts += [_part(X.BPF_SRCS, code & 0x08), _part(ops, code & 0xF0)]
    elif code & ~0x07:   # BPF_JMP32: no field of its own (strace 6.1)
        parts.append(Comment(Int(code & ~0x07, "x"), "BPF_???"))
    return Or(tuple(parts))


BPF_INSN = struct.Struct("<BBhi")          # struct bpf_insn: code, dst_reg:4|src_reg:4, off, imm


def _ebpf_insn(got: tuple[int, ...]) -> Value:
    code, regs, off, imm = got
    return Struct((("code", _ebpf_code(code)),
                   ("dst_reg", const(X.EBPF_REGS, regs & 0x0F, comment="BPF_REG_???")),
                   ("src_reg", const(X.EBPF_REGS, regs >> 4, comment="BPF_REG_???")),
                   ("off", Int(off)), ("imm", Int(imm & 0xFFFFFFFF, "x"))))


def ebpf_prog(c: Call, addr: int, count: int) -> Value:
    """An eBPF program: its address without -v, else its instructions, at most
    BPF_MAXINSNS of them then "..."."""
    if not c.opts.verbose:
        return Addr(addr)
    limit = xval(X.SECCOMP_CONSTS, "BPF_MAXINSNS")
    got = tracee_array(c, addr, min(count, limit + 1), BPF_INSN, _ebpf_insn)
    if isinstance(got, Array) and len(got.items) > limit:
        return Array(got.items[:limit], elided=True)
    return got


def _k(code: int, k: int) -> Value:
    """The constant; BPF_LD|BPF_ABS offsets into the special areas by name."""
    if code & 0x07 != 0 or code & 0xE0 != 0x20:   # not BPF_LD|BPF_ABS
        return Int(k, "x")
    offs = {name: v & 0xFFFFFFFF for name, v in X.SKF_OFFSETS}
    ad, net, ll = offs["SKF_AD_OFF"], offs["SKF_NET_OFF"], offs["SKF_LL_OFF"]
    if k >= ad:
        rest = k - ad
        name = X.SKF_AD.name(rest)
        tail: Value = Const(name, rest, "x") if name is not None else Sym(
            Int(rest, "x"), Comment(Int(rest, "x"), "SKF_AD_???"), Note("SKF_AD_???"))
        return Offset(Const("SKF_AD_OFF", ad, "x"), tail)
    if k >= net:
        return Offset(Const("SKF_NET_OFF", net, "x"), Int(k - net))
    if k >= ll:
        return Offset(Const("SKF_LL_OFF", ll, "x"), Int(k - ll))
    return Int(k, "x")


KValue = Callable[[int, int], Value]
"""How a BPF_STMT's k prints, given (code, k): socket filters name the special areas
of BPF_LD|BPF_ABS, seccomp filters the action of BPF_RET."""


def sock_filter_value(code: int, jt: int, jf: int, k: int, k_value: KValue = _k) -> Value:
    if jt or jf:   # a jump's k is always plain hex
        return Func("BPF_JUMP", (_code(code), Int(k, "x"), Int(jt, "x"), Int(jf, "x")))
    return Func("BPF_STMT", (_code(code), k_value(code, k)))


def _readable_prefix(c: Call, addr: int, count: int) -> tuple[bytes, int | None]:
    """The instructions that can be read from addr on, and where reading failed."""
    size = SOCK_FILTER.size
    data = c.read(addr, count * size)
    if data is not None:
        return data, None
    got = bytearray()
    for i in range(count):
        one = c.read(addr + i * size, size)
        if one is None:
            return bytes(got), addr + i * size
        got += one
    return bytes(got), None


def bpf_filter(c: Call, addr: int, count: int, k_value: KValue = _k) -> Value:
    """The instructions: at most BPF_MAXINSNS, then "..." (strace's limit); the ones
    before unreadable memory, then "... /* ADDR */"; the address when none is."""
    if not count:
        return Array(())
    if not addr:
        return Addr(0)
    limit = xval(X.SECCOMP_CONSTS, "BPF_MAXINSNS")
    data, failed_at = _readable_prefix(c, addr, min(count, limit + 1))
    if not data:
        return Addr(addr)
    n = len(data) // SOCK_FILTER.size
    items: list[Value] = []
    for i in range(min(n, limit)):
        code, jt, jf, k = SOCK_FILTER.unpack_from(data, i * SOCK_FILTER.size)
        items.append(sock_filter_value(code, jt, jf, k, k_value))
    if failed_at is not None:
        items.append(Unreadable(failed_at))
    return Array(tuple(items), elided=n > limit)


__all__ = ["KValue", "bpf_filter", "ebpf_prog", "sock_filter_value"]
