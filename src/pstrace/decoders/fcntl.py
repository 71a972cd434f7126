"""Descriptor syscalls: pipe, pipe2, dup, dup2, dup3 and fcntl (every command).

strace counterpart: pipe.c, dup.c (in desc.c), fcntl.c.  Formats (argument widths,
"= 0x8002 (flags O_RDWR|O_LARGEFILE)" return forms, struct flock/f_owner_ex) were
checked against strace 6.1 with tests/syscalls/io_fd.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Fd, Int, Labeled, Struct, Styled, Value
from ..xlat import (
    DNOTIFY_FLAGS,
    F_OWNER_TYPES,
    FCNTL_CMDS,
    FD_FLAGS,
    FLOCK_TYPES,
    OPEN_FLAGS,
    SEAL_FLAGS,
    SEEK_WHENCE,
)
from ._fs_common import array, xval
from .base import Call, DecodeGen, const, decoder, fd_path, flags_or_unknown, s32
from .fdinfo import link_target
from .fs import open_flags
from .signal import sig_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from .pidns import PidKind

_INT2 = struct.Struct("<ii")
# struct flock (x86_64): short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid
_FLOCK = struct.Struct("<hh4xqqi4x")
_F_OWNER_EX = struct.Struct("<ii")       # struct f_owner_ex: int type, pid_t pid


# --- pipe / dup -----------------------------------------------------------------------
def _fd_pair(c: Call, addr: int) -> Value:
    """pipe's output [rfd, wfd]: the address when the call failed or memory is unreadable."""
    if c.failed:
        return Addr(addr)
    got = c.read_struct(addr, _INT2)
    if got is None:
        return Addr(addr)
    return array(c, (c.fd_value(got[0]), c.fd_value(got[1])))   # "[...]" with -s 0


def _open_like_flags(value: int) -> Value:
    # pipe2 and dup3 print their flags with the open(2) flag names, "0x1 /* O_??? */"
    return flags_or_unknown(OPEN_FLAGS, value, "O_???")


@decoder("pipe")
def _pipe(c: Call) -> DecodeGen:
    yield []
    return [_fd_pair(c, c.args[0])]


@decoder("pipe2")
def _pipe2(c: Call) -> DecodeGen:
    yield []
    return [_fd_pair(c, c.args[0]), _open_like_flags(c.uint(1))]


@decoder("dup")
def _dup(c: Call) -> list[Value]:
    return [c.fd(0)]


@decoder("dup2")
def _dup2(c: Call) -> list[Value]:
    return [c.fd(0), c.fd(1)]


@decoder("dup3")
def _dup3(c: Call) -> list[Value]:
    return [c.fd(0), c.fd(1), _open_like_flags(c.uint(2))]


# --- fcntl ------------------------------------------------------------------------------
def _cmd(name: str) -> int:
    return xval(FCNTL_CMDS, name)


def _flock(c: Call, addr: int, with_pid: bool) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _FLOCK)
    if got is None:
        return Addr(addr)
    l_type, whence, start, length, pid = got
    fields: list[tuple[str, Value]] = [
        ("l_type", const(FLOCK_TYPES, l_type & 0xFFFF, comment="F_???")),
        ("l_whence", const(SEEK_WHENCE, whence & 0xFFFF, comment="SEEK_???")),
        ("l_start", Int(start)),
        ("l_len", Int(length)),
    ]
    if with_pid:
        fields.append(("l_pid", c.pid_value(pid)))
    return Struct(tuple(fields))


def _owner_ex(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _F_OWNER_EX)
    if got is None:
        return Addr(addr)
    kind, pid = got
    owner = F_OWNER_TYPES.name(kind & 0xFFFFFFFF)
    who: Value = Int(pid)
    if owner in _OWNER_KINDS:
        who = c.pid_value(pid, _OWNER_KINDS[owner])
    return Struct((("type", const(F_OWNER_TYPES, kind & 0xFFFFFFFF, comment="F_OWNER_???")),
                   ("pid", who)))


