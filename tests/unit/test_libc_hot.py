"""The hot-path code of pstrace._sys.libc gives what the tracee holds: MemReader's
reads through its page cache, within a page, across pages, and of strings."""
from __future__ import annotations

import ctypes
import os

from pstrace._sys import libc


def test_cached_reads_and_strings_match_memory() -> None:
    """Reads through the page cache, within a page, across pages and of strings, of
    this process's own memory (process_vm_readv on oneself)."""
    page = os.sysconf("SC_PAGE_SIZE")
    buf = ctypes.create_string_buffer(3 * page)
    base = (ctypes.addressof(buf) + page - 1) & -page
    data = bytes(range(256)) * (2 * page // 256)
    ctypes.memmove(base, data, len(data))
    ctypes.memmove(base + page - 3, b"ab\0", 3)           # a string in one page
    ctypes.memmove(base + 2 * page - 2, b"xy", 2)          # one across two pages
    ctypes.memmove(base + 2 * page, b"z\0", 2)
    mem = libc.MemReader()
    me = os.getpid()
    assert mem.read(me, base + 5, 10) == data[5:15]
    assert mem.read(me, base + page - 3, 3) == b"ab\0"
    assert mem.read_cstr(me, base + page - 3, 100) == (b"ab", True)
    assert mem.read_cstr(me, base + 2 * page - 2, 100) == (b"xyz", True)
    assert mem.read_cstr(me, base + 2 * page - 2, 1) == (b"xy", False)
    assert mem.read(me, base + page - 4, 8) == data[page - 4:page - 3] + b"ab\0" + \
        data[page:page + 4]
    mem.invalidate()
    assert mem.read(me, base + 2 * page - 2, 3) == b"xyz"
