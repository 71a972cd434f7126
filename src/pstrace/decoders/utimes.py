"""utime, utimes and futimesat: the new access and modification times, as a struct
utimbuf or two struct timeval, with their local time in a comment when valid.

strace counterpart: utime.c, utimes.c (print_timeval_utimes).
"""
from __future__ import annotations

import struct
import time

from ..values import Addr, Array, Comment, Int, LocalTime, Struct, Value
from .base import Call, decoder

_TIMEVAL2 = struct.Struct("<qQqQ")   # two struct timeval {tv_sec, tv_usec}
_UTIMBUF = struct.Struct("<qq")      # struct utimbuf {actime, modtime}
_USEC_PER_SEC = 1_000_000


def _stamp(v: Value, sec: int, usec: int | None = None) -> Value:
    """v with its local time in a comment, when strace prints one: not for the epoch,
    an invalid usec or a time localtime() cannot convert."""
    nsec = 0 if usec is None else usec * 1000
    if (sec == 0 and not nsec) or (usec is not None and usec >= _USEC_PER_SEC):
        return v
    try:
        time.localtime(sec)
    except (OverflowError, OSError, ValueError):
        return v
    return Comment(v, LocalTime(sec, nsec, digits=6))


def timeval_pair(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _TIMEVAL2)
    if got is None:
        return Addr(addr)
    return Array(tuple(
        _stamp(Struct((("tv_sec", Int(sec)), ("tv_usec", Int(usec, "u")))), sec, usec)
        for sec, usec in ((got[0], got[1]), (got[2], got[3]))))


@decoder("utimes")
def _utimes(c: Call) -> list[Value]:
    return [c.path(0), timeval_pair(c, c.args[1])]


@decoder("futimesat")
def _futimesat(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), timeval_pair(c, c.args[2])]


@decoder("utime")
def _utime(c: Call) -> list[Value]:
    addr = c.args[1]
    times: Value = Addr(addr)
    got = c.read_struct(addr, _UTIMBUF) if addr else None
    if got is not None:
        times = Struct(tuple((name, _stamp(Int(sec), sec))
                             for name, sec in (("actime", got[0]), ("modtime", got[1]))))
    return [c.path(0), times]
