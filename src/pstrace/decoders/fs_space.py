"""Whole-file operations on a descriptor: flock (advisory locks), fallocate (space),
readahead and sync_file_range (page cache).

strace counterpart: flock.c, fallocate.c, readahead.c, sync_file_range.c.  Offsets and
lengths that are loff_t print signed; fallocate's mode is FALLOC_FL_* flags
(include/uapi/linux/falloc.h), sync_file_range's flags SYNC_FILE_RANGE_*.
"""
from __future__ import annotations

from ..values import Value
from ..xlat import FALLOC_FLAGS, FLOCK_OPS, SYNC_FILE_RANGE_FLAGS
from .base import Call, decoder, flags_or_unknown


@decoder("flock")
def _flock(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(FLOCK_OPS, c.args[1], "LOCK_???")]


@decoder("fallocate")
def _fallocate(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(FALLOC_FLAGS, c.args[1], "FALLOC_FL_???"),
            c.long(2), c.long(3)]


@decoder("readahead")
def _readahead(c: Call) -> list[Value]:
    return [c.fd(0), c.long(1), c.ulong(2)]


@decoder("sync_file_range")
def _sync_file_range(c: Call) -> list[Value]:
    return [c.fd(0), c.long(1), c.long(2),
            flags_or_unknown(SYNC_FILE_RANGE_FLAGS, c.args[3], "SYNC_FILE_RANGE_???")]
