"""Value builders shared by the file-system decoders (fs, fs_stat, fs_dir): file modes,
*at() flag words, ids, and the ISO-8601 time comments strace puts after time stamps.

strace counterpart: print_numeric_umode_t / print_symbolic_mode_t, printuid,
sprinttime_nsec and the flag printers with their "/* X_??? */" fallback.
Every format here was checked against strace 6.1 output (tests/syscalls/fs_*.c).
"""
from __future__ import annotations

import struct as _struct
import time
from collections.abc import Callable

from ..values import (
    Addr,
    Array,
    ByteRange,
    Comment,
    Flags,
    Int,
    LocalTime,
    Mode,
    Note,
    Str,
    Struct,
    Unreadable,
    Value,
)
from ..xlat import Xlat
from .base import Call, flags

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

U16 = 0xFFFF
U32 = 0xFFFFFFFF
NSEC_PER_SEC = 1_000_000_000


def xval(x: Xlat, name: str) -> int:
    """The value of `name` in table x (so no constant is typed by hand here)."""
    v = x.value(name)
    if v is None:
        raise KeyError(f"{name} not in xlat table")
    return v


def mask_of(x: Xlat) -> int:
    """All the bits any entry of x uses (S_IFMT from the file-type table, etc.)."""
    m = 0
    for _, v in x:
        m |= v
    return m


def umode(value: int) -> Mode:
    """A numeric mode as strace prints it: the kernel's umode_t is 16 bits, %#03o."""
    return Mode(value & U16)


def uid(value: int) -> Int:
    """uid_t/gid_t: unsigned, except (uid_t)-1 which prints as -1."""
    value &= U32
    return Int(-1 if value == U32 else value, "d")


def timespec(sec: int, nsec: int) -> Struct:
    """{tv_sec=S, tv_nsec=N}: a struct timespec's fields (nsec printed unsigned)."""
    return Struct((("tv_sec", Int(sec)), ("tv_nsec", Int(nsec, "u"))))


def time_comment(sec: int, nsec: int) -> LocalTime | None:
    """The local time strace prints in a comment after a time stamp, or None when it
    prints none (the epoch with zero nsec, an invalid nsec, or a time localtime()
    cannot convert)."""
    if (sec == 0 and nsec == 0) or not 0 <= nsec < NSEC_PER_SEC:
        return None
    try:
        time.strftime("%Y", time.localtime(sec))
    except (OverflowError, OSError, ValueError):
        return None
    return LocalTime(sec, nsec)


def with_time_comment(v: Value, sec: int, nsec: int) -> Value:
    local = time_comment(sec, nsec)
    return v if local is None else Comment(v, local)


def symbolic_mode(types: Xlat, bits: Xlat, mode: int) -> Value:
    """st_mode as strace prints it: "S_IFREG|S_ISUID|0711" (type, set-id bits, octal);
    -X raw prints the octal number alone."""
    whole = mode
    ifmt = mask_of(types)
    special = mask_of(bits)
    names: list[str] = []
    if mode & ifmt:
        name = types.name(mode & ifmt)
        if name is None:   # an unknown file type: the whole number in octal, any -X
            return Mode(whole & U32)
        names.append(name)
        mode &= ~ifmt
    names.extend(flags(bits, mode & special).names)
    return Mode(whole & U32, tuple(names), mode & ~special & U32, symbolic=True)


def merged_flags(names: tuple[str, ...], rest: Flags, value: int | None = None) -> Flags:
    """A Flags value with `names` printed before rest's names; `value` is the whole
    number (for -X raw/verbose)."""
    return Flags(names + rest.names, rest.rest, rest.rest_fmt, rest.zero,
                 rest.value if value is None else value)


_MAX_ELEMENTS = 1 << 16   # never read more elements than this (-v, huge counts)


def tracee_array(c: Call, addr: int, count: int, elem: _struct.Struct,
                 item: Callable[[tuple[Any, ...]], Value], output: bool = False) -> Value:
    """strace's print_array over tracee memory: `count` elements of `elem` at addr,
    each printed by `item`: NULL, "[]" for none, the address when the size wraps or the
    first element is unreadable, at most -s elements without -v then "...", the
    elements read before unreadable memory then "... /* ADDR */".  `output`: written by
    the call, so printed as the address when it failed (or -e verbose= excludes it)."""
    if not addr:
        return Addr(0)
    if count == 0:
        return Array(())
    size = elem.size
    if addr + count * size > 1 << 64 or (output and c.failed) or not c.opts.deref:
        return Addr(addr)
    shown = count if c.opts.verbose or count <= c.opts.max_strlen else c.opts.max_strlen
    n = min(count, shown + 1, _MAX_ELEMENTS)
    data = c.read(addr, n * size)
    items: list[Value] = []
    for i in range(n):
        chunk = data[i * size:(i + 1) * size] if data is not None else \
            c.fetch(addr + i * size, size)   # a cut element warns, as umoven
        if chunk is None:
            if not i:
                return Addr(addr)
            items.append(Unreadable(addr + i * size))
            return Array(tuple(items))
        if i >= shown:
            return Array(tuple(items), elided=True)
        items.append(item(elem.unpack(chunk)))
    return Array(tuple(items))


_MAX_TAIL = 1 << 20   # bytes of an oversized struct looked at (more: unavailable)


def nonzero_tail(c: Call, addr: int, start: int, size: int) -> Value | None:
    """The bytes start..size-1 of an extensible struct (open_how, clone_args) that the
    decoder does not know: nothing when they are all zero (the kernel accepts them),
    else "/* bytes START..END */ " and the bytes in hex cut at -s, or "???" when they
    cannot be read (strace's print_nonzero_bytes)."""
    if start >= size:
        return None
    extra = size - start
    tail = c.read(addr + start, extra) if extra <= _MAX_TAIL else None
    if tail is None:
        return Note("???")
    if not any(tail):
        return None
    shown = tail[:c.opts.max_strlen]
    return Comment(Str(shown, extra > len(shown), hex=True), ByteRange(start, size - 1),
                   before=True)


def array(c: Call, items: tuple[Value, ...] | list[Value]) -> Array:
    """strace's array printing: without -v at most -s elements, then "..."."""
    limit = c.opts.max_strlen
    if not c.opts.verbose and len(items) > limit:
        return Array(tuple(items[:limit]), elided=True)
    return Array(tuple(items))
