"""Process syscalls: execve/execveat, exit/exit_group, wait4/waitid, fork/vfork/clone/
clone3, getpriority/setpriority.

strace counterpart: execve.c (printargv and the "/* N vars */" envp form), wait.c
(printstatus), clone.c, exit.c, priority.c.
"""
from __future__ import annotations

import struct

from ..values import (
    NULL,
    Addr,
    Array,
    Changed,
    Comment,
    Const,
    Count,
    Int,
    Named,
    Note,
    Or,
    Parts,
    Struct,
    Unreadable,
    Value,
    WaitStatus,
)
from ..xlat import (
    AT_FLAGS,
    CLONE3_FLAGS,
    CLONE_FLAGS,
    PRIORITY_WHICH,
    PTRACE_EVENTS,
    RUSAGE_WHO,
    WAIT_OPTIONS,
    WAITID_TYPES,
    Xlat,
    signal_name,
)
from ._fs_common import nonzero_tail, tracee_array
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown
from .signal import siginfo_at

_PTR = struct.Struct("=Q")
_ENV_CHUNK = 512   # bytes of envp read at once (a whole environment, usually)
_CSIGNAL = 0xFF   # include/uapi/linux/sched.h CSIGNAL (the generated CLONE_CONSTS has it)
try:
    from ..xlat import CLONE_CONSTS
    _CSIGNAL = CLONE_CONSTS.value("CSIGNAL") or _CSIGNAL
except ImportError:  # pragma: no cover
    pass


def _flag(x: Xlat, name: str) -> int:
    v = x.value(name)
    assert v is not None, name
    return int(v)


CLONE_PARENT_SETTID = _flag(CLONE_FLAGS, "CLONE_PARENT_SETTID")
CLONE_CHILD_SETTID = _flag(CLONE_FLAGS, "CLONE_CHILD_SETTID")
CLONE_CHILD_CLEARTID = _flag(CLONE_FLAGS, "CLONE_CHILD_CLEARTID")
CLONE_SETTLS = _flag(CLONE_FLAGS, "CLONE_SETTLS")
CLONE_PIDFD = _flag(CLONE_FLAGS, "CLONE_PIDFD")
CLONE_INTO_CGROUP = _flag(CLONE_FLAGS, "CLONE_INTO_CGROUP")


# --- execve -----------------------------------------------------------------------
def _read_ptr(c: Call, addr: int) -> int | None:
    data = c.read(addr, 8)
    return None if data is None else _PTR.unpack(data)[0]


def string_array(c: Call, addr: int) -> Value:
    """argv/envp: ["a", "b", ...]; at most -s elements without -v, then "..."
    (strace's printargv); an unreadable array prints as its address."""
    if not addr:
        return NULL
    items: list[Value] = []
    elided = False
    limit = None if c.opts.verbose else c.opts.max_strlen
    n = 0
    while True:
        p = _read_ptr(c, addr + 8 * n)
        if p is None:
            if n == 0:
                return Addr(addr)
            # strace: "..., ... /* ADDR */" where the array runs into unreadable memory
            items.append(Unreadable(addr + 8 * n))
            break
        if not p:
            break
        if limit is not None and n >= limit:
            elided = True
            break
        items.append(c.str_at(p))
        n += 1
    return Array(tuple(items), elided)


def env_count(c: Call, addr: int) -> Value:
    """envp without -v: the address and a "/* N vars */" comment.  The pointers are
    read a page's worth at a time (the pages strace's umove reads, one call each)."""
    if not addr:
        return NULL
    n = 0
    unterminated = False
    while True:
        at = addr + 8 * n
        size = min(_ENV_CHUNK, (4096 - (at & 4095)) & -8) or 8   # (8: one pointer
        # across the page's end)
        data = c.read(at, size)
        if data is None:
            if n == 0:
                return Addr(addr)
            unterminated = True   # the array runs into unreadable memory
            break
        ptrs = struct.unpack(f"={size // 8}Q", data)
        if 0 in ptrs:
            n += ptrs.index(0)
            break
        n += len(ptrs)
    count = Count(n, "var", "vars")
    return Comment(Addr(addr), Parts((count, Note("unterminated"))) if unterminated else count)


