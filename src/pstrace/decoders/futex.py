"""futex(2): the operation by name, then the arguments that operation uses.

strace counterpart: futex.c.  Checked against strace 6.1 (tests/syscalls/misc_futex.c).
"""
from __future__ import annotations

from ..values import Addr, Comment, Const, Flags, Int, Or, Shifted, Sym, Value
from ..xlat import (
    FUTEX_CONSTS,
    FUTEX_FLAGS,
    FUTEX_OPS,
    FUTEX_OPS_PRIVATE,
    FUTEX_WAKE_CMPS,
    FUTEX_WAKE_OPS,
    Xlat,
)
from ._fs_common import xval
from .base import Call, decoder
from .time import timespec_at

U32 = 0xFFFFFFFF

# The operations strace 6.1 also names with |FUTEX_CLOCK_REALTIME (observed: only the
# waiting ones; FUTEX_WAKE|FUTEX_CLOCK_REALTIME prints as 0x101 /* FUTEX_??? */).
_CLOCK_RT_OPS = ("FUTEX_WAIT", "FUTEX_WAIT_BITSET", "FUTEX_WAIT_REQUEUE_PI")


def _op_table() -> dict[int, tuple[str, ...]]:
    """Every futex operation word strace names, with its names in print order
    (FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME: the operation, then the flags)."""
    private = xval(FUTEX_FLAGS, "FUTEX_PRIVATE_FLAG")
    clock_rt = xval(FUTEX_FLAGS, "FUTEX_CLOCK_REALTIME")
    table: dict[int, tuple[str, ...]] = {}
    for n, v in (*FUTEX_OPS, *FUTEX_OPS_PRIVATE):
        table.setdefault(v, (n,))
    for n, v in FUTEX_OPS:  # e.g. FUTEX_FD has no _PRIVATE macro
        table.setdefault(v | private, (n, "FUTEX_PRIVATE_FLAG"))
    for n in _CLOCK_RT_OPS:
        v = xval(FUTEX_OPS, n)
        table.setdefault(v | clock_rt, (n, "FUTEX_CLOCK_REALTIME"))
        table.setdefault(v | private | clock_rt, (*table[v | private], "FUTEX_CLOCK_REALTIME"))
    return table


_OP_NAMES = _op_table()


def _op(op: int) -> Value:
    names = _OP_NAMES.get(op)
    if names is None:
        return Comment(Int(op, "x"), "FUTEX_???")
    return Const(names[0], op) if len(names) == 1 else Flags(names, value=op)


def _wake_piece(table: Xlat, v: int, shift: int, unknown: str) -> Value:
    """One named field of FUTEX_OP(): "FUTEX_OP_ADD<<28"; -X verbose
    "0x1 /* FUTEX_OP_ADD */<<28"; -X raw (strace 6.1) "0x1<<28 /* FUTEX_OP_??? */" even
    for a known value; an unknown one "0x7<<28 /* FUTEX_OP_??? */" in every style."""
    num = Comment(Shifted(Int(v, "x"), shift), unknown, keep=True)
    name = table.name(v)
    if name is None:
        return num
    named = Shifted(Const(name, v), shift)
    return Sym(raw=num, sym=named, verbose=named)


def wake_op(v: int) -> Or:
    """FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0x1 (the FUTEX_OP() encoding)."""
    op, cmp, oparg, cmparg = (v >> 28) & 0xF, (v >> 24) & 0xF, (v >> 12) & 0xFFF, v & 0xFFF
    parts: list[Value] = []
    shift_flag = xval(FUTEX_CONSTS, "FUTEX_OP_OPARG_SHIFT")
    if op & shift_flag:
        parts.append(Shifted(Const("FUTEX_OP_OPARG_SHIFT", shift_flag), 28))
        op &= ~shift_flag
    parts.append(_wake_piece(FUTEX_WAKE_OPS, op, 28, "FUTEX_OP_???"))
    parts.append(Shifted(Int(oparg, "x"), 12))
    parts.append(_wake_piece(FUTEX_WAKE_CMPS, cmp, 24, "FUTEX_OP_CMP_???"))
    parts.append(Int(cmparg, "x"))
    return Or(tuple(parts))


def _bitset(v: int) -> Value:
    if v == xval(FUTEX_CONSTS, "FUTEX_BITSET_MATCH_ANY"):
        return Const("FUTEX_BITSET_MATCH_ANY", v)
    return Int(v, "x")


@decoder("futex")
def _futex(c: Call) -> list[Value]:
    uaddr, raw_op, val, timeout, uaddr2, val3 = c.args
    op = raw_op & U32
    # strace 6.1 picks the arguments by the low 7 bits (below FUTEX_PRIVATE_FLAG), even
    # when other unknown bits are set (observed: 0x300 prints like FUTEX_WAIT).
    cmd = op & (xval(FUTEX_FLAGS, "FUTEX_PRIVATE_FLAG") - 1)
    name = FUTEX_OPS.name(cmd)
    out: list[Value] = [c.ptr(0), _op(op)]
    def u(x: int) -> Int:
        return Int(x & U32, "u")
    if name in ("FUTEX_WAIT",):
        out += [u(val), timespec_at(c, timeout)]
    elif name in ("FUTEX_LOCK_PI", "FUTEX_LOCK_PI2"):
        out += [timespec_at(c, timeout)]
    elif name == "FUTEX_WAIT_BITSET":
        out += [u(val), timespec_at(c, timeout), _bitset(val3 & U32)]
    elif name == "FUTEX_WAKE_BITSET":
        out += [u(val), _bitset(val3 & U32)]
    elif name == "FUTEX_REQUEUE":
        out += [u(val), u(timeout), Addr(uaddr2)]
    elif name in ("FUTEX_CMP_REQUEUE", "FUTEX_CMP_REQUEUE_PI"):
        out += [u(val), u(timeout), Addr(uaddr2), u(val3)]
    elif name == "FUTEX_WAKE_OP":
        out += [u(val), u(timeout), Addr(uaddr2), wake_op(val3 & U32)]
    elif name == "FUTEX_WAIT_REQUEUE_PI":
        out += [u(val), timespec_at(c, timeout), Addr(uaddr2)]
    elif name in ("FUTEX_WAKE", "FUTEX_FD"):
        out += [u(val)]
    elif name in ("FUTEX_UNLOCK_PI", "FUTEX_TRYLOCK_PI"):
        pass
    else:
        out += [u(val), Addr(timeout), Addr(uaddr2), Int(val3 & U32, "x")]
    return out
