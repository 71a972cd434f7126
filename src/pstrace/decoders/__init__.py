"""Syscall decoders, one module per family; `lookup` finds a syscall name's decoder.

A family module is imported the first time a run meets one of its calls: the generated
map families_gen.FAMILY (tools/gen_decoder_families.py) names the module of each call,
so a family module only has to exist and use @decoder to take part (and the map be
regenerated).  strace counterpart: the sys_func pointers of syscallent.h.
"""
from __future__ import annotations

from .._modules import load
from ..syscalls.catalog import SyscallInfo
from ..values import Int, Value
from .base import REGISTRY, Call, DecoderSpec, decoder

__all__ = ["Call", "DecoderSpec", "decoder", "generic_args", "lookup"]


def lookup(name: str) -> DecoderSpec | None:
    """The decoder of a syscall name (importing its family on first use), or None."""
    spec = REGISTRY.get(name)
    if spec is None:
        from .families_gen import FAMILY  # a run that decodes nothing never loads it
        family = FAMILY.get(name)
        if family is not None:
            load(f"{__name__}.{family}")
            spec = REGISTRY.get(name)
    return spec


def generic_args(call: Call, row: SyscallInfo | None) -> list[Value]:
    """How strace prints a syscall it does not decode: each argument as %#lx."""
    n = row.nargs if row is not None else 6
    return [Int(a, "x") for a in call.args[:n]]
