"""NUMA memory policies and page placement: mbind, set_mempolicy and get_mempolicy
(a mode, with its optional flags, and a node mask of maxnode bits), migrate_pages (two
node masks) and move_pages (the pages, the nodes asked for, each page's status: its
node or an error, and the flags).

strace counterpart: numa.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Comment, Int, Note, Sym, Value
from ..xlat import (
    GET_MEMPOLICY_FLAGS,
    MBIND_FLAGS,
    MOVE_PAGES_FLAGS,
    MPOL_MODE_FLAGS,
    MPOL_MODES,
    errno_name,
    split_flags,
)
from ._fs_common import tracee_array
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

_ULONG = struct.Struct("<Q")
_INT = struct.Struct("<i")
_BITS = 64


def _nodemask(c: Call, addr: int, maxnode: int, output: bool = False) -> Value:
    """maxnode bits as an array of longs in hex, as wide as a word (strace's
    print_nodemask: one bit fewer than maxnode counts)."""
    n = (maxnode + _BITS - 2) // _BITS
    if n >= 1 << 64 or (maxnode and not n):
        return Addr(addr)
    return tracee_array(c, addr, n, _ULONG, lambda v: Int(v[0], "x16"), output)


def _mode(value: int) -> Value:
    """A policy mode: its name, its flags too ("MPOL_BIND|MPOL_F_STATIC_NODES", the
    number under -X raw, both under -X verbose), or the flags alone for an unknown
    mode (strace's print_mode)."""
    mask = 0
    for _, v in MPOL_MODE_FLAGS.pairs:
        mask |= v
    flag_bits = value & mask
    if not flag_bits:
        return const(MPOL_MODES, value, "x", "MPOL_???")
    mode = MPOL_MODES.name(value & ~mask)
    if mode is None:
        return flags_or_unknown(MPOL_MODE_FLAGS, value, "MPOL_???", 64)
    text = "|".join((mode, *split_flags(MPOL_MODE_FLAGS, flag_bits)[0]))
    num = Int(value, "x")
    return Sym(num, Note(text), verbose=Comment(num, text))


@decoder("mbind")
def _mbind(c: Call) -> list[Value]:
    return [Addr(c.args[0]), Int(c.args[1], "u"), _mode(c.args[2]),
            _nodemask(c, c.args[3], c.args[4]), Int(c.args[4], "u"),
            flags_or_unknown(MBIND_FLAGS, c.args[5], "MPOL_???")]


@decoder("set_mempolicy")
def _set_mempolicy(c: Call) -> list[Value]:
    return [_mode(c.args[0] & 0xFFFFFFFF), _nodemask(c, c.args[1], c.args[2]),
            Int(c.args[2], "u")]


@decoder("get_mempolicy")
def _get_mempolicy(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    got = None if c.failed or not addr else c.read(addr, 4)
    mode = Addr(addr) if got is None else \
        Array((const(MPOL_MODES, _INT.unpack(got)[0] & 0xFFFFFFFF, "x", "MPOL_???"),))
    return [mode, _nodemask(c, c.args[1], c.args[2], output=True), Int(c.args[2], "u"),
            Addr(c.args[3]), flags_or_unknown(GET_MEMPOLICY_FLAGS, c.args[4], "MPOL_???", 64)]


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


@decoder("set_mempolicy_home_node")
def _set_mempolicy_home_node(c: Call) -> list[Value]:
    return [Addr(c.args[0]), Int(c.args[1], "u"), Int(c.args[2], "u"), Int(c.args[3], "x")]
