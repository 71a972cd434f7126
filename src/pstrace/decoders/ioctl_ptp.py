"""PTP hardware clock ioctls (type '=', <linux/ptp_clock.h>), each request and its "2"
twin alike: PTP_CLOCK_GETCAPS's struct ptp_clock_caps at exit; PTP_EXTTS_REQUEST's and
PTP_PEROUT_REQUEST's requests, PTP_PIN_SETFUNC's pin at entry; PTP_PIN_GETFUNC's pin
index at entry, its name and function at exit; PTP_SYS_OFFSET(_EXTENDED)'s sample count
at entry and the time stamps at exit; PTP_SYS_OFFSET_PRECISE's times at exit;
PTP_ENABLE_PPS's number in hex.  Reserved words print only when not zero; the wall-clock
times get their date in a comment (not with -X raw).  Outside -e verbose= the requests
are named only.

strace counterpart: ptp.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Sequence

from ..values import Addr, Array, Comment, Int, Note, Struct, Sym, Value
from ..xlat import (
    IOCTL_NAMES_PTP,
    PTP_CONSTS,
    PTP_EXTTS_FLAGS,
    PTP_PEROUT_FLAGS,
    PTP_PIN_FUNCS,
)
from ._fs_common import time_comment, xval
from ._ioctl_by_name import decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown
from .bpf_cmd import cstring_field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
_TIME = "qII"   # struct ptp_clock_time: sec, nsec, reserved
_CAPS = struct.Struct("<8i12I")
_EXTTS = struct.Struct("<II2I")
_PEROUT = struct.Struct(f"<{_TIME}{_TIME}II{_TIME}")
_PEROUT_RSV = struct.Struct("<40x4I")
_PIN = struct.Struct("<64sIII5I")
_PRECISE = struct.Struct(f"<{_TIME}{_TIME}{_TIME}4I")
_CLOCK_TIME = struct.Struct(f"<{_TIME}")
_UNAVAILABLE = Note("???")
_MAX_SAMPLES = xval(PTP_CONSTS, "PTP_MAX_SAMPLES")
_ONE_SHOT, _DUTY_CYCLE, _PHASE = (xval(PTP_PEROUT_FLAGS, n) for n in (
    "PTP_PEROUT_ONE_SHOT", "PTP_PEROUT_DUTY_CYCLE", "PTP_PEROUT_PHASE"))


def _req(name: str) -> frozenset[int]:
    """A request and its "2" twin."""
    return frozenset((xval(IOCTL_NAMES_PTP, name), xval(IOCTL_NAMES_PTP, name + "2")))


_GETCAPS, _EXTTS_REQ, _PEROUT_REQ = _req("PTP_CLOCK_GETCAPS"), _req("PTP_EXTTS_REQUEST"), \
    _req("PTP_PEROUT_REQUEST")
_ENABLE_PPS, _SYS_OFFSET, _PRECISE_REQ = _req("PTP_ENABLE_PPS"), _req("PTP_SYS_OFFSET"), \
    _req("PTP_SYS_OFFSET_PRECISE")
_EXTENDED, _GETFUNC, _SETFUNC = _req("PTP_SYS_OFFSET_EXTENDED"), _req("PTP_PIN_GETFUNC"), \
    _req("PTP_PIN_SETFUNC")
_VERSION2 = frozenset(xval(IOCTL_NAMES_PTP, n) for n, _ in IOCTL_NAMES_PTP if n.endswith("2"))


def _clock_time(t: Sequence[int], wall: bool = False) -> Value:
    """{sec=S, nsec=N[, reserved=0x..]}, a wall-clock time with its date in a comment
    (strace's print_ptp_clock_time; the comment is left out with -X raw)."""
    sec, nsec, reserved = t
    fields: Fields = [("sec", Int(sec)), ("nsec", Int(nsec, "u"))]
    if reserved:
        fields.append(("reserved", Int(reserved, "x")))
    value = Struct(tuple(fields))
    local = time_comment(sec, nsec) if wall else None
    if local is None:
        return value
    dated = Comment(value, local)
    return Sym(value, dated, verbose=dated)


def _rsv(words: Sequence[int]) -> Fields:
    """The reserved words, when any is not zero: rsv=[0x.., ...]."""
    return [("rsv", Array(tuple(Int(w, "x") for w in words)))] if any(words) else []


def _upto(c: Call, items: list[Value]) -> Value:
    """A local array cut at -s elements (without -v), as strace's print_local_array."""
    limit = c.opts.max_strlen
    if c.opts.verbose or len(items) <= limit:
        return Array(tuple(items))
    return Array(tuple(items[:limit]), elided=True)


def _caps(g: tuple[Any, ...]) -> Value:
    names = ("max_adj", "n_alarm", "n_ext_ts", "n_per_out", "pps", "n_pins",
             "cross_timestamping", "adjust_phase")
    return Struct((*zip(names, (Int(v) for v in g[:8]), strict=True), *_rsv(g[8:])))


def _extts(code: int, g: tuple[Any, ...]) -> Value:
    index, flags, *rsv = g
    fields: Fields = [("index", Int(index, "u")),
                      ("flags", flags_or_unknown(PTP_EXTTS_FLAGS, flags, "PTP_???"))]
    if code in _VERSION2:
        fields += _rsv(rsv)
    return Struct(tuple(fields))


def _perout(code: int, g: tuple[Any, ...], rsv: tuple[int, ...]) -> Value:
    start, period, index, flags, on = g[0:3], g[3:6], g[6], g[7], g[8:11]
    fields: Fields = [("phase", _clock_time(start)) if flags & _PHASE
                      else ("start", _clock_time(start, wall=True)),
                      ("period", _clock_time(period)), ("index", Int(index, "u")),
                      ("flags", flags_or_unknown(PTP_PEROUT_FLAGS, flags, "PTP_PEROUT_???"))]
    if flags & _DUTY_CYCLE:
        fields.append(("on", _clock_time(on)))
    elif code in _VERSION2:
        fields += _rsv(rsv)
    return Struct(tuple(fields))


def _pin(code: int, g: tuple[Any, ...], with_name: bool) -> Fields:
    name, _, func, chan, *rsv = g
    fields: Fields = [("name", cstring_field(name))] if with_name else []
    fields += [("func", const(PTP_PIN_FUNCS, func, comment="PTP_PF_???")),
               ("chan", Int(chan, "u"))]
    if code in _SETFUNC and code in _VERSION2:
        fields += _rsv(rsv)
    return fields


def _precise(g: tuple[Any, ...]) -> Value:
    return Struct((("device", _clock_time(g[0:3], wall=True)),
                   ("sys_realtime", _clock_time(g[3:6], wall=True)),
                   ("sys_monoraw", _clock_time(g[6:9])), *_rsv(g[9:])))


def _sys_offset(extended: bool) -> struct.Struct:
    """struct ptp_sys_offset (2n+1 times) or ptp_sys_offset_extended (n sets of three),
    whole: strace reads it whole at entry and at exit."""
    count = _MAX_SAMPLES * 3 if extended else 2 * _MAX_SAMPLES + 1
    return struct.Struct(f"<I3I{count * _CLOCK_TIME.size}s")


def _samples(c: Call, code: int, addr: int, entry: Fields) -> Value:
    """PTP_SYS_OFFSET(_EXTENDED) at exit: the entry fields, then the time stamps
    (n_samples sets of 2n+1 wall times, or n sets of three)."""
    if c.failed:
        return Struct(tuple(entry))
    extended = code in _EXTENDED
    got = c.read_struct(addr, _sys_offset(extended))
    if got is None:
        return Struct((*entry, (None, _UNAVAILABLE)))
    count = min(got[0], _MAX_SAMPLES)
    n = count * 3 if extended else 2 * count + 1
    times = [_clock_time(t, wall=True)
             for t in _CLOCK_TIME.iter_unpack(got[4][:n * _CLOCK_TIME.size])]
    items: list[Value] = [Array(tuple(times[i:i + 3])) for i in range(0, n, 3)] \
        if extended else times
    return Struct((*entry, ("ts", _upto(c, items))))


def _entry_struct(c: Call, addr: int, st: struct.Struct,
                  show: Callable[[tuple[Any, ...]], Value]) -> Value:
    got = c.read_struct(addr, st) if addr else None
    return Addr(addr) if got is None else show(got)


def _ptp(c: Call, code: int) -> IoctlGen:
    """The decoded requests (their name known): yields the entry, returns the exit."""
    named = named_request(IOCTL_NAMES_PTP, code)
    assert named is not None
    req, arg = named[1], c.args[2]
    if code in _ENABLE_PPS:
        c.sep_late = True
        yield [c.fd(0), req, Int(arg, "x")]
        return []
    if code in _EXTTS_REQ or code in _PEROUT_REQ:
        c.sep_late = True
        if code in _EXTTS_REQ:
            value = _entry_struct(c, arg, _EXTTS, lambda g: _extts(code, g))
        else:
            raw = c.read(arg, _PEROUT_RSV.size) if arg else None   # the union's other side
            rsv = _PEROUT_RSV.unpack(raw) if raw is not None else None
            value = _entry_struct(c, arg, _PEROUT,
                                  lambda g: _perout(code, g, rsv or (0, 0, 0, 0)))
        yield [c.fd(0), req, value]
        return []
    if code in _GETCAPS or code in _PRECISE_REQ:
        yield [c.fd(0), req]
        if c.failed:
            return [Addr(arg)]
        st, show = (_CAPS, _caps) if code in _GETCAPS else (_PRECISE, _precise)
        return [_entry_struct(c, arg, st, show)]
    # PTP_SYS_OFFSET(_EXTENDED), PTP_PIN_GETFUNC/SETFUNC: fields at entry, more at exit
    is_pin = code in _GETFUNC or code in _SETFUNC
    st = _PIN if is_pin else _sys_offset(code in _EXTENDED)
    got = c.read_struct(arg, st) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    if not is_pin:
        return [_samples(c, code, arg, [("n_samples", Int(got[0], "u")), *_rsv(got[1:4])])]
    entry: Fields = [("index", Int(got[1], "u"))]
    if code in _SETFUNC:
        return [Struct((*entry, *_pin(code, got, False)))]
    if code in _VERSION2:
        entry += _rsv(got[4:])
    if c.failed:
        return [Struct(tuple(entry))]
    after = c.read_struct(arg, _PIN)
    if after is None:
        return [Struct((*entry, (None, _UNAVAILABLE)))]
    return [Struct((*entry, *_pin(code, after, True)))]


@ioctl_family(ord("="))
def ptp_ioctl(c: Call, code: int) -> IoctlGen:
    if named_request(IOCTL_NAMES_PTP, code) is None:
        return None
    if not c.opts.deref:   # outside -e verbose=: named, the argument as a number
        return (yield from decode_by_name(c, code, IOCTL_NAMES_PTP, {}))
    return (yield from _ptp(c, code))
