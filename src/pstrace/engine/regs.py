"""The fallback when PTRACE_GET_SYSCALL_INFO does not work (a kernel before 5.3, or a
seccomp filter that denies the request): each stop read with PTRACE_GETREGS and
reported in the same tuples libc.SyscallInfoReader gives, so the tracer does not know
the difference.  Chosen once, when the probe finds the request unusable; the usual path
pays nothing for it.

What the kernel would say is worked out as strace's legacy code does, from the
registers and what the tracer knows:
- which stop: PTRACE_GETSIGINFO's si_code (SIGTRAP|0x80 for a syscall stop, the
  PTRACE_EVENT_SECCOMP event for a seccomp stop; anything else is no syscall stop);
- entry or exit: syscall stops alternate, and the tracer's Tracee.in_syscall says
  which one is next; a tracee attached inside a blocking call (its first syscall stop is
  that call's exit) is told by rax, which the kernel sets to -ENOSYS at every entry;
- the ABI: `int $0x80` (the bytes cd 80 before rip: also where the kernel puts a 32-bit
  process's sysenter/syscall) is i386, else x86_64 (x32 by its number's bit, as the
  tracer already tells);
- the call: orig_rax, the six argument registers of that ABI, rax at exit (an error
  is -4095..-1, as a 32-bit value for i386).
strace counterpart: get_regs() and the arch_get_scno()/arch_get_syscall_args()/
arch_get_error() of linux/x86_64/ (the !ptrace_syscall_info_is_valid() paths).
"""
from __future__ import annotations

import ctypes
import struct
from collections.abc import Mapping

from .._sys import consts_gen as K
from .._sys import libc
from ..filters import consts_gen as F
from ..xlat import MAX_ERRNO
from . import regs_gen as R

REGS = struct.Struct(f"<{R.USER_REGS_SIZE // 8}Q")   # struct user_regs_struct
_I = {name: getattr(R, "OFF_" + name.upper()) // 8
      for name in ("orig_rax", "rax", "rip", "rsp", "rdi", "rsi", "rdx", "r10", "r8",
                   "r9", "rbx", "rcx", "rbp")}
ARGS_64 = tuple(_I[r] for r in ("rdi", "rsi", "rdx", "r10", "r8", "r9"))
_ARGS_32 = tuple(_I[r] for r in ("rbx", "rcx", "rdx", "rsi", "rdi", "rbp"))
ORIG_RAX, RAX, RIP, _RSP = _I["orig_rax"], _I["rax"], _I["rip"], _I["rsp"]
_SYSCALL_STOP = K.SIGTRAP | 0x80
_SECCOMP_STOP = K.SIGTRAP | K.PTRACE_EVENT_SECCOMP << 8
_NONE, _ENTRY, _EXIT, _SECCOMP = (K.PTRACE_SYSCALL_INFO_NONE, K.PTRACE_SYSCALL_INFO_ENTRY,
                                  K.PTRACE_SYSCALL_INFO_EXIT, K.PTRACE_SYSCALL_INFO_SECCOMP)
_X86_64, _I386 = F.AUDIT_ARCH_X86_64, F.AUDIT_ARCH_I386
_NO_SYSCALL = (-R.ENOSYS) & 0xFFFFFFFFFFFFFFFF   # rax at every syscall entry
_INT_0X80 = 0x80CD   # the instruction's bytes, cd 80, as a little-endian word
_SI_CODE = struct.Struct("<8xi")   # siginfo_t: si_signo, si_errno, si_code


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Protocol

    class TraceeState(Protocol):
        """What the reader needs of the tracer's per-thread state (engine.tracer.Tracee)."""

        @property
        def in_syscall(self) -> bool: ...

        @property
        def personality(self) -> int: ...


class RegsReader:
    """libc.SyscallInfoReader's read(), from PTRACE_GETREGS (see the module docstring);
    `tracees` is the tracer's live map of threads."""

    __slots__ = ("_tracees", "_buf", "_addr")

    def __init__(self, tracees: Mapping[int, TraceeState]) -> None:
        self._tracees = tracees
        self._buf = ctypes.create_string_buffer(R.USER_REGS_SIZE)
        self._addr = ctypes.addressof(self._buf)

    def read(self, pid: int) -> tuple[int, ...] | None:
        """Entry/seccomp: (op, arch, ip, sp, nr, a0..a5); exit: (op, arch, ip, sp,
        rval, is_error); another stop: (op, arch, ip, sp); None when the tracee is gone."""
        siginfo = libc.get_siginfo(pid)   # None in a group-stop (EINVAL): no syscall stop
        if libc.ptrace_nothrow(R.PTRACE_GETREGS, pid, 0, self._addr) < 0:
            return None
        regs = REGS.unpack_from(self._buf)
        code = _SI_CODE.unpack_from(siginfo)[0] if siginfo is not None else 0
        t = self._tracees.get(pid)
        ip, sp, rax = regs[RIP], regs[_RSP], regs[RAX]
        if code == _SYSCALL_STOP and ((t is not None and t.in_syscall)
                                      or rax != _NO_SYSCALL):
            compat = t is not None and t.personality == 1
            arch = _I386 if compat else _X86_64
            err = signed(rax & 0xFFFFFFFF, 32) if compat else signed(rax, 64)
            error = -MAX_ERRNO <= err < 0
            return (_EXIT, arch, ip, sp, err if error else signed(rax, 64), int(error))
        if code == _SYSCALL_STOP or code == _SECCOMP_STOP:
            compat = _int_0x80_before(pid, ip)
            nr = regs[ORIG_RAX]
            return (_ENTRY if code == _SYSCALL_STOP else _SECCOMP,
                    _I386 if compat else _X86_64, ip, sp,
                    nr & 0xFFFFFFFF if compat else nr,
                    *(regs[i] for i in (_ARGS_32 if compat else ARGS_64)))
        return (_NONE, _X86_64, ip, sp)


def signed(value: int, bits: int) -> int:
    """A register's `bits`-bit value as a signed number."""
    return value - (1 << bits) if value >> (bits - 1) else value


def _int_0x80_before(pid: int, ip: int) -> bool:
    """Whether the instruction that entered the call was `int $0x80`."""
    return word_before(pid, ip) == _INT_0X80


def word_before(pid: int, ip: int) -> int | None:
    """The two bytes before `ip` in the stopped tracee's code, as a little-endian word
    (the instruction that entered its last call); None when they cannot be read."""
    try:
        word = libc.ptrace(R.PTRACE_PEEKTEXT, pid, ip - 2, 0)
    except OSError:
        return None
    return int(word) & 0xFFFF
