"""Watchdog ioctls (type 'W', <linux/watchdog.h>): the int getters (WDIOC_GETSTATUS,
WDIOC_GETTIMEOUT, ...) print [N] at exit, the setters WDIOC_SETTIMEOUT and
WDIOC_SETPRETIMEOUT [N] at entry, WDIOC_KEEPALIVE no argument; WDIOC_GETSUPPORT and
WDIOC_SETOPTIONS are named, their argument printed as a number.

strace counterpart: watchdog_ioctl.c.
"""
from __future__ import annotations

from ..xlat import WATCHDOG_IOCTL_CMDS
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call
from .ioctl import int_at

_GET, _SET = Arg(int_at, at_exit=True), Arg(int_at)
_ARGS = {
    "WDIOC_GETSTATUS": _GET, "WDIOC_GETBOOTSTATUS": _GET, "WDIOC_GETTEMP": _GET,
    "WDIOC_GETTIMEOUT": _GET, "WDIOC_GETPRETIMEOUT": _GET, "WDIOC_GETTIMELEFT": _GET,
    "WDIOC_SETTIMEOUT": _SET, "WDIOC_SETPRETIMEOUT": _SET, "WDIOC_KEEPALIVE": NO_ARG,
}


@ioctl_family(ord("W"))
def watchdog_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, WATCHDOG_IOCTL_CMDS, _ARGS))
