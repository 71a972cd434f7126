"""NETLINK_ROUTE payloads: the fixed struct each RTM_* message starts with (struct
ifinfomsg, ifaddrmsg, rtmsg, ndmsg, ...), then its attributes, printed as strace 6.1
prints them: "{ifi_family=AF_INET, ifi_type=..., ...}, [attributes]" (the message's
"[header, struct, attributes]"), "{ifi_family=AF_INET, ...}" when the payload is
shorter than the struct.

A RouteMsg row describes one struct: the name of its family field, its size, the
layout of the bytes after the family and how each field prints, and its attribute
table (decoders/nlattr.py, the attribute decoders in nlattr_route*.py).
strace counterpart: netlink_route.c and the rtnl_*.c decode_*msg functions.
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable
from dataclasses import dataclass

from .. import xlat as X
from ..values import Addr, Int, Parts, Struct, Value
from ..xlat import Xlat
from .base import Call, const
from .nlattr import Decoders, decode_nlattrs, flag_value
from .nlattr_route import (
    ADDR_DECODERS,
    ADDRLABEL_DECODERS,
    MDB_DECODERS,
    NEIGH_DECODERS,
    NEIGHTBL_DECODERS,
    NETCONF_DECODERS,
    NEXTHOP_DECODERS,
    NSID_DECODERS,
    ROUTE_DECODERS,
    RULE_DECODERS,
    TC_ACTION_DECODERS,
    TC_DECODERS,
    cachereport_attrs,
)
from .nlattr_route_link import IFSTATS_DECODERS, LINK_DECODERS
from .sockaddr import ifindex_value

FieldFn = Callable[[int], "Value | None"]   # a field's value (None: not printed)
# attribute decoders by the struct's family and fields (the context strace passes)
AttrTable = Callable[[int, tuple[int, ...]], "Decoders | None"]


def _u(v: int) -> Value:
    return Int(v, "u")


def _x(v: int) -> Value:
    return Int(v, "x")


def _x_if_set(v: int) -> Value | None:
    """A reserved field strace shows only when it is not 0."""
    return Int(v, "x") if v else None


def _ifindex(v: int) -> Value:
    return ifindex_value(v & 0xFFFFFFFF)


def _xval(x: Xlat, unknown: str | None = None) -> FieldFn:
    return lambda v: const(x, v, "x", unknown)


def _flags(x: Xlat, unknown: str) -> FieldFn:
    return lambda v: flag_value(x, v, unknown)


def _fixed(decoders: Decoders | None) -> AttrTable:
    return lambda family, fields: decoders


@dataclass(frozen=True)
class RouteMsg:
    """One payload struct: `family` names its first byte (an address family); `size`
    is sizeof the struct; `layout` unpacks the bytes after the family into the
    values `fields` name and print (None: the struct is its family, and its other
    bytes are padding); the attributes follow at NLMSG_ALIGN(size)."""

    family: str
    size: int
    layout: _struct.Struct | None
    fields: tuple[tuple[str, FieldFn], ...]
    attrs: Xlat
    unknown: str
    decoders: AttrTable


_IFINFOMSG = RouteMsg(
    "ifi_family", 16, _struct.Struct("<xHiII"),
    (("ifi_type", _xval(X.ARP_HARDWARE_TYPES, "ARPHRD_???")), ("ifi_index", _ifindex),
     ("ifi_flags", _flags(X.IFF_FLAGS, "IFF_???")), ("ifi_change", _x)),
    X.RTNL_LINK_ATTRS, "IFLA_???", LINK_DECODERS)
_IFADDRMSG = RouteMsg(
    "ifa_family", 8, _struct.Struct("<BBBI"),
    (("ifa_prefixlen", _u), ("ifa_flags", _flags(X.IFADDRFLAGS, "IFA_F_???")),
     ("ifa_scope", _xval(X.ROUTING_SCOPES)), ("ifa_index", _ifindex)),
    X.RTNL_ADDR_ATTRS, "IFA_???", ADDR_DECODERS)
_RTMSG = RouteMsg(
    "rtm_family", 12, _struct.Struct("<BBBBBBBI"),
    (("rtm_dst_len", _u), ("rtm_src_len", _u),
     ("rtm_tos", _flags(X.IP_TYPE_OF_SERVICES, "IPTOS_TOS_???")),
     ("rtm_table", _xval(X.ROUTING_TABLE_IDS)),
     ("rtm_protocol", _xval(X.ROUTING_PROTOCOLS, "RTPROT_???")),
     ("rtm_scope", _xval(X.ROUTING_SCOPES)), ("rtm_type", _xval(X.ROUTING_TYPES, "RTN_???")),
     ("rtm_flags", _flags(X.ROUTING_FLAGS, "RTM_F_???"))),
    X.RTNL_ROUTE_ATTRS, "RTA_???", ROUTE_DECODERS)
_NDMSG = RouteMsg(
    "ndm_family", 12, _struct.Struct("<xxxiHBB"),
    (("ndm_ifindex", _ifindex),
     ("ndm_state", _flags(X.NEIGHBOR_CACHE_ENTRY_STATES, "NUD_???")),
     ("ndm_flags", _flags(X.NEIGHBOR_CACHE_ENTRY_FLAGS, "NTF_???")),
     ("ndm_type", _xval(X.ROUTING_TYPES, "RTN_???"))),
    X.RTNL_NEIGH_ATTRS, "NDA_???", NEIGH_DECODERS)
_FIB_RULE_HDR = RouteMsg(
    "family", 12, _struct.Struct("<BBBBxxBI"),
    (("dst_len", _u), ("src_len", _u), ("tos", _flags(X.IP_TYPE_OF_SERVICES, "IPTOS_TOS_???")),
     ("table", _xval(X.ROUTING_TABLE_IDS, "RT_TABLE_???")),
     ("action", _xval(X.FIB_RULE_ACTIONS, "FR_ACT_???")),
     ("flags", _flags(X.FIB_RULE_FLAGS, "FIB_RULE_???"))),
    X.RTNL_RULE_ATTRS, "FRA_???", RULE_DECODERS)
_TCMSG = RouteMsg(
    "tcm_family", 20, _struct.Struct("<xxxiIII"),
    (("tcm_ifindex", _ifindex), ("tcm_handle", _u), ("tcm_parent", _u), ("tcm_info", _u)),
    X.RTNL_TC_ATTRS, "TCA_???", _fixed(TC_DECODERS))
_TCAMSG = RouteMsg("tca_family", 4, None, (), X.RTNL_TC_ACTION_ATTRS, "TCA_ACT_???",
                   _fixed(TC_ACTION_DECODERS))
_NDTMSG = RouteMsg("ndtm_family", 4, None, (), X.RTNL_NEIGHTBL_ATTRS, "NDTA_???",
                   _fixed(NEIGHTBL_DECODERS))
_IFADDRLBLMSG = RouteMsg(
    "ifal_family", 12, _struct.Struct("<xBBII"),
    (("ifal_prefixlen", _u), ("ifal_flags", _u), ("ifal_index", _ifindex), ("ifal_seq", _u)),
    X.RTNL_ADDRLABEL_ATTRS, "IFAL_???", ADDRLABEL_DECODERS)
_NETCONFMSG = RouteMsg("ncm_family", 1, None, (), X.RTNL_NETCONF_ATTRS, "NETCONFA_???",
                       _fixed(NETCONF_DECODERS))
_NHMSG = RouteMsg(
    "nh_family", 8, _struct.Struct("<BBBI"),
    (("nh_scope", _xval(X.ROUTING_SCOPES)),
     ("nh_protocol", _xval(X.ROUTING_PROTOCOLS, "RTPROT_???")), ("resvd", _x_if_set),
     ("nh_flags", _flags(X.ROUTE_NEXTHOP_FLAGS, "RTNH_F_???"))),
    X.RTNL_NEXTHOP_ATTRS, "NHA_???", NEXTHOP_DECODERS)
_BR_PORT_MSG = RouteMsg("family", 8, _struct.Struct("<xxxI"), (("ifindex", _ifindex),),
                        X.RTNL_MDB_ATTRS, "MDBA_???", _fixed(MDB_DECODERS))
_DCBMSG = RouteMsg("dcb_family", 4, _struct.Struct("<Bxx"),
                   (("cmd", _xval(X.DCB_COMMANDS, "DCB_CMD_???")),),
                   X.RTNL_DCB_ATTRS, "DCB_ATTR_???", _fixed(None))
_NSID = RouteMsg("rtgen_family", 1, None, (), X.RTNL_NSID_ATTRS, "NETNSA_???",
                 _fixed(NSID_DECODERS))
# filter_mask's bits: 1<<IFLA_STATS_LINK_64 ... (strace's ifstats_attr_flags)
_IFSTATS_FLAGS = Xlat((f"1<<{name}", 1 << value) for name, value in X.IFSTATS_ATTRS)
_IF_STATS_MSG = RouteMsg(
    "family", 12, _struct.Struct("<BHII"),
    (("pad1", _x_if_set), ("pad2", _x_if_set), ("ifindex", _ifindex),
     ("filter_mask", _flags(_IFSTATS_FLAGS, "1<<IFLA_STATS_???"))),
    X.IFSTATS_ATTRS, "IFLA_STATS_???", _fixed(IFSTATS_DECODERS))


def _rows(msg: RouteMsg, *kinds: str) -> dict[str, RouteMsg]:
    return {"RTM_" + kind: msg for kind in kinds}


# The payload struct of each message type (strace's route_decoders).
_MESSAGES: dict[str, RouteMsg] = {
    **_rows(_IFINFOMSG, "NEWLINK", "DELLINK", "GETLINK", "SETLINK"),
    **_rows(_IFADDRMSG, "NEWADDR", "DELADDR", "GETADDR", "GETMULTICAST", "GETANYCAST"),
    **_rows(_RTMSG, "NEWROUTE", "DELROUTE", "GETROUTE"),
    **_rows(_NDMSG, "NEWNEIGH", "DELNEIGH", "GETNEIGH"),
    **_rows(_FIB_RULE_HDR, "NEWRULE", "DELRULE", "GETRULE"),
    **_rows(_TCMSG, "NEWQDISC", "DELQDISC", "GETQDISC", "NEWTCLASS", "DELTCLASS",
            "GETTCLASS", "NEWTFILTER", "DELTFILTER", "GETTFILTER", "NEWCHAIN",
            "DELCHAIN", "GETCHAIN"),
    **_rows(_TCAMSG, "NEWACTION", "DELACTION", "GETACTION"),
    **_rows(_NDTMSG, "NEWNEIGHTBL", "GETNEIGHTBL", "SETNEIGHTBL"),
    **_rows(_IFADDRLBLMSG, "NEWADDRLABEL", "DELADDRLABEL", "GETADDRLABEL"),
    **_rows(_DCBMSG, "GETDCB", "SETDCB"),
    **_rows(_NETCONFMSG, "NEWNETCONF", "DELNETCONF", "GETNETCONF"),
    **_rows(_BR_PORT_MSG, "NEWMDB", "DELMDB", "GETMDB"),
    **_rows(_NSID, "NEWNSID", "DELNSID", "GETNSID"),
    **_rows(_IF_STATS_MSG, "NEWSTATS", "GETSTATS"),
    **_rows(_NHMSG, "NEWNEXTHOP", "DELNEXTHOP", "GETNEXTHOP"),
}
_AF_BRIDGE = X.SOCKET_FAMILIES.value("AF_BRIDGE")


def _align(n: int) -> int:
    return (n + 3) & ~3


def _family(x: Xlat, family: int) -> Value:
    return const(x, family, "x", "AF_???")


def _cachereport(c: Call, family: int, addr: int, size: int) -> Value:
    """RTM_NEWCACHEREPORT: struct rtgenmsg, whose family may be RTNL_FAMILY_IPMR or
    RTNL_FAMILY_IP6MR, then that family's attributes (strace's decode_cachereport)."""
    name = X.RTNL_FAMILY.name(family)
    head: Value = (const(X.RTNL_FAMILY, family) if name is not None
                   else const(X.SOCKET_FAMILIES, family, "x", "RTNL_FAMILY_???"))
    st = Struct((("rtgen_family", head),))
    if size <= 4:
        return st
    return Parts((st, cachereport_attrs(c, family, addr + 4, size - 4)))


def decode_route(c: Call, kind: str, addr: int, size: int) -> Value | None:
    """The payload of a NETLINK_ROUTE message of type `kind` (its RTM_ name), or None
    when the type has no struct (its payload prints as its family and bytes)."""
    msg = _MESSAGES.get(kind)
    if msg is None and kind != "RTM_NEWCACHEREPORT":
        return None
    head = c.fetch(addr, 1)
    if head is None:
        return Addr(addr)
    family = head[0]
    if msg is None:
        return _cachereport(c, family, addr, size)
    if kind == "RTM_GETNEIGH" and family == _AF_BRIDGE:
        msg = _IFINFOMSG    # a bridge's neighbours are asked for by ifinfomsg
    fields: list[tuple[str | None, Value]] = [(msg.family, _family(X.SOCKET_FAMILIES, family))]
    values: tuple[int, ...] = ()
    if msg.layout is not None:
        if size < msg.size:
            return Struct(tuple(fields), elided=True)
        raw = c.fetch(addr + 1, msg.layout.size)
        if raw is None:
            return Struct((*fields, (None, Addr(addr + 1))))
        values = msg.layout.unpack(raw)
        for (name, show), v in zip(msg.fields, values, strict=True):
            shown = show(v)
            if shown is not None:
                fields.append((name, shown))
    st = Struct(tuple(fields))
    offset = _align(msg.size)
    if size <= offset:
        return st
    attrs = decode_nlattrs(c, addr + offset, size - offset, msg.attrs, msg.unknown,
                           msg.decoders(family, values))
    return Parts((st, attrs))
