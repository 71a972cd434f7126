"""Namespace-descriptor ioctls (type 0xb7, <linux/nsfs.h>): NS_GET_USERNS and
NS_GET_PARENT take no argument and return a descriptor (a path with -y), NS_GET_NSTYPE
returns a CLONE_NEW* type named in a comment after the number, NS_GET_OWNER_UID prints
the uid it stored, [UID], at exit.

strace counterpart: nsfs.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Note, Value
from ..xlat import IOCTL_NAMES_NSFS, SETNS_TYPES
from ._fs_common import uid
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call

_UID = struct.Struct("<I")


def _owner_uid(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _UID) if addr else None
    return Addr(addr) if got is None else Array((uid(got[0]),))


_ARGS = {"NS_GET_USERNS": NO_ARG, "NS_GET_PARENT": NO_ARG, "NS_GET_NSTYPE": NO_ARG,
         "NS_GET_OWNER_UID": Arg(_owner_uid, at_exit=True)}


@ioctl_family(0xb7)
def nsfs_ioctl(c: Call, code: int) -> IoctlGen:
    got = yield from decode_by_name(c, code, IOCTL_NAMES_NSFS, _ARGS)
    named = named_request(IOCTL_NAMES_NSFS, code)
    if named is not None and not c.failed:
        name = named[0][0]
        if name in ("NS_GET_USERNS", "NS_GET_PARENT"):
            c.rval = c.fd_value(c.ret)
        elif name == "NS_GET_NSTYPE":
            nstype = SETNS_TYPES.name(c.ret)
            if nstype is not None:
                c.rcomment = Note(nstype)
    return got
