"""ioctl: the file-system requests of types 'X' (FITRIM, FIFREEZE/FITHAW,
FS_IOC_FSGETXATTR/FSSETXATTR) and 'f' (FS_IOC_FIEMAP, FS_IOC_GETFLAGS/SETFLAGS and their
32-bit forms).

strace counterpart: fs_x_ioctl.c and fs_f_ioctl.c.  Checked against strace 6.1 with
tests/syscalls/ioctl_fs.c (tests/differential/test_ioctl_fs.py).
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Changed, Int, Struct, Value
from ..xlat import FIEMAP_EXTENT_FLAGS, FIEMAP_FLAGS, FS_IOC_FLAGS, FS_XFLAGS, IOCTL_NAMES_FS
from ._fs_common import tracee_array, xval
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown
from .ioctl import request_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

_FSTRIM_RANGE = struct.Struct("<QQQ")      # struct fstrim_range: start, len, minlen
_FSXATTR = struct.Struct("<IIIII8x")       # struct fsxattr (padding to 28 bytes)
_FIEMAP = struct.Struct("<QQIII4x")        # struct fiemap, without fm_extents[]
_FIEMAP_EXTENT = struct.Struct("<QQQ2QI3I")  # struct fiemap_extent
_UINT = struct.Struct("<I")


def _req(name: str) -> int:
    return xval(IOCTL_NAMES_FS, name)


_FITRIM, _FIFREEZE, _FITHAW = _req("FITRIM"), _req("FIFREEZE"), _req("FITHAW")
_GETXATTR, _SETXATTR = _req("FS_IOC_FSGETXATTR"), _req("FS_IOC_FSSETXATTR")
_FIEMAP_REQ = _req("FS_IOC_FIEMAP")
_GETFLAGS = frozenset((_req("FS_IOC_GETFLAGS"), _req("FS_IOC32_GETFLAGS")))
_SETFLAGS = frozenset((_req("FS_IOC_SETFLAGS"), _req("FS_IOC32_SETFLAGS")))


def _read(c: Call, addr: int, st: struct.Struct, at_exit: bool) -> tuple[Any, ...] | Value:
    """The struct at addr, or what strace's umove_or_printaddr prints instead: NULL,
    the address when unreadable or (read at exit) when the call failed; a struct
    partly readable also gets strace's "umoven: short read" warning."""
    if not addr:
        return Addr(0)
    if at_exit and c.failed:
        return Addr(addr)
    got = c.read_struct(addr, st)
    if got is None:
        part = c.mem.read_upto(c.pid, addr, st.size) if c.opts.deref else None
        if part:
            c.warn(f"umoven: short read ({len(part)} < {st.size}) @{addr:#x}")
        return Addr(addr)
    return got


def _fstrim_range(c: Call, addr: int) -> Value:
    got = _read(c, addr, _FSTRIM_RANGE, False)
    if isinstance(got, Value):
        return got
    start, length, minlen = got
    return Struct((("start", Int(start, "x")), ("len", Int(length, "u")),
                   ("minlen", Int(minlen, "u"))))


def _fsxattr(c: Call, addr: int, is_get: bool) -> Value:
    got = _read(c, addr, _FSXATTR, is_get)
    if isinstance(got, Value):
        return got
    xflags, extsize, nextents, projid, cowextsize = got
    fields: list[tuple[str | None, Value]] = [
        ("fsx_xflags", flags_or_unknown(FS_XFLAGS, xflags, "FS_XFLAG_???")),
        ("fsx_extsize", Int(extsize, "u"))]
    if is_get:
        fields.append(("fsx_nextents", Int(nextents, "u")))
    fields += [("fsx_projid", Int(projid, "x")), ("fsx_cowextsize", Int(cowextsize, "u"))]
    return Struct(tuple(fields))


@ioctl_family(ord("X"))
def _fs_x(c: Call, code: int) -> IoctlGen:
    arg = c.args[2]
    if code in (_FIFREEZE, _FITHAW):
        args: list[Value] = []
    elif code == _FITRIM:
        args = [_fstrim_range(c, arg)]
    elif code == _SETXATTR:
        args = [_fsxattr(c, arg, False)]
    elif code == _GETXATTR:
        yield [c.fd(0)]
        return [request_value(code), _fsxattr(c, arg, True)]
    else:
        return None
    yield [c.fd(0)]
    return [request_value(code), *args]


def _fiemap_flags(value: int) -> Value:
    return flags_or_unknown(FIEMAP_FLAGS, value, "FIEMAP_FLAG_???")


def _extent(fe: tuple[Any, ...]) -> Value:
    logical, physical, length, _, _, fe_flags, *_ = fe
    return Struct((("fe_logical", Int(logical, "u")), ("fe_physical", Int(physical, "u")),
                   ("fe_length", Int(length, "u")),
                   ("fe_flags", flags_or_unknown(FIEMAP_EXTENT_FLAGS, fe_flags,
                                                 "FIEMAP_EXTENT_???"))))


def _fiemap(c: Call, code: int) -> IoctlGen:
    """FS_IOC_FIEMAP: the request at entry, and after a success " => " what the
    kernel wrote (the extents with -v, "..." without)."""
    arg = c.args[2]
    entry = _read(c, arg, _FIEMAP, False)
    if isinstance(entry, Value):
        yield [c.fd(0)]
        return [request_value(code), entry]
    start, length, fm_flags, _, count = entry
    before = Struct((("fm_start", Int(start, "u")), ("fm_length", Int(length, "u")),
                     ("fm_flags", _fiemap_flags(fm_flags)),
                     ("fm_extent_count", Int(count, "u"))))
    yield [c.fd(0)]
    req = request_value(code)
    if c.failed:
        return [req, before]
    got = c.read_struct(arg, _FIEMAP)
    if got is None:
        return [req, Changed(before, Addr(arg))]
    _, _, fm_flags, mapped, _ = got
    fields: list[tuple[str | None, Value]] = [
        ("fm_flags", _fiemap_flags(fm_flags)), ("fm_mapped_extents", Int(mapped, "u"))]
    if not c.opts.verbose:
        return [req, Changed(before, Struct(tuple(fields), elided=True))]
    fields.append(("fm_extents", tracee_array(c, arg + _FIEMAP.size, mapped,
                                              _FIEMAP_EXTENT, _extent)))
    return [req, Changed(before, Struct(tuple(fields)))]


def _inode_flags(c: Call, addr: int, at_exit: bool) -> Value:
    got = _read(c, addr, _UINT, at_exit)
    if isinstance(got, Value):
        return got
    return Array((flags_or_unknown(FS_IOC_FLAGS, got[0], "FS_???_FL"),))


@ioctl_family(ord("f"))
def _fs_f(c: Call, code: int) -> IoctlGen:
    if code == _FIEMAP_REQ:
        return (yield from _fiemap(c, code))
    if code in _SETFLAGS:
        flags = _inode_flags(c, c.args[2], False)
        yield [c.fd(0)]
        return [request_value(code), flags]
    if code in _GETFLAGS:
        yield [c.fd(0)]
        return [request_value(code), _inode_flags(c, c.args[2], True)]
    return None
