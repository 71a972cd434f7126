"""The kernel key retention service: add_key and request_key.

strace counterpart: keyctl.c (add_key, request_key, print_keyring_serial_number).
"""
from __future__ import annotations

from ..values import Value
from ..xlat import KEY_SPECS
from .base import Call, const, decoder, s32


def keyring(value: int) -> Value:
    """A key serial number: KEY_SPEC_* by name, else signed decimal."""
    return const(KEY_SPECS, s32(value), "d")


@decoder("add_key")
def _add_key(c: Call) -> list[Value]:
    return [c.str(0), c.str(1), c.buf(c.args[2], c.args[3]), c.ulong(3), keyring(c.args[4])]


@decoder("request_key")
def _request_key(c: Call) -> list[Value]:
    return [c.str(0), c.str(1), c.str(2), keyring(c.args[3])]
