"""Decoders of the path and descriptor syscalls that need no struct: open/openat/openat2/
creat/close, access/faccessat/faccessat2, umask, chdir/fchdir, mkdir/rmdir/unlink/rename/
symlink/link families, chmod/chown families, truncate/ftruncate, utimensat, fsync/fdatasync;
and the calls strace prints as one of these: syncfs as close, uselib as chdir,
pivot_root as link (syscall_dummy.h).

strace counterpart: open.c, access.c, umask.c, chdir.c, mkdir.c, unlink.c, renameat.c,
link.c, chmod.c, chown.c, truncate.c, utimes.c, fsync.c (behaviour learnt by running
strace 6.1 on tests/syscalls/fs_*.c).
"""
from __future__ import annotations

import functools
import struct

from ..values import Addr, Comment, Const, Int, Mode, Struct, Sym, Value
from ..xlat import (
    ACCESS_MODES,
    AT_FLAGS,
    FACCESSAT2_FLAGS,
    OPEN_ACCESS_MODES,
    OPEN_FLAGS,
    RENAME_FLAGS,
    RESOLVE_FLAGS,
    UTIME_NAMES,
)
from ._fs_common import (
    NSEC_PER_SEC,
    U32,
    array,
    merged_flags,
    nonzero_tail,
    timespec,
    uid,
    umode,
    with_time_comment,
    xval,
)
from .base import Call, DecodeGen, decoder, flags, flags_or_unknown

# --- open flags ---------------------------------------------------------------------

# looked up once: the tables' value() is a linear scan (issue #11: per-call cost)
_O_ACCMODE = xval(OPEN_ACCESS_MODES, "O_ACCMODE")
_O_CREAT = xval(OPEN_FLAGS, "O_CREAT")
_O_TMPFILE = xval(OPEN_FLAGS, "__O_TMPFILE")


@functools.lru_cache(maxsize=256)   # (values are immutable: a program opens its files
def open_flags(value: int, bits: int = 32) -> Value:   # with the same few flags)
    """O_RDONLY|O_CREAT|...: the access mode by value, then the other flags."""
    value &= (1 << bits) - 1
    acc = OPEN_ACCESS_MODES.name(value & _O_ACCMODE)
    rest = flags(OPEN_FLAGS, value & ~_O_ACCMODE)
    return merged_flags((acc,) if acc else (), rest, value)


def open_wants_mode(value: int) -> bool:
    """strace prints open's mode argument when O_CREAT is set or __O_TMPFILE is."""
    return bool(value & _O_CREAT) or value & _O_TMPFILE == _O_TMPFILE


def _open_tail(c: Call, fl: int, mode: int) -> list[Value]:
    out = [open_flags(fl)]
    if open_wants_mode(fl):
        out.append(umode(mode))
    return out


@decoder("open")
def _open(c: Call) -> list[Value]:
    return [c.path(0), *_open_tail(c, c.uint(1), c.args[2])]


@decoder("openat")
def _openat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), *_open_tail(c, c.uint(2), c.args[3])]


@decoder("creat")
def _creat(c: Call) -> list[Value]:
    return [c.path(0), umode(c.args[1])]


_OPEN_HOW = struct.Struct("<QQQ")  # struct open_how (linux/openat2.h): flags, mode, resolve


def _open_how(c: Call, addr: int, size: int) -> Value:
    base = _OPEN_HOW.size
    if size < base:
        return Addr(addr)
    got = c.read_struct(addr, _OPEN_HOW)
    if got is None:
        return Addr(addr)
    fl, mode, resolve = got
    fields: list[tuple[str | None, Value]] = [("flags", open_flags(fl, 64))]
    if mode or fl & (_O_CREAT | _O_TMPFILE):
        fields.append(("mode", Mode(mode)))
    fields.append(("resolve", flags_or_unknown(RESOLVE_FLAGS, resolve, "RESOLVE_???", 64)))
    tail = nonzero_tail(c, addr, base, size)
    if tail is not None:
        fields.append((None, tail))
    return Struct(tuple(fields))


@decoder("openat2")
def _openat2(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), _open_how(c, c.args[2], c.args[3]), c.ulong(3)]


@decoder("close", "fsync", "fdatasync", "fchdir", "syncfs")
def _fd_only(c: Call) -> list[Value]:
    return [c.fd(0)]


# --- access ---------------------------------------------------------------------------