def _envp(c: Call, addr: int) -> Value:
    return string_array(c, addr) if c.opts.verbose else env_count(c, addr)


@decoder("execve")
def _execve(c: Call) -> list[Value]:
    return [c.path(0), string_array(c, c.args[1]), _envp(c, c.args[2])]


@decoder("execveat")
def _execveat(c: Call) -> list[Value]:
    fl = c.uint(4)
    f = flags(AT_FLAGS, fl)
    fv: Value = f if f.names or not fl else Comment(Int(fl, "x"), "AT_???")
    return [c.dirfd(0), c.path(1), string_array(c, c.args[2]), _envp(c, c.args[3]), fv]


@decoder("exit", "exit_group")
def _exit(c: Call) -> list[Value]:
    return [c.int_(0)]


# --- wait -------------------------------------------------------------------------
def wait_status(s: int) -> Value:
    """strace's printstatus: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] and friends, the
    bits from 16 up as a ptrace event ("}|PTRACE_EVENT_EXEC<<16]")."""
    s &= 0xFFFFFFFF
    low = s & 0x7F
    event = const(PTRACE_EVENTS, s >> 16, comment="PTRACE_EVENT_???") if s >> 16 else None
    if s == 0xFFFF:
        return WaitStatus("continued")
    if s & 0xFF == 0x7F:
        return WaitStatus("stopped", signal=signal_name((s >> 8) & 0x7F),
                          syscall_stop=bool(s & 0x8000), event=event)
    if low == 0x7F:   # (0xff in the low byte: neither stopped nor killed)
        return WaitStatus("unknown", code=s)
    if low:
        return WaitStatus("signaled", signal=signal_name(low), core=bool(s & 0x80),
                          event=event)
    return WaitStatus("exited", code=(s >> 8) & 0xFF, event=event)


def _wait_options(v: int) -> Value:
    return flags(WAIT_OPTIONS, v & 0xFFFFFFFF)


_TIMEVAL = struct.Struct("=qq")
_RUSAGE = struct.Struct("=qqqq14q")
_U64 = 0xFFFFFFFFFFFFFFFF
_RUSAGE_LONGS = ("ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
                 "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv",
                 "ru_nsignals", "ru_nvcsw", "ru_nivcsw")


def rusage_at(c: Call, addr: int) -> Value:
    """struct rusage: both times, the rest only with -v (else "..."); tv_usec and the
    counters print unsigned, as strace's PRINT_FIELD_U does."""
    if not addr:
        return NULL
    got = c.read_struct(addr, _RUSAGE)
    if got is None:
        return Addr(addr)

    def tv(sec: int, usec: int) -> Struct:
        return Struct((("tv_sec", Int(sec)), ("tv_usec", Int(usec & _U64, "u"))))

    fields: list[tuple[str | None, Value]] = [("ru_utime", tv(got[0], got[1])),
                                              ("ru_stime", tv(got[2], got[3]))]
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields += [(n, Int(v & _U64, "u")) for n, v in zip(_RUSAGE_LONGS, got[4:], strict=False)]
    return Struct(tuple(fields))


@decoder("wait4")
def _wait4(c: Call) -> DecodeGen:
    yield [c.tgid_pgid(0)]
    addr = c.args[1]
    status: Value
    if not addr:
        status = NULL
    elif c.failed or not c.ret:
        status = Addr(addr)
    else:
        data = c.read(addr, 4)
        status = Addr(addr) if data is None else wait_status(int.from_bytes(data, "little"))
    # the usage is read only when a child was reaped (a positive return)
    ru = rusage_at(c, c.args[3]) if c.ret > 0 or not c.args[3] else Addr(c.args[3])
    return [status, _wait_options(c.args[2]), ru]


