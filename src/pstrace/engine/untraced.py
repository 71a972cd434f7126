"""Children under pstrace's seccomp filter stay traced: a clone(CLONE_UNTRACED) or a clone3
with that flag would make a child that no tracer follows, and each call the filter sends
to the tracer would then fail with ENOSYS in it.  The filter stops such calls
(filters.seccomp.program); here the flag is cleared for the call and put back when it
returns: in the caller's rdi (clone) or its struct clone_args (clone3), and in the new
child's rdi at its first stop.  A clone3 child with its own copy of the memory (no
CLONE_VM) keeps the cleared flags in its copy of the struct.

strace counterpart: none (strace -f --seccomp-bpf leaves such a child to ENOSYS).
"""
from __future__ import annotations

import os
import struct

from .._sys import libc
from ..filters import consts_gen as C
from ..inject import consts_gen as R

_U64 = struct.Struct("<Q")


class Undo:
    """Where the flags were changed, and their value before."""

    __slots__ = ("register", "addr", "flags")

    def __init__(self, register: bool, addr: int, flags: int) -> None:
        self.register = register   # clone's rdi; else clone3's clone_args.flags at `addr`
        self.addr = addr
        self.flags = flags


def clear_untraced(pid: int, nr: int, args: tuple[int, ...],
                   mem: libc.MemReader) -> Undo | None:
    """At the entry of a 64-bit clone or clone3: clear CLONE_UNTRACED if it is set."""
    if nr == C.__NR_clone:
        flags = args[0]
        if not flags & C.CLONE_UNTRACED or libc.ptrace_nothrow(
                R.PTRACE_POKEUSER, pid, R.OFFSET_RDI, flags & ~C.CLONE_UNTRACED):
            return None
        return Undo(True, 0, flags)
    if nr == C.__NR_clone3:
        addr = args[0] + C.CLONE_ARGS_FLAGS
        raw = mem.read(pid, addr, _U64.size)
        if raw is None:
            return None
        flags = _U64.unpack(raw)[0]
        if not flags & C.CLONE_UNTRACED or not _write(pid, addr, flags & ~C.CLONE_UNTRACED):
            return None
        mem.invalidate()
        return Undo(False, addr, flags)
    return None


def undo(pid: int, u: Undo, child: bool = False) -> None:
    """Put the flags back: in the caller after the call, or in a new child's register."""
    if u.register:
        libc.ptrace_nothrow(R.PTRACE_POKEUSER, pid, R.OFFSET_RDI, u.flags)
    elif not child:
        _write(pid, u.addr, u.flags)


def _write(pid: int, addr: int, flags: int) -> bool:
    try:
        fd = os.open(f"/proc/{pid}/mem", os.O_WRONLY)
    except OSError:
        return False
    try:
        return os.pwrite(fd, _U64.pack(flags), addr) == _U64.size
    except OSError:
        return False
    finally:
        os.close(fd)
