"""Seccomp user-notification ioctls (type '!', <linux/seccomp.h>), on the listener a
filter installed with SECCOMP_FILTER_FLAG_NEW_LISTENER returns:

* SECCOMP_IOCTL_NOTIF_RECV: the struct seccomp_notif the kernel fills (id, the pid of
  the notifying process, flags, and its struct seccomp_data: the syscall by name for our
  ABI, the audit arch, the instruction pointer, the arguments), printed at exit, or the
  address after a failure.  The kernel wants a zeroed struct: one that is not is printed
  at entry too, " => " before what the call left there;
* SECCOMP_IOCTL_NOTIF_SEND: the struct seccomp_notif_resp sent (id, val, error as
  -ERRNO, SECCOMP_USER_NOTIF_FLAG_* flags), at entry;
* SECCOMP_IOCTL_NOTIF_ID_VALID (and the pre-5.8 direction of the same number,
  SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR): the notification id, [0x...], at entry;
* SECCOMP_IOCTL_NOTIF_ADDFD: the struct seccomp_notif_addfd (id, SECCOMP_ADDFD_FLAG_*
  flags, srcfd with its path under -y, newfd, newfd_flags as open(2) flags), at entry.

Other '!' requests (SECCOMP_IOCTL_NOTIF_SET_FLAGS is newer than strace 6.1) print in
ioctl.py's generic _IOC(...) form.

strace counterpart: seccomp_ioctl.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Changed, Int, Struct, Value
from ..xlat import IOCTL_NAMES_SECCOMP, OPEN_FLAGS, SECCOMP_ADDFD_FLAGS, SECCOMP_USER_NOTIF_FLAGS
from ._ioctl_by_name import Arg, decode_by_name, local_array, named_request, umove_or_addr
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown, s32
from .siginfo import audit_arch_value, neg_errno_value, syscall_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

# struct seccomp_notif: id, pid, flags, then struct seccomp_data: nr, arch,
# instruction_pointer, args[6]
_NOTIF = struct.Struct("<QIIIIQ6Q")
# struct seccomp_notif_resp: id, val (s64), error (s32), flags
_RESP = struct.Struct("<QqiI")
# struct seccomp_notif_addfd: id, flags, srcfd, newfd, newfd_flags
_ADDFD = struct.Struct("<QIIII")
_ID = struct.Struct("<Q")
_RECV = "SECCOMP_IOCTL_NOTIF_RECV"


def _notif(c: Call, got: tuple[Any, ...]) -> Value:
    notif_id, pid, flags, nr, arch, ip, *args = got
    data = Struct((("nr", syscall_name(nr, arch)), ("arch", audit_arch_value(arch)),
                   ("instruction_pointer", Addr(ip)),
                   ("args", local_array(c, [Int(a, "x") for a in args]))))
    return Struct((("id", Int(notif_id, "x")), ("pid", c.pid_value(s32(pid))),
                   ("flags", Int(flags, "x")), ("data", data)))


def _recv(c: Call, req: Value) -> IoctlGen:
    arg = c.args[2]
    before = umove_or_addr(c, arg, _NOTIF)
    if not isinstance(before, tuple):   # NULL or unreadable: nothing more at exit
        c.sep_late = True
        yield [c.fd(0), req, before]
        return []
    yield [c.fd(0), req]
    got = umove_or_addr(c, arg, _NOTIF, at_exit=True)
    after = _notif(c, got) if isinstance(got, tuple) else got
    # strace's is_filled(): a zeroed struct (what the kernel wants) shows only its result
    return [Changed(_notif(c, before), after) if any(before) else after]


def _resp(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, _RESP)
    if not isinstance(got, tuple):
        return got
    resp_id, val, error, flags = got
    return Struct((("id", Int(resp_id, "x")), ("val", Int(val)),
                   ("error", neg_errno_value(error)),
                   ("flags", flags_or_unknown(SECCOMP_USER_NOTIF_FLAGS, flags,
                                              "SECCOMP_USER_NOTIF_FLAG_???"))))


def _id(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, _ID)
    return Array((Int(got[0], "x"),)) if isinstance(got, tuple) else got


def _addfd(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, _ADDFD)
    if not isinstance(got, tuple):
        return got
    addfd_id, flags, srcfd, newfd, newfd_flags = got
    return Struct((("id", Int(addfd_id, "x")),
                   ("flags", flags_or_unknown(SECCOMP_ADDFD_FLAGS, flags,
                                              "SECCOMP_ADDFD_FLAG_???")),
                   ("srcfd", c.fd_value(s32(srcfd))), ("newfd", Int(s32(newfd))),
                   ("newfd_flags", flags_or_unknown(OPEN_FLAGS, newfd_flags, "O_???"))))


_ARGS = {
    "SECCOMP_IOCTL_NOTIF_SEND": Arg(_resp),
    "SECCOMP_IOCTL_NOTIF_ID_VALID": Arg(_id),
    "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR": Arg(_id),
    "SECCOMP_IOCTL_NOTIF_ADDFD": Arg(_addfd),
}


@ioctl_family(ord("!"))
def seccomp_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_SECCOMP, code)
    if named is not None and _RECV in named[0]:
        return (yield from _recv(c, named[1]))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_SECCOMP, _ARGS))
