"""Kernel modules: init_module, finit_module, delete_module.

strace counterpart: bjm.c.
"""
from __future__ import annotations

from ..values import Value
from ..xlat import DELETE_MODULE_FLAGS, MODULE_INIT_FLAGS
from .base import Call, decoder, flags_or_unknown


@decoder("init_module")
def _init_module(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1), c.str(2)]


@decoder("finit_module")
def _finit_module(c: Call) -> list[Value]:
    return [c.fd(0), c.str(1), flags_or_unknown(MODULE_INIT_FLAGS, c.args[2], "MODULE_INIT_???")]


@decoder("delete_module")
def _delete_module(c: Call) -> list[Value]:
    return [c.str(0), flags_or_unknown(DELETE_MODULE_FLAGS, c.args[1], "O_???")]
