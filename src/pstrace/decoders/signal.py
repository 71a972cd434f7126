"""Signal syscalls: kill/tkill/tgkill, rt_sigaction, rt_sigprocmask, rt_sigreturn,
sigaltstack, rt_sigsuspend, rt_sigpending, rt_sigtimedwait, rt_sigqueueinfo,
rt_tgsigqueueinfo, pause, signalfd/signalfd4.

strace counterpart: signal.c, signalfd.c, sigaltstack.c and sprintsigmask_n() (the
[INT TERM] / ~[RTMIN RT_1] signal-set notation).
"""
from __future__ import annotations

import functools
import struct

from ..values import NULL, Addr, Comment, Const, Int, SigSet, Struct, Value
from ..xlat import (
    SA_FLAGS,
    SA_HANDLERS,
    SIGALTSTACK_FLAGS,
    SIGNALFD_FLAGS,
    SIGPROCMASK_HOW,
    signal_name,
)
from .base import Call, DecodeGen, const, decoder, flags
from .siginfo import SIGINFO_SIZE, decode_siginfo
from .time import timespec_at

NSIG_BYTES = 8  # the kernel's sigset_t on x86_64: _NSIG (64) bits
_U64 = struct.Struct("=Q")
# struct sigaction as the kernel takes it (x86_64, include/linux/signal_types.h with
# SA_RESTORER): sa_handler, sa_flags, sa_restorer, sa_mask.
_KSIGACTION = struct.Struct("=QQQQ")
# stack_t (include/uapi/asm-generic/signal.h): ss_sp, ss_flags (int), ss_size.
_STACK_T = struct.Struct("=Qi4xQ")
_SA_RESTORER = SA_FLAGS.value("SA_RESTORER") or 0


# --- signal numbers and sets -------------------------------------------------------
def sig_value(n: int) -> Value:
    """A signal number argument: SIGTERM, SIGRT_3, or the decimal number."""
    name = signal_name(n)
    return Int(n) if name == str(n) else Const(name, n, "d")


@functools.lru_cache(maxsize=256)   # (a SigSet is immutable; programs use a few masks)
def sigset_from_bytes(data: bytes) -> SigSet:
    """strace's sprintsigmask_n: names without "SIG"; when at least two thirds of the
    bits are set (42 of 64, observed: 41 prints plainly), the complement is printed
    with a leading "~"."""
    value = int.from_bytes(data, "little")
    nbits = len(data) * 8
    negated = nbits > 0 and bin(value).count("1") >= nbits * 2 // 3
    if negated:
        value = ~value & ((1 << nbits) - 1)
    names = []
    bit = 0
    while value:
        if value & 1:
            name = signal_name(bit + 1)
            names.append(name[3:] if name.startswith("SIG") else name)
        value >>= 1
        bit += 1
    return SigSet(tuple(names), negated)


def sigset_at(c: Call, addr: int, size: int, min_size: int = NSIG_BYTES) -> Value:
    """A sigset_t of `size` bytes at addr; the address when the size is not one strace
    decodes (min_size..NSIG_BYTES) or the memory is unreadable."""
    if not addr:
        return NULL
    if size < min_size or size > NSIG_BYTES:
        return Addr(addr)
    data = c.read(addr, size)
    if data is None:
        return Addr(addr)
    return sigset_from_bytes(data)


def siginfo_at(c: Call, addr: int) -> Value:
    if not addr:
        return NULL
    data = c.read(addr, SIGINFO_SIZE)
    if data is None:
        return Addr(addr)
    return decode_siginfo(data, c.opts, c.pid)


# --- kill family ------------------------------------------------------------------
@decoder("kill")
def _kill(c: Call) -> list[Value]:
    return [c.tgid_pgid(0), sig_value(c.sint(1))]


@decoder("tkill")
def _tkill(c: Call) -> list[Value]:
    return [c.pid_(0, "tid"), sig_value(c.sint(1))]


@decoder("tgkill")
def _tgkill(c: Call) -> list[Value]:
    return [c.pid_(0), c.pid_(1, "tid"), sig_value(c.sint(2))]


# --- rt_sigaction -----------------------------------------------------------------
def _handler(v: int) -> Value:
    """SIG_DFL, SIG_IGN, SIG_ERR ((void *)-1), else the address."""
    name = SA_HANDLERS.name(v)
    return Const(name, v) if name else Addr(v)


def sigaction_at(c: Call, addr: int) -> Value:
    if not addr:
        return NULL
    got = c.read_struct(addr, _KSIGACTION)
    if got is None:
        return Addr(addr)
    handler, fl, restorer, mask = got
    fields: list[tuple[str | None, Value]] = [
        ("sa_handler", _handler(handler)),
        ("sa_mask", sigset_from_bytes(_U64.pack(mask))),
        ("sa_flags", flags(SA_FLAGS, fl)),
    ]
    if fl & _SA_RESTORER:
        fields.append(("sa_restorer", Addr(restorer)))
    return Struct(tuple(fields))


