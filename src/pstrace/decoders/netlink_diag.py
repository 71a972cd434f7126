"""NETLINK_SOCK_DIAG payloads: the request (NLM_F_REQUEST) or reply struct of each
address family (unix_diag_req/msg, inet_diag_req(_v2)/msg, netlink_diag_req/msg,
packet_diag_req/msg, smc_diag_req/msg), then a reply's attributes; any other family
as "{family=AF_..., data=...}".

A struct is printed when the payload holds all of it ("{sdiag_family=AF_UNIX, ...}"
when shorter, its address after the family when unreadable).
strace counterpart: netlink_sock_diag.c, netlink_unix_diag.c, netlink_inet_diag.c,
netlink_netlink_diag.c, netlink_packet_diag.c, netlink_smc_diag.c.
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable
from dataclasses import dataclass

from .. import xlat as X
from ..values import Addr, Array, Int, Parts, Str, Struct, Sym, Value
from ..xlat import Xlat
from . import netlink_diag_attrs as A
from .base import Call, const, flags_or_unknown
from .netlink_common import NLM_F_REQUEST, NLMSG_DONE, Header, Protocol, family_payload
from .netlink_diag_attrs import Attrs, inet_addr
from .netlink_inet_attrs import INET_MSG
from .nlattr import decode_nlattrs
from .sockaddr import htons_value, ifindex_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
SOCKID = _struct.Struct("<2s2s16s16sI2I")   # struct inet_diag_sockid
AF_INET = X.SOCKET_FAMILIES.value("AF_INET") or 0


def _bit_names(table: Xlat, fmt: str) -> Xlat:
    """A flag table of 1<<N bits named after table's names of N (fmt "1<<{}")."""
    return Xlat([(fmt.format(name), 1 << value) for name, value in table if value >= 0])


def _ext_names(table: Xlat) -> Xlat:
    """idiag_ext/diag_ext bits: attribute type N asked for by bit N-1, "1<<(NAME-1)"."""
    return Xlat([(f"1<<({name}-1)", 1 << (value - 1)) for name, value in table if value >= 1])


TCP_STATE_FLAGS = _bit_names(X.TCP_STATES, "1<<{}")
INET_DIAG_EXT = _ext_names(X.INET_DIAG_ATTRS)
SMC_DIAG_EXT = _ext_names(X.SMC_DIAG_EXT)


def _xval(table: Xlat, unknown: str) -> Callable[[int], Value]:
    return lambda v: const(table, v, "x", unknown)


def _flags(table: Xlat, unknown: str) -> Callable[[int], Value]:
    return lambda v: flags_or_unknown(table, v, unknown)


def _cookie(pair: tuple[int, int]) -> Value:
    return Array((Int(pair[0], "u"), Int(pair[1], "u")))


def sockid(raw: bytes, family: int) -> Struct:
    """struct inet_diag_sockid (strace's print_inet_diag_sockid)."""
    sport, dport, src, dst, ifindex, c0, c1 = SOCKID.unpack(raw)
    return Struct((
        ("idiag_sport", Sym(Str(sport, hex=True), htons_value(int.from_bytes(sport, "big")))),
        ("idiag_dport", Sym(Str(dport, hex=True), htons_value(int.from_bytes(dport, "big")))),
        inet_addr(src, family, "idiag_src"), inet_addr(dst, family, "idiag_dst"),
        ("idiag_if", ifindex_value(ifindex)), ("idiag_cookie", _cookie((c0, c1)))))


@dataclass(frozen=True)
class Layout:
    """One diag struct: the name of its family field, its layout after the family
    byte, and how the unpacked values make its fields."""

    family_field: str
    rest: _struct.Struct
    fields: Callable[[tuple[Any, ...], int], Fields]
    attrs: Attrs | None = None   # the attributes after it

    @property
    def size(self) -> int:
        return 1 + self.rest.size


def _unix_req(v: tuple[Any, ...], family: int) -> Fields:
    return [("sdiag_protocol", A.u(v[0])),
            ("udiag_states", _flags(TCP_STATE_FLAGS, "1<<TCP_???")(v[1])),
            ("udiag_ino", A.u(v[2])),
            ("udiag_show", _flags(X.UNIX_DIAG_SHOW, "UDIAG_SHOW_???")(v[3])),
            ("udiag_cookie", _cookie((v[4], v[5])))]


