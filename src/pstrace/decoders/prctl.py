"""prctl(2): the option by name, then the arguments that option uses.

strace counterpart: prctl.c (SYS_FUNC(prctl)).  Options with only inputs print at
entry; the getters that fill memory or return flags decode at exit (their composite
forms are in prctl_forms.py); options strace has no printer for print their four
arguments in hex.  Checked against strace 6.1 (tests/syscalls/misc_sched_prctl.c,
misc_prctl_caps.c).
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Array, Comment, Const, Int, Sym, Value
from ..xlat import (
    CAPABILITIES,
    PID_TYPES,
    PR_CAP_AMBIENT,
    PR_FP_MODE,
    PR_MCE_KILL,
    PR_MCE_KILL_POLICY,
    PR_PAC_ENABLED_KEYS,
    PR_PAC_KEYS,
    PR_SCHED_CORE_OPS,
    PR_SET_MM,
    PR_SET_VMA,
    PR_SME_VL_FLAGS,
    PR_SPEC_CMDS,
    PR_SPEC_GET_STORE_BYPASS_FLAGS,
    PR_SPEC_SET_STORE_BYPASS_FLAGS,
    PR_SUD_CMDS,
    PR_SVE_VL_FLAGS,
    PR_TSC,
    PR_UNALIGN_FLAGS,
    PRCTL_CONSTS,
    PRCTL_OPTIONS,
    SECBITS,
    SECCOMP_MODE,
    SUID_DUMP,
    Xlat,
    signal_name,
)
from ._bounded import cstr_within
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .prctl_forms import (
    VL_MASKS,
    flag_text,
    result_comment,
    tagged_arg,
    tagged_text,
    vl_arg,
    vl_result,
)
from .seccomp import seccomp_fprog

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from .pidns import PidKind

U32 = 0xFFFFFFFF
TASK_COMM_LEN = 16  # include/linux/sched.h (kernel-internal)
_INT = struct.Struct("<i")
_U64 = struct.Struct("<Q")
_PAC_RESET_KEYS = Xlat((*PR_PAC_ENABLED_KEYS, *PR_PAC_KEYS))
_VL_FLAGS = {"SVE": PR_SVE_VL_FLAGS, "SME": PR_SME_VL_FLAGS}

_NO_ARGS = frozenset(("PR_GET_KEEPCAPS", "PR_GET_SECCOMP", "PR_GET_TIMERSLACK",
                      "PR_GET_TIMING", "PR_TASK_PERF_EVENTS_DISABLE",
                      "PR_TASK_PERF_EVENTS_ENABLE"))
_ULONG_ARG = frozenset(("PR_SET_CHILD_SUBREAPER", "PR_SET_ENDIAN", "PR_SET_FPEMU",
                        "PR_SET_FPEXC", "PR_SET_KEEPCAPS", "PR_SET_TIMING"))
_ULONG_THEN_HEX = frozenset(("PR_SET_NO_NEW_PRIVS", "PR_SET_THP_DISABLE",
                             "PR_SET_IO_FLUSHER"))
_UINT_OUT = frozenset(("PR_GET_CHILD_SUBREAPER", "PR_GET_ENDIAN", "PR_GET_FPEMU",
                       "PR_GET_FPEXC"))
_CAP_OPS = frozenset(("PR_CAP_AMBIENT_RAISE", "PR_CAP_AMBIENT_LOWER",
                      "PR_CAP_AMBIENT_IS_SET"))


def task_name(c: Call, addr: int, size: int) -> Value:
    """A task name of at most `size` bytes (strace's printstr_ex(..., size,
    QUOTE_0_TERMINATED)): "..." when no NUL came within them or within -s."""
    return cstr_within(c, addr, size)[0]


def _hex_from(c: Call, first: int) -> list[Value]:
    """The arguments from index `first` on, in hex (strace's print_prctl_args)."""
    return [Int(a, "x") for a in c.args[first:5]]


def _signal(v: int) -> Value:
    """A signal number by name ("SIGTERM"), or the number when it has none."""
    name = signal_name(v)
    return Int(v) if name == str(v) else Const(name, v, "d")


def _int_out(c: Call, addr: int, fmt: Callable[[int], Value]) -> Value:
    if c.failed or not addr:
        return Addr(addr)
    got = c.read(addr, 4)
    return Addr(addr) if got is None else Array((fmt(_INT.unpack(got)[0]),))


def _cap_ambient(c: Call, head: Value) -> list[Value]:
    op = c.args[1]
    vals = [head, const(PR_CAP_AMBIENT, op, comment="PR_CAP_AMBIENT_???")]
    if PR_CAP_AMBIENT.name(op) in _CAP_OPS:
        return [*vals, const(CAPABILITIES, c.args[2], comment="CAP_???"), *_hex_from(c, 3)]
    return [*vals, *_hex_from(c, 2)]


def _mce_kill(c: Call, head: Value) -> list[Value]:
    op = c.args[1]
    policy: Value = Int(c.args[2], "x")
    if PR_MCE_KILL.name(op) == "PR_MCE_KILL_SET":
        policy = const(PR_MCE_KILL_POLICY, c.args[2], comment="PR_MCE_KILL_???")
    return [head, const(PR_MCE_KILL, op, comment="PR_MCE_KILL_???"), policy, *_hex_from(c, 3)]


def _set_vma(c: Call, head: Value) -> list[Value]:
    op = c.args[1]
    vals = [head, const(PR_SET_VMA, op, comment="PR_SET_VMA_???")]
    if PR_SET_VMA.name(op) == "PR_SET_VMA_ANON_NAME":
        return [*vals, Addr(c.args[2]), Int(c.args[3], "u"), c.str(4)]
    return [*vals, *_hex_from(c, 2)]


def _spec_set(c: Call, head: Value) -> list[Value]:
    cmd = c.args[1]
    ctl: Value = Int(c.args[2], "x")
    if PR_SPEC_CMDS.name(cmd) is not None:
        ctl = const(PR_SPEC_SET_STORE_BYPASS_FLAGS, c.args[2], comment="PR_SPEC_???")
    return [head, const(PR_SPEC_CMDS, cmd, comment="PR_SPEC_???"), ctl]


def _set_ptracer(c: Call, head: Value) -> list[Value]:
    # compared as an int (observed: a 32-bit -1 prints as PR_SET_PTRACER_ANY)
    a2 = c.args[1]
    if a2 & U32 == xval(PRCTL_CONSTS, "PR_SET_PTRACER_ANY") & U32:
        return [head, Const("PR_SET_PTRACER_ANY", s32(a2), "d")]
    return [head, c.pid_(1)]


def _set_seccomp(c: Call, head: Value) -> list[Value]:
    """The mode (64-bit), then the filter of SECCOMP_MODE_FILTER; other modes but
    strict print the remaining arguments in hex."""
    mode = c.args[1]
    vals = [head, const(SECCOMP_MODE, mode, comment="SECCOMP_MODE_???")]
    if mode == xval(SECCOMP_MODE, "SECCOMP_MODE_FILTER"):
        return [*vals, seccomp_fprog(c, c.args[2])]
    if mode == xval(SECCOMP_MODE, "SECCOMP_MODE_STRICT"):
        return vals
    return [*vals, *_hex_from(c, 2)]


_Printer = Callable[[Call, Value], list[Value]]


def _one(f: Callable[[Call], Value]) -> _Printer:
    return lambda c, head: [head, f(c)]


# options whose arguments are all inputs, printed at entry
_ENTRY: dict[str, _Printer] = {
    "PR_SET_NAME": _one(lambda c: task_name(c, c.args[1], TASK_COMM_LEN - 1)),
    "PR_SET_PDEATHSIG": _one(lambda c: Int(c.args[1], "u") if c.args[1] > 128
                             else _signal(c.args[1])),
    "PR_SET_DUMPABLE": _one(lambda c: const(SUID_DUMP, c.args[1], comment="SUID_DUMP_???")),
    "PR_CAPBSET_READ": _one(lambda c: const(CAPABILITIES, c.args[1], comment="CAP_???")),
    "PR_CAPBSET_DROP": _one(lambda c: const(CAPABILITIES, c.args[1], comment="CAP_???")),
    "PR_SET_SECUREBITS": _one(lambda c: flags_or_unknown(SECBITS, c.args[1], "SECBIT_???", 64)),
    "PR_SET_TIMERSLACK": _one(lambda c: c.long(1)),
    "PR_SET_TSC": _one(lambda c: const(PR_TSC, c.uint(1), comment="PR_TSC_???")),
    "PR_SET_UNALIGN": _one(lambda c: flags_or_unknown(PR_UNALIGN_FLAGS, c.args[1],
                                                      "PR_UNALIGN_???")),
    "PR_SET_FP_MODE": _one(lambda c: flags_or_unknown(PR_FP_MODE, c.args[1], "PR_FP_MODE_???")),
    "PR_SET_MM": lambda c, head: [head, const(PR_SET_MM, c.uint(1), comment="PR_SET_MM_???"),
                                  *_hex_from(c, 2)],
    "PR_PAC_RESET_KEYS": lambda c, head: [
        head, flags_or_unknown(_PAC_RESET_KEYS, c.args[1], "PR_PAC_???", 64), *_hex_from(c, 2)],
    "PR_PAC_SET_ENABLED_KEYS": lambda c, head: [
        head, flags_or_unknown(PR_PAC_ENABLED_KEYS, c.args[1], "PR_PAC_???", 64),
        flags_or_unknown(PR_PAC_ENABLED_KEYS, c.args[2], "PR_PAC_???", 64), *_hex_from(c, 3)],
    "PR_SET_SYSCALL_USER_DISPATCH": lambda c, head: [
        head, const(PR_SUD_CMDS, c.args[1], comment="PR_SYS_DISPATCH_???"),
        Int(c.args[2], "x"), Int(c.args[3], "x"), Addr(c.args[4])],
    "PR_SET_TAGGED_ADDR_CTRL": lambda c, head: [head, tagged_arg(c.args[1]), *_hex_from(c, 2)],
    "PR_CAP_AMBIENT": _cap_ambient,
    "PR_MCE_KILL": _mce_kill,
    "PR_SET_VMA": _set_vma,
    "PR_SET_SPECULATION_CTRL": _spec_set,
    "PR_SET_PTRACER": _set_ptracer,
    "PR_SET_SECCOMP": _set_seccomp,
}
for _n in _NO_ARGS:
    _ENTRY[_n] = lambda c, head: [head]
for _n in _ULONG_ARG:
    _ENTRY[_n] = _one(lambda c: c.ulong(1))
for _n in _ULONG_THEN_HEX:
    _ENTRY[_n] = lambda c, head: [head, c.ulong(1), *_hex_from(c, 2)]


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


def _out_arg(c: Call, name: str) -> Value:
    """The second argument of a getter that fills memory, decoded at exit."""
    a2 = c.args[1]
    if name == "PR_GET_NAME":
        return Addr(a2) if c.failed else task_name(c, a2, TASK_COMM_LEN)
    if name == "PR_GET_PDEATHSIG":
        return _int_out(c, a2, _signal)
    if name == "PR_GET_TSC":
        return _int_out(c, a2, lambda v: const(PR_TSC, v & U32, comment="PR_TSC_???"))
    if name == "PR_GET_UNALIGN":
        return _int_out(c, a2, lambda v: flags_or_unknown(PR_UNALIGN_FLAGS, v, "PR_UNALIGN_???"))
    if name == "PR_GET_TID_ADDRESS":
        got = None if c.failed or not a2 else c.read(a2, 8)
        return Addr(a2) if got is None else Array((Addr(_U64.unpack(got)[0]),))
    return _int_out(c, a2, lambda v: Int(v & U32, "u"))


_OUT_ARG = frozenset(("PR_GET_NAME", "PR_GET_PDEATHSIG", "PR_GET_TSC", "PR_GET_UNALIGN",
                      "PR_GET_TID_ADDRESS", *_UINT_OUT))
# getters whose nonzero result prints in hex with its flags named after it
_FLAG_RESULTS = {"PR_GET_SECUREBITS": SECBITS, "PR_GET_FP_MODE": PR_FP_MODE,
                 "PR_PAC_GET_ENABLED_KEYS": PR_PAC_ENABLED_KEYS}
# getters whose arguments print in hex at entry and whose result is decoded
_HEX_ARGS_THEN_RESULT = frozenset(("PR_MCE_KILL_GET", "PR_GET_TAGGED_ADDR_CTRL",
                                   "PR_PAC_GET_ENABLED_KEYS"))


def _result(c: Call, name: str) -> None:
    """The decoded return value of the getters that return flags or a name."""
    if c.failed:
        return
    if name in _FLAG_RESULTS:
        if c.ret:
            result_comment(c, flag_text(_FLAG_RESULTS[name], c.ret))
    elif name == "PR_GET_DUMPABLE":
        dn = SUID_DUMP.name(c.ret)
        c.rcomment = Const(dn, c.ret) if dn else None
    elif name == "PR_MCE_KILL_GET":
        pn = PR_MCE_KILL_POLICY.name(c.ret)
        c.rcomment = Const(pn, c.ret) if pn else None
    elif name == "PR_GET_TAGGED_ADDR_CTRL":
        result_comment(c, tagged_text(c.ret))
    elif name == "PR_GET_SPECULATION_CTRL":
        if PR_SPEC_CMDS.name(c.args[1]) is not None:
            result_comment(c, flag_text(PR_SPEC_GET_STORE_BYPASS_FLAGS, c.ret))
    elif name.startswith(("PR_SVE_", "PR_SME_")):
        kind = name[3:6]
        vl_result(c, _VL_FLAGS[kind], VL_MASKS[kind])


@decoder("prctl")
def _prctl(c: Call) -> DecodeGen:
    opt = c.args[0] & U32
    name = PRCTL_OPTIONS.name(opt)
    if name is None:
        yield []
        return [Comment(Int(opt, "x"), "PR_???"), *_hex_from(c, 1)]
    head = Const(name, opt)
    if name == "PR_SCHED_CORE":
        yield []
        return _sched_core(c, head)
    printer = _ENTRY.get(name)
    if printer is not None:
        # printed at exit like the others: a generator cannot return at entry
        yield []
        return printer(c, head)
    if name in _OUT_ARG:
        yield [head]
        return [_out_arg(c, name)]
    if name in ("PR_SVE_SET_VL", "PR_SME_SET_VL"):
        kind = name[3:6]
        entry: list[Value] = [head, vl_arg(_VL_FLAGS[kind], VL_MASKS[kind], c.args[1])]
    elif name == "PR_GET_SPECULATION_CTRL":
        entry = [head, const(PR_SPEC_CMDS, c.args[1], comment="PR_SPEC_???")]
    elif name in _HEX_ARGS_THEN_RESULT:
        entry = [head, *_hex_from(c, 1)]
    elif name in _FLAG_RESULTS or name in ("PR_GET_DUMPABLE", "PR_SVE_GET_VL",
                                             "PR_SME_GET_VL"):
        entry = [head]
    else:
        yield []
        return [head, *_hex_from(c, 1)]
    c.sep_late = True   # nothing follows at exit
    yield entry
    _result(c, name)
    return []