@decoder("waitid")
def _waitid(c: Call) -> DecodeGen:
    idtype = WAITID_TYPES.name(c.uint(0))
    who = c.pid_(1) if idtype == "P_PID" else c.pid_(1, "pgid") if idtype == "P_PGID" \
        else c.int_(1)
    yield [const(WAITID_TYPES, c.uint(0), comment="P_???"), who]
    info = Addr(c.args[2]) if c.failed and c.args[2] else siginfo_at(c, c.args[2])
    ru = Addr(c.args[4]) if c.failed and c.args[4] else rusage_at(c, c.args[4])
    return [info, _wait_options(c.args[3]), ru]


# --- fork and clone ---------------------------------------------------------------
@decoder("fork", "vfork")
def _fork(c: Call) -> list[Value]:
    return []


def _clone_flags(v: int) -> Value:
    """CLONE_* names, then the exit signal of the low byte by name."""
    sig = v & _CSIGNAL
    items: list[Value] = []
    if v & ~_CSIGNAL:
        items.append(flags(CLONE_FLAGS, v & ~_CSIGNAL))
    if sig:
        name = signal_name(sig)
        items.append(Int(sig) if name == str(sig) else Const(name, sig, "d"))
    return items[0] if len(items) == 1 else Or(tuple(items))


@decoder("clone")
def _clone(c: Call) -> DecodeGen:
    """child_stack and flags at entry; what the kernel wrote (parent_tid=[N], the pidfd
    of CLONE_PIDFD with its -y decoration), tls and child_tidptr at exit, after
    "<... clone resumed>, " when the line was cut."""
    # x86_64 argument order: flags, stack, parent_tid, child_tid, tls
    fl = c.args[0]
    c.sep_late = True
    yield [Named("child_stack", Addr(c.args[1])), Named("flags", _clone_flags(fl))]
    out: list[Value] = []
    if fl & (CLONE_PARENT_SETTID | CLONE_PIDFD):
        out.append(Named("parent_tid", _parent_tid(c, fl)))
    if fl & CLONE_SETTLS:
        out.append(Named("tls", Addr(c.args[4])))
    if fl & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID):
        out.append(Named("child_tidptr", Addr(c.args[3])))
    return out


def _parent_tid(c: Call, fl: int) -> Value:
    """[tid] (CLONE_PARENT_SETTID) or [fd] (CLONE_PIDFD) as the kernel wrote it."""
    addr = c.args[2]
    got = c.read(addr, 4) if addr and not c.failed else None
    if got is None:
        return Addr(addr)
    v = struct.unpack("<i", got)[0]
    return Array((c.fd_value(v) if fl & CLONE_PIDFD else Int(v),))


# struct clone_args (include/uapi/linux/sched.h): eleven __u64 fields.
_CLONE_ARGS = struct.Struct("=11Q")
CLONE_ARGS_SIZE_VER0 = 64   # the first published struct clone_args: 8 fields


def _exit_signal(v: int) -> Value:
    name = signal_name(v) if 0 < v < 256 else None
    return Const(name, v, "d") if name and name.startswith("SIG") else Int(v, "u")


_CLONE3_TID_OFFSET = 64      # offsetofend(struct clone_args, tls): the least size shown
_CGROUP_OFFSET = 80          # offsetof(struct clone_args, cgroup)
_MAX_SET_TID = 32            # include/linux/pid_namespace.h MAX_PID_NS_LEVEL
_PAGE = 4096                 # a tail beyond the first page is not looked at
_I32 = struct.Struct("<i")


def _num_at(c: Call, addr: int, fd: bool) -> Value:
    """[N] (a tid, or an fd with -y) written by the kernel at addr; NULL; the address."""
    if not addr:
        return NULL
    got = c.read(addr, 4)
    if got is None:
        return Addr(addr)
    v = _I32.unpack(got)[0]
    return Array((c.fd_value(v) if fd else c.pid_value(v, "tid"),))