def _unix_msg(v: tuple[Any, ...], family: int) -> Fields:
    return [("udiag_type", _xval(X.SOCKET_TYPES, "SOCK_???")(v[0])),
            ("udiag_state", _xval(X.TCP_STATES, "TCP_???")(v[1])),
            ("udiag_ino", A.u(v[2])), ("udiag_cookie", _cookie((v[3], v[4])))]


def _netlink_req(v: tuple[Any, ...], family: int) -> Fields:
    proto = const(X.NETLINK_DIAG_PROTO, v[0]) if X.NETLINK_DIAG_PROTO.name(v[0]) else \
        const(X.NETLINK_PROTOCOLS, v[0], "x", "NETLINK_???")
    return [("sdiag_protocol", proto), ("ndiag_ino", A.u(v[1])),
            ("ndiag_show", _flags(X.NETLINK_DIAG_SHOW, "NDIAG_SHOW_???")(v[2])),
            ("ndiag_cookie", _cookie((v[3], v[4])))]


def _netlink_msg(v: tuple[Any, ...], family: int) -> Fields:
    return [("ndiag_type", _xval(X.SOCKET_TYPES, "SOCK_???")(v[0])),
            ("ndiag_protocol", _xval(X.NETLINK_PROTOCOLS, "NETLINK_???")(v[1])),
            ("ndiag_state", _xval(X.NETLINK_STATES, "NETLINK_???")(v[2])),
            ("ndiag_portid", A.u(v[3])), ("ndiag_dst_portid", A.u(v[4])),
            ("ndiag_dst_group", A.u(v[5])), ("ndiag_ino", A.u(v[6])),
            ("ndiag_cookie", _cookie((v[7], v[8])))]


def _packet_req(v: tuple[Any, ...], family: int) -> Fields:
    # AF_PACKET takes no protocol but 0: strace prints it in hex
    return [("sdiag_protocol", A.x(v[0])), ("pdiag_ino", A.u(v[1])),
            ("pdiag_show", _flags(X.PACKET_DIAG_SHOW, "PACKET_SHOW_???")(v[2])),
            ("pdiag_cookie", _cookie((v[3], v[4])))]


def _packet_msg(v: tuple[Any, ...], family: int) -> Fields:
    return [("pdiag_type", _xval(X.SOCKET_TYPES, "SOCK_???")(v[0])),
            ("pdiag_num", _xval(X.ETHERNET_PROTOCOLS, "ETH_P_???")(v[1])),
            ("pdiag_ino", A.u(v[2])), ("pdiag_cookie", _cookie((v[3], v[4])))]


def _id(raw: bytes, family: int) -> tuple[str | None, Value]:
    return "id", sockid(raw, family)


def _inet_req_compat(v: tuple[Any, ...], family: int) -> Fields:
    return [("idiag_src_len", A.u(v[0])), ("idiag_dst_len", A.u(v[1])),
            ("idiag_ext", _flags(INET_DIAG_EXT, "1<<INET_DIAG_???-1")(v[2])),
            _id(v[3], family),
            ("idiag_states", _flags(TCP_STATE_FLAGS, "1<<TCP_???")(v[4])),
            ("idiag_dbs", A.u(v[5]))]


def _inet_req_v2(v: tuple[Any, ...], family: int) -> Fields:
    return [("sdiag_protocol", _xval(X.IP_PROTOCOLS, "IPPROTO_???")(v[0])),
            ("idiag_ext", _flags(INET_DIAG_EXT, "1<<INET_DIAG_???-1")(v[1])),
            ("idiag_states", _flags(TCP_STATE_FLAGS, "1<<TCP_???")(v[2])),
            _id(v[3], family)]


def _inet_msg(v: tuple[Any, ...], family: int) -> Fields:
    return [("idiag_state", _xval(X.TCP_STATES, "TCP_???")(v[0])),
            ("idiag_timer", A.u(v[1])), ("idiag_retrans", A.u(v[2])), _id(v[3], family),
            ("idiag_expires", A.u(v[4])), ("idiag_rqueue", A.u(v[5])),
            ("idiag_wqueue", A.u(v[6])), ("idiag_uid", A.u(v[7])), ("idiag_inode", A.u(v[8]))]


def _smc_req(v: tuple[Any, ...], family: int) -> Fields:
    # the AF_SMC socket keeps an AF_INET address
    return [("diag_ext", _flags(SMC_DIAG_EXT, "1<<SMC_DIAG_???-1")(v[0])),
            _id(v[1], AF_INET)]


