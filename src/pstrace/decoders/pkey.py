"""Memory protection keys: pkey_alloc, pkey_free, pkey_mprotect.

strace counterpart: pkeys.c (and mem.c's pkey_mprotect).
"""
from __future__ import annotations

from ..values import Value
from ..xlat import PKEY_ACCESS
from .base import Call, decoder, flags_or_unknown
from .mem import prot_value


@decoder("pkey_alloc")
def _pkey_alloc(c: Call) -> list[Value]:
    # both arguments are unsigned long: printed whole, garbage in the upper half too
    return [c.hex(0), flags_or_unknown(PKEY_ACCESS, c.args[1], "PKEY_???", bits=64)]


@decoder("pkey_free")
def _pkey_free(c: Call) -> list[Value]:
    return [c.int_(0)]


@decoder("pkey_mprotect")
def _pkey_mprotect(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), prot_value(c.args[2]), c.int_(3)]
