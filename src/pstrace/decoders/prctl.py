"""prctl(2): the option by name, then the arguments that option uses.

strace counterpart: prctl.c.  The common options are decoded (names, signals,
capabilities, dumpable modes, output pointers); other known options print their four
arguments in hex, as strace does for options it has no special printer for.
Checked against strace 6.1 (tests/syscalls/misc_prctl.c).
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..values import Addr, Array, Comment, Const, Int, Str, Sym, Value
from ..xlat import (
    CAPABILITIES,
    PID_TYPES,
    PR_SCHED_CORE_OPS,
    PRCTL_CONSTS,
    PRCTL_OPTIONS,
    SECCOMP_MODE,
    SUID_DUMP,
    signal_name,
)
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, s32
from .seccomp import seccomp_fprog

if TYPE_CHECKING:
    from .pidns import PidKind

U32 = 0xFFFFFFFF
TASK_COMM_LEN = 16  # include/linux/sched.h (kernel-internal); strace prints 15 chars max
_INT = struct.Struct("<i")
_U64 = struct.Struct("<Q")

# option name -> how its arguments print
_NO_ARGS = frozenset(("PR_GET_DUMPABLE", "PR_GET_KEEPCAPS", "PR_GET_TIMERSLACK",
                      "PR_GET_SECCOMP", "PR_GET_TIMING", "PR_GET_ENDIAN",
                      "PR_TASK_PERF_EVENTS_DISABLE", "PR_TASK_PERF_EVENTS_ENABLE"))
_ULONG_ARG = frozenset(("PR_SET_KEEPCAPS", "PR_SET_CHILD_SUBREAPER", "PR_SET_TIMERSLACK"))
_FOUR_ARGS = frozenset(("PR_SET_NO_NEW_PRIVS", "PR_GET_NO_NEW_PRIVS", "PR_GET_THP_DISABLE",
                        "PR_SET_THP_DISABLE", "PR_MCE_KILL_GET", "PR_GET_IO_FLUSHER"))


def comm(c: Call, addr: int) -> Value:
    """A task name: at most TASK_COMM_LEN-1 bytes, and at most -s."""
    got = c.read_cstr(addr, TASK_COMM_LEN - 1)
    if got is None:
        return Addr(addr)
    data, terminated = got
    limit = min(TASK_COMM_LEN - 1, c.opts.max_strlen)
    return Str(data[:limit], len(data) > limit or not terminated)


def _signal(v: int) -> Value:
    """A signal number by name ("SIGTERM"), or the number when it has none."""
    name = signal_name(v)
    return Int(v) if name == str(v) else Const(name, v, "d")


def _int_out(c: Call, addr: int, fmt: Callable[[int], Value]) -> Value:
    if c.failed or not addr:
        return Addr(addr)
    got = c.read(addr, 4)
    return Addr(addr) if got is None else Array((fmt(_INT.unpack(got)[0]),))


def _entry_only(c: Call, name: str, head: Value) -> list[Value] | None:
    """The options whose arguments are all inputs: their values, else None."""
    a2 = c.args[1]
    if name == "PR_SET_NAME":
        return [head, comm(c, a2) if a2 else Addr(0)]
    if name == "PR_SET_PDEATHSIG":
        if a2 > 0xFF:
            return [head, Int(a2, "u")]
        return [head, _signal(a2)]
    if name == "PR_SET_DUMPABLE":
        return [head, const(SUID_DUMP, a2, comment="SUID_DUMP_???")]
    if name in ("PR_CAPBSET_READ", "PR_CAPBSET_DROP"):
        return [head, const(CAPABILITIES, a2, comment="CAP_???")]
    if name == "PR_SET_PTRACER":
        # compared as an int (observed: a 32-bit -1 prints as PR_SET_PTRACER_ANY)
        if a2 & U32 == xval(PRCTL_CONSTS, "PR_SET_PTRACER_ANY") & U32:
            return [head, Const("PR_SET_PTRACER_ANY", s32(a2), "d")]
        return [head, c.pid_(1)]
    if name == "PR_SET_SECCOMP":
        return _set_seccomp(c, head)
    if name in _NO_ARGS and name != "PR_GET_DUMPABLE":
        return [head]
    if name in _ULONG_ARG:
        return [head, c.ulong(1)]
    if name in _FOUR_ARGS:
        return [head, c.ulong(1), c.hex(2), c.hex(3), c.hex(4)]
    if name not in _OUTPUT_OPTIONS:
        return [head, *(Int(a, "x") for a in c.args[1:5])]
    return None


def _set_seccomp(c: Call, head: Value) -> list[Value]:
    """The mode (64-bit), then the filter of SECCOMP_MODE_FILTER; other modes but
    strict print the remaining arguments in hex."""
    mode = c.args[1]
    vals = [head, const(SECCOMP_MODE, mode, comment="SECCOMP_MODE_???")]
    if mode == xval(SECCOMP_MODE, "SECCOMP_MODE_FILTER"):
        return [*vals, seccomp_fprog(c, c.args[2])]
    if mode == xval(SECCOMP_MODE, "SECCOMP_MODE_STRICT"):
        return vals
    return [*vals, *(Int(a, "x") for a in c.args[2:5])]


_OUTPUT_OPTIONS = frozenset(("PR_GET_NAME", "PR_GET_PDEATHSIG", "PR_GET_CHILD_SUBREAPER",
                             "PR_GET_TID_ADDRESS", "PR_GET_DUMPABLE"))


# PR_SCHED_CORE's scope (enum pid_type) -> the kind of id its pid argument is
_SCOPE_KINDS: dict[str, PidKind] = {"PIDTYPE_PID": "tid", "PIDTYPE_TGID": "tgid",
                                    "PIDTYPE_PGID": "pgid", "PIDTYPE_SID": "sid"}


def _sched_core(c: Call, head: Value) -> list[Value]:
    """prctl(PR_SCHED_CORE, OP, PID, SCOPE, COOKIE): the scope as "0 /* PIDTYPE_PID */"
    (its number whatever -X says, but -X raw), the cookie read for a successful GET."""
    op = c.args[1] & U32
    scope = c.args[3] & U32
    sname = PID_TYPES.name(scope)
    kind = _SCOPE_KINDS.get(sname or "")
    who = c.pid_(2, kind) if kind is not None else Int(s32(c.args[2]))
    named = Comment(Int(scope, "x"), sname or "PIDTYPE_???")
    addr = c.args[4]
    cookie: Value = Addr(addr)
    if PR_SCHED_CORE_OPS.name(op) == "PR_SCHED_CORE_GET" and not c.failed and addr:
        got = c.read(addr, 8)
        if got is not None:
            cookie = Array((Int(_U64.unpack(got)[0], "x"),))
    return [head, const(PR_SCHED_CORE_OPS, op, "x", "PR_SCHED_CORE_???"), who,
            Sym(Int(scope, "x"), named, verbose=named), cookie]


@decoder("prctl")
def _prctl(c: Call) -> DecodeGen:
    opt = c.args[0] & U32
    name = PRCTL_OPTIONS.name(opt)
    a2 = c.args[1]
    if name is None:
        yield []
        return [Comment(Int(opt, "x"), "PR_???"), *(Int(a, "x") for a in c.args[1:5])]
    head = Const(name, opt)
    if name == "PR_SCHED_CORE":
        yield []
        return _sched_core(c, head)
    vals = _entry_only(c, name, head)
    if vals is not None:
        # printed at exit like the others: a generator cannot return at entry
        yield []
        return vals
    if name == "PR_GET_NAME":
        yield [head]
        return [Addr(a2) if (c.failed or not a2) else comm(c, a2)]
    if name == "PR_GET_PDEATHSIG":
        yield [head]
        return [_int_out(c, a2, _signal)]
    if name == "PR_GET_CHILD_SUBREAPER":
        yield [head]
        return [_int_out(c, a2, Int)]
    if name == "PR_GET_TID_ADDRESS":
        yield [head]
        if c.failed or not a2:
            return [Addr(a2)]
        got = c.read(a2, 8)
        return [Addr(a2) if got is None else Array((Addr(_U64.unpack(got)[0]),))]
    # PR_GET_DUMPABLE: the result is named in a comment
    yield []
    if not c.failed:
        dn = SUID_DUMP.name(c.ret)
        if dn:
            c.rcomment = Const(dn, c.ret)
    return [head]
