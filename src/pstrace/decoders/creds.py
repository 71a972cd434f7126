"""Process identity: the get*id/set*id family, getresuid/getresgid, getgroups/setgroups,
getpgrp/getpgid/getsid/setsid.

strace counterpart: uid.c (printuid, getgroups/setgroups), the trivial SYS_FUNCs of
process identity.  Checked against strace 6.1 (tests/syscalls/misc_ids.c).
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Unreadable, Value
from ..xlat import NGROUPS
from ._fs_common import array, uid, xval
from .base import Call, DecodeGen, decoder, s32

_U32 = struct.Struct("<I")


@decoder("getpid", "getppid", "gettid", "getuid", "geteuid", "getgid", "getegid",
         "getpgrp", "setsid")
def _no_args(c: Call) -> list[Value]:
    return []


@decoder("getpgid", "getsid")
def _pid(c: Call) -> list[Value]:
    return [c.pid_(0)]


@decoder("setpgid")
def _setpgid(c: Call) -> list[Value]:
    return [c.pid_(0), c.pid_(1, "pgid")]


@decoder("setuid", "setgid", "setfsuid", "setfsgid")
def _set1(c: Call) -> list[Value]:
    return [uid(c.args[0])]


@decoder("setreuid", "setregid")
def _set2(c: Call) -> list[Value]:
    return [uid(c.args[0]), uid(c.args[1])]


@decoder("setresuid", "setresgid")
def _set3(c: Call) -> list[Value]:
    return [uid(c.args[0]), uid(c.args[1]), uid(c.args[2])]


@decoder("getresuid", "getresgid")
def _getres(c: Call) -> DecodeGen:
    yield []
    out: list[Value] = []
    for addr in c.args[:3]:
        got = None if (c.failed or not addr) else c.read(addr, 4)
        out.append(Addr(addr) if got is None else Array((uid(_U32.unpack(got)[0]),)))
    return out


def group_list(c: Call, addr: int, count: int) -> Value:
    """[0, 1, 65534]: count gid_t at addr, cut at -s without -v."""
    if not addr and count == 0:
        return Addr(0)
    shown = count if c.opts.verbose else min(count, c.opts.max_strlen + 1)
    data = c.read(addr, 4 * shown) if shown else b""
    if data is not None:
        return array(c, [uid(g) for (g,) in _U32.iter_unpack(data)])
    # element by element: strace prints those it could read, then "... /* ADDR */"
    items: list[Value] = []
    for k in range(shown):
        one = c.read(addr + 4 * k, 4)
        if one is None:
            if not k:
                return Addr(addr)
            items.append(Unreadable(addr + 4 * k))
            return Array(tuple(items))
        items.append(uid(_U32.unpack(one)[0]))
    return array(c, items)


@decoder("getgroups")
def _getgroups(c: Call) -> DecodeGen:
    yield [c.int_(0)]
    addr = c.args[1]
    if c.failed:
        return [Addr(addr)]
    return [group_list(c, addr, c.ret)]


@decoder("setgroups")
def _setgroups(c: Call) -> list[Value]:
    size = s32(c.args[0])
    addr = c.args[1]
    if size < 0 or size > xval(NGROUPS, "NGROUPS_MAX"):
        return [c.int_(0), Addr(addr)]
    return [c.int_(0), group_list(c, addr, size)]
