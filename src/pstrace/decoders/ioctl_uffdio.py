"""userfaultfd ioctls (type 0xaa, <linux/userfaultfd.h>): UFFDIO_API's api and features
at entry, the features the kernel changed (" => features=...") and its ioctls at exit;
UFFDIO_REGISTER's range and mode, then its ioctls; UFFDIO_COPY's and UFFDIO_ZEROPAGE's
request, then how much they did (copy, zeropage); UFFDIO_WAKE's and UFFDIO_UNREGISTER's
range.  The exit fields print only after a success.

strace counterpart: the uffdio_ioctl() part of userfaultfd.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from ..values import Addr, Changed, Int, Named, Struct, Value
from ..xlat import (
    IOCTL_NAMES_UFFDIO,
    UFFD_API_FEATURES,
    UFFD_API_IOCTL_BITS,
    UFFD_COPY_FLAGS,
    UFFD_REGISTER_IOCTL_BITS,
    UFFD_REGISTER_MODE_FLAGS,
    UFFD_ZEROPAGE_FLAGS,
    Xlat,
)
from ._ioctl_by_name import bit_table, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown

Fields = list[tuple[str | None, Value]]
_API = struct.Struct("<QQQ")
_RANGE = struct.Struct("<QQ")
_REGISTER = struct.Struct("<QQQQ")
_COPY = struct.Struct("<QQQQQ")
_ZEROPAGE = struct.Struct("<QQQQ")
_API_IOCTLS = bit_table(UFFD_API_IOCTL_BITS)
_REGISTER_IOCTLS = bit_table(UFFD_REGISTER_IOCTL_BITS)


def _flags(table: Xlat, unknown: str) -> Callable[[int], Value]:
    return lambda v: flags_or_unknown(table, v, unknown, bits=64)


_FEATURES = _flags(UFFD_API_FEATURES, "UFFD_FEATURE_???")


def _range(start: int, length: int) -> Value:
    return Struct((("start", Int(start, "x")), ("len", Int(length, "x"))))


def _api(g: tuple[Any, ...]) -> Fields:
    return [("api", Int(g[0], "x")), ("features", _FEATURES(g[1]))]


def _api_exit(g: tuple[Any, ...], before: tuple[Any, ...], entry: Fields) -> Fields:
    if g[1] != before[1]:
        entry = [entry[0], ("features", Changed(entry[1][1], Named("features",
                                                                   _FEATURES(g[1]))))]
    return [*entry, ("ioctls", flags_or_unknown(_API_IOCTLS, g[2], "_UFFDIO_???", bits=64))]


def _register(g: tuple[Any, ...]) -> Fields:
    return [("range", _range(g[0], g[1])),
            ("mode", flags_or_unknown(UFFD_REGISTER_MODE_FLAGS, g[2],
                                      "UFFDIO_REGISTER_MODE_???", bits=64))]


def _register_exit(g: tuple[Any, ...], before: tuple[Any, ...], entry: Fields) -> Fields:
    return [*entry, ("ioctls", flags_or_unknown(_REGISTER_IOCTLS, g[3], "UFFDIO_???",
                                                bits=64))]


def _copy(g: tuple[Any, ...]) -> Fields:
    return [("dst", Int(g[0], "x")), ("src", Int(g[1], "x")), ("len", Int(g[2], "x")),
            ("mode", flags_or_unknown(UFFD_COPY_FLAGS, g[3], "UFFDIO_COPY_???", bits=64))]


def _zeropage(g: tuple[Any, ...]) -> Fields:
    return [("range", _range(g[0], g[1])),
            ("mode", flags_or_unknown(UFFD_ZEROPAGE_FLAGS, g[2], "UFFDIO_ZEROPAGE_???",
                                      bits=64))]


def _last(name: str) -> Callable[[tuple[Any, ...], tuple[Any, ...], Fields], Fields]:
    """An exit adding the struct's last field (how much was done), in hex."""
    return lambda g, before, entry: [*entry, (name, Int(g[-1], "x"))]


Exit = Callable[[tuple[Any, ...], tuple[Any, ...], Fields], Fields]
_REQUESTS: dict[str, tuple[struct.Struct, Callable[[tuple[Any, ...]], Fields], Exit | None]] = {
    "UFFDIO_API": (_API, _api, _api_exit),
    "UFFDIO_REGISTER": (_REGISTER, _register, _register_exit),
    "UFFDIO_COPY": (_COPY, _copy, _last("copy")),
    "UFFDIO_ZEROPAGE": (_ZEROPAGE, _zeropage, _last("zeropage")),
    "UFFDIO_WAKE": (_RANGE, lambda g: [], None),
    "UFFDIO_UNREGISTER": (_RANGE, lambda g: [], None),
}


@ioctl_family(0xAA)
def uffdio_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_UFFDIO, code)
    spec = next((_REQUESTS[n] for n in named[0] if n in _REQUESTS), None) if named else None
    if named is None or spec is None:
        return None   # the others are named by ioctl.py
    st, entry, exit_ = spec
    req, arg = named[1], c.args[2]
    got = c.read_struct(arg, st) if arg else None
    if exit_ is None or got is None:   # a range, or an unreadable request: at entry
        c.sep_late = True
        yield [c.fd(0), req, Addr(arg) if got is None else _range(*got)]
        return []
    fields = entry(got)
    yield [c.fd(0), req]
    after = c.read_struct(arg, st) if not c.failed else None
    return [Struct(tuple(fields if after is None else exit_(after, got, fields)))]
