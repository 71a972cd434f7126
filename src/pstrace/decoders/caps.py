"""capget(2), capset(2): the header {version, pid}, then the three capability sets.

strace counterpart: capability.c.  A set prints as "1<<CAP_X|1<<CAP_Y" (the second
32-bit word of version 2/3 data holding capabilities 32..63); capget's data is read at
exit, and neither is read when the header is unreadable.
Checked against strace 6.1 (tests/syscalls/misc_prctl_caps.c).
"""
from __future__ import annotations

import struct

from ..values import Addr, Or, Struct, Value
from ..xlat import CAP_VERSION, CAPABILITIES, Xlat
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

_HEADER = struct.Struct("<Ii")
_DATA = struct.Struct("<III")
_WIDE = frozenset((xval(CAP_VERSION, "_LINUX_CAPABILITY_VERSION_2"),
                   xval(CAP_VERSION, "_LINUX_CAPABILITY_VERSION_3")))
# the capability numbers as mask bits of the first and of the second data word
_MASKS = (Xlat((f"1<<{n}", 1 << v) for n, v in CAPABILITIES if v < 32),
          Xlat((f"1<<{n}", 1 << (v - 32)) for n, v in CAPABILITIES if 32 <= v < 64))


def _header(c: Call, addr: int) -> tuple[int, int] | None:
    if not addr:
        return None
    got = c.read_struct(addr, _HEADER)
    return None if got is None else (got[0], got[1])


def _header_value(c: Call, addr: int, h: tuple[int, int] | None) -> Value:
    if h is None:
        return Addr(addr)
    return Struct((("version", const(CAP_VERSION, h[0],
                                     comment="_LINUX_CAPABILITY_VERSION_???")),
                   ("pid", c.pid_value(h[1]))))


def _bits(lo: int, hi: int) -> Value:
    parts: list[Value] = []
    if lo or not hi:
        parts.append(flags_or_unknown(_MASKS[0], lo, "CAP_???"))
    if hi:
        parts.append(flags_or_unknown(_MASKS[1], hi, "CAP_???"))
    return parts[0] if len(parts) == 1 else Or(tuple(parts))


def _data(c: Call, addr: int, h: tuple[int, int] | None) -> Value:
    if h is None or not addr:
        return Addr(addr)
    n = 2 if h[0] in _WIDE else 1
    raw = c.read(addr, n * _DATA.size)
    if raw is None:
        return Addr(addr)
    words = [_DATA.unpack_from(raw, i * _DATA.size) for i in range(n)]
    hi = words[1] if n == 2 else (0, 0, 0)
    return Struct(tuple((name, _bits(words[0][i], hi[i]))
                        for i, name in enumerate(("effective", "permitted", "inheritable"))))


@decoder("capget")
def _capget(c: Call) -> DecodeGen:
    hdr = c.args[0]
    yield [_header_value(c, hdr, _header(c, hdr))]
    return [_data(c, c.args[1], None if c.failed else _header(c, hdr))]


@decoder("capset")
def _capset(c: Call) -> list[Value]:
    h = _header(c, c.args[0])
    return [_header_value(c, c.args[0], h), _data(c, c.args[1], h)]
