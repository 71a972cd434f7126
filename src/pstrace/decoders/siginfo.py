"""siginfo_t → Value, as strace prints it: the `--- SIGxxx {...} ---` lines, and the
siginfo arguments of waitid, rt_sigtimedwait, rt_sigqueueinfo and rt_tgsigqueueinfo.

strace counterpart: printsiginfo.c (print_si_code, print_si_info).  Which union member
is shown depends on si_code then si_signo, as observed from strace 6.1 over every
signal × si_code pair (tests/syscalls/sig_siginfo.c):
  * si_signo == 0 → "{}";
  * si_errno ≠ 0 → si_errno by errno name (else %u) after si_code;
  * si_code ≤ 0 (sent by a process): SI_USER/SI_TKILL → pid, uid; SI_TIMER → timerid,
    overrun, int, ptr; SI_SIGIO → band, fd; any other → pid, uid, then int/ptr if ptr ≠ 0;
  * si_code > 0 (sent by the kernel), by signal: SIGCHLD → pid, uid, status, utime,
    stime; SIGILL/FPE/SEGV/BUS/TRAP → addr (+ lower/upper, pkey, addr_lsb by code);
    SIGIO → band, fd for POLL_* codes only; SIGSYS → call_addr, syscall, arch; any
    other → pid, uid if either ≠ 0, then int/ptr if ptr ≠ 0.
"""
from __future__ import annotations

import os
import struct

from ..values import Addr, Comment, Const, Fd, Int, Struct, Ticks, Value
from ..xlat import (
    AUDIT_ARCH,
    SIGBUS_CODES,
    SIGCHLD_CODES,
    SIGFPE_CODES,
    SIGILL_CODES,
    SIGINFO_CODES,
    SIGNALS,
    SIGPOLL_CODES,
    SIGSEGV_CODES,
    SIGSYS_CODES,
    SIGTRAP_CODES,
    Xlat,
    errno_name,
    signal_name,
)
from .base import pid_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from .options import DecodeOptions

SIGINFO_SIZE = 128  # SI_MAX_SIZE, asm-generic/siginfo.h

# Layout of the 64-bit siginfo_t (asm-generic/siginfo.h): si_signo, si_errno, si_code
# (ints) and padding, then the union at offset 16.
_HEAD = struct.Struct("=iii4x")
_U_PID_UID = struct.Struct("=iI")          # _kill / _rt / _sigchld: si_pid, si_uid
_U_TIMER = struct.Struct("=ii")            # _timer: si_tid, si_overrun
_U_SIGVAL = struct.Struct("=Q")            # _rt/_timer: si_value at union+8
_U_CHLD = struct.Struct("=iI i4x qq")      # _sigchld: pid, uid, status, utime, stime
_U_ADDR = struct.Struct("=Q")              # _sigfault: si_addr
_U_LSB = struct.Struct("=8xH")             # _sigfault: si_addr_lsb (short after addr)
_U_BND = struct.Struct("=16xQQ")           # _addr_bnd: _lower, _upper (after addr, lsb)
_U_PKEY = struct.Struct("=16xI")           # _addr_pkey: _pkey
_U_POLL = struct.Struct("=qi")             # _sigpoll: si_band, si_fd
_U_SYS = struct.Struct("=QiI")             # _sigsys: _call_addr, _syscall, _arch
_UNION = 16

_SIG = dict(SIGNALS.pairs)
_FAULT_SIGS = frozenset(_SIG[n] for n in ("SIGILL", "SIGFPE", "SIGSEGV", "SIGBUS", "SIGTRAP"))
_CODE_TABLES: dict[int, Xlat] = {
    _SIG["SIGILL"]: SIGILL_CODES, _SIG["SIGFPE"]: SIGFPE_CODES,
    _SIG["SIGSEGV"]: SIGSEGV_CODES, _SIG["SIGBUS"]: SIGBUS_CODES,
    _SIG["SIGTRAP"]: SIGTRAP_CODES, _SIG["SIGCHLD"]: SIGCHLD_CODES,
    _SIG["SIGIO"]: SIGPOLL_CODES, _SIG["SIGSYS"]: SIGSYS_CODES,
}


def _code(name: str, table: Xlat) -> int:
    v = table.value(name)
    assert v is not None, name
    return v


SI_USER = _code("SI_USER", SIGINFO_CODES)
SI_TKILL = _code("SI_TKILL", SIGINFO_CODES)
SI_TIMER = _code("SI_TIMER", SIGINFO_CODES)
SI_SIGIO = _code("SI_SIGIO", SIGINFO_CODES)
CLD_EXITED = _code("CLD_EXITED", SIGCHLD_CODES)
SEGV_BNDERR = _code("SEGV_BNDERR", SIGSEGV_CODES)
SEGV_PKUERR = _code("SEGV_PKUERR", SIGSEGV_CODES)
_BUS_MCEERR = frozenset((_code("BUS_MCEERR_AR", SIGBUS_CODES),
                         _code("BUS_MCEERR_AO", SIGBUS_CODES)))
_POLL_CODES = frozenset(v for _, v in SIGPOLL_CODES)


def uid_value(v: int) -> Int:
    """uid_t: %u, but (uid_t)-1 as -1 (strace's PRINT_FIELD_ID)."""
    v &= 0xFFFFFFFF
    return Int(-1 if v == 0xFFFFFFFF else v)


def clock_t(v: int) -> Value:
    """clock_t in ticks, with the seconds as a comment when non-zero ("64 /* 0.64 s */")."""
    return Ticks(v & 0xFFFFFFFFFFFFFFFF, os.sysconf("SC_CLK_TCK"))


