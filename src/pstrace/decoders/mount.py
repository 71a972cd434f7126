"""The classic mount API's umount2.

strace counterpart: umount.c.  The flags are MNT_* / UMOUNT_NOFOLLOW (<sys/mount.h>).
"""
from __future__ import annotations

from ..values import Value
from ..xlat import UMOUNT_FLAGS
from .base import Call, decoder, flags_or_unknown


@decoder("umount2")
def _umount2(c: Call) -> list[Value]:
    return [c.path(0), flags_or_unknown(UMOUNT_FLAGS, c.args[1], "MNT_???")]