def _smc_msg(v: tuple[Any, ...], family: int) -> Fields:
    return [("diag_state", _xval(X.SMC_STATES, "SMC_???")(v[0])),
            ("diag_fallback", _xval(X.SMC_DIAG_MODE, "SMC_DIAG_MODE_???")(v[1])),
            ("diag_shutdown", A.u(v[2])), _id(v[3], AF_INET),
            ("diag_uid", A.u(v[4])), ("diag_inode", A.u(v[5]))]


_S = _struct.Struct
_INET_REQ_V2 = Layout("sdiag_family", _S("<BBxI48s"), _inet_req_v2,
                      A.INET_REQ)
_INET_MSG = Layout("idiag_family", _S("<BBB48sIIIII"), _inet_msg,
                   INET_MSG)
# Per family name: the request's layout and the reply's.
_LAYOUTS: dict[str, tuple[Layout, Layout]] = {
    "AF_UNIX": (Layout("sdiag_family", _S("<BxxIII2I"), _unix_req),
                Layout("udiag_family", _S("<BBxI2I"), _unix_msg,
                       A.UNIX_MSG)),
    "AF_INET": (_INET_REQ_V2, _INET_MSG),
    "AF_INET6": (_INET_REQ_V2, _INET_MSG),
    "AF_NETLINK": (Layout("sdiag_family", _S("<BxxII2I"), _netlink_req),
                   Layout("ndiag_family", _S("<BBBIIII2I"), _netlink_msg,
                          A.NETLINK_MSG)),
    "AF_PACKET": (Layout("sdiag_family", _S("<BxxII2I"), _packet_req),
                  Layout("pdiag_family", _S("<BHI2I"), _packet_msg,
                         A.PACKET_MSG)),
    "AF_SMC": (Layout("diag_family", _S("<xxB48s"), _smc_req),
               Layout("diag_family", _S("<BBB48sIQ"), _smc_msg,
                      A.SMC_MSG)),
}
_INET_REQ_COMPAT = Layout("idiag_family", _S("<BBB48sII"), _inet_req_compat,
                          A.INET_REQ)
_COMPAT_TYPES = ("TCPDIAG_GETSOCK", "DCCPDIAG_GETSOCK")


def _struct_value(c: Call, layout: Layout, family: int, addr: int, size: int) -> Value:
    """The struct of `layout` at addr (its family byte already read), then the
    attributes that follow it in a reply."""
    fields: Fields = [(layout.family_field, const(X.SOCKET_FAMILIES, family, "x", "AF_???"))]
    if size < layout.size:
        return Struct(tuple(fields), elided=True)
    raw = c.fetch(addr + 1, layout.rest.size)
    if raw is None:
        return Struct((*fields, (None, Addr(addr + 1))))
    head = Struct((*fields, *layout.fields(layout.rest.unpack(raw), family)))
    offset = (layout.size + 3) & ~3
    if layout.attrs is None or size <= offset:
        return head
    return Parts((head, attributes(c, addr + offset, size - offset, layout.attrs)))


def attributes(c: Call, addr: int, size: int, types: Attrs) -> Value:
    """The attributes after a diag struct."""
    return decode_nlattrs(c, addr, size, types.types, types.unknown, types.decoders)


def payload(c: Call, hdr: Header, addr: int, size: int) -> Value | None:
    """A NETLINK_SOCK_DIAG payload, by its first byte, an address family."""
    if hdr[1] == NLMSG_DONE:
        return None
    head = c.fetch(addr, 1)
    if head is None:
        return Addr(addr)
    family = head[0]
    layouts = _LAYOUTS.get(X.SOCKET_FAMILIES.name(family) or "")
    if layouts is None or size <= 1:
        return family_payload(c, addr, size)
    if not hdr[2] & NLM_F_REQUEST:
        return _struct_value(c, layouts[1], family, addr, size)
    if X.NL_SOCK_DIAG_TYPES.name(hdr[1]) in _COMPAT_TYPES:
        return _struct_value(c, _INET_REQ_COMPAT, family, addr, size)
    return _struct_value(c, layouts[0], family, addr, size)


def type_value(kind: int) -> Value:
    return const(X.NL_SOCK_DIAG_TYPES, kind, "x", "SOCK_DIAG_???")


PROTOCOL = Protocol(type_value, lambda kind: X.NETLINK_GET_FLAGS, payload)
