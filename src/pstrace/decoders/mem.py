"""Memory-management syscalls: brk, mmap, mprotect, munmap, mremap, remap_file_pages,
madvise, process_madvise, msync, mlock/munlock/mlock2/mlockall/munlockall, mincore,
process_mrelease.

strace counterpart: mem.c (print_mmap_flags, SYS_FUNC(mremap) ...) and mincore in mem.c.
Every format was checked against strace 6.1 (tests/syscalls/mem_*.c).
"""
from __future__ import annotations

import functools

from ..values import Addr, Comment, Const, Int, Or, Shifted, Sym, Value
from ..xlat import (
    MADVISE_ADVICE,
    MLOCK2_FLAGS,
    MLOCKALL_FLAGS,
    MMAP_CONSTS,
    MMAP_FLAGS,
    MMAP_PROT,
    MMAP_TYPE,
    MREMAP_FLAGS,
    MSYNC_FLAGS,
)
from ._fs_common import array, xval
from .base import Call, DecodeGen, decoder, flags, flags_or_unknown, s32
from .io import iov_array

U32 = 0xFFFFFFFF
PAGE_SIZE = 4096  # x86_64


@functools.lru_cache(maxsize=256)   # (values are immutable: a process's start-up maps
def prot_value(value: int) -> Value:   # with the same few protections and flags)
    """PROT_READ|PROT_WRITE|0x100, PROT_NONE for 0, "0x100000000 /* PROT_??? */"."""
    if value == 0:
        return Const("PROT_NONE", 0)
    return flags_or_unknown(MMAP_PROT, value, "PROT_???", bits=64)


@functools.lru_cache(maxsize=256)
def mmap_flags_value(value: int) -> Value:
    """The mapping type by name (0xf /* MAP_??? */ when unknown), then the flags, the
    unknown bits, and the huge page size as N<<MAP_HUGE_SHIFT (observed order);
    -X raw prints the whole number."""
    whole = value
    value &= U32
    map_type = xval(MMAP_CONSTS, "MAP_TYPE")
    shift = xval(MMAP_CONSTS, "MAP_HUGE_SHIFT")
    huge_mask = xval(MMAP_CONSTS, "MAP_HUGE_MASK") << shift
    t = value & map_type
    parts: list[Value] = []
    tname = "MAP_FILE" if t == 0 else MMAP_TYPE.name(t)
    parts.append(Const(tname, t) if tname is not None
                 else Comment(Int(t, "x"), "MAP_???", keep=True))
    f = flags(MMAP_FLAGS, value & ~map_type & ~huge_mask)
    parts += [Const(n, xval(MMAP_FLAGS, n)) for n in f.names]
    if f.rest:
        parts.append(Int(f.rest, "x"))
    huge = (value & huge_mask) >> shift
    if huge:
        parts.append(Shifted(Int(huge), "MAP_HUGE_SHIFT"))
    return Sym(Int(whole, "x"), Or(tuple(parts)))


@decoder("brk")
def _brk(c: Call) -> list[Value]:
    return [c.ptr(0)]


@decoder("mmap")
def _mmap(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), prot_value(c.args[2]), mmap_flags_value(c.args[3]),
            c.fd(4), c.hex(5)]


@decoder("mprotect")
def _mprotect(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), prot_value(c.args[2])]


@decoder("munmap", "mlock", "munlock")
def _addr_len(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1)]


@decoder("mremap")
def _mremap(c: Call) -> list[Value]:
    fl = c.args[3]
    out = [c.ptr(0), c.ulong(1), c.ulong(2),
           flags_or_unknown(MREMAP_FLAGS, fl, "MREMAP_???", bits=64)]
    both = xval(MREMAP_FLAGS, "MREMAP_MAYMOVE") | xval(MREMAP_FLAGS, "MREMAP_FIXED")
    if fl & both == both:  # new_address is only meaningful (and printed) then
        out.append(c.ptr(4))
    return out


@decoder("remap_file_pages")
def _remap_file_pages(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), prot_value(c.args[2]), c.ulong(3),
            mmap_flags_value(c.args[4])]


def _advice(value: int) -> Value:
    advice = s32(value)
    name = MADVISE_ADVICE.name(advice)
    return (Const(name, advice) if name is not None
            else Comment(Int(advice & U32, "x"), "MADV_???"))


@decoder("madvise")
def _madvise(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), _advice(c.args[2])]


@decoder("process_madvise")
def _process_madvise(c: Call) -> list[Value]:
    """The iovecs name address ranges: their bases print as addresses."""
    return [c.fd(0), iov_array(c, c.args[1], c.args[2], contents=False), c.ulong(2),
            _advice(c.args[3]), Int(c.uint(4), "x")]


@decoder("msync")
def _msync(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), flags_or_unknown(MSYNC_FLAGS, c.args[2], "MS_???")]


@decoder("mlock2")
def _mlock2(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), flags_or_unknown(MLOCK2_FLAGS, c.args[2], "MLOCK_???")]


@decoder("mlockall")
def _mlockall(c: Call) -> list[Value]:
    return [flags_or_unknown(MLOCKALL_FLAGS, c.args[0], "MCL_???")]


@decoder("munlockall")
def _munlockall(c: Call) -> list[Value]:
    return []


@decoder("mincore")
def _mincore(c: Call) -> DecodeGen:
    length, vec = c.args[1], c.args[2]
    yield [c.ptr(0), c.ulong(1)]
    if c.failed or not vec:
        return [Addr(vec)]
    pages = (length + PAGE_SIZE - 1) // PAGE_SIZE
    # One byte per page; without -v only -s of them print, so read one more than that
    # (enough for array() to know it must append "...").
    shown = pages if c.opts.verbose else min(pages, c.opts.max_strlen + 1)
    data = c.read(vec, shown)
    if data is None:
        return [Addr(vec)]
    return [array(c, [Int(b) for b in data])]


@decoder("process_mrelease")
def _process_mrelease(c: Call) -> list[Value]:
    return [c.fd(0), Int(c.uint(1), "x")]
