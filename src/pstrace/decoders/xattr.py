"""Extended attributes (getxattr/setxattr/listxattr/removexattr and their l/f forms)
and fadvise64.  strace counterpart: xattr.c, fadvise.c.
"""
from __future__ import annotations

from ..values import Addr, Int, Value
from ..xlat import FADVISE_ADVICE, XATTR_CONSTS, XATTR_FLAGS
from ._bounded import buf_omit_nul
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

_SIZE_MAX = xval(XATTR_CONSTS, "XATTR_SIZE_MAX")


def _target(c: Call) -> Value:
    """The first argument: a path, or an fd for the f* forms."""
    return c.fd(0) if c.name.startswith("f") else c.path(0)


def _value(c: Call, addr: int, size: int) -> Value:
    """An attribute value of `size` bytes (strace's print_xattr_val): the address when
    larger than the kernel takes, else the bytes cut at -s, where a NUL as the last
    byte shown ends the string (QUOTE_OMIT_TRAILING_0: "foo\0bar", no "...")."""
    if size > _SIZE_MAX:
        return Addr(addr)
    return buf_omit_nul(c, addr, size)


@decoder("getxattr", "lgetxattr", "fgetxattr")
def getxattr(c: Call) -> DecodeGen:
    yield [_target(c), c.str(1)]
    size = 1 << 64 if c.failed else c.ret   # strace's (kernel_ulong_t) -1 on failure
    return [_value(c, c.args[2], size), c.ulong(3)]


@decoder("setxattr", "lsetxattr", "fsetxattr")
def setxattr(c: Call) -> list[Value]:
    size = c.args[3]
    return [_target(c), c.str(1), _value(c, c.args[2], size), Int(size, "u"),
            flags_or_unknown(XATTR_FLAGS, c.uint(4), "XATTR_???")]


@decoder("listxattr", "llistxattr", "flistxattr")
def listxattr(c: Call) -> DecodeGen:
    yield [_target(c)]
    addr = c.args[1]
    if c.failed or not c.args[2]:
        return [Addr(addr), c.ulong(2)]
    return [c.buf(addr, c.ret), c.ulong(2)]


@decoder("removexattr", "lremovexattr", "fremovexattr")
def removexattr(c: Call) -> list[Value]:
    return [_target(c), c.str(1)]


@decoder("fadvise64")
def fadvise64(c: Call) -> list[Value]:
    return [c.fd(0), c.long(1), c.ulong(2),
            const(FADVISE_ADVICE, c.uint(3), "x", "POSIX_FADV_???")]
