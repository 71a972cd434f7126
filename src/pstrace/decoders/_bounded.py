"""Strings read with a length bound besides -s (strace's printstr_ex with a length and
QUOTE_0_TERMINATED): "..." follows when no NUL came within min(-s, bound) bytes
(bounded_cstr, or cstr_within with strace's look-ahead past -s and its result); and
buffers whose trailing NUL is not shown (QUOTE_OMIT_TRAILING_0).

strace counterpart: printstr_ex() and string_quote() in util.c.
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


def cstr_within(c: Call, addr: int, size: int) -> tuple[Value, int]:
    """A NUL-terminated string looked for in at most `size` bytes, cut at -s, "..."
    when no NUL came within them or within -s (a NUL just past -s bytes ends the
    string); or NULL, or the address when unreadable.  With strace's result: the
    string's length + 1 when its NUL was read, 0 when not, -1 when not printed."""
    if not addr:
        return Addr(0), -1
    limit = c.opts.max_strlen
    want = min(limit + 1, size)
    if want <= 0:
        return Str(b""), 0
    got = c.read_cstr(addr, want - 1)
    if got is None:
        return Addr(addr), -1
    data, terminated = got
    shown = min(want, limit)
    return Str(data[:shown], not terminated or len(data) > shown), \
        len(data) + 1 if terminated else 0


def buf_omit_nul(c: Call, addr: int, size: int) -> Value:
    """A buffer of `size` bytes cut at -s (as Call.buf) where a NUL as the last byte
    shown ends the string, with no "..." after it (strace's QUOTE_OMIT_TRAILING_0:
    "foo\\0bar" for the 8 bytes "foo\\0bar\\0")."""
    v = c.buf(addr, size)
    if isinstance(v, Str) and v.data[-1:] == b"\0" \
            and len(v.data) == min(size, c.opts.max_strlen):
        return Str(v.data[:-1])
    return v
