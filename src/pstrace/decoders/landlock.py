"""Landlock: landlock_restrict_self.

strace counterpart: landlock.c (SYS_FUNC(landlock_restrict_self)): the ruleset
descriptor, then the flags as a hexadecimal unsigned int.
"""
from __future__ import annotations

from ..values import Int, Value
from .base import Call, decoder


@decoder("landlock_restrict_self")
def _landlock_restrict_self(c: Call) -> list[Value]:
    return [c.fd(0), Int(c.uint(1), "x")]
