"""ioctl: the generic file requests of type 0x94 that btrfs introduced: FICLONE,
FICLONERANGE, FIDEDUPERANGE (also named BTRFS_IOC_CLONE, BTRFS_IOC_CLONE_RANGE and
BTRFS_IOC_FILE_EXTENT_SAME) and FS_IOC_GETFSLABEL/FS_IOC_SETFSLABEL.  The other type
0x94 requests are btrfs's own (ioctl_btrfs.py).

strace counterpart: fs_0x94_ioctl.c.  Checked against strace 6.1 with
tests/syscalls/ioctl_btrfs.c (tests/differential/test_ioctl_btrfs.py).
"""
from __future__ import annotations

import struct

from ..values import Array, Changed, Int, Struct, Unreadable, Value
from ..xlat import BTRFS_LAYOUT, IOCTL_NAMES_FS
from ._fs_common import tracee_array, xval
from ._ioctl_by_name import umove_or_addr
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, s32
from .bpf_attr import cstring_field
from .ioctl import request_value

_FICLONE, _FICLONERANGE, _FIDEDUPERANGE, _GETFSLABEL, _SETFSLABEL = (
    xval(IOCTL_NAMES_FS, n) for n in ("FICLONE", "FICLONERANGE", "FIDEDUPERANGE",
                                      "FS_IOC_GETFSLABEL", "FS_IOC_SETFSLABEL"))
_CLONE_RANGE = struct.Struct("<qQQQ")      # struct file_clone_range
_DEDUPE = struct.Struct("<QQH6x")          # struct file_dedupe_range, without info[]
_DEDUPE_INFO = struct.Struct("<qQQiI")     # struct file_dedupe_range_info
_FSLABEL = struct.Struct(f"<{xval(BTRFS_LAYOUT, 'FSLABEL_MAX')}s")
_DEDUPE_ABBREV = 2   # elements of info[] strace prints without -v


def _clone_range(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, _CLONE_RANGE)
    if isinstance(got, Value):
        return got
    src_fd, src_offset, src_length, dest_offset = got
    return Struct((("src_fd", c.fd_value(src_fd)), ("src_offset", Int(src_offset, "u")),
                   ("src_length", Int(src_length, "u")),
                   ("dest_offset", Int(dest_offset, "u"))))


def _fslabel(c: Call, addr: int, at_exit: bool) -> Value:
    got = umove_or_addr(c, addr, _FSLABEL, at_exit)
    return got if isinstance(got, Value) else cstring_field(got[0])


def _info_in(c: Call, e: tuple[int, ...]) -> Value:
    return Struct((("dest_fd", c.fd_value(e[0])), ("dest_offset", Int(e[1], "u"))))


def _info_out(e: tuple[int, ...]) -> Value:
    return Struct((("bytes_deduped", Int(e[2], "u")), ("status", Int(e[3]))))


def _infos(c: Call, addr: int, count: int, at_exit: bool) -> Value:
    """info[]: without -v at most two elements, then "..." (fs_0x94_ioctl.c's limit)."""
    cut = not c.opts.verbose and count > _DEDUPE_ABBREV
    got = tracee_array(c, addr + _DEDUPE.size, _DEDUPE_ABBREV if cut else count,
                       _DEDUPE_INFO, _info_out if at_exit else lambda e: _info_in(c, e))
    if cut and isinstance(got, Array):
        return Array(got.items, elided=True)
    return got


def _dedupe(c: Call, code: int) -> IoctlGen:
    """FIDEDUPERANGE: the range and destinations at entry; after a success, " => "
    what the kernel wrote in info[] (bytes_deduped, status)."""
    arg = c.args[2]
    got = umove_or_addr(c, arg, _DEDUPE)
    yield [c.fd(0), request_value(code)]
    if isinstance(got, Value):
        return [got]
    src_offset, src_length, count = got
    infos = _infos(c, arg, count, False)
    before = Struct((("src_offset", Int(src_offset, "u")),
                     ("src_length", Int(src_length, "u")),
                     ("dest_count", Int(count, "u")), ("info", infos)))
    if c.failed or not isinstance(infos, Array) or not infos.items \
            or isinstance(infos.items[-1], Unreadable):   # print_array's false: no exit part
        return [before]
    again = umove_or_addr(c, arg, _DEDUPE, True)
    if isinstance(again, Value):
        return [Changed(before, again)]
    return [Changed(before, Struct((("info", _infos(c, arg, again[2], True)),)))]


@ioctl_family(0x94)
def _fs_0x94(c: Call, code: int) -> IoctlGen:
    arg = c.args[2]
    if code == _FIDEDUPERANGE:
        return (yield from _dedupe(c, code))
    if code == _GETFSLABEL:
        yield [c.fd(0), request_value(code)]
        return [_fslabel(c, arg, True)]
    if code == _FICLONE:
        value: Value = Int(s32(arg))
    elif code == _FICLONERANGE:
        value = _clone_range(c, arg)
    elif code == _SETFSLABEL:
        value = _fslabel(c, arg, False)
    else:
        return None
    c.sep_late = True
    yield [c.fd(0), request_value(code), value]
    return []

