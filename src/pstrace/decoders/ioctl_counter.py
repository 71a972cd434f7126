"""Counter character-device ioctls (type 0x3e, <linux/counter.h>):
COUNTER_ADD_WATCH_IOCTL prints its struct counter_watch (the component's type, scope,
parent and id, the event and the channel), COUNTER_ENABLE_EVENTS_IOCTL and
COUNTER_DISABLE_EVENTS_IOCTL no argument.

strace counterpart: counter_ioctl.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Struct, Value
from ..xlat import (
    COUNTER_COMPONENT_TYPES,
    COUNTER_EVENT_TYPES,
    COUNTER_IOCTL_CMDS,
    COUNTER_SCOPES,
)
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const

# struct counter_watch: struct counter_component {u8 type, scope, parent, id}, u8 event,
# u8 channel
_WATCH = struct.Struct("<6B")


def _watch(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _WATCH) if addr else None
    if got is None:
        return Addr(addr)
    ctype, scope, parent, ident, event, channel = got
    component = Struct((
        ("type", const(COUNTER_COMPONENT_TYPES, ctype, comment="COUNTER_COMPONENT_???")),
        ("scope", const(COUNTER_SCOPES, scope, comment="COUNTER_SCOPE_???")),
        ("parent", Int(parent, "u")), ("id", Int(ident, "u"))))
    return Struct((("component", component),
                   ("event", const(COUNTER_EVENT_TYPES, event, comment="COUNTER_EVENT_???")),
                   ("channel", Int(channel, "u"))))


_ARGS = {"COUNTER_ADD_WATCH_IOCTL": Arg(_watch),
         "COUNTER_ENABLE_EVENTS_IOCTL": NO_ARG, "COUNTER_DISABLE_EVENTS_IOCTL": NO_ARG}


@ioctl_family(0x3E)
def counter_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, COUNTER_IOCTL_CMDS, _ARGS))
