"""memfd_create: the name (bounded by the kernel's name limit) and MFD_* flags with the
huge page size as N<<MFD_HUGE_SHIFT.

strace counterpart: memfd_create.c.
"""
from __future__ import annotations

from ..values import Int, Or, Shifted, Sym, Value
from ..xlat import MEMFD_CONSTS, MEMFD_FLAGS
from ._bounded import bounded_cstr
from ._fs_common import xval
from .base import Call, decoder, flags_or_unknown

# include/uapi/linux/memfd.h: a name is at most 249 bytes ("memfd:" + name < NAME_MAX)
_MFD_NAME_MAX_LEN = 255 - len("memfd:")


def memfd_flags_value(value: int) -> Value:
    """MFD_CLOEXEC|MFD_HUGETLB|30<<MFD_HUGE_SHIFT; -X raw prints the number, -X verbose
    the number with the names in a comment."""
    value &= 0xFFFFFFFF
    if not value:
        return Int(0, "x")
    shift = xval(MEMFD_CONSTS, "MFD_HUGE_SHIFT")
    mask = xval(MEMFD_CONSTS, "MFD_HUGE_MASK") << shift
    huge = value & mask
    rest = value & ~mask
    parts: list[Value] = []
    if rest or not huge:
        parts.append(flags_or_unknown(MEMFD_FLAGS, rest, "MFD_???"))
    if huge:
        parts.append(Shifted(Int(huge >> shift, "u"), "MFD_HUGE_SHIFT"))
    return Sym(Int(value, "x"), parts[0] if len(parts) == 1 else Or(tuple(parts)))


@decoder("memfd_create")
def _memfd_create(c: Call) -> list[Value]:
    return [bounded_cstr(c, c.args[0], _MFD_NAME_MAX_LEN + 1), memfd_flags_value(c.args[1])]


