"""kcmp: compare two processes' kernel resources.

strace counterpart: kcmp.c.  KCMP_FILE compares a descriptor of each process (decorated
by -y from that process's /proc entry); KCMP_EPOLL_TFD a descriptor of the first and
struct kcmp_epoll_slot {efd, tfd, toff} naming descriptors of the second; the other
known types take no more arguments, unknown ones two numbers in hex.
"""
from __future__ import annotations

import struct

from ..values import Addr, Fd, Int, Struct, Value
from ..xlat import KCMP_TYPES
from ._fs_common import xval
from .base import Call, const, decoder, s32
from .fdinfo import describe_fd
from .pidns import translate

_FILE, _EPOLL_TFD = xval(KCMP_TYPES, "KCMP_FILE"), xval(KCMP_TYPES, "KCMP_EPOLL_TFD")
_SLOT = struct.Struct("<iiI")


def _fd_of(c: Call, pid: int, fd: int) -> Value:
    """fd as a descriptor of process pid, a pid in the tracee's namespace (strace's
    printfd_pid_tracee_ns)."""
    modes = c.opts.decode_fds
    if modes and pid > 0 and fd >= 0:
        ours = translate(c.pid, pid, "tgid")
        if ours:
            return Fd(fd, describe_fd(ours, fd, modes))
    return Int(fd)


@decoder("kcmp")
def _kcmp(c: Call) -> list[Value]:
    pid1, pid2, kind = c.sint(0), c.sint(1), c.uint(2)
    head: list[Value] = [c.pid_(0), c.pid_(1), const(KCMP_TYPES, kind, "x", "KCMP_???")]
    if kind == _FILE:
        return [*head, _fd_of(c, pid1, s32(c.args[3])), _fd_of(c, pid2, s32(c.args[4]))]
    if kind == _EPOLL_TFD:
        addr = c.args[4]
        slot: Value = Addr(addr)
        got = c.read_struct(addr, _SLOT) if addr else None
        if got is not None:
            slot = Struct((("efd", _fd_of(c, pid2, got[0])), ("tfd", _fd_of(c, pid2, got[1])),
                           ("toff", Int(got[2], "u"))))
        return [*head, _fd_of(c, pid1, s32(c.args[3])), slot]
    if KCMP_TYPES.name(kind) is not None:
        return head
    return [*head, Int(c.args[3], "x"), Int(c.args[4], "x")]
