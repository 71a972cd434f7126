"""Syscall decoders, one module per family; `lookup` finds a syscall name's decoder.

A family module is imported the first time a run meets one of its calls: the generated
map families_gen.FAMILY (tools/gen_decoder_families.py) names the module of each call,
so a family module only has to exist and use @decoder to take part (and the map be
regenerated).  The package itself loads nothing: the decoders' helpers (base.py) and
the values come with the first call a run decodes (issue #11: start-up).
strace counterpart: the sys_func pointers of syscallent.h.
"""
from __future__ import annotations

from .._modules import load

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from .base import DecoderSpec

__all__ = ["lookup"]


def lookup(name: str) -> DecoderSpec | None:
    """The decoder of a syscall name (importing its family on first use), or None."""
    from .base import REGISTRY  # (once per syscall number a run meets)
    spec = REGISTRY.get(name)
    if spec is None:
        from .families_gen import FAMILY  # a run that decodes nothing never loads it
        family = FAMILY.get(name)
        if family is not None:
            load(f"{__name__}.{family}")
            spec = REGISTRY.get(name)
    return spec
