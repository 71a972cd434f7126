"""Whole-file operations on a descriptor: flock (advisory locks) and fallocate (space).

strace counterpart: flock.c, fallocate.c.  fallocate's offset and len are loff_t,
printed signed; its mode is FALLOC_FL_* flags (include/uapi/linux/falloc.h).
"""
from __future__ import annotations

from ..values import Value
from ..xlat import FALLOC_FLAGS, FLOCK_OPS
from .base import Call, decoder, flags_or_unknown


@decoder("flock")
def _flock(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(FLOCK_OPS, c.args[1], "LOCK_???")]


@decoder("fallocate")
def _fallocate(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(FALLOC_FLAGS, c.args[1], "FALLOC_FL_???"),
            c.long(2), c.long(3)]
