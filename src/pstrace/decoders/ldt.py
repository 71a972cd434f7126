"""modify_ldt(func, ptr, bytecount), set_thread_area and get_thread_area as strace 6.1
prints them.

  * func as a decimal int, bytecount as an unsigned long;
  * ptr as struct user_desc (<asm/ldt.h>) whenever bytecount is exactly its size and
    the memory is readable, whatever func says, decoded at entry; else the address;
  * the return value: the kernel returns an int, which reaches the tracer zero-extended
    (-ENOSYS is 0xffffffda in rax), so PTRACE_GET_SYSCALL_INFO does not flag it as an
    error.  strace 6.1 prints such a value as "4294967258 ENOSYS (Function not
    implemented)": the unsigned number, then the errno of the low 32 bits.  It does not
    count it as an error in -c; it does hide it under -z and show it under -Z (the
    engine does not model that split yet: c.error stays 0 here, so -z/-Z treat the call
    as successful: that needs an engine hook, asked of the lead).

strace counterpart: ldt.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Errno, Int, Note, Struct, Value
from ..xlat import MAX_ERRNO
from .base import Call, DecodeGen, decoder, s32

USER_DESC = struct.Struct("<IIII")   # entry_number, base_addr, limit, the bit fields
_ENTRY = struct.Struct("<I")         # struct user_desc's first field
# struct user_desc's bit fields (x86_64 <asm/ldt.h>), in order, with their widths
_BITS = (("seg_32bit", 1), ("contents", 2), ("read_exec_only", 1), ("limit_in_pages", 1),
         ("seg_not_present", 1), ("useable", 1), ("lm", 1))


def entry_id(entry: int) -> Int:
    """An entry number as strace's PRINT_VAL_ID: -1 for all bits set, else unsigned."""
    return Int(-1) if entry == 0xFFFFFFFF else Int(entry, "u")


def user_desc(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, USER_DESC) if addr else None
    if got is None:
        return Addr(addr)
    entry, base, limit, bits = got
    fields: list[tuple[str | None, Value]] = [
        ("entry_number", entry_id(entry)), ("base_addr", Int(base, "x8")),
        ("limit", Int(limit, "x8"))]
    shift = 0
    for name, width in _BITS:
        fields.append((name, Int((bits >> shift) & ((1 << width) - 1), "u")))
        shift += width
    return Struct(tuple(fields))


@decoder("modify_ldt")
def _modify_ldt(c: Call) -> DecodeGen:
    addr, count = c.args[1], c.args[2]
    ptr = user_desc(c, addr) if count == USER_DESC.size else Addr(addr)
    c.sep_late = True   # all arguments at entry; the exit only reads the return value
    yield [c.int_(0), ptr, Int(count, "u")]
    if c.error:
        return []
    err = -s32(c.ret)
    if c.ret > 0x7FFFFFFF and 0 < err <= MAX_ERRNO:
        c.rval = Errno(c.ret, err)
        c.fails = True      # -Z shows it, -z hides it (strace 6.1); -c counts no error
    return []


@decoder("set_thread_area")
def _set_thread_area(c: Call) -> DecodeGen:
    addr = c.args[0]
    c.sep_late = True   # the whole argument at entry
    yield [user_desc(c, addr)]
    got = c.read_struct(addr, USER_DESC) if addr and not c.failed else None
    if got is not None:
        c.rcomment = Note(f"entry_number={got[0]}")
    return []


@decoder("get_thread_area")
def _get_thread_area(c: Call) -> DecodeGen:
    addr = c.args[0]
    got = c.read_struct(addr, _ENTRY) if addr else None   # only entry_number at entry
    if got is None:
        c.sep_late = True
        yield [Addr(addr)]
        return []
    yield []
    after = c.read_struct(addr, USER_DESC) if not c.failed else None
    if after is None:
        return [Struct((("entry_number", entry_id(got[0])),), elided=True)]
    return [user_desc(c, addr)]
