"""futex_waitv(2): an array of struct futex_waitv, the count, flags, an absolute
timeout and its clock.

strace counterpart: futex_waitv.c.  A waiter's __reserved field prints only when not
zero; past FUTEX_WAITV_MAX waiters strace prints "...".
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Unreadable, Value
from ..xlat import FUTEX_WAITER_FLAGS, FUTEX_WAITV_CONSTS
from ._fs_common import tracee_array, xval
from .base import Call, decoder, flags_or_unknown
from .time import clockid, timespec_at

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

_WAITV = struct.Struct("<QQII")    # struct futex_waitv: val, uaddr, flags, __reserved
_MAX = xval(FUTEX_WAITV_CONSTS, "FUTEX_WAITV_MAX")


def _waiter(w: tuple[Any, ...]) -> Value:
    fields: list[tuple[str | None, Value]] = [
        ("val", Int(w[0], "x")), ("uaddr", Addr(w[1])),
        ("flags", flags_or_unknown(FUTEX_WAITER_FLAGS, w[2], "FUTEX_???"))]
    if w[3]:
        fields.append(("__reserved", Int(w[3], "x")))
    return Struct(tuple(fields))


@decoder("futex_waitv")
def _futex_waitv(c: Call) -> list[Value]:
    count = c.uint(1)
    waiters = tracee_array(c, c.args[0], min(count, _MAX), _WAITV, _waiter)
    if count > _MAX and isinstance(waiters, Array) and not waiters.elided \
            and not (waiters.items and isinstance(waiters.items[-1], Unreadable)):
        waiters = Array(waiters.items, elided=True)
    return [waiters, Int(count, "u"), Int(c.uint(2), "x"), timespec_at(c, c.args[3]),
            clockid(c.args[4])]
