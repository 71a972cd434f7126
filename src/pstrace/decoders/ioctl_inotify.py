"""inotify ioctls (type 'I', <linux/inotify.h>): INOTIFY_IOC_SETNEXTWD takes the next
watch descriptor as its argument itself, printed as an int.

strace counterpart: inotify_ioctl.c.
"""
from __future__ import annotations

from ..values import Int, Value
from ..xlat import IOCTL_NAMES_INOTIFY
from ._ioctl_by_name import Arg, decode_by_name
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, s32


def _next_wd(c: Call, arg: int) -> Value:
    return Int(s32(arg))


@ioctl_family(ord("I"))
def inotify_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, IOCTL_NAMES_INOTIFY,
                                      {"INOTIFY_IOC_SETNEXTWD": Arg(_next_wd)}))
