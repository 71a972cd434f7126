"""x86_64 register sets of ptrace: struct user_regs_struct (NT_PRSTATUS,
PTRACE_GETREGS/SETREGS) and struct user_fpregs_struct (NT_FPREGSET,
PTRACE_GETFPREGS/SETFPREGS), printed as far as the given size covers them.

strace counterpart: linux/x86_64/arch_prstatus_regset.c, arch_fpregset.c, regset.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Struct, Value
from ._fs_common import array
from .base import Call

# struct user_regs_struct (<sys/user.h>): 27 unsigned longs, in this order
_GPRS = ("r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx rdx rsi rdi orig_rax rip cs "
         "eflags rsp ss fs_base gs_base ds es fs gs").split()
PRSTATUS_SIZE = 8 * len(_GPRS)
# struct user_fpregs_struct: scalar fields (name, offset, struct format), then the
# u32 arrays (name, offset, element count)
_FP_SCALARS = (("cwd", 0, "<H"), ("swd", 2, "<H"), ("ftw", 4, "<H"), ("fop", 6, "<H"),
               ("rip", 8, "<Q"), ("rdp", 16, "<Q"), ("mxcsr", 24, "<I"),
               ("mxcr_mask", 28, "<I"))
_FP_ARRAYS = (("st_space", 32, 32), ("xmm_space", 160, 64), ("padding", 416, 24))
FPREGS_SIZE = 512


def _fetch(c: Call, addr: int, size: int, full: int, at_exit: bool) -> bytes | None:
    """The bytes of a register set, or None when strace prints the address (a size
    that is zero or not a multiple of 8, a failed call at exit, unreadable memory)."""
    if not size or size & 7 or not addr or (at_exit and c.failed):
        return None
    return c.read(addr, min(size, full))


def prstatus_regs(c: Call, addr: int, at_exit: bool, size: int = PRSTATUS_SIZE) -> Value:
    raw = _fetch(c, addr, size, PRSTATUS_SIZE, at_exit)
    if raw is None:
        return Addr(addr)
    n = len(raw) // 8
    regs = struct.unpack_from(f"<{n}Q", raw)
    return Struct(tuple((name, Int(v, "x")) for name, v in zip(_GPRS, regs, strict=False)),
                  elided=size > PRSTATUS_SIZE)


def fp_regs(c: Call, addr: int, at_exit: bool, size: int = FPREGS_SIZE) -> Value:
    raw = _fetch(c, addr, size, FPREGS_SIZE, at_exit)
    if raw is None:
        return Addr(addr)
    got = len(raw)
    fields: list[tuple[str | None, Value]] = []
    for name, off, fmt in _FP_SCALARS:
        if off and got <= off:
            break
        fields.append((name, Int(struct.unpack_from(fmt, raw, off)[0], "x")))
    for name, off, count in _FP_ARRAYS:
        if got <= off:
            break
        n = min(count, (got - off) // 4)
        items: list[Value] = [Int(v, "x") for v in struct.unpack_from(f"<{n}I", raw, off)]
        fields.append((name, array(c, items)))
    return Struct(tuple(fields), elided=size > FPREGS_SIZE)