def access_mode(value: int) -> Value:
    value &= U32
    if value == 0:
        return Const("F_OK", 0)
    return flags_or_unknown(ACCESS_MODES, value, "?_OK")


@decoder("access")
def _access(c: Call) -> list[Value]:
    return [c.path(0), access_mode(c.args[1])]


@decoder("faccessat")
def _faccessat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), access_mode(c.args[2])]


@decoder("faccessat2")
def _faccessat2(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), access_mode(c.args[2]),
            flags_or_unknown(FACCESSAT2_FLAGS, c.args[3], "AT_???")]


# --- umask, chdir ---------------------------------------------------------------------


@decoder("umask")
def _umask(c: Call) -> DecodeGen:
    # Everything prints at exit: the return value is an octal mode too.
    yield []
    if not c.failed:
        c.rval = umode(c.ret)
    return [umode(c.args[0])]


@decoder("chdir", "rmdir", "unlink", "acct", "chroot", "swapoff", "uselib")
def _path_only(c: Call) -> list[Value]:
    return [c.path(0)]


# --- names: mkdir, unlink, rename, link, symlink --------------------------------------


def at_flags(value: int) -> Value:
    return flags_or_unknown(AT_FLAGS, value, "AT_???")


@decoder("mkdir", "chmod")
def _path_mode(c: Call) -> list[Value]:
    return [c.path(0), umode(c.args[1])]


@decoder("mkdirat", "fchmodat")
def _at_path_mode(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), umode(c.args[2])]


@decoder("fchmod")
def _fchmod(c: Call) -> list[Value]:
    return [c.fd(0), umode(c.args[1])]


@decoder("unlinkat")
def _unlinkat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), at_flags(c.args[2])]


@decoder("rename", "link", "symlink", "pivot_root")
def _two_paths(c: Call) -> list[Value]:
    return [c.path(0), c.path(1)]


@decoder("renameat")
def _renameat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), c.dirfd(2), c.path(3)]


@decoder("renameat2")
def _renameat2(c: Call) -> list[Value]:
    # strace 6.1 spells the unknown comment "RENAME_??"; -X raw leaves it out as usual
    f = flags_or_unknown(RENAME_FLAGS, c.args[4], "RENAME_??")
    if isinstance(f, Comment) and f.value is not None:
        f = Sym(raw=f.value, sym=f, verbose=f)
    return [c.dirfd(0), c.path(1), c.dirfd(2), c.path(3), f]


@decoder("linkat")
def _linkat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), c.dirfd(2), c.path(3), at_flags(c.args[4])]


@decoder("symlinkat")
def _symlinkat(c: Call) -> list[Value]:
    return [c.path(0), c.dirfd(1), c.path(2)]


# --- owners, sizes --------------------------------------------------------------------


@decoder("chown", "lchown")
def _chown(c: Call) -> list[Value]:
    return [c.path(0), uid(c.args[1]), uid(c.args[2])]


@decoder("fchown")
def _fchown(c: Call) -> list[Value]:
    return [c.fd(0), uid(c.args[1]), uid(c.args[2])]


@decoder("fchownat")
def _fchownat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), uid(c.args[2]), uid(c.args[3]), at_flags(c.args[4])]


@decoder("truncate")
def _truncate(c: Call) -> list[Value]:
    return [c.path(0), Int(c.args[1], "u")]


@decoder("ftruncate")
def _ftruncate(c: Call) -> list[Value]:
    return [c.fd(0), Int(c.args[1], "u")]


# --- utimensat ------------------------------------------------------------------------

_TIMESPEC2 = struct.Struct("<qQqQ")  # two struct timespec {tv_sec, tv_nsec}


def _timespec(sec: int, nsec: int) -> Value:
    special = {xval(UTIME_NAMES, n): n for n in ("UTIME_NOW", "UTIME_OMIT")}
    v = timespec(sec, nsec)
    if nsec in special:
        return Sym(v, Const(special[nsec], nsec))
    if not 0 <= nsec < NSEC_PER_SEC:
        return v
    return with_time_comment(v, sec, nsec)


@decoder("utimensat")
def _utimensat(c: Call) -> list[Value]:
    addr = c.args[2]
    times: Value
    got = c.read_struct(addr, _TIMESPEC2) if addr else None
    if got is None:
        times = Addr(addr)
    else:
        times = array(c, (_timespec(got[0], got[1]), _timespec(got[2], got[3])))
    path = c.path(1) if c.args[1] else Addr(0)
    return [c.dirfd(0), path, times, at_flags(c.args[3])]

