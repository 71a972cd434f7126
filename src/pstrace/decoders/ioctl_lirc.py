"""LIRC (infrared remote) ioctls (type 'i', <linux/lirc.h>): every request passes a
__u32, printed [N] at entry for the setters and at exit for the getters
(LIRC_GET_*, its address when the call failed): LIRC_CAN_* flags for
LIRC_GET_FEATURES, a LIRC_MODE_* for the mode requests, hex for the transmitter mask,
decimal otherwise.  The other drivers' 'i' requests (IPMI, i8k, IIO) are named only.

strace counterpart: lirc_ioctl.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Array, Int, Value
from ..xlat import LIRC_FEATURES, LIRC_IOCTL_CMDS, LIRC_MODES
from ._ioctl_by_name import Arg, decode_by_name
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown

_U32 = struct.Struct("<I")


def _u32(show: Callable[[int], Value]) -> Callable[[Call, int], Value]:
    """A reader of the __u32 the argument points to, printed [show(N)]."""
    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, _U32) if addr else None
        return Addr(addr) if got is None else Array((show(got[0]),))
    return read


_MODE = _u32(lambda v: const(LIRC_MODES, v, comment="LIRC_MODE_???"))
_DEC = _u32(lambda v: Int(v, "u"))
_ARGS = {
    "LIRC_GET_FEATURES": Arg(_u32(lambda v: flags_or_unknown(LIRC_FEATURES, v, "LIRC_CAN_???")),
                             at_exit=True),
    "LIRC_GET_SEND_MODE": Arg(_MODE, at_exit=True), "LIRC_GET_REC_MODE": Arg(_MODE, at_exit=True),
    "LIRC_SET_SEND_MODE": Arg(_MODE), "LIRC_SET_REC_MODE": Arg(_MODE),
    "LIRC_SET_TRANSMITTER_MASK": Arg(_u32(lambda v: Int(v, "x"))),
    **{n: Arg(_DEC, at_exit=True) for n in (
        "LIRC_GET_REC_RESOLUTION", "LIRC_GET_MIN_TIMEOUT", "LIRC_GET_MAX_TIMEOUT",
        "LIRC_GET_LENGTH", "LIRC_GET_REC_TIMEOUT")},
    **{n: Arg(_DEC) for n in (
        "LIRC_SET_SEND_CARRIER", "LIRC_SET_REC_CARRIER", "LIRC_SET_SEND_DUTY_CYCLE",
        "LIRC_SET_REC_TIMEOUT", "LIRC_SET_REC_TIMEOUT_REPORTS",
        "LIRC_SET_MEASURE_CARRIER_MODE", "LIRC_SET_REC_CARRIER_RANGE",
        "LIRC_SET_WIDEBAND_RECEIVER")},
}


@ioctl_family(ord("i"))
def lirc_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, LIRC_IOCTL_CMDS, _ARGS))
