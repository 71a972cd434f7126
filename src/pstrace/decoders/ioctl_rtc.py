"""Real-time clock ioctls (type 'p', <linux/rtc.h>): the struct rtc_time of the time and
alarm requests (tm_wday, tm_yday and tm_isdst only with -v), struct rtc_wkalrm, struct
rtc_pll_info, RTC_VL_READ's flags, the unsigned long of the IRQ rate and epoch requests,
and RTC_PARAM_GET/SET's struct rtc_param (its value by parameter: feature bits, a signed
correction, a backup switch mode, else hex); the getters print at exit, the setters at
entry; the interrupt switches and RTC_VL_CLR take no argument.  The other drivers'
requests of type 'p' (phantom, nvram, PPS, ...) are named only, by ioctl.py.

strace counterpart: rtc.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Array, Changed, Int, Struct, Value
from ..xlat import (
    IOCTL_NAMES_RTC,
    RTC_BACKUP_SWITCH_MODES,
    RTC_FEATURE_BITS,
    RTC_PARAMS,
    RTC_VL_FLAGS,
)
from ._fs_common import xval
from ._ioctl_by_name import NO_ARG, Arg, bit_table, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown, s64

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
_TIME = "9i"   # struct rtc_time
_RTC_TIME = struct.Struct(f"<{_TIME}")
_WKALRM = struct.Struct(f"<BB2x{_TIME}")
_PLL_INFO = struct.Struct("<6iq")
_PARAM = struct.Struct("<QQII")
_ULONG = struct.Struct("<Q")
_U32 = struct.Struct("<I")
_FEATURES = bit_table(RTC_FEATURE_BITS)
_PARAM_GET = xval(IOCTL_NAMES_RTC, "RTC_PARAM_GET")
_PARAM_SET = xval(IOCTL_NAMES_RTC, "RTC_PARAM_SET")


def _time_fields(c: Call, g: tuple[Any, ...]) -> Struct:
    names = ("tm_sec", "tm_min", "tm_hour", "tm_mday", "tm_mon", "tm_year")
    fields: Fields = list(zip(names, (Int(v) for v in g[:6]), strict=True))
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields += zip(("tm_wday", "tm_yday", "tm_isdst"), (Int(v) for v in g[6:9]), strict=True)
    return Struct(tuple(fields))


def _reader(st: struct.Struct, show: Callable[[Call, tuple[Any, ...]], Value]
            ) -> Callable[[Call, int], Value]:
    """A reader of the struct the argument points to: NULL, the address, or show()."""
    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, st) if addr else None
        return Addr(addr) if got is None else show(c, got)
    return read


def _wkalrm(c: Call, g: tuple[Any, ...]) -> Value:
    return Struct((("enabled", Int(g[0], "u")), ("pending", Int(g[1], "u")),
                   ("time", _time_fields(c, g[2:]))))


def _pll_info(c: Call, g: tuple[Any, ...]) -> Value:
    names = ("pll_ctrl", "pll_value", "pll_max", "pll_min", "pll_posmult", "pll_negmult",
             "pll_clock")
    return Struct(tuple(zip(names, (Int(v) for v in g), strict=True)))


_TIME_ARG = _reader(_RTC_TIME, _time_fields)
_WKALRM_ARG = _reader(_WKALRM, _wkalrm)
_PLL_ARG = _reader(_PLL_INFO, _pll_info)
_ULONG_ARG = _reader(_ULONG, lambda c, g: Array((Int(g[0], "u"),)))
_VL_ARG = _reader(_U32, lambda c, g: Array((
    flags_or_unknown(RTC_VL_FLAGS, g[0], "RTC_VL_???"),)))
_ARGS = {
    "RTC_ALM_READ": Arg(_TIME_ARG, at_exit=True), "RTC_RD_TIME": Arg(_TIME_ARG, at_exit=True),
    "RTC_ALM_SET": Arg(_TIME_ARG), "RTC_SET_TIME": Arg(_TIME_ARG),
    "RTC_IRQP_SET": Arg(lambda c, arg: Int(arg, "u")),
    "RTC_EPOCH_SET": Arg(lambda c, arg: Int(arg, "u")),
    "RTC_IRQP_READ": Arg(_ULONG_ARG, at_exit=True),
    "RTC_EPOCH_READ": Arg(_ULONG_ARG, at_exit=True),
    "RTC_WKALM_RD": Arg(_WKALRM_ARG, at_exit=True), "RTC_WKALM_SET": Arg(_WKALRM_ARG),
    "RTC_PLL_GET": Arg(_PLL_ARG, at_exit=True), "RTC_PLL_SET": Arg(_PLL_ARG),
    "RTC_VL_READ": Arg(_VL_ARG, at_exit=True),
    **{f"RTC_{n}": NO_ARG for n in ("AIE_ON", "AIE_OFF", "UIE_ON", "UIE_OFF", "PIE_ON",
                                    "PIE_OFF", "WIE_ON", "WIE_OFF", "VL_CLR")},
}


def _param_value(param: int, value: int) -> tuple[str, Value]:
    """struct rtc_param's value, by the parameter it is."""
    name = RTC_PARAMS.name(param)
    if name == "RTC_PARAM_FEATURES":
        return "uvalue", flags_or_unknown(_FEATURES, value, "1<<RTC_FEATURE_???", bits=64)
    if name == "RTC_PARAM_CORRECTION":
        return "svalue", Int(s64(value))
    if name == "RTC_PARAM_BACKUP_SWITCH_MODE":
        return "uvalue", const(RTC_BACKUP_SWITCH_MODES, value, comment="RTC_BSM_???")
    return "uvalue", Int(value, "x")


def _pad(pad: int) -> Fields:
    return [("__pad", Int(pad, "x"))] if pad else []


def _param(c: Call, code: int) -> IoctlGen:
    """RTC_PARAM_SET: the whole struct at entry; RTC_PARAM_GET: the parameter and index
    at entry, " => " the value at exit."""
    named = named_request(IOCTL_NAMES_RTC, code)
    assert named is not None
    req, arg = named[1], c.args[2]
    got = c.read_struct(arg, _PARAM) if arg else None
    if got is None:
        c.sep_late = True
        yield [c.fd(0), req, Addr(arg)]
        return []
    param, value, index, pad = got
    head: Fields = [("param", const(RTC_PARAMS, param, comment="RTC_PARAM_???"))]
    tail: Fields = [("index", Int(index, "u")), *_pad(pad)]
    if code == _PARAM_SET:
        c.sep_late = True
        yield [c.fd(0), req, Struct((*head, _param_value(param, value), *tail))]
        return []
    yield [c.fd(0), req]
    before = Struct((*head, *tail))
    after = c.read_struct(arg, _PARAM) if not c.failed else None
    if after is None:
        return [Changed(before, Addr(arg))]
    return [Changed(before, Struct((_param_value(after[0], after[1]), *_pad(after[3]))))]


@ioctl_family(ord("p"))
def rtc_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_RTC, code)
    if named is None or not any(n.startswith("RTC_") for n in named[0]):
        return None   # the other drivers' 'p' requests: ioctl.py names them
    if code in (_PARAM_GET, _PARAM_SET):
        return (yield from _param(c, code))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_RTC, _ARGS))
