"""The classic mount API: mount and umount2.

strace counterpart: mount.c, umount.c.  The flags are MS_* / MNT_* / UMOUNT_NOFOLLOW
(<linux/mount.h>, <sys/mount.h>).  mount(2): a flag word whose high half is the old
magic MS_MGC_VAL prints that name first; a remount ignores the type, a bind, move or
propagation change ignores the type and the data (printed as addresses).
"""
from __future__ import annotations

from ..values import Const, Or, Value
from ..xlat import MOUNT_CONSTS, MOUNT_FLAGS, UMOUNT_FLAGS
from ._fs_common import xval
from .base import Call, decoder, flags_or_unknown

_MGC_VAL = xval(MOUNT_CONSTS, "MS_MGC_VAL")
_MGC_MSK = xval(MOUNT_CONSTS, "MS_MGC_MSK")
_REMOUNT = xval(MOUNT_FLAGS, "MS_REMOUNT")
_NO_DATA = sum(xval(MOUNT_FLAGS, n) for n in (
    "MS_BIND", "MS_MOVE", "MS_SHARED", "MS_PRIVATE", "MS_SLAVE", "MS_UNBINDABLE"))


@decoder("mount")
def _mount(c: Call) -> list[Value]:
    bits = c.args[3]
    magic = (bits & _MGC_MSK) == _MGC_VAL
    if magic:
        bits &= ~_MGC_MSK
    no_type = bool(bits & (_REMOUNT | _NO_DATA))
    no_data = not bits & _REMOUNT and bool(bits & _NO_DATA)
    fl: Value = flags_or_unknown(MOUNT_FLAGS, bits, "MS_???", 64)
    if magic:
        head = Const("MS_MGC_VAL", _MGC_VAL)
        fl = Or((head, fl)) if bits else head
    return [c.path(0), c.path(1), c.ptr(2) if no_type else c.str(2), fl,
            c.ptr(4) if no_data else c.str(4)]


@decoder("umount2")
def _umount2(c: Call) -> list[Value]:
    return [c.path(0), flags_or_unknown(UMOUNT_FLAGS, c.args[1], "MNT_???")]