_OWNER_KINDS: dict[str, PidKind] = {"F_OWNER_TID": "tid", "F_OWNER_PID": "tgid",
                                     "F_OWNER_PGRP": "pgid"}


def _named_result(c: Call, label: str, value: Value) -> None:
    """strace's "= 0x8002 (flags O_RDWR|O_LARGEFILE)" return form (hex, then the names)."""
    c.rval = Int(c.ret, "x")
    c.rcomment = Labeled(label, value) if label else value


@decoder("fcntl", "fcntl64")
def _fcntl(c: Call) -> DecodeGen:
    cmd = c.uint(1)
    arg = c.args[2]
    head: list[Value] = [c.fd(0), const(FCNTL_CMDS, cmd, comment="F_???")]
    name = FCNTL_CMDS.name(cmd)
    # commands without an argument
    if name in ("F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ",
                "F_GET_SEALS"):
        c.sep_late = True   # everything is printed at entry; the exit adds only ")"
        yield head
        if not c.failed:
            _getter_result(c, name)
        return []
    if name in ("F_GETLK", "F_OFD_GETLK"):
        yield head
        return [Addr(arg) if c.failed else _flock(c, arg, True)]
    if name == "F_GETOWN_EX":
        yield head
        return [Addr(arg) if c.failed else _owner_ex(c, arg)]
    if name in ("F_SETLK", "F_SETLKW", "F_OFD_SETLK", "F_OFD_SETLKW"):
        tail: Value = _flock(c, arg, False)
    elif name == "F_SETOWN_EX":
        tail = _owner_ex(c, arg)
    elif name == "F_SETFD":
        tail = flags_or_unknown(FD_FLAGS, arg, "FD_???", 32)
    elif name == "F_SETFL":
        tail = open_flags(arg)
    elif name == "F_SETOWN":
        tail = c.tgid_pgid(2)
    elif name in ("F_DUPFD", "F_DUPFD_CLOEXEC", "F_SETPIPE_SZ"):
        tail = c.long(2)
    elif name == "F_SETSIG":
        tail = sig_value(c.slong(2))
    elif name == "F_NOTIFY":
        tail = flags_or_unknown(DNOTIFY_FLAGS, arg, "DN_???", 64)
    elif name == "F_SETLEASE":
        tail = const(FLOCK_TYPES, arg, comment="F_???")
    elif name == "F_ADD_SEALS":
        tail = flags_or_unknown(SEAL_FLAGS, arg, "F_SEAL_???", 64)
    else:
        tail = Int(arg, "x")
    c.sep_late = True   # a blocking F_SETLKW shows its whole argument list when unfinished
    yield [*head, tail]
    if name in ("F_DUPFD", "F_DUPFD_CLOEXEC") and not c.failed and c.opts.decode_fds:
        path = fd_path(c.pid, c.ret)
        c.rval = Fd(c.ret, link_target(path) if path is not None else None)
    return []


def _getter_result(c: Call, name: str) -> None:
    ret = c.ret
    if name == "F_GETFD":
        if ret:
            _named_result(c, "flags", flags_or_unknown(FD_FLAGS, ret, "FD_???"))
            c.rcomment = Styled(c.rcomment) if c.rcomment else None   # follows -X, as
            # F_GET_SEALS's does
    elif name == "F_GETFL":
        _named_result(c, "flags", open_flags(ret))
    elif name == "F_GET_SEALS":
        if ret:
            _named_result(c, "seals", flags_or_unknown(SEAL_FLAGS, ret, "F_SEAL_???"))
            if c.rcomment is not None:   # "(seals 0xf /* F_SEAL_SEAL|... */)" under -X
                c.rcomment = Styled(c.rcomment)
    elif name == "F_GETLEASE":
        _named_result(c, "", const(FLOCK_TYPES, ret, comment="F_???"))
    elif name == "F_GETOWN":   # a process, or a process group as -N
        c.rval = c.pid_value(s32(ret), "pgid" if s32(ret) < 0 else "tgid")
    elif name == "F_GETSIG":
        if ret:
            sig = sig_value(ret)
            if not isinstance(sig, Int):
                c.rcomment = sig
