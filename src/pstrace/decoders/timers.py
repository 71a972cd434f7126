"""POSIX timers and timerfd: timer_settime, timer_gettime, timer_getoverrun,
timer_delete, timer_create (its struct sigevent), timerfd_create, timerfd_settime,
timerfd_gettime.

strace counterpart: time.c (timer_*), timerfd.c, print_sigevent.c.  struct itimerspec
is two timespecs, {it_interval={tv_sec=S, tv_nsec=N}, it_value={...}}; an output
itimerspec is printed at exit, as its address when the call failed.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import SIGEV_NOTIFY, TIMER_FLAGS, TIMERFD_FLAGS
from ._fs_common import timespec, xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown
from .signal import sig_value
from .time import clockid

_ITIMERSPEC = struct.Struct("<qQqQ")
# struct sigevent (64 bytes on x86_64): sigev_value (union sigval), sigev_signo,
# sigev_notify, then the union: a thread id, or the thread's function and attributes.
_SIGEVENT_SIZE = 32   # strace reads the union part only (its struct_sigevent)
_SIGEVENT = struct.Struct("<QiiQQ")
_SIGNAL, _THREAD, _THREAD_ID = (xval(SIGEV_NOTIFY, n) for n in
                                ("SIGEV_SIGNAL", "SIGEV_THREAD", "SIGEV_THREAD_ID"))
_I32 = struct.Struct("<i")


def sigevent_at(c: Call, addr: int) -> Value:
    """{sigev_value={...}, sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL, ...}; the
    value only when its pointer is not NULL, the signal by name only when one is sent."""
    if not addr:
        return Addr(0)
    raw = c.read(addr, _SIGEVENT_SIZE)
    if raw is None:
        return Addr(addr)
    value, signo, notify, un1, un2 = _SIGEVENT.unpack_from(raw)
    fields: list[tuple[str | None, Value]] = []
    if value:
        fields.append(("sigev_value", Struct((
            ("sival_int", Int(_I32.unpack_from(raw)[0])), ("sival_ptr", Addr(value))))))
    sends = notify in (_SIGNAL, _THREAD, _THREAD_ID)
    fields.append(("sigev_signo", sig_value(signo) if sends else Int(signo & 0xFFFFFFFF, "u")))
    fields.append(("sigev_notify", const(SIGEV_NOTIFY, notify & 0xFFFFFFFF, "x", "SIGEV_???")))
    if notify == _THREAD_ID:
        fields.append(("sigev_notify_thread_id", Int(_I32.unpack_from(raw, 16)[0])))
    elif notify == _THREAD:
        fields += [("sigev_notify_function", Addr(un1)), ("sigev_notify_attributes", Addr(un2))]
    return Struct(tuple(fields))


@decoder("timer_create")
def _timer_create(c: Call) -> DecodeGen:
    yield [clockid(c.args[0]), sigevent_at(c, c.args[1])]
    addr = c.args[2]
    got = None if c.failed or not addr else c.read(addr, 4)
    return [Addr(addr) if got is None else Array((Int(_I32.unpack(got)[0]),))]


def _itimerspec_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _ITIMERSPEC)
    if got is None:
        return Addr(addr)
    return Struct((("it_interval", timespec(got[0], got[1])),
                   ("it_value", timespec(got[2], got[3]))))


def _old(c: Call, addr: int) -> Value:
    return Addr(addr) if c.failed and addr else _itimerspec_at(c, addr)


@decoder("timer_settime")
def _timer_settime(c: Call) -> DecodeGen:
    yield [c.int_(0), flags_or_unknown(TIMER_FLAGS, c.args[1], "TIMER_???"),
           _itimerspec_at(c, c.args[2])]
    return [_old(c, c.args[3])]


@decoder("timerfd_settime")
def _timerfd_settime(c: Call) -> DecodeGen:
    yield [c.fd(0), flags_or_unknown(TIMERFD_FLAGS, c.args[1], "TFD_???"),
           _itimerspec_at(c, c.args[2])]
    return [_old(c, c.args[3])]


@decoder("timer_gettime", "timerfd_gettime")
def _gettime(c: Call) -> DecodeGen:
    yield [c.int_(0) if c.name == "timer_gettime" else c.fd(0)]
    return [_old(c, c.args[1])]


@decoder("timer_getoverrun", "timer_delete")
def _timer_id(c: Call) -> list[Value]:
    return [c.int_(0)]


@decoder("timerfd_create")
def _timerfd_create(c: Call) -> list[Value]:
    return [clockid(c.args[0]), flags_or_unknown(TIMERFD_FLAGS, c.args[1], "TFD_???")]
