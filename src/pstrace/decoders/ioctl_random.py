"""Random-device ioctls (type 'R', <linux/random.h>): RNDGETENTCNT prints [N] at exit,
RNDADDTOENTCNT [N] at entry, RNDADDENTROPY its struct rand_pool_info with buf_size
bytes of buf, RNDZAPENTCNT/RNDCLEARPOOL/RNDRESEEDCRNG no argument; RNDGETPOOL is named,
its argument printed as a number.

strace counterpart: random_ioctl.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Struct, Value
from ..xlat import RANDOM_IOCTL_CMDS
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call
from .ioctl import int_at

_POOL_INFO = struct.Struct("<ii")   # struct rand_pool_info: entropy_count, buf_size; buf[]


def _pool_info(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _POOL_INFO) if addr else None
    if got is None:
        return Addr(addr)
    count, size = got
    return Struct((("entropy_count", Int(count)), ("buf_size", Int(size)),
                   ("buf", c.buf(addr + _POOL_INFO.size, size % (1 << 64)))))


_ARGS = {
    "RNDGETENTCNT": Arg(int_at, at_exit=True), "RNDADDTOENTCNT": Arg(int_at),
    "RNDADDENTROPY": Arg(_pool_info),
    "RNDZAPENTCNT": NO_ARG, "RNDCLEARPOOL": NO_ARG, "RNDRESEEDCRNG": NO_ARG,
}


@ioctl_family(ord("R"))
def random_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, RANDOM_IOCTL_CMDS, _ARGS))
