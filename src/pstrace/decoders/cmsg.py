"""Control messages (msg_control of sendmsg/recvmsg): the cmsghdr chain, and the data of
the SOL_SOCKET (rights, credentials, security, timestamps) and SOL_IP (pktinfo, ttl,
tos, options, recverr, origdstaddr, checksum) types strace decodes.

strace counterpart: msghdr.c (decode_msg_control, print_cmsg_type_data).
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable

from .. import xlat as X
from ..values import (
    ELIDED,
    Addr,
    Array,
    Comment,
    Int,
    Note,
    Str,
    Struct,
    Value,
)
from .base import Call, const
from .siginfo import uid_value
from .sockaddr import ifindex_value, inet_addr_field, sockaddr_value

CMSGHDR = _struct.Struct("<Qii")               # struct cmsghdr (x86_64, 16 bytes)
INT = _struct.Struct("<i")
UCRED = _struct.Struct("<iII")                 # struct ucred
PAIR = _struct.Struct("<qq")                   # struct timeval / timespec (64-bit)
IN_PKTINFO = _struct.Struct("<i4s4s")          # struct in_pktinfo
SOCK_EE = _struct.Struct("<IBBBxII16s")        # struct sock_extended_err + offender
SOCKADDR_IN_SIZE = 16
SOCKADDR_STORAGE_SIZE = 128
IOV_MAX = 1024                                 # <limits.h>: strace's optmem_max fallback
OPTMEM_MAX = "/proc/sys/net/core/optmem_max"

Printer = Callable[[Call, bytes], Value]


def _optmem_max() -> int:
    """The most control data strace fetches: net.core.optmem_max rounded up to 8."""
    try:
        with open(OPTMEM_MAX) as f:
            v = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        v = 0
    if v <= 0:
        return 8 * (2 * IOV_MAX + 512)
    return (v + 7) & ~7


def _shown(c: Call, n: int) -> int:
    """How many of n array items strace prints: all with -v, else up to -s."""
    return n if c.opts.verbose else min(n, c.opts.max_strlen)


def _rights(c: Call, data: bytes) -> Value:
    n = len(data) // INT.size
    shown = _shown(c, n)
    return Array(tuple(c.fd_value(INT.unpack_from(data, i * 4)[0]) for i in range(shown)),
                 elided=n > shown)


def _creds(c: Call, data: bytes) -> Value:
    pid, uid, gid = UCRED.unpack_from(data)
    return Struct((("pid", c.pid_value(pid)), ("uid", uid_value(uid)),
                   ("gid", uid_value(gid))))


def _security(c: Call, data: bytes) -> Value:
    return Str(data)


def _pair(data: bytes, second: str) -> Value:
    sec, frac = PAIR.unpack_from(data)
    return Struct((("tv_sec", Int(sec)), (second, Int(frac & 0xFFFFFFFFFFFFFFFF, "u"))))


def _timeval(c: Call, data: bytes) -> Value:
    return Note("???") if len(data) < PAIR.size else _pair(data, "tv_usec")


def _timespec(c: Call, data: bytes) -> Value:
    return Note("???") if len(data) < PAIR.size else _pair(data, "tv_nsec")


def _timespec3(c: Call, data: bytes) -> Value:
    if len(data) < 3 * PAIR.size:
        return Note("???")
    return Array(tuple(_pair(data[i * PAIR.size:], "tv_nsec") for i in range(3)))


def _pktinfo(c: Call, data: bytes) -> Value:
    ifindex, spec_dst, addr = IN_PKTINFO.unpack_from(data)
    return Struct((("ipi_ifindex", ifindex_value(ifindex & 0xFFFFFFFF)),
                   ("ipi_spec_dst", inet_addr_field(spec_dst)),
                   ("ipi_addr", inet_addr_field(addr))))


def _uints(c: Call, data: bytes) -> Value:
    n = len(data) // 4
    shown = _shown(c, n)
    return Array(tuple(Int(int.from_bytes(data[i * 4:i * 4 + 4], "little"), "u")
                       for i in range(shown)), elided=n > shown)


def _xbytes(c: Call, data: bytes) -> Value:
    shown = _shown(c, len(data))
    return Array(tuple(Int(b, "x") for b in data[:shown]), elided=len(data) > shown)


def _recverr(c: Call, data: bytes) -> Value:
    eno, origin, etype, code, info, edata, offender = SOCK_EE.unpack_from(data)
    return Struct((("ee_errno", Int(eno, "u")), ("ee_origin", Int(origin, "u")),
                   ("ee_type", Int(etype, "u")), ("ee_code", Int(code, "u")),
                   ("ee_info", Int(info, "u")), ("ee_data", Int(edata, "u")),
                   ("offender", sockaddr_value(c, offender))))


def _origdstaddr(c: Call, data: bytes) -> Value:
    return sockaddr_value(c, data[:SOCKADDR_STORAGE_SIZE])


# type name -> (printer, the least data it needs)
_SOCKET_PRINTERS: dict[str, tuple[Printer, int]] = {
    "SCM_RIGHTS": (_rights, INT.size),
    "SCM_CREDENTIALS": (_creds, UCRED.size),
    "SCM_SECURITY": (_security, 1),
    "SO_TIMESTAMP_OLD": (_timeval, 1),
    "SO_TIMESTAMPNS_OLD": (_timespec, 1),
    "SO_TIMESTAMPING_OLD": (_timespec3, 1),
    "SO_TIMESTAMP_NEW": (_timeval, 1),
    "SO_TIMESTAMPNS_NEW": (_timespec, 1),
    "SO_TIMESTAMPING_NEW": (_timespec3, 1),
}
_IP_PRINTERS: dict[str, tuple[Printer, int]] = {
    "IP_PKTINFO": (_pktinfo, IN_PKTINFO.size),
    "IP_TTL": (_uints, 4),
    "IP_TOS": (_xbytes, 1),
    "IP_RECVOPTS": (_xbytes, 1),
    "IP_RETOPTS": (_xbytes, 1),
    "IP_RECVERR": (_recverr, SOCK_EE.size),
    "IP_ORIGDSTADDR": (_origdstaddr, SOCKADDR_IN_SIZE),
    "IP_CHECKSUM": (_uints, 4),
    "SCM_SECURITY": (_security, 1),
}


def _type_and_data(c: Call, level: int, ctype: int,
                   data: bytes) -> list[tuple[str | None, Value]]:
    lname = X.SOCKET_LEVELS.name(level & 0xFFFFFFFF)
    utype = ctype & 0xFFFFFFFF
    if lname == "SOL_SOCKET":
        table, printers, unknown = X.SCM_TYPES, _SOCKET_PRINTERS, "SCM_???"
    elif lname == "SOL_IP":
        table, printers, unknown = X.IP_CMSG_TYPES, _IP_PRINTERS, "IP_???"
    else:
        return [("cmsg_type", Int(utype, "x"))]
    out: list[tuple[str | None, Value]] = [("cmsg_type", const(table, utype, "x", unknown))]
    row = printers.get(table.name(utype) or "")
    if row is not None and len(data) >= row[1]:
        out.append(("cmsg_data", row[0](c, data)))
    return out


def msg_control(c: Call, addr: int, in_len: int) -> Value:
    """The control messages in the first `in_len` bytes at addr (at most optmem_max);
    a tail too short for a header prints as "... /* ADDR */"."""
    control_len = min(in_len, _optmem_max())
    data = c.read(addr, control_len) if control_len >= CMSGHDR.size else None
    if data is None:
        return Addr(addr)
    items: list[Value] = []
    off, left = 0, control_len
    while left >= CMSGHDR.size:
        clen, level, ctype = CMSGHDR.unpack_from(data, off)
        size = min(clen, left)
        payload = data[off + CMSGHDR.size:off + size] if size > CMSGHDR.size else b""
        items.append(Struct((("cmsg_len", Int(clen, "u")),
                             ("cmsg_level", const(X.SOCKET_LEVELS, level & 0xFFFFFFFF,
                                                  "x", "SOL_???")),
                             *_type_and_data(c, level, ctype, payload))))
        if size < CMSGHDR.size:
            left -= CMSGHDR.size
            break
        step = (clen + 7) & ~7
        if step >= left:
            left = 0
            break
        off += step
        left -= step
    if left:
        items.append(Comment(ELIDED, Addr(addr + control_len - left), keep=True))
    elif control_len < in_len:
        items.append(ELIDED)
    return Array(tuple(items))


__all__ = ["msg_control"]