def errno_value(v: int) -> Value:
    name = errno_name(v) if v > 0 else None
    return Const(name, v, "d") if name else Int(v & 0xFFFFFFFF, "u")


def neg_errno_value(v: int) -> Value:
    """A negated errno: -ENOENT, else the number (strace's PRINT_FIELD_ERR_D)."""
    name = errno_name(-v) if v < 0 else None
    return Const("-" + name, v, "d") if name else Int(v)


def si_code_value(signo: int, code: int) -> Value:
    name = SIGINFO_CODES.name(code)
    if name is None:
        table = _CODE_TABLES.get(signo)
        if table is not None:
            name = table.name(code)
    return Const(name, code) if name else Int(code & 0xFFFFFFFF, "x")


_AUDIT_ARCH_X86_64 = AUDIT_ARCH.value("AUDIT_ARCH_X86_64")


def syscall_name(nr: int, arch: int) -> Value:
    """__NR_name for a syscall of our own ABI, else the number (strace knows the name
    only for the tracer's personalities; we trace x86_64 only)."""
    from ..syscalls.catalog import by_nr
    row = by_nr(nr) if arch == _AUDIT_ARCH_X86_64 else None
    if row is None:
        return Int(nr & 0xFFFFFFFF, "u")
    return Const("__NR_" + row.name, nr, "d")


def audit_arch_value(v: int) -> Value:
    name = AUDIT_ARCH.name(v)
    return Const(name, v) if name else Comment(Int(v, "x"), "AUDIT_ARCH_???")


def decode_siginfo(raw: bytes, opts: DecodeOptions | None = None, tracee: int = 0) -> Value:
    """The 128-byte siginfo_t `raw` as strace prints it (`tracee`: the thread whose pid
    namespace si_pid is in, and whose descriptor si_fd is, with -y)."""

    def _fd(fd: int) -> Value:
        if opts is None or not opts.decode_fds or fd < 0:
            return Int(fd)
        from .fdinfo import describe_fd
        return Fd(fd, describe_fd(tracee, fd, opts.decode_fds, opts.sockets))

    if len(raw) < SIGINFO_SIZE:
        raw = raw + bytes(SIGINFO_SIZE - len(raw))
    signo, err, code = _HEAD.unpack_from(raw)
    if not signo:
        return Struct(())
    f: list[tuple[str | None, Value]] = [
        ("si_signo", Const(signal_name(signo), signo, "d")),
        ("si_code", si_code_value(signo, code)),
    ]
    if err:
        f.append(("si_errno", errno_value(err)))
    u = _UNION

    def pid_uid() -> None:
        pid, uid = _U_PID_UID.unpack_from(raw, u)
        f.append(("si_pid", pid_value(pid, opts, tracee)))
        f.append(("si_uid", uid_value(uid)))

    def sigval(always: bool) -> None:
        (ptr,) = _U_SIGVAL.unpack_from(raw, u + 8)
        if always or ptr:
            low = ptr & 0xFFFFFFFF
            f.append(("si_int", Int(low - (1 << 32) if low >> 31 else low)))
            f.append(("si_ptr", Addr(ptr)))

    def poll() -> None:
        band, fd = _U_POLL.unpack_from(raw, u)
        f.append(("si_band", Int(band)))
        f.append(("si_fd", _fd(fd)))

    if code <= 0:
        if code in (SI_USER, SI_TKILL):
            pid_uid()
        elif code == SI_TIMER:
            tid, overrun = _U_TIMER.unpack_from(raw, u)
            f.append(("si_timerid", Int(tid & 0xFFFFFFFF, "x")))
            f.append(("si_overrun", Int(overrun)))
            sigval(True)
        elif code == SI_SIGIO:
            poll()
        else:
            pid_uid()
            sigval(False)
    elif signo == _SIG["SIGCHLD"]:
        pid, uid, status, utime, stime = _U_CHLD.unpack_from(raw, u)
        f.append(("si_pid", pid_value(pid, opts, tracee)))
        f.append(("si_uid", uid_value(uid)))
        f.append(("si_status", Int(status) if code == CLD_EXITED
                  else Const(signal_name(status), status, "d")))
        f.append(("si_utime", clock_t(utime)))
        f.append(("si_stime", clock_t(stime)))
    elif signo in _FAULT_SIGS:
        (addr,) = _U_ADDR.unpack_from(raw, u)
        f.append(("si_addr", Addr(addr)))
        if signo == _SIG["SIGSEGV"] and code == SEGV_BNDERR:
            lower, upper = _U_BND.unpack_from(raw, u)
            f.append(("si_lower", Addr(lower)))
            f.append(("si_upper", Addr(upper)))
        elif signo == _SIG["SIGSEGV"] and code == SEGV_PKUERR:
            f.append(("si_pkey", Int(_U_PKEY.unpack_from(raw, u)[0], "u")))
        elif signo == _SIG["SIGBUS"] and code in _BUS_MCEERR:
            f.append(("si_addr_lsb", Int(_U_LSB.unpack_from(raw, u)[0], "x")))
    elif signo == _SIG["SIGIO"]:
        if code in _POLL_CODES:
            poll()
    elif signo == _SIG["SIGSYS"]:
        call_addr, nr, arch = _U_SYS.unpack_from(raw, u)
        f.append(("si_call_addr", Addr(call_addr)))
        f.append(("si_syscall", syscall_name(nr, arch)))
        f.append(("si_arch", audit_arch_value(arch)))
    else:
        pid, uid = _U_PID_UID.unpack_from(raw, u)
        if pid or uid:
            pid_uid()
        sigval(False)
    return Struct(tuple(f))
