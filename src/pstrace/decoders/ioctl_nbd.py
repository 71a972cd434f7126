"""Network-block-device ioctls (type 0xab, <linux/nbd.h>): NBD_SET_SOCK takes a
descriptor, NBD_SET_BLKSIZE/SIZE/SIZE_BLOCKS/TIMEOUT an unsigned value, NBD_SET_FLAGS
the export flags (NBD_FLAG_*), all as the argument itself; NBD_DISCONNECT,
NBD_CLEAR_SOCK, NBD_DO_IT, NBD_CLEAR_QUE and NBD_PRINT_DEBUG take none.

strace counterpart: nbd_ioctl.c.
"""
from __future__ import annotations

from ..values import Value
from ..xlat import IOCTL_NAMES_NBD, NBD_FLAGS
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, value_arg
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown, s32


def _sock(c: Call, arg: int) -> Value:
    return c.fd_value(s32(arg))


def _flags(c: Call, arg: int) -> Value:
    return flags_or_unknown(NBD_FLAGS, arg, "NBD_IOC_FLAG_???")   # an unsigned int


_ARGS = {
    **{n: NO_ARG for n in ("NBD_DISCONNECT", "NBD_CLEAR_SOCK", "NBD_DO_IT", "NBD_CLEAR_QUE",
                           "NBD_PRINT_DEBUG")},
    "NBD_SET_SOCK": Arg(_sock),
    **{n: Arg(value_arg) for n in ("NBD_SET_BLKSIZE", "NBD_SET_SIZE", "NBD_SET_SIZE_BLOCKS",
                                   "NBD_SET_TIMEOUT")},
    "NBD_SET_FLAGS": Arg(_flags),
}


@ioctl_family(0xab)
def nbd_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, IOCTL_NAMES_NBD, _ARGS))
