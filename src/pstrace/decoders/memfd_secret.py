"""memfd_secret(2): its flags (an int: the upper half of the register is not looked at);
the new descriptor is the return value.

strace counterpart: memfd_secret.c.
"""
from __future__ import annotations

from ..values import Value
from ..xlat import MEMFD_SECRET_FLAGS
from .base import Call, decoder, flags


@decoder("memfd_secret")
def _memfd_secret(c: Call) -> list[Value]:
    return [flags(MEMFD_SECRET_FLAGS, c.args[0] & 0xFFFFFFFF)]