@decoder("rt_sigaction")
def _rt_sigaction(c: Call) -> DecodeGen:
    yield [sig_value(c.sint(0)), sigaction_at(c, c.args[1])]
    old = Addr(c.args[2]) if c.failed and c.args[2] else sigaction_at(c, c.args[2])
    return [old, c.ulong(3)]


# --- masks ------------------------------------------------------------------------
@decoder("rt_sigprocmask")
def _rt_sigprocmask(c: Call) -> DecodeGen:
    size = c.args[3]
    yield [const(SIGPROCMASK_HOW, c.uint(0), comment="SIG_???"),
           sigset_at(c, c.args[1], size)]
    old = Addr(c.args[2]) if c.failed and c.args[2] else sigset_at(c, c.args[2], size)
    return [old, c.ulong(3)]


@decoder("rt_sigpending")
def _rt_sigpending(c: Call) -> DecodeGen:
    yield []
    if c.failed:
        return [c.ptr(0), c.ulong(1)]
    return [sigset_at(c, c.args[0], c.args[1], 1), c.ulong(1)]


@decoder("rt_sigsuspend")
def _rt_sigsuspend(c: Call) -> list[Value]:
    return [sigset_at(c, c.args[0], c.args[1]), c.ulong(1)]


@decoder("pause")
def _pause(c: Call) -> list[Value]:
    return []


@decoder("rt_sigtimedwait")
def _rt_sigtimedwait(c: Call) -> DecodeGen:
    size = c.args[3]
    yield [sigset_at(c, c.args[0], size)]
    if c.failed and c.args[1]:
        info: Value = Addr(c.args[1])
    else:
        info = siginfo_at(c, c.args[1])
    if not c.failed and c.ret:
        c.rcomment = Const(signal_name(c.ret), c.ret)
    return [info, timespec_at(c, c.args[2]), c.ulong(3)]


@decoder("rt_sigqueueinfo")
def _rt_sigqueueinfo(c: Call) -> list[Value]:
    return [c.pid_(0), sig_value(c.sint(1)), siginfo_at(c, c.args[2])]


@decoder("rt_tgsigqueueinfo")
def _rt_tgsigqueueinfo(c: Call) -> list[Value]:
    return [c.pid_(0), c.pid_(1, "tid"), sig_value(c.sint(2)), siginfo_at(c, c.args[3])]


# --- rt_sigreturn -----------------------------------------------------------------
# At entry the stack pointer is at the struct ucontext of the signal frame (the
# handler's "ret" popped pretcode, arch/x86/include/asm/sigframe.h).  uc_sigmask follows
# uc_flags, uc_link, uc_stack (stack_t) and uc_mcontext (struct sigcontext, 32 words):
# include/uapi/asm-generic/ucontext.h, arch/x86/include/uapi/asm/sigcontext.h.
_UC_SIGMASK = 8 + 8 + _STACK_T.size + 32 * 8


def _stack_pointer(c: Call) -> int | None:
    if c.sp:
        return c.sp
    try:  # /proc/PID/syscall: "nr arg1..arg6 sp pc" while stopped in a syscall
        with open(f"/proc/{c.pid}/syscall") as f:
            parts = f.read().split()
        return int(parts[7], 16)
    except (OSError, IndexError, ValueError):
        return None


@decoder("rt_sigreturn")
def _rt_sigreturn(c: Call) -> list[Value]:
    sp = _stack_pointer(c)
    data = c.read(sp + _UC_SIGMASK, NSIG_BYTES) if sp is not None else None
    if data is None:
        if sp is not None and not c.opts.deref:   # outside -e verbose=: {mask=ADDR}
            return [Struct((("mask", Addr(sp + _UC_SIGMASK)),))]
        return []
    return [Struct((("mask", sigset_from_bytes(data)),))]


# --- sigaltstack ------------------------------------------------------------------
def stack_at(c: Call, addr: int) -> Value:
    if not addr:
        return NULL
    got = c.read_struct(addr, _STACK_T)
    if got is None:
        return Addr(addr)
    sp, fl, size = got
    return Struct((("ss_sp", Addr(sp)), ("ss_flags", flags(SIGALTSTACK_FLAGS, fl & 0xFFFFFFFF)),
                   ("ss_size", Int(size, "u"))))


@decoder("sigaltstack")
def _sigaltstack(c: Call) -> DecodeGen:
    yield [stack_at(c, c.args[0])]
    old = Addr(c.args[1]) if c.failed and c.args[1] else stack_at(c, c.args[1])
    return [old]


# --- signalfd ---------------------------------------------------------------------
@decoder("signalfd4")
def _signalfd4(c: Call) -> list[Value]:
    fl = c.uint(3)
    names = flags(SIGNALFD_FLAGS, fl)
    value: Value = names if names.names or not fl else Comment(Int(fl, "x"), "SFD_???")
    return [c.fd(0), sigset_at(c, c.args[1], c.args[2]), c.ulong(2), value]


@decoder("signalfd")
def _signalfd(c: Call) -> list[Value]:
    return [c.fd(0), sigset_at(c, c.args[1], c.args[2]), c.ulong(2)]
