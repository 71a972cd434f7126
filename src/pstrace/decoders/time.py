"""Clocks, sleeps and timers: clock_gettime/getres/settime, clock_nanosleep, nanosleep,
gettimeofday, time, times, getitimer/setitimer, alarm.

strace counterpart: time.c, print_timespec.h / print_timeval.c, times.c.
Every format was checked against strace 6.1 (tests/syscalls/misc_time.c).
"""
from __future__ import annotations

import os
import struct
from collections.abc import Callable

from ..values import Addr, Array, Comment, Const, Int, Struct, Sym, Value
from ..xlat import (
    ADJTIMEX_MODES,
    ADJTIMEX_STATE,
    ADJTIMEX_STATUS,
    CLOCK_IDS,
    ERRNO,
    ITIMER_WHICH,
    TIMER_FLAGS,
)
from ._fs_common import time_comment, timespec, xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

# struct timespec / timeval (x86_64): signed seconds; strace prints the fraction unsigned
# (a negative tv_nsec shows as 18446744073709551611: checked with clock_nanosleep, ppoll,
# rt_sigtimedwait)
_PAIR = struct.Struct("<qQ")
_ITIMERVAL = struct.Struct("<qqqq")
_TMS = struct.Struct("<qqqq")
_TZ = struct.Struct("<ii")
TIMER_ABSTIME = xval(TIMER_FLAGS, "TIMER_ABSTIME")
EINTR = ERRNO.value("EINTR")


def clockid(value: int) -> Value:
    """CLOCK_MONOTONIC, or "0xfffffff6 /* CLOCK_??? */" (clockid_t is an int)."""
    return const(CLOCK_IDS, value & 0xFFFFFFFF, comment="CLOCK_???")


