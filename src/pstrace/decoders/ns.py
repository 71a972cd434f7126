"""Namespaces: unshare and setns.

strace counterpart: clone.c (SYS_FUNC(unshare), SYS_FUNC(setns)).  unshare's flags are
an unsigned long (all 64 bits shown), setns's nstype an int.
"""
from __future__ import annotations

from ..values import Value
from ..xlat import SETNS_TYPES, UNSHARE_FLAGS
from .base import Call, decoder, flags_or_unknown


@decoder("unshare")
def _unshare(c: Call) -> list[Value]:
    return [flags_or_unknown(UNSHARE_FLAGS, c.args[0], "CLONE_???", bits=64)]


@decoder("setns")
def _setns(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(SETNS_TYPES, c.args[1], "CLONE_NEW???")]
