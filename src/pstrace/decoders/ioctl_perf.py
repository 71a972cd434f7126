"""perf event ioctls (type '$', <linux/perf_event.h>): PERF_EVENT_IOC_ENABLE, _DISABLE
and _RESET print their PERF_IOC_FLAG_* argument, _REFRESH an int, _SET_OUTPUT and
_SET_BPF a descriptor, _PAUSE_OUTPUT a number, _PERIOD the u64 it points to at entry,
_ID the u64 it gets at exit, _SET_FILTER the filter string, _QUERY_BPF the ids_len at
entry and the program count and ids at exit, _MODIFY_ATTRIBUTES a struct
perf_event_attr as perf_event_open(2) prints it.

strace counterpart: perf_ioctl.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import IOCTL_NAMES_PERF, PERF_IOCTL_FLAGS
from ._fs_common import tracee_array, xval
from ._ioctl_by_name import Arg, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown, s32
from .perf import attr_at

_U64 = struct.Struct("<Q")
_U32 = struct.Struct("<I")
_QUERY_BPF = struct.Struct("<II")   # struct perf_event_query_bpf: ids_len, prog_cnt; ids[]
_QUERY_BPF_REQ = xval(IOCTL_NAMES_PERF, "PERF_EVENT_IOC_QUERY_BPF")


def _u64_at(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _U64) if addr else None
    return Addr(addr) if got is None else Array((Int(got[0], "u"),))


_FLAGS = Arg(lambda c, arg: flags_or_unknown(PERF_IOCTL_FLAGS, arg, "PERF_IOC_FLAG_???"))
_FD = Arg(lambda c, arg: c.fd_value(s32(arg)))
_ARGS = {
    "PERF_EVENT_IOC_ENABLE": _FLAGS, "PERF_EVENT_IOC_DISABLE": _FLAGS,
    "PERF_EVENT_IOC_RESET": _FLAGS,
    "PERF_EVENT_IOC_REFRESH": Arg(lambda c, arg: Int(s32(arg))),
    "PERF_EVENT_IOC_PERIOD": Arg(_u64_at),
    "PERF_EVENT_IOC_SET_OUTPUT": _FD, "PERF_EVENT_IOC_SET_BPF": _FD,
    "PERF_EVENT_IOC_PAUSE_OUTPUT": Arg(lambda c, arg: Int(arg, "u")),
    "PERF_EVENT_IOC_SET_FILTER": Arg(lambda c, arg: c.str_at(arg)),
    "PERF_EVENT_IOC_ID": Arg(_u64_at, at_exit=True),
    "PERF_EVENT_IOC_MODIFY_ATTRIBUTES": Arg(attr_at),
}


def _query_bpf(c: Call, code: int) -> IoctlGen:
    """{ids_len=N, ...} at entry; at exit, after a success, prog_cnt and the ids."""
    named = named_request(IOCTL_NAMES_PERF, code)
    assert named is not None
    req, arg = named[1], c.args[2]
    got = c.read_struct(arg, _U32) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    ids_len = ("ids_len", Int(got[0], "u"))
    after = c.read_struct(arg + 4, _U32) if not c.failed else None
    if after is None:
        return [Struct((ids_len,), elided=True)]
    count = after[0]
    ids = tracee_array(c, arg + _QUERY_BPF.size, count, _U32, lambda e: Int(e[0], "u"))
    return [Struct((ids_len, ("prog_cnt", Int(count, "u")), ("ids", ids)))]


@ioctl_family(ord("$"))
def perf_ioctl(c: Call, code: int) -> IoctlGen:
    if code == _QUERY_BPF_REQ:
        return (yield from _query_bpf(c, code))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_PERF, _ARGS))
