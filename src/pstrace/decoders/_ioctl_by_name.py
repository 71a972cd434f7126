"""The common shape of a small ioctl family: the requests a family knows by name (its
generated Xlat) print by name even when the family does not decode their argument (then
the argument prints as a number, %#lx), and the decoded ones say per name how: no
argument at all, an argument printed at entry, one printed at exit (its address when
the call failed), or one printed at entry and, after a success, " => " what the call
wrote.  umove_or_addr reads a request's struct as strace's umove_or_printaddr.  A
request the table does not name is left to ioctl.py's generic _IOC(...) printing.

strace counterpart: the per-family switch (watchdog_ioctl(), random_ioctl(), ...)
returning RVAL_IOCTL_DECODED, and the ioctlent name table for the names.
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..values import Addr, Array, Changed, Int, Value
from ..xlat import Xlat
from ._ioctl_number import named_value
from ._ioctl_registry import IoctlGen
from .base import Call
from .ioctl import request_names

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Reader = Callable[[Call, int], Value]


@dataclass(frozen=True)
class Arg:
    """How a decoded request's argument prints: `reader` (None: the request takes no
    argument and only the fd and request print), at exit if `at_exit`; `after`, for an
    argument the call reads and writes: what it wrote, printed " => after" when the
    call succeeded and the argument was readable at entry (`reader` gave no address)."""

    reader: Reader | None = None
    at_exit: bool = False
    after: Reader | None = None


NO_ARG = Arg()


def bit_table(bits: Xlat, shift: str = "<<") -> Xlat:
    """Flags named by their bit numbers, as strace spells such tables: the bit numbered
    by NAME prints as "1<<NAME" (`shift` " << " gives "1 << NAME")."""
    return Xlat((f"1{shift}{name}", 1 << bit) for name, bit in bits)


def nums(fmt: str) -> Reader:
    """A reader of the numbers of struct format fmt at the argument: [N] (strace's
    printnum_*) or [A, B] (printpair_*); NULL, or the address when unreadable."""
    st = struct.Struct(fmt)

    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, st) if addr else None
        return Addr(addr) if got is None else Array(tuple(Int(v) for v in got))
    return read


def local_array(c: Call, items: Sequence[Value]) -> Value:
    """A struct's array member: without -v at most -s elements, "..." after them
    (strace's print_local_array)."""
    if c.opts.verbose:
        return Array(tuple(items))
    limit = c.opts.max_strlen
    return Array(tuple(items[:limit]), elided=len(items) > limit)


def value_arg(c: Call, arg: int) -> Value:
    """The argument is the value itself, unsigned (strace's PRINT_VAL_U)."""
    return Int(arg, "u")


def named_request(table: Xlat, code: int) -> tuple[tuple[str, ...], Value] | None:
    """The names the table has for code (sorted) and the request's value, or None."""
    names = tuple(sorted(n for n, v in table.pairs if v == code))
    if not names:
        return None
    # printed with every name strace knows for the number, other families' too
    value = named_value(code, tuple(sorted({*names, *request_names(code)})))
    return None if value is None else (names, value)


def decode_by_name(c: Call, code: int, table: Xlat, args: Mapping[str, Arg]) -> IoctlGen:
    """An ioctl handler body: the fd and request, then the argument as args says."""
    named = named_request(table, code)
    if named is None:
        return None
    names, req = named
    arg = c.args[2]
    spec = next((args[n] for n in names if n in args), None)
    reader = spec.reader if spec is not None else None
    if spec is not None and spec.at_exit and reader is not None:
        yield [c.fd(0), req]
        return [Addr(arg) if c.failed else reader(c, arg)]
    if spec is not None and spec.after is not None and reader is not None:
        before = reader(c, arg)
        yield [c.fd(0), req]
        if c.failed or isinstance(before, Addr):
            return [before]
        return [Changed(before, spec.after(c, arg))]
    c.sep_late = True   # everything is printed at entry; the exit adds only ")"
    if spec is None:
        yield [c.fd(0), req, Int(arg, "x")]
    elif reader is None:
        yield [c.fd(0), req]
    else:
        yield [c.fd(0), req, reader(c, arg)]
    return []


def umove_or_addr(c: Call, addr: int, st: struct.Struct,
                  at_exit: bool = False) -> tuple[Any, ...] | Value:
    """The struct at addr, or what strace's umove_or_printaddr prints instead: NULL,
    the address when unreadable (with strace's short-read warning for a struct cut by
    an unmapped page), outside -e verbose=, or read at exit after a failed call."""
    if not addr:
        return Addr(0)
    if at_exit and c.failed:
        return Addr(addr)
    got = c.read_struct(addr, st)
    return Addr(addr) if got is None else got
