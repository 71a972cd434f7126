"""POSIX message queues: mq_open (name, open flags, with O_CREAT the mode and the
attributes), mq_timedsend/mq_timedreceive (the message, its priority, the timeout),
mq_notify (a struct sigevent), mq_getsetattr (struct mq_attr in and out), mq_unlink.

strace counterpart: mq.c, print_mq_attr.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Mode, Struct, Value
from ..xlat import MQ_ATTR_FLAGS, OPEN_FLAGS
from ._fs_common import xval
from .base import Call, DecodeGen, decoder, flags_or_unknown
from .fs import open_flags
from .time import timespec_at
from .timers import sigevent_at

# struct mq_attr: flags, maxmsg, msgsize, curmsgs and 4 reserved longs
_MQ_ATTR = struct.Struct("<Qqqq32x")
_U32 = 0xFFFFFFFF


def _mq_attr(c: Call, addr: int, named_flags: bool, output: bool = False) -> Value:
    got = None if not addr or (output and c.failed) else c.read_struct(addr, _MQ_ATTR)
    if got is None:
        return Addr(addr)
    fl, maxmsg, msgsize, curmsgs = got
    return Struct((
        ("mq_flags", flags_or_unknown(MQ_ATTR_FLAGS, fl, "O_???", 64) if named_flags
         else Int(fl, "x")),
        ("mq_maxmsg", Int(maxmsg)), ("mq_msgsize", Int(msgsize)),
        ("mq_curmsgs", Int(curmsgs))))


@decoder("mq_open")
def _mq_open(c: Call) -> list[Value]:
    fl = c.args[1]
    out: list[Value] = [c.path(0), open_flags(fl)]
    if fl & xval(OPEN_FLAGS, "O_CREAT"):
        out += [Mode(c.args[2] & 0xFFFF), _mq_attr(c, c.args[3], False)]   # a umode_t
    return out


@decoder("mq_unlink")
def _mq_unlink(c: Call) -> list[Value]:
    return [c.path(0)]


@decoder("mq_timedsend")
def _mq_timedsend(c: Call) -> list[Value]:
    return [c.fd(0), c.buf(c.args[1], c.args[2]), Int(c.args[2], "u"),
            Int(c.args[3] & _U32, "u"), timespec_at(c, c.args[4])]


@decoder("mq_timedreceive")
def _mq_timedreceive(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    msg = Addr(c.args[1]) if c.failed else c.buf(c.args[1], c.ret)
    prio: Value = Addr(c.args[3])
    if c.args[3] and not c.failed:
        got = c.read(c.args[3], 4)
        if got is not None:
            prio = Array((Int(int.from_bytes(got, "little"), "u"),))
    return [msg, Int(c.args[2], "u"), prio, timespec_at(c, c.args[4])]


@decoder("mq_notify")
def _mq_notify(c: Call) -> list[Value]:
    return [c.fd(0), sigevent_at(c, c.args[1])]


@decoder("mq_getsetattr")
def _mq_getsetattr(c: Call) -> DecodeGen:
    yield [c.fd(0), _mq_attr(c, c.args[1], True)]
    return [_mq_attr(c, c.args[2], True, output=True)]
