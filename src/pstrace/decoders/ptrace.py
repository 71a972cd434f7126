"""ptrace(2): the request, the pid, then addr and data as the request uses them.

strace counterpart: ptrace.c (decode_ptrace_entering/exiting) and
ptrace_syscall_info.c.  Requests that fill tracer memory (PEEK*, GETEVENTMSG,
GETSIGINFO, GETSIGMASK, PEEKSIGINFO, SECCOMP_GET_FILTER/METADATA, GET_SYSCALL_INFO)
print their data at exit; register sets are in ptrace_regs.py.
Checked against strace 6.1 (tests/syscalls/proc_ptrace.c).
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Changed, Comment, Const, Int, Note, Struct, Sym, Value
from ..xlat import (
    NT_DESCRIPTOR_TYPES,
    PTRACE_CMDS,
    PTRACE_PEEKSIGINFO_FLAGS,
    PTRACE_SETOPTIONS_FLAGS,
    PTRACE_SYSCALL_INFO_OP,
    SECCOMP_FILTER_FLAGS,
    STRUCT_USER_OFFSETS,
)
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .ptrace_regs import fp_regs, prstatus_regs
from .seccomp import seccomp_filter
from .siginfo import (
    SIGINFO_SIZE,
    audit_arch_value,
    decode_siginfo,
    neg_errno_value,
    syscall_name,
)
from .signal import sig_value, siginfo_at, sigset_at

_U64 = struct.Struct("<Q")
_IOVEC = struct.Struct("<QQ")
_PEEKSIGINFO_ARGS = struct.Struct("<QII")   # struct ptrace_peeksiginfo_args
# struct ptrace_syscall_info: op, arch, instruction_pointer, stack_pointer, then the
# union at 24: entry {nr, args[6]}, exit {rval, is_error}, seccomp {nr, args[6], ret_data}
_PSI_HEAD = struct.Struct("<B3xIQQ")
_PSI_UNION = _PSI_HEAD.size
_PSI_ARGS = _PSI_UNION + 8
_PSI_EXIT_SIZE = _PSI_UNION + 9
_PSI_ENTRY_SIZE = _PSI_ARGS + 6 * 8
_PSI_SECCOMP_SIZE = _PSI_ENTRY_SIZE + 4


def _req(name: str) -> int:
    v = PTRACE_CMDS.value(name)
    assert v is not None, name
    return v


_NO_ADDR = frozenset(map(_req, ("PTRACE_ATTACH", "PTRACE_INTERRUPT", "PTRACE_KILL",
                                "PTRACE_LISTEN")))
_ADDR_U = frozenset(map(_req, ("PTRACE_GETSIGMASK", "PTRACE_SETSIGMASK",
                               "PTRACE_SECCOMP_GET_FILTER", "PTRACE_SECCOMP_GET_METADATA",
                               "PTRACE_GET_SYSCALL_INFO")))
_DATA_SIGNAL = frozenset(map(_req, ("PTRACE_CONT", "PTRACE_DETACH", "PTRACE_SYSCALL",
                                    "PTRACE_SINGLESTEP", "PTRACE_SINGLEBLOCK",
                                    "PTRACE_SYSEMU", "PTRACE_SYSEMU_SINGLESTEP")))
_DATA_OPTIONS = frozenset(map(_req, ("PTRACE_SEIZE", "PTRACE_SETOPTIONS",
                                     "PTRACE_OLDSETOPTIONS")))
_USER_ADDR = frozenset(map(_req, ("PTRACE_PEEKUSER", "PTRACE_POKEUSER")))
_PEEKS = frozenset(map(_req, ("PTRACE_PEEKDATA", "PTRACE_PEEKTEXT", "PTRACE_PEEKUSER")))
_AT_EXIT = _PEEKS | frozenset(map(_req, (
    "PTRACE_GETEVENTMSG", "PTRACE_GETSIGINFO", "PTRACE_GETSIGMASK", "PTRACE_PEEKSIGINFO",
    "PTRACE_SECCOMP_GET_FILTER", "PTRACE_GET_SYSCALL_INFO")))
(_TRACEME, _PEEKSIGINFO, _SETSIGINFO, _SETSIGMASK, _GETSIGMASK, _GETEVENTMSG,
 _GETSIGINFO, _GET_FILTER, _METADATA, _SYSCALL_INFO) = map(_req, (
    "PTRACE_TRACEME", "PTRACE_PEEKSIGINFO", "PTRACE_SETSIGINFO", "PTRACE_SETSIGMASK",
    "PTRACE_GETSIGMASK", "PTRACE_GETEVENTMSG", "PTRACE_GETSIGINFO",
    "PTRACE_SECCOMP_GET_FILTER", "PTRACE_SECCOMP_GET_METADATA", "PTRACE_GET_SYSCALL_INFO"))
(_GETREGS, _SETREGS, _GETFPREGS, _SETFPREGS, _GETREGSET, _SETREGSET) = map(_req, (
    "PTRACE_GETREGS", "PTRACE_SETREGS", "PTRACE_GETFPREGS", "PTRACE_SETFPREGS",
    "PTRACE_GETREGSET", "PTRACE_SETREGSET"))
_NT_PRSTATUS = NT_DESCRIPTOR_TYPES.value("NT_PRSTATUS")
_NT_FPREGSET = NT_DESCRIPTOR_TYPES.value("NT_FPREGSET")


def _user_field(name: str) -> str:
    """How strace names an offset into struct user: 8*RAX (8*EFL for EFLAGS),
    offsetof(struct user, u_debugreg), sizeof(struct user)."""
    if name == "sizeof":
        return "sizeof(struct user)"
    if name.isupper():
        return "8*EFL" if name == "EFLAGS" else f"8*{name}"
    return f"offsetof(struct user, {name})"


_USER_OFFSETS = sorted(((v, _user_field(n)) for n, v in STRUCT_USER_OFFSETS), reverse=True)


def _user_offset(addr: int) -> Value:
    """PEEKUSER's / POKEUSER's offset by the struct user field it falls in ("8*RSP",
    "offsetof(struct user, u_debugreg)+8"); past the struct, the number."""
    base, text = next((v, t) for v, t in _USER_OFFSETS if v <= addr)
    if addr > base and base == _USER_OFFSETS[0][0]:
        return Addr(addr)
    return Sym(Addr(addr), Note(text + (f"+{addr - base}" if addr > base else "")))


def _regset(c: Call, nt: int, base: int, size: int, at_exit: bool) -> Value:
    if nt == _NT_PRSTATUS:
        return prstatus_regs(c, base, at_exit, size)
    if nt == _NT_FPREGSET:
        return fp_regs(c, base, at_exit, size)
    return Addr(base)


def _iovec(c: Call, addr: int) -> tuple[int, int] | None:
    got = c.read_struct(addr, _IOVEC) if addr else None
    return None if got is None else (got[0], got[1])


def _regs_call(c: Call, req: int, head: list[Value]) -> DecodeGen:
    """The register requests: GETREGS/SETREGS/GETFPREGS/SETFPREGS (the set at data,
    addr not printed), GETREGSET/SETREGSET (an iovec at data, NT_* in addr)."""
    data = c.args[3]
    if req in (_GETREGS, _GETFPREGS):
        yield head
        return [(prstatus_regs if req == _GETREGS else fp_regs)(c, data, True)]
    if req in (_SETREGS, _SETFPREGS):
        yield []
        return [*head, (prstatus_regs if req == _SETREGS else fp_regs)(c, data, False)]
    nt = c.args[2] & 0xFFFFFFFF
    head = [*head, const(NT_DESCRIPTOR_TYPES, nt, comment="NT_???")]
    iov = _iovec(c, data)
    if iov is None:
        yield []
        return [*head, Addr(data)]
    if req == _SETREGSET:
        base = _regset(c, nt, iov[0], iov[1], False)
        yield head
        after = _iovec(c, data)
        size: Value = Int(iov[1], "u")
        if after is not None and after[1] != iov[1]:
            size = Changed(size, Int(after[1], "u"))
        return [Struct((("iov_base", base), ("iov_len", size)))]
    yield head
    after = _iovec(c, data)
    if after is None:
        return [Addr(data)]
    size = Int(iov[1], "u")
    if after[1] != iov[1]:
        size = Changed(size, Int(after[1], "u"))
    return [Struct((("iov_base", _regset(c, nt, after[0], after[1], True)), ("iov_len", size)))]


def _peeksiginfo_args(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _PEEKSIGINFO_ARGS) if addr else None
    if got is None:
        return Addr(addr)
    off, flags, nr = got
    return Struct((("off", Int(off, "u")),
                   ("flags", flags_or_unknown(PTRACE_PEEKSIGINFO_FLAGS, flags,
                                              "PTRACE_PEEKSIGINFO_???")),
                   ("nr", Int(nr, "u"))))


def _word_out(c: Call, addr: int) -> Value:
    got = None if c.failed or not addr else c.read(addr, 8)
    return Addr(addr) if got is None else Array((Int(_U64.unpack(got)[0], "u"),))


def _siginfo_array(c: Call, addr: int) -> Value:
    n = c.ret
    raw = None if c.failed or not addr else c.read(addr, n * SIGINFO_SIZE)
    if raw is None:
        return Addr(addr)
    return Array(tuple(decode_siginfo(raw[i * SIGINFO_SIZE:(i + 1) * SIGINFO_SIZE],
                                      c.opts, c.pid) for i in range(n)))


def _syscall_info(c: Call, addr: int, user_len: int) -> Value:
    """struct ptrace_syscall_info, as far as the kernel wrote it and the user asked."""
    size = 0 if c.failed else min(user_len, c.ret, _PSI_SECCOMP_SIZE)
    raw = c.read(addr, size) if size and addr else None
    if raw is None:
        return Addr(addr)
    raw = raw.ljust(_PSI_SECCOMP_SIZE, b"\0")
    op, arch, ip, sp = _PSI_HEAD.unpack_from(raw)
    opname = PTRACE_SYSCALL_INFO_OP.name(op)
    fields: list[tuple[str, Value]] = [
        ("op", Const(opname, op) if opname else Comment(Int(op, "x"), "PTRACE_SYSCALL_INFO_???"))]
    tail = (("arch", 8, audit_arch_value(arch)), ("instruction_pointer", 16, Addr(ip)),
            ("stack_pointer", 24, Addr(sp)))
    for name, end, value in tail:
        if size < end:
            return Struct(tuple(fields))
        fields.append((name, value))
    if size < _PSI_ARGS:
        return Struct(tuple(fields))
    nr, = _U64.unpack_from(raw, _PSI_UNION)
    if opname in ("PTRACE_SYSCALL_INFO_ENTRY", "PTRACE_SYSCALL_INFO_SECCOMP"):
        sub: list[tuple[str, Value]] = [("nr", syscall_name(nr, arch))]
        nargs = min((size - _PSI_ARGS) // 8, 6)
        if nargs:
            args = struct.unpack_from(f"<{nargs}Q", raw, _PSI_ARGS)
            sub.append(("args", Array(tuple(Int(a, "x") for a in args))))
        if opname == "PTRACE_SYSCALL_INFO_SECCOMP" and size >= _PSI_SECCOMP_SIZE:
            sub.append(("ret_data", Int(struct.unpack_from("<I", raw, _PSI_ENTRY_SIZE)[0], "u")))
        fields.append(("entry" if opname.endswith("ENTRY") else "seccomp", Struct(tuple(sub))))
    elif opname == "PTRACE_SYSCALL_INFO_EXIT":
        rval = nr - (1 << 64) if nr >> 63 else nr
        is_error = raw[_PSI_UNION + 8]
        error = size >= _PSI_EXIT_SIZE and is_error
        sub = [("rval", neg_errno_value(rval) if error else Int(rval))]
        if size >= _PSI_EXIT_SIZE:
            sub.append(("is_error", Int(is_error, "u")))
        fields.append(("exit", Struct(tuple(sub))))
    return Struct(tuple(fields))


def _metadata(c: Call, addr: int, size: int, filter_off: int | None) -> Value:
    """SECCOMP_GET_METADATA's struct seccomp_metadata: filter_off (read at entry, when
    `size` holds it), then the flags the kernel wrote (its result is their size)."""
    if filter_off is None:
        return Addr(addr)
    fields: list[tuple[str | None, Value]] = [("filter_off", Int(filter_off, "u"))]
    got = c.ret if not c.failed else 0
    if got > 8:
        flags = c.read(addr + 8, 8) if got >= 16 else None
        if flags is None:
            fields.append((None, Note("???")))
        else:
            fields.append(("flags", flags_or_unknown(SECCOMP_FILTER_FLAGS, _U64.unpack(flags)[0],
                                                     "SECCOMP_FILTER_FLAG_???", 64)))
    return Struct(tuple(fields), elided=got > 16 and len(fields) == 2
                  and fields[1][0] is not None)


@decoder("ptrace")
def _ptrace(c: Call) -> DecodeGen:
    req, addr, data = c.args[0], c.args[2], c.args[3]
    head = const(PTRACE_CMDS, req, comment="PTRACE_???")
    if req == _TRACEME:
        yield []
        return [head]
    who = c.pid_value(s32(c.args[1]))
    if req in _NO_ADDR:
        yield []
        return [head, who]
    vals: list[Value] = [head, who]
    if req in (_GETREGS, _SETREGS, _GETFPREGS, _SETFPREGS, _GETREGSET, _SETREGSET):
        return (yield from _regs_call(c, req, vals))
    if req in _ADDR_U:
        vals.append(Int(addr, "u"))
    elif req in _USER_ADDR:
        vals.append(_user_offset(addr))
    elif req == _PEEKSIGINFO:
        vals.append(_peeksiginfo_args(c, addr))
    else:
        vals.append(Addr(addr))
    if req in _AT_EXIT and c.opts.deref:
        yield vals
        return [_exit_data(c, req, addr, data)]
    if req == _METADATA:
        off = c.read(data, 8) if addr >= 8 and data else None
        yield vals
        return [_metadata(c, data, addr, None if off is None else _U64.unpack(off)[0])]
    if req in _DATA_SIGNAL:
        tail = sig_value(data)
    elif req in _DATA_OPTIONS:
        tail = flags_or_unknown(PTRACE_SETOPTIONS_FLAGS, data, "PTRACE_O_???", 64)
    elif req == _SETSIGINFO:
        tail = siginfo_at(c, data)
    elif req == _SETSIGMASK:
        tail = sigset_at(c, data, addr)
    else:
        tail = Addr(data)
    yield []
    return [*vals, tail]


def _exit_data(c: Call, req: int, addr: int, data: int) -> Value:
    if req in _PEEKS:
        got = None if c.failed or not data else c.read(data, 8)
        return Addr(data) if got is None else Array((Addr(_U64.unpack(got)[0]),))
    if req == _GETEVENTMSG:
        return _word_out(c, data)
    if c.failed and req != _SYSCALL_INFO:
        return Addr(data)
    if req == _GETSIGINFO:
        return siginfo_at(c, data)
    if req == _GETSIGMASK:
        return sigset_at(c, data, addr)
    if req == _PEEKSIGINFO:
        return _siginfo_array(c, data)
    if req == _GET_FILTER:
        return seccomp_filter(c, data, c.ret)
    return _syscall_info(c, data, addr)
