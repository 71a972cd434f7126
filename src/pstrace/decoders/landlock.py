"""Landlock: landlock_create_ruleset, landlock_add_rule, landlock_restrict_self.

strace counterpart: landlock.c.  A ruleset attribute smaller than its one known field
prints as its address, a larger one ends with ", ..."; the ruleset call returns a
descriptor unless it asked for the ABI version (LANDLOCK_CREATE_RULESET_VERSION).
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Struct, Value
from ..xlat import (
    LANDLOCK_CREATE_RULESET_FLAGS,
    LANDLOCK_RULE_TYPES,
    LANDLOCK_RULESET_ACCESS_FS,
)
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

_RULESET_ATTR = struct.Struct("<Q")            # struct landlock_ruleset_attr (ABI 1..2)
_PATH_BENEATH = struct.Struct("<Qi")           # struct landlock_path_beneath_attr, packed
_VERSION = xval(LANDLOCK_CREATE_RULESET_FLAGS, "LANDLOCK_CREATE_RULESET_VERSION")
_PATH_BENEATH_RULE = xval(LANDLOCK_RULE_TYPES, "LANDLOCK_RULE_PATH_BENEATH")


def _access(bits: int) -> Value:
    return flags_or_unknown(LANDLOCK_RULESET_ACCESS_FS, bits, "LANDLOCK_ACCESS_FS_???", 64)


def _ruleset_attr(c: Call, addr: int, size: int) -> Value:
    if size < _RULESET_ATTR.size:
        return Addr(addr)
    got = c.read_struct(addr, _RULESET_ATTR)
    if got is None:
        return Addr(addr)
    return Struct((("handled_access_fs", _access(got[0])),), size > _RULESET_ATTR.size)


@decoder("landlock_create_ruleset")
def _landlock_create_ruleset(c: Call) -> DecodeGen:
    fl = c.uint(2)
    c.sep_late = True   # nothing follows at exit: the return value only
    yield [_ruleset_attr(c, c.args[0], c.args[1]), c.ulong(1),
           flags_or_unknown(LANDLOCK_CREATE_RULESET_FLAGS, fl, "LANDLOCK_CREATE_RULESET_???")]
    if not c.failed:
        c.rval = Int(c.ret) if fl & _VERSION else c.fd_value(c.ret)
    return []


@decoder("landlock_add_rule")
def _landlock_add_rule(c: Call) -> list[Value]:
    rule = c.uint(1)
    attr: Value = c.ptr(2)
    if rule == _PATH_BENEATH_RULE:
        got = c.read_struct(c.args[2], _PATH_BENEATH)
        if got is not None:
            attr = Struct((("allowed_access", _access(got[0])),
                           ("parent_fd", c.fd_value(got[1]))))
    return [c.fd(0), const(LANDLOCK_RULE_TYPES, rule, "x", "LANDLOCK_RULE_???"), attr,
            Int(c.uint(3), "x")]


@decoder("landlock_restrict_self")
def _landlock_restrict_self(c: Call) -> list[Value]:
    return [c.fd(0), Int(c.uint(1), "x")]