def timespec_at(c: Call, addr: int) -> Value:
    """{tv_sec=1, tv_nsec=2}, NULL, or the address when unreadable."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _PAIR)
    if got is None:
        return Addr(addr)
    return timespec(*got)


def _timeval(sec: int, usec: int) -> Struct:
    """{tv_sec=S, tv_usec=U}: strace prints tv_usec as an unsigned long long."""
    return Struct((("tv_sec", Int(sec)), ("tv_usec", Int(usec & 0xFFFFFFFFFFFFFFFF, "u"))))


def timeval_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _PAIR)
    return Addr(addr) if got is None else _timeval(*got)


def itimerval_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _ITIMERVAL)
    if got is None:
        return Addr(addr)
    return Struct((("it_interval", _timeval(got[0], got[1])),
                   ("it_value", _timeval(got[2], got[3]))))


def _out(c: Call, addr: int, reader: Callable[[Call, int], Value]) -> Value:
    """An output pointer at exit: the address on failure, else what the kernel wrote."""
    if c.failed and addr:
        return Addr(addr)
    return reader(c, addr)


@decoder("clock_gettime", "clock_getres")
def _clock_get(c: Call) -> DecodeGen:
    yield [clockid(c.args[0])]
    return [_out(c, c.args[1], timespec_at)]


@decoder("clock_settime")
def _clock_settime(c: Call) -> list[Value]:
    return [clockid(c.args[0]), timespec_at(c, c.args[1])]


_ERESTART_RESTARTBLOCK = xval(ERRNO, "ERESTART_RESTARTBLOCK")   # kernel-internal errno


def _remaining(c: Call, addr: int, absolute: bool = False) -> Value:
    """The kernel writes the remaining time only when a relative sleep was interrupted
    (EINTR, or ERESTART_RESTARTBLOCK when the tracer sees the restart)."""
    if addr and not absolute and c.error in (EINTR, _ERESTART_RESTARTBLOCK):
        return timespec_at(c, addr)
    return Addr(addr)


@decoder("nanosleep")
def _nanosleep(c: Call) -> DecodeGen:
    yield [timespec_at(c, c.args[0])]
    return [_remaining(c, c.args[1])]


@decoder("clock_nanosleep")
def _clock_nanosleep(c: Call) -> DecodeGen:
    yield [clockid(c.args[0]), flags_or_unknown(TIMER_FLAGS, c.args[1], "TIMER_???"),
           timespec_at(c, c.args[2])]
    return [_remaining(c, c.args[3], absolute=bool(c.args[1] & TIMER_ABSTIME))]


def _timezone(c: Call, tz: int) -> Value:
    got = c.read_struct(tz, _TZ) if tz else None
    if got is None:
        return Addr(tz)
    return Struct((("tz_minuteswest", Int(got[0])), ("tz_dsttime", Int(got[1]))))


@decoder("gettimeofday")
def _gettimeofday(c: Call) -> DecodeGen:
    yield []
    tz = c.args[1]
    tzv = Addr(tz) if not tz or c.failed else _timezone(c, tz)
    return [_out(c, c.args[0], timeval_at), tzv]


@decoder("settimeofday")
def _settimeofday(c: Call) -> list[Value]:
    return [timeval_at(c, c.args[0]), _timezone(c, c.args[1])]


def _time_rcomment(c: Call) -> None:
    if not c.failed:
        c.rcomment = time_comment(c.ret, 0)


@decoder("time")
def _time(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    _time_rcomment(c)
    if not addr or c.failed:
        return [Addr(addr)]
    got = c.read(addr, 8)
    if got is None:
        return [Addr(addr)]
    sec = struct.unpack("<q", got)[0]
    local = time_comment(sec, 0)
    return [Array((Int(sec) if local is None else Comment(Int(sec), local),))]


@decoder("times")
def _times(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    if not addr or c.failed:
        return [Addr(addr)]
    got = c.read_struct(addr, _TMS)
    if got is None:
        return [Addr(addr)]
    names = ("tms_utime", "tms_stime", "tms_cutime", "tms_cstime")
    return [Struct(tuple((n, clock_t(v)) for n, v in zip(names, got, strict=False)))]


def clock_t(ticks: int) -> Value:
    """A clock_t count of ticks, unsigned, commented with its seconds when positive
    ("29 /* 0.29 s */", strace's print_clock_t; -X raw drops the comment)."""
    ticks &= (1 << 64) - 1
    hz = os.sysconf("SC_CLK_TCK")
    if hz <= 0 or not ticks:
        return Int(ticks, "u")
    width = min(len(str(hz)) - 1, 9)
    frac = f"{(ticks % hz) / hz:.{width}f}"
    num = Int(ticks, "u")
    shown = Comment(num, f"{ticks // hz}{frac[1:]} s")
    return Sym(num, shown, verbose=shown)


def _which(value: int) -> Value:
    return const(ITIMER_WHICH, value & 0xFFFFFFFF, comment="ITIMER_???")


@decoder("getitimer")
def _getitimer(c: Call) -> DecodeGen:
    yield [_which(c.args[0])]
    return [_out(c, c.args[1], itimerval_at)]


@decoder("setitimer")
def _setitimer(c: Call) -> DecodeGen:
    yield [_which(c.args[0]), itimerval_at(c, c.args[1])]
    return [_out(c, c.args[2], itimerval_at)]


@decoder("alarm")
def _alarm(c: Call) -> list[Value]:
    return [c.uint_(0)]


# --- adjtimex, clock_adjtime -------------------------------------------------------------
# struct timex (<sys/timex.h>, 208 bytes on x86_64): modes, offset, freq, maxerror,
# esterror, status, constant, precision, tolerance, time{tv_sec, tv_usec}, tick, ppsfreq,
# jitter, shift, stabil, jitcnt, calcnt, errcnt, stbcnt, tai, then padding.
_TIMEX = struct.Struct("<I4xqqqqi4xqqqqqqqqi4xqqqqqi44x")
_TIMEX_LONGS = ("offset", "freq", "maxerror", "esterror")


def _timex(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _TIMEX) if addr else None
    if got is None:
        return Addr(addr)
    (modes, offset, freq, maxerror, esterror, status, constant, precision, tolerance,
     sec, usec, tick, ppsfreq, jitter, shift, stabil, jitcnt, calcnt, errcnt, stbcnt,
     tai) = got
    fields: list[tuple[str | None, Value]] = [
        ("modes", flags_or_unknown(ADJTIMEX_MODES, modes, "ADJ_???")),
        *((n, Int(v)) for n, v in zip(_TIMEX_LONGS, (offset, freq, maxerror, esterror),
                                      strict=True)),
        ("status", flags_or_unknown(ADJTIMEX_STATUS, status, "STA_???")),
        ("constant", Int(constant)), ("precision", Int(precision)),
        ("tolerance", Int(tolerance)),
        ("time", Struct((("tv_sec", Int(sec)), ("tv_usec", Int(usec))))),
        ("tick", Int(tick)), ("ppsfreq", Int(ppsfreq)), ("jitter", Int(jitter)),
        ("shift", Int(shift)), ("stabil", Int(stabil)), ("jitcnt", Int(jitcnt)),
        ("calcnt", Int(calcnt)), ("errcnt", Int(errcnt)), ("stbcnt", Int(stbcnt)),
        ("tai", Int(tai))]
    return Struct(tuple(fields))


def _timex_result(c: Call, addr: int) -> list[Value]:
    """The struct as the kernel left it, and the clock state by name ("TIME_ERROR")."""
    if c.failed:
        return [Addr(addr)]
    name = ADJTIMEX_STATE.name(c.ret)
    if name is not None:
        c.rcomment = Const(name, c.ret)
    return [_timex(c, addr)]


@decoder("adjtimex")
def _adjtimex(c: Call) -> DecodeGen:
    yield []
    return _timex_result(c, c.args[0])


@decoder("clock_adjtime")
def _clock_adjtime(c: Call) -> DecodeGen:
    yield [clockid(c.args[0])]
    return _timex_result(c, c.args[1])


@decoder("sched_rr_get_interval")
def _sched_rr_get_interval(c: Call) -> DecodeGen:
    yield [c.pid_(0)]
    return [_out(c, c.args[1], timespec_at)]
