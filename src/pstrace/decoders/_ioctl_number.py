"""The request as strace names it: the names its tables have for the number, after the
name strace builds from the number itself for requests whose size or number field is
free (HIDIOCGPHYS(8), MIXER_READ(13)...): "MIXER_READ(13) or OTPSELECT".

strace counterpart: ioctl.c's ioctl_decode_command_number() and the printing of the
ioctlent matches after it in SYS_FUNC(ioctl).  (Type 'E', evdev_decode_number(), is the
evdev family's.)
"""
from __future__ import annotations

from ..values import Ambiguous, Const, Value
from ..xlat import IOC_CONSTS, IOCTL_NR_REQUESTS, IOCTL_SIZED_REQUESTS

_IOC = dict(IOC_CONSTS.pairs)
_SIZE_BITS = _IOC["_IOC_SIZEMASK"] << _IOC["_IOC_SIZESHIFT"]
_NR_BITS = _IOC["_IOC_NRMASK"] << _IOC["_IOC_NRSHIFT"]
_SIZED = {value: name for name, value in IOCTL_SIZED_REQUESTS.pairs}
_BY_NR = {value: name for name, value in IOCTL_NR_REQUESTS.pairs}


def number_form(code: int) -> str | None:
    """NAME(size) or NAME(nr) when the request is one strace names from its number."""
    name = _SIZED.get(code & ~_SIZE_BITS)
    if name is not None:
        return f"{name}({(code & _SIZE_BITS) >> _IOC['_IOC_SIZESHIFT']})"
    name = _BY_NR.get(code & ~(_SIZE_BITS | _NR_BITS))
    if name is not None:
        return f"{name}({(code & _NR_BITS) >> _IOC['_IOC_NRSHIFT']})"
    return None


def named_value(code: int, names: tuple[str, ...]) -> Value | None:
    """The request printed as its number form and names ("A or B"), None if none."""
    form = number_form(code)
    shown = (form, *names) if form is not None else names
    if not shown:
        return None
    return Const(shown[0], code) if len(shown) == 1 else Ambiguous(shown, code)
