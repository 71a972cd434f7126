"""Strings read with a length bound besides -s (strace's printstr_ex with a length and
QUOTE_0_TERMINATED): "..." follows when no NUL came within min(-s, bound) bytes.

strace counterpart: printstr_ex() in util.c.
"""
from __future__ import annotations

from ..values import Addr, Str, Value
from .base import Call


def bounded_cstr(c: Call, addr: int, bound: int) -> Value:
    """A NUL-terminated string of at most `bound` bytes, cut at -s, or the address."""
    if not addr:
        return Addr(0)
    size = min(bound, c.opts.max_strlen)
    if size <= 0:
        return Str(b"", True)
    got = c.read_cstr(addr, size - 1)
    if got is None:
        return Addr(addr)
    data, terminated = got
    return Str(data[:size], not terminated)
