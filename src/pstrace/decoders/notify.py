"""inotify and fanotify: inotify_add_watch (its IN_* mask), inotify_rm_watch,
fanotify_init (class, flags and the open flags of event descriptors) and fanotify_mark
(flags, the 64-bit event mask, a dirfd that may be FAN_NOFD, a path).  inotify_init and
inotify_init1 are in handles.py with the other calls that make a descriptor.

strace counterpart: inotify.c, fanotify.c.
"""
from __future__ import annotations

from ..values import Const, Or, Value
from ..xlat import (
    FAN_CLASSES,
    FAN_EVENT_FLAGS,
    FAN_INIT_FLAGS,
    FAN_MARK_FLAGS,
    FANOTIFY_CONSTS,
    INOTIFY_MASKS,
)
from ._fs_common import xval
from .base import Call, const, decoder, flags_or_unknown, s32
from .fs import open_flags

_CLASS_BITS = xval(FANOTIFY_CONSTS, "FAN_ALL_CLASS_BITS")
_NOFD = xval(FANOTIFY_CONSTS, "FAN_NOFD")


@decoder("inotify_add_watch")
def _inotify_add_watch(c: Call) -> list[Value]:
    return [c.fd(0), c.path(1), flags_or_unknown(INOTIFY_MASKS, c.args[2], "IN_???")]


@decoder("inotify_rm_watch")
def _inotify_rm_watch(c: Call) -> list[Value]:
    return [c.fd(0), c.int_(1)]


@decoder("fanotify_init")
def _fanotify_init(c: Call) -> list[Value]:
    """The class by value, then "|" and the other flags when there are any."""
    value = c.args[0] & 0xFFFFFFFF
    cls: Value = const(FAN_CLASSES, value & _CLASS_BITS, "x", "FAN_CLASS_???")
    rest = value & ~_CLASS_BITS
    head = Or((cls, flags_or_unknown(FAN_INIT_FLAGS, rest, "FAN_???"))) if rest else cls
    return [head, open_flags(c.args[1])]


@decoder("fanotify_mark")
def _fanotify_mark(c: Call) -> list[Value]:
    dirfd = s32(c.args[3])
    return [c.fd(0), flags_or_unknown(FAN_MARK_FLAGS, c.args[1], "FAN_MARK_???"),
            flags_or_unknown(FAN_EVENT_FLAGS, c.args[2], "FAN_???", bits=64),
            Const("FAN_NOFD", dirfd, "d") if dirfd == _NOFD else c.dirfd(3),
            c.path(4)]
