"""mknod and mknodat: the path, the file type and mode, and the device number of a
character or block device.

strace counterpart: mknod.c (print_symbolic_mode_t, print_dev_t).
"""
from __future__ import annotations

from ..values import Value
from ..xlat import FILE_TYPES
from ._fs_common import mask_of, xval
from .base import Call, decoder
from .fs_stat import file_mode, makedev_value


def _mknod_tail(c: Call, i: int) -> list[Value]:
    mode = c.args[i] & 0xFFFF   # the kernel's umode_t
    out = [file_mode(mode)]
    if mode & mask_of(FILE_TYPES) in (xval(FILE_TYPES, "S_IFCHR"), xval(FILE_TYPES, "S_IFBLK")):
        out.append(makedev_value(c.args[i + 1] & 0xFFFFFFFF))
    return out


@decoder("mknod")
def _mknod(c: Call) -> list[Value]:
    return [c.path(0), *_mknod_tail(c, 1)]


@decoder("mknodat")
def _mknodat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), *_mknod_tail(c, 2)]
