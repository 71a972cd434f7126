"""Extended attributes (getxattr/setxattr/listxattr/removexattr and their l/f forms)
and fadvise64.  strace counterpart: xattr.c, fadvise.c.
"""
from __future__ import annotations

from ..values import Addr, Int, Value
from ..xlat import FADVISE_ADVICE, XATTR_FLAGS
from .base import Call, DecodeGen, const, decoder, flags


def _target(c: Call) -> Value:
    """The first argument: a path, or an fd for the f* forms."""
    return c.fd(0) if c.name.startswith("f") else c.path(0)


def _out_buffer(c: Call, addr: int) -> Value:
    """The value/list buffer at exit: the bytes the call returned, else the address."""
    if c.failed or not addr or c.ret < 0:
        return Addr(addr)
    return c.buf(addr, c.ret)


@decoder("getxattr", "lgetxattr", "fgetxattr")
def getxattr(c: Call) -> DecodeGen:
    yield [_target(c), c.str(1)]
    return [_out_buffer(c, c.args[2]), c.ulong(3)]


@decoder("setxattr", "lsetxattr", "fsetxattr")
def setxattr(c: Call) -> list[Value]:
    size = c.args[3]
    return [_target(c), c.str(1), c.buf(c.args[2], size), Int(size, "u"),
            flags(XATTR_FLAGS, c.uint(4))]


@decoder("listxattr", "llistxattr", "flistxattr")
def listxattr(c: Call) -> DecodeGen:
    yield [_target(c)]
    return [_out_buffer(c, c.args[1]), c.ulong(2)]


@decoder("removexattr", "lremovexattr", "fremovexattr")
def removexattr(c: Call) -> list[Value]:
    return [_target(c), c.str(1)]


@decoder("fadvise64")
def fadvise64(c: Call) -> list[Value]:
    return [c.fd(0), c.long(1), c.long(2),
            const(FADVISE_ADVICE, c.sint(3), "x", "POSIX_FADV_???")]
