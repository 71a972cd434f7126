"""NUMA page placement: migrate_pages (two node masks of maxnode bits) and move_pages
(the pages, the nodes asked for, each page's status: its node or an error, and the
flags).

strace counterpart: numa.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Note, Sym, Value
from ..xlat import MOVE_PAGES_FLAGS, errno_name
from ._fs_common import tracee_array
from .base import Call, DecodeGen, decoder, flags_or_unknown

_ULONG = struct.Struct("<Q")
_INT = struct.Struct("<i")
_BITS = 64


def _nodemask(c: Call, addr: int, maxnode: int) -> Value:
    """maxnode bits as an array of longs in hex, as wide as a word (strace's
    print_nodemask: one bit fewer than maxnode counts)."""
    n = (maxnode + _BITS - 2) // _BITS
    if n >= 1 << 64 or (maxnode and not n):
        return Addr(addr)
    return tracee_array(c, addr, n, _ULONG, lambda v: Int(v[0], "x16"))


@decoder("migrate_pages")
def _migrate_pages(c: Call) -> list[Value]:
    maxnode = c.args[1]
    return [c.pid_(0), Int(maxnode, "u"), _nodemask(c, c.args[2], maxnode),
            _nodemask(c, c.args[3], maxnode)]


def _status(v: tuple[int, ...]) -> Value:
    """A page's status: its node, or "-EFAULT" (the number under -X raw, both under
    -X verbose)."""
    name = errno_name(-v[0]) if v[0] < 0 else None
    return Sym(Int(v[0]), Note("-" + name)) if name else Int(v[0])


@decoder("move_pages")
def _move_pages(c: Call) -> DecodeGen:
    count = c.args[1]
    yield [c.pid_(0), Int(count, "u"),
           tracee_array(c, c.args[2], count, _ULONG, lambda v: Addr(v[0])),
           tracee_array(c, c.args[3], count, _INT, lambda v: Int(v[0]))]
    return [tracee_array(c, c.args[4], count, _INT, _status, output=True),
            flags_or_unknown(MOVE_PAGES_FLAGS, c.args[5], "MPOL_???")]
