"""Netlink messages: the data a netlink socket sends or receives, printed as strace 6.1
prints it, "[{nlmsg_len=..., nlmsg_type=..., nlmsg_flags=..., nlmsg_seq=...,
nlmsg_pid=...}, payload]", one such item per message of the buffer.

The message type and flags are named by the socket's protocol (found as -yy finds
it, by sock_diag: fdinfo.py); NLMSG_ERROR and NLMSG_DONE payloads are decoded for
every protocol, NETLINK_SELINUX ones by their struct; the payloads of NETLINK_ROUTE
messages print their address family ("{family=AF_INET, data=...}"); the protocols of
netlink_protocols.PROTOCOLS (sock_diag, netfilter, generic, crypto) name types and
flags and decode payloads in their own modules, NETLINK_KOBJECT_UEVENT data is not
messages (netlink_uevent.py); any other payload prints as hex.
strace counterpart: netlink.c (decode_netlink), netlink_sock_diag.c (decode_family),
netlink_selinux.c.
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..values import (
    Addr,
    Array,
    Comment,
    Const,
    FdTarget,
    Flags,
    Int,
    NetlinkMessage,
    Struct,
    Unreadable,
    Value,
)
from ..xlat import Xlat, errno_name
from ..xlat.core import split_flags
from . import netlink_uevent
from .base import Call, const
from .fdinfo import describe_fd
from .netlink_common import family_payload as _family_payload
from .netlink_protocols import PROTOCOLS
from .netlink_route import decode_route
from .nlattr import by_name, decode_nlattrs, hex_bytes, nla_array, nla_str, nla_u32

NLMSGHDR = _struct.Struct("<IHHII")   # struct nlmsghdr: len, type, flags, seq, pid
NLMSG_HDRLEN = NLMSGHDR.size
NLMSGERR_ERROR = _struct.Struct("<i")  # struct nlmsgerr: int error, then the nlmsghdr
NLMSGERR_SIZE = NLMSGERR_ERROR.size + NLMSGHDR.size
NLMSG_MIN_TYPE = 0x10                  # <linux/netlink.h>: reserved control messages below
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLM_F_REQUEST = 1
NLM_F_CAPPED = 0x100
RTM_DELACTION = 49

# Per protocol (by its NETLINK_ name): the message type table and its unknown name.
_TYPES: dict[str, tuple[Xlat, str]] = {
    "NETLINK_ROUTE": (X.NL_ROUTE_TYPES, "RTM_???"),
    "NETLINK_SELINUX": (X.NL_SELINUX_TYPES, "SELNL_MSG_???"),
    "NETLINK_XFRM": (X.NL_XFRM_TYPES, "XFRM_MSG_???"),
    "NETLINK_AUDIT": (X.NL_AUDIT_TYPES, "AUDIT_???"),
}
# NETLINK_SELINUX payloads: one 32-bit field (<linux/selinux_netlink.h>), by type name.
_SELINUX = {"SELNL_MSG_SETENFORCE": ("val", "d"), "SELNL_MSG_POLICYLOAD": ("seqno", "u")}
# XFRM messages whose flags are a NEW, DELETE or GET request's.
_XFRM_FLAGS = {
    "XFRM_MSG_NEWSA": "new", "XFRM_MSG_NEWPOLICY": "new", "XFRM_MSG_NEWAE": "new",
    "XFRM_MSG_NEWSADINFO": "new", "XFRM_MSG_NEWSPDINFO": "new",
    "XFRM_MSG_DELSA": "delete", "XFRM_MSG_DELPOLICY": "delete",
    "XFRM_MSG_GETSA": "get", "XFRM_MSG_GETPOLICY": "get", "XFRM_MSG_GETAE": "get",
    "XFRM_MSG_GETSADINFO": "get", "XFRM_MSG_GETSPDINFO": "get",
}
# struct nlmsgerr's extended ACK attributes (<linux/netlink.h>)
_NLMSGERR_ATTRS = by_name(X.NLMSGERR_ATTRS, {
    "NLMSGERR_ATTR_MSG": nla_str,
    "NLMSGERR_ATTR_OFFS": nla_u32,
    "NLMSGERR_ATTR_COOKIE": nla_array(1, lambda v: Int(v, "u")),
})
_KIND_FLAGS = {"new": X.NETLINK_NEW_FLAGS, "delete": X.NETLINK_DELETE_FLAGS,
               "get": X.NETLINK_GET_FLAGS}


def is_netlink_socket(c: Call, fd: int) -> bool:
    """Whether fd is a netlink socket (strace's getfdproto(), by the socket's
    "system.sockprotoname")."""
    target = _socket_target(c, fd)
    return target is not None and target.protocol == "NETLINK"


def _socket_target(c: Call, fd: int) -> FdTarget | None:
    return describe_fd(c.pid, fd, frozenset({"socket"}), c.opts.sockets)


def socket_protocol(c: Call, fd: int) -> str | None:
    """The NETLINK_ name of fd's protocol (strace's get_fd_nl_family), or None."""
    target = _socket_target(c, fd)
    if target is None or target.netlink is None:
        return None
    if isinstance(target.netlink, tuple):
        return "NETLINK_" + target.netlink[0]
    return X.NETLINK_PROTOCOLS.name(target.netlink)


def _type(kind: int, proto: str | None) -> Value:
    if kind >= NLMSG_MIN_TYPE and proto in PROTOCOLS:
        return PROTOCOLS[proto].type_value(kind)
    if kind >= NLMSG_MIN_TYPE and proto in _TYPES:
        table, unknown = _TYPES[proto]
        return const(table, kind, "x", unknown)
    return const(X.NETLINK_TYPES, kind, "x", "NLMSG_???")


def _flags_table(kind: int, proto: str | None) -> Xlat | None:
    if kind < NLMSG_MIN_TYPE:
        return X.NETLINK_ACK_FLAGS if kind == NLMSG_ERROR else None
    if proto in PROTOCOLS:
        return PROTOCOLS[proto].flags_table(kind)
    if proto == "NETLINK_ROUTE":
        if kind == RTM_DELACTION:   # RTM_DELACTION takes NLM_F_ROOT (strace's note)
            return X.NETLINK_GET_FLAGS
        return (X.NETLINK_NEW_FLAGS, X.NETLINK_DELETE_FLAGS,
                X.NETLINK_GET_FLAGS, None)[kind & 3]
    if proto == "NETLINK_XFRM":
        name = X.NL_XFRM_TYPES.name(kind)
        return _KIND_FLAGS[_XFRM_FLAGS[name]] if name in _XFRM_FLAGS else None
    return None


def _flags(value: int, kind: int, proto: str | None) -> Value:
    names, rest = split_flags(X.NETLINK_FLAGS, value)
    table = _flags_table(kind, proto)
    if table is not None:
        more, rest = split_flags(table, rest)
        names += more
    if not names and rest:
        return Comment(Int(value, "x"), "NLM_F_???")
    return Flags(names, rest, value=value)


def header_value(c: Call, raw: tuple[int, int, int, int, int], proto: str | None) -> Struct:
    """struct nlmsghdr, whatever its nlmsg_len says."""
    length, kind, fl, seq, pid = raw
    return Struct((("nlmsg_len", Int(length, "u")), ("nlmsg_type", _type(kind, proto)),
                   ("nlmsg_flags", _flags(fl, kind, proto)), ("nlmsg_seq", Int(seq, "u")),
                   ("nlmsg_pid", c.pid_value(pid))))


def _selinux_payload(c: Call, field: tuple[str, str], addr: int, size: int) -> Value:
    """struct selnl_msg_setenforce {int val} or selnl_msg_policyload {u32 seqno}."""
    if size < 4:
        return hex_bytes(c, addr, size)
    got = c.read(addr, 4)
    if got is None:
        return Addr(addr)
    name, fmt = field
    return Struct(((name, Int(int.from_bytes(got, "little", signed=fmt == "d"), fmt)),))


def _error_payload(c: Call, addr: int, size: int, capped: bool,
                   proto: str | None) -> Value:
    """struct nlmsgerr: the error and the message it answers (its header, and its
    payload unless NLM_F_CAPPED)."""
    if size < NLMSGERR_SIZE:
        return hex_bytes(c, addr, size)
    raw = c.fetch(addr, NLMSGERR_SIZE)
    if raw is None:
        return Addr(addr)
    (err,) = NLMSGERR_ERROR.unpack_from(raw)
    hdr = NLMSGHDR.unpack_from(raw, NLMSGERR_ERROR.size)
    addr += NLMSGERR_ERROR.size
    size -= NLMSGERR_ERROR.size
    inner = max(NLMSG_HDRLEN, hdr[0])
    payload = min(size, NLMSG_HDRLEN if capped else inner)
    name = errno_name(-err) if err < 0 else None
    error: Value = Const("-" + name, err, "d") if name is not None else Int(err)
    msg = _message(c, hdr, addr, payload, proto)
    answer = Struct((("error", error), ("msg", msg)))
    if size <= payload:
        return answer
    # the extended ACK's attributes follow (NETLINK_EXT_ACK)
    return Array((answer, decode_nlattrs(c, addr + payload, size - payload,
                                         X.NLMSGERR_ATTRS, "NLMSGERR_ATTR_???",
                                         _NLMSGERR_ATTRS)))


def _payload(c: Call, hdr: tuple[int, int, int, int, int], addr: int, size: int,
             proto: str | None) -> Value:
    kind, fl = hdr[1], hdr[2]
    if kind == NLMSG_ERROR:
        return _error_payload(c, addr, size, bool(fl & NLM_F_CAPPED), proto)
    decoder = PROTOCOLS[proto].payload if proto in PROTOCOLS else None
    if decoder is not None and (kind >= NLMSG_MIN_TYPE or kind == NLMSG_DONE):
        value = decoder(c, hdr, addr, size)
        if value is not None:
            return value
    if kind >= NLMSG_MIN_TYPE and proto == "NETLINK_ROUTE":
        route = decode_route(c, X.NL_ROUTE_TYPES.name(kind) or "", addr, size)
        return route if route is not None else _family_payload(c, addr, size)
    if proto == "NETLINK_SELINUX" and X.NL_SELINUX_TYPES.name(kind) in _SELINUX:
        return _selinux_payload(c, _SELINUX[X.NL_SELINUX_TYPES.name(kind) or ""], addr, size)
    if kind == NLMSG_DONE and size == 4:
        got = c.read(addr, 4)
        return Addr(addr) if got is None else Int(int.from_bytes(got, "little", signed=True))
    return hex_bytes(c, addr, size)


def _message(c: Call, hdr: tuple[int, int, int, int, int], addr: int, size: int,
             proto: str | None) -> NetlinkMessage:
    """One message at addr whose header is hdr, within `size` bytes."""
    length = min(hdr[0], size)
    payload = None
    if length > NLMSG_HDRLEN:
        payload = _payload(c, hdr, addr + NLMSG_HDRLEN, length - NLMSG_HDRLEN, proto)
    return NetlinkMessage(header_value(c, hdr, proto), payload)


def decode_messages(c: Call, fd: int, addr: int, size: int) -> Value:
    """The netlink messages in `size` bytes at addr, sent or received on fd."""
    proto = socket_protocol(c, fd)
    if proto == "NETLINK_KOBJECT_UEVENT":
        return netlink_uevent.decode(c, addr, size)
    items: list[Value] = []
    while True:
        if size < NLMSG_HDRLEN:
            items.append(hex_bytes(c, addr, size))
            break
        raw = c.fetch(addr, NLMSG_HDRLEN)
        if raw is None:
            items.append(Unreadable(addr) if items else Addr(addr))
            break
        if not c.opts.verbose and len(items) == c.opts.max_strlen:
            return Array(tuple(items), elided=True)
        hdr: tuple[int, int, int, int, int] = NLMSGHDR.unpack(raw)
        step = (hdr[0] + 3) & ~3
        rest = size - step if hdr[0] >= NLMSG_HDRLEN and size >= step else 0
        items.append(_message(c, hdr, addr, size, proto))
        if not rest:
            break
        addr += step
        size = rest
    return items[0] if len(items) == 1 else Array(tuple(items))
