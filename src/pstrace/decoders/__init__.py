"""Syscall decoders, one module per family; `REGISTRY` maps a syscall name to its decoder.

Every module of this package not starting with "_" (and not base/siginfo) is imported
here, so a family module only has to exist and use @decoder to take part.
"""
from __future__ import annotations

import importlib
import pkgutil

from ..syscalls.catalog import SyscallInfo
from ..values import Int, Value
from .base import REGISTRY, Call, DecoderSpec, decoder

__all__ = ["REGISTRY", "Call", "DecoderSpec", "decoder", "generic_args"]

_NOT_FAMILIES = frozenset(("base", "siginfo", "retval", "strings"))


def _load_families() -> None:
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_") and mod.name not in _NOT_FAMILIES:
            importlib.import_module(f"{__name__}.{mod.name}")


def generic_args(call: Call, row: SyscallInfo | None) -> list[Value]:
    """How strace prints a syscall it does not decode: each argument as %#lx."""
    n = row.nargs if row is not None else 6
    return [Int(a, "x") for a in call.args[:n]]


_load_families()
