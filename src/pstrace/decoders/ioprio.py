"""I/O scheduling priorities: ioprio_get and ioprio_set, with the priority written as
strace writes it, IOPRIO_PRIO_VALUE(class, data).

strace counterpart: ioprio.c.
"""
from __future__ import annotations

from ..values import Comment, Func, Int, Styled, Sym, Value
from ..xlat import IOPRIO_CLASS, IOPRIO_CONSTS, IOPRIO_WHO
from ._fs_common import uid, xval
from .base import Call, DecodeGen, const, decoder, s32


def _who(c: Call) -> list[Value]:
    which = c.args[0] & 0xFFFFFFFF
    kind = IOPRIO_WHO.name(which)
    who: Value = uid(c.args[1]) if kind == "IOPRIO_WHO_USER" else \
        c.pid_(1, "pgid") if kind == "IOPRIO_WHO_PGRP" else \
        c.pid_(1) if kind == "IOPRIO_WHO_PROCESS" else Int(s32(c.args[1]))
    return [const(IOPRIO_WHO, which, comment="IOPRIO_WHO_???"), who]


def prio_value(value: int) -> Func:
    """IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4); the class is every bit above the data."""
    shift = xval(IOPRIO_CONSTS, "IOPRIO_CLASS_SHIFT")
    value &= 0xFFFFFFFF
    cls = const(IOPRIO_CLASS, value >> shift, comment="IOPRIO_CLASS_???")
    return Func("IOPRIO_PRIO_VALUE", (cls, Int(value & ((1 << shift) - 1))))


def ioprio(value: int) -> Sym:
    """A priority inside a struct (strace's print_ioprio): IOPRIO_PRIO_VALUE(...), the
    number in hex with -X raw, both with -X verbose."""
    raw = Int(value & 0xFFFFFFFF, "x")
    prio = prio_value(value)
    return Sym(raw, prio, verbose=Comment(raw, prio))


@decoder("ioprio_get")
def _ioprio_get(c: Call) -> DecodeGen:
    c.sep_late = True   # no argument follows at exit
    yield _who(c)
    if not c.failed:   # no comment with -X raw; the class follows -X
        c.rcomment = Styled(Sym(None, prio_value(c.ret), verbose=prio_value(c.ret)))
    return []


@decoder("ioprio_set")
def _ioprio_set(c: Call) -> list[Value]:
    raw = Int(s32(c.args[2]))
    prio = prio_value(c.args[2])
    return [*_who(c), Sym(raw, prio, verbose=Comment(raw, prio))]