@decoder("clone3")
def _clone3(c: Call) -> DecodeGen:
    addr, size = c.args[0], c.args[1]
    fetch = min(size, _CLONE_ARGS.size)
    raw = c.read(addr, fetch) if addr and fetch >= _CLONE3_TID_OFFSET else None
    yield []
    if raw is None:
        return [Addr(addr), c.ulong(1)]
    (fl, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
     set_tid_size, cgroup) = _CLONE_ARGS.unpack(raw + bytes(_CLONE_ARGS.size - len(raw)))
    fields: list[tuple[str | None, Value]] = [
        ("flags", flags_or_unknown(CLONE3_FLAGS, fl, "CLONE_???", 64))]
    if fl & CLONE_PIDFD:
        fields.append(("pidfd", Addr(pidfd)))
    if fl & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID):
        fields.append(("child_tid", Addr(child_tid)))
    if fl & CLONE_PARENT_SETTID:
        fields.append(("parent_tid", Addr(parent_tid)))
    fields.append(("exit_signal", _exit_signal(exit_signal) if exit_signal < 0x7FFFFFFF
                   else Int(exit_signal, "u")))
    fields.append(("stack", Addr(stack)))
    fields.append(("stack_size", Int(stack_size, "x")))
    if fl & CLONE_SETTLS:
        fields.append(("tls", Addr(tls)))
    if set_tid or set_tid_size:
        if not set_tid or not set_tid_size or set_tid_size > _MAX_SET_TID:
            fields.append(("set_tid", Addr(set_tid)))
        else:
            fields.append(("set_tid", tracee_array(c, set_tid, set_tid_size, _I32,
                                                   lambda v: Int(v[0]))))
        fields.append(("set_tid_size", Int(set_tid_size, "u")))
    if fetch > _CGROUP_OFFSET and (cgroup or fl & CLONE_INTO_CGROUP):
        fields.append(("cgroup", Int(cgroup, "u")))
    tail = nonzero_tail(c, addr, fetch, min(size, _PAGE))
    if tail is not None:
        fields.append((None, tail))
    before = Struct(tuple(fields))
    if c.failed:
        return [before, c.ulong(1)]
    # at exit: what the kernel wrote (pidfd, parent_tid) and the tail again
    if c.read(addr, fetch) is None:
        return [Changed(before, Addr(addr)), c.ulong(1)]
    after: list[tuple[str | None, Value]] = []
    if fl & CLONE_PIDFD:
        after.append(("pidfd", _num_at(c, pidfd, True)))
    if fl & CLONE_PARENT_SETTID:
        after.append(("parent_tid", _num_at(c, parent_tid, False)))
    tail = nonzero_tail(c, addr, fetch, min(size, _PAGE))
    if tail is not None:
        after.append((None, tail))
    if after:
        return [Changed(before, Struct(tuple(after))), c.ulong(1)]
    return [before, c.ulong(1)]


# --- priorities -------------------------------------------------------------------
@decoder("getpriority")
def _getpriority(c: Call) -> list[Value]:
    return [const(PRIORITY_WHICH, c.uint(0), comment="PRIO_???"), _priority_who(c)]


@decoder("setpriority")
def _setpriority(c: Call) -> list[Value]:
    return [const(PRIORITY_WHICH, c.uint(0), comment="PRIO_???"), _priority_who(c),
            c.int_(2)]


def _priority_who(c: Call) -> Value:
    """A process (PRIO_PROCESS), a process group (PRIO_PGRP) or a user's id."""
    which = PRIORITY_WHICH.name(c.uint(0))
    if which == "PRIO_PROCESS":
        return c.pid_(1)
    if which == "PRIO_PGRP":
        return c.pid_(1, "pgid")
    return c.int_(1)



@decoder("getrusage")
def _getrusage(c: Call) -> DecodeGen:
    yield [const(RUSAGE_WHO, c.sint(0), "x", "RUSAGE_???")]
    addr = c.args[1]
    return [Addr(addr) if c.failed and addr else rusage_at(c, addr)]
