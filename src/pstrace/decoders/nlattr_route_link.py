"""The attributes of struct ifinfomsg (IFLA_*), NETLINK_ROUTE's link messages, and
their nested lists (IFLA_XDP, IFLA_PORT_SELF/IFLA_VF_PORTS, IFLA_PROTO_DOWN_REASON,
IFLA_PROP_LIST, IFLA_LINKINFO's kinds, IFLA_PROTINFO's bridge port and AF_INET6 lists,
IFLA_AF_SPEC's AF_INET/AF_INET6/AF_MCTP lists or a bridge's own), and the attributes of
struct if_stats_msg, as strace 6.1 prints them.
strace counterpart: rtnl_link.c (ifinfomsg_nla_decoders and the decoders it names).
IFLA_LINKINFO's list is nlattr_route_linkinfo's, IFLA_VFINFO_LIST's nlattr_route_vf's,
a bridge port's attributes nlattr_route_bridge's.
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..values import Addr, Array, Indexed, Int, Parts, Str, Struct, Value
from ..xlat import Xlat
from .base import Call, const
from .nlattr import (
    AttrDecoder,
    Decoders,
    by_name,
    decode_nlattrs,
    flag_value,
    hex_bytes,
    nla_fd,
    nla_fields,
    nla_flags,
    nla_hwaddr,
    nla_ifindex,
    nla_in6_addr,
    nla_indexed,
    nla_named,
    nla_nested,
    nla_s32,
    nla_str,
    nla_struct,
    nla_u8,
    nla_u16,
    nla_u32,
    nla_u64,
    nla_x32,
    nla_xval,
)
from .nlattr_route_bridge import BRPORT
from .nlattr_route_linkinfo import linkinfo
from .nlattr_route_vf import VFINFO_LIST

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

# struct rtnl_link_stats (u32 fields) and rtnl_link_stats64 (u64 fields)
_STATS = ("rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
          "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
          "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
          "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
          "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
          "rx_nohandler", "rx_otherhost_dropped")
_MIN_FIELDS = 23     # up to tx_compressed: the oldest form of the structs


def _stats(code: str, forms: tuple[int, ...]) -> AttrDecoder:
    """The link statistics struct of `code` ("I" or "Q") fields: its whole form, or an
    older one with exactly `forms` fields (strace's min_size/def_size dance)."""
    width = 4 if code == "I" else 8
    by_size = {n * width: nla_fields("<" + code * n, *_STATS[:n]) for n in forms}
    whole = max(forms) * width

    def decode(c: Call, addr: int, size: int) -> Value | None:
        fit = by_size.get(whole if size >= whole else size)
        return fit(c, addr, size) if fit is not None else None
    return decode


nla_link_stats = _stats("I", (_MIN_FIELDS, _MIN_FIELDS + 1))
nla_link_stats64 = _stats("Q", (_MIN_FIELDS, _MIN_FIELDS + 1, _MIN_FIELDS + 2))
_IFMAP = nla_fields("<QQQHBB", "mem_start:x", "mem_end:x", "base_addr:x", "irq", "dma",
                    "port")

_XDP = nla_nested(X.RTNL_IFLA_XDP_ATTRS, "IFLA_XDP_???", by_name(X.RTNL_IFLA_XDP_ATTRS, {
    "IFLA_XDP_FD": nla_fd,
    "IFLA_XDP_ATTACHED": nla_named(1, X.RTNL_IFLA_XDP_ATTACHED_MODE, "XDP_ATTACHED_???"),
    "IFLA_XDP_FLAGS": nla_named(4, X.XDP_FLAGS, "XDP_FLAGS_???", as_flags=True),
    "IFLA_XDP_PROG_ID": nla_u32, "IFLA_XDP_DRV_PROG_ID": nla_u32,
    "IFLA_XDP_SKB_PROG_ID": nla_u32, "IFLA_XDP_HW_PROG_ID": nla_u32,
    "IFLA_XDP_EXPECTED_FD": nla_fd,
}))
def _vsi(values: tuple[Any, ...]) -> Value:
    """struct ifla_port_vsi; its pad only when not all zero."""
    mgr, type_id, version, pad = values
    fields: list[tuple[str | None, Value]] = [
        ("vsi_mgr_id", Int(mgr, "u")), ("vsi_type_id", Str(type_id, hex=True)),
        ("vsi_type_version", Int(version, "u"))]
    if any(pad):
        fields.append(("pad", Str(pad, hex=True)))
    return Struct(tuple(fields))


_PORT = nla_nested(X.RTNL_IFLA_PORT_ATTRS, "IFLA_VF_PORT_???", by_name(
    X.RTNL_IFLA_PORT_ATTRS, {
        "IFLA_PORT_VF": nla_u32, "IFLA_PORT_PROFILE": nla_str,
        "IFLA_PORT_VSI_TYPE": nla_struct(_struct.Struct("<B3sB3s"), _vsi),
        "IFLA_PORT_REQUEST": nla_u8, "IFLA_PORT_RESPONSE": nla_u16,
    }))
_VF_PORTS = nla_nested(X.RTNL_IFLA_VF_PORT_ATTRS, "IFLA_VF_PORT_???",
                       by_name(X.RTNL_IFLA_VF_PORT_ATTRS, {"IFLA_VF_PORT": _PORT}))
_PROTO_DOWN_REASON = nla_nested(
    X.RTNL_IFLA_PROTO_DOWN_REASON_ATTRS, "IFLA_PROTO_DOWN_REASON_???",
    by_name(X.RTNL_IFLA_PROTO_DOWN_REASON_ATTRS, {"IFLA_PROTO_DOWN_REASON_MASK": nla_x32,
                                                  "IFLA_PROTO_DOWN_REASON_VALUE": nla_x32}))


def _prop_list_entry(kind: int) -> AttrDecoder | None:
    """IFLA_PROP_LIST holds IFLA_* attributes: decoded as the link's own (strace
    decodes only IFLA_ALT_IFNAME there)."""
    return nla_str if kind == _ALT_IFNAME else None


_ALT_IFNAME = X.RTNL_LINK_ATTRS.value("IFLA_ALT_IFNAME")
_PROTINFO = X.RTNL_LINK_ATTRS.value("IFLA_PROTINFO") or 0
_AF_SPEC = X.RTNL_LINK_ATTRS.value("IFLA_AF_SPEC") or 0
_PROP_LIST = nla_nested(X.RTNL_LINK_ATTRS, "IFLA_???", _prop_list_entry)


# IFLA_INET_CONF's array starts at IPV4_DEVCONF_FORWARDING (1): index i is "NAME-1"
_IPV4_DEVCONF = Xlat((f"{name}-1", value - 1) for name, value in X.INET_DEVCONF_INDICES)
_INET = by_name(X.RTNL_IFLA_AF_SPEC_INET_ATTRS, {
    "IFLA_INET_CONF": nla_indexed(4, "d", _IPV4_DEVCONF, "IPV4_DEVCONF_???")})


def _af_spec_entry(kind: int) -> AttrDecoder | None:
    """IFLA_AF_SPEC's attributes are address families, each holding its own list."""
    name = X.SOCKET_FAMILIES.name(kind)
    if name == "AF_INET":
        return nla_nested(X.RTNL_IFLA_AF_SPEC_INET_ATTRS, "IFLA_INET_???", _INET)
    if name == "AF_INET6":
        return nla_nested(X.RTNL_IFLA_AF_SPEC_INET6_ATTRS, "IFLA_INET6_???", _INET6)
    if name == "AF_MCTP":
        return nla_nested(X.RTNL_IFLA_AF_SPEC_MCTP_ATTRS, "IFLA_MCTP_???", by_name(
            X.RTNL_IFLA_AF_SPEC_MCTP_ATTRS, {"IFLA_MCTP_NET": nla_u32}))
    return None


def _vlan_info(c: Call, addr: int, size: int) -> Value | None:
    """struct bridge_vlan_info {u16 flags; u16 vid}, then any bytes past it."""
    got = c.fetch(addr, 4) if size >= 4 else None
    if size < 4:
        return None
    if got is None:
        return Addr(addr)
    flags, vid = _struct.unpack("<HH", got)
    info = Struct((("flags", flag_value(X.NL_BRIDGE_VLAN_FLAGS, flags,
                                        "BRIDGE_VLAN_INFO_???")),
                   ("vid", Int(vid, "u"))))
    return info if size == 4 else Parts((info, hex_bytes(c, addr + 4, size - 4)))


# IFLA_AF_SPEC of an AF_BRIDGE link: the bridge's own attributes (IFLA_BRIDGE_*; its
# MRP, CFM and MST lists print as bytes, as strace prints them)
_BRIDGE_AF_SPEC = nla_nested(X.RTNL_IFLA_AF_SPEC_BRIDGE_ATTRS, "IFLA_BRIDGE_???", by_name(
    X.RTNL_IFLA_AF_SPEC_BRIDGE_ATTRS, {
        "IFLA_BRIDGE_FLAGS": nla_flags(X.RTNL_IFLA_BRIDGE_FLAGS, "BRIDGE_FLAGS_???", 2),
        "IFLA_BRIDGE_MODE": nla_xval(X.RTNL_IFLA_BRIDGE_MODES, "BRIDGE_MODE_???", 2),
        "IFLA_BRIDGE_VLAN_INFO": _vlan_info,
        "IFLA_BRIDGE_VLAN_TUNNEL_INFO": nla_nested(
            X.RTNL_IFLA_AF_SPEC_BRIDGE_VLAN_TUNNEL_INFO_ATTRS, "IFLA_BRIDGE_VLAN_TUNNEL_???",
            by_name(X.RTNL_IFLA_AF_SPEC_BRIDGE_VLAN_TUNNEL_INFO_ATTRS, {
                "IFLA_BRIDGE_VLAN_TUNNEL_ID": nla_u32, "IFLA_BRIDGE_VLAN_TUNNEL_VID": nla_u16,
                "IFLA_BRIDGE_VLAN_TUNNEL_FLAGS": nla_flags(
                    X.NL_BRIDGE_VLAN_FLAGS, "BRIDGE_VLAN_INFO_???", 2)})),
    }))


def _af_spec(c: Call, addr: int, size: int) -> Value | None:
    """IFLA_AF_SPEC: a list of address families, each holding its own list."""
    return decode_nlattrs(c, addr, size, X.SOCKET_FAMILIES, "AF_???", _af_spec_entry)


# AF_INET6's IFLA_AF_SPEC / IFLA_PROTINFO list
_INET6 = by_name(X.RTNL_IFLA_AF_SPEC_INET6_ATTRS, {
    "IFLA_INET6_CACHEINFO": nla_fields("<IIII", "max_reasm_len", "tstamp",
                                       "reachable_time", "retrans_time"),
    "IFLA_INET6_FLAGS": nla_flags(X.INET6_IF_FLAGS, "IF_???", 4),
    "IFLA_INET6_CONF": nla_indexed(4, "d", X.INET6_DEVCONF_INDICES, "DEVCONF_???"),
    "IFLA_INET6_STATS": nla_indexed(8, "u", X.SNMP_IP_STATS, "IPSTATS_MIB_???"),
    "IFLA_INET6_ICMP6STATS": nla_indexed(8, "u", X.SNMP_ICMP6_STATS, "ICMP6_MIB_???"),
    "IFLA_INET6_TOKEN": nla_in6_addr,
    "IFLA_INET6_ADDR_GEN_MODE": nla_xval(X.IN6_ADDR_GEN_MODE, "IN6_ADDR_GEN_MODE_???", 1),
    "IFLA_INET6_RA_MTU": nla_u32,
})


def _protinfo(family: int) -> AttrDecoder:
    """IFLA_PROTINFO: a bridge port's attributes, or AF_INET6's, by ifi_family."""
    name = X.SOCKET_FAMILIES.name(family)
    if name == "AF_BRIDGE":
        return BRPORT
    if name == "AF_INET6":
        return nla_nested(X.RTNL_IFLA_AF_SPEC_INET6_ATTRS, "IFLA_INET6_???", _INET6)
    return hex_bytes


_COMMON = by_name(X.RTNL_LINK_ATTRS, {
    "IFLA_ADDRESS": nla_hwaddr, "IFLA_BROADCAST": nla_hwaddr, "IFLA_IFNAME": nla_str,
    "IFLA_MTU": nla_u32, "IFLA_LINK": nla_u32, "IFLA_QDISC": nla_str,
    "IFLA_STATS": nla_link_stats, "IFLA_MASTER": nla_u32, "IFLA_TXQLEN": nla_u32,
    "IFLA_MAP": _IFMAP, "IFLA_WEIGHT": nla_u32, "IFLA_OPERSTATE": nla_u8,
    "IFLA_LINKMODE": nla_u8, "IFLA_LINKINFO": linkinfo,
    "IFLA_NET_NS_PID": nla_u32, "IFLA_IFALIAS": nla_str,
    "IFLA_NUM_VF": nla_u32, "IFLA_VFINFO_LIST": VFINFO_LIST,
    "IFLA_STATS64": nla_link_stats64, "IFLA_VF_PORTS": _VF_PORTS,
    "IFLA_PORT_SELF": _PORT, "IFLA_AF_SPEC": _af_spec, "IFLA_GROUP": nla_u32,
    "IFLA_NET_NS_FD": nla_fd,
    "IFLA_EXT_MASK": nla_named(4, X.RTNL_IFLA_EXT_FILTER_FLAGS, "RTEXT_FILTER_???",
                               as_flags=True),
    "IFLA_PROMISCUITY": nla_u32, "IFLA_NUM_TX_QUEUES": nla_u32,
    "IFLA_NUM_RX_QUEUES": nla_u32, "IFLA_CARRIER": nla_u8, "IFLA_CARRIER_CHANGES": nla_u32,
    "IFLA_LINK_NETNSID": nla_s32, "IFLA_PHYS_PORT_NAME": nla_str, "IFLA_PROTO_DOWN": nla_u8,
    "IFLA_GSO_MAX_SEGS": nla_u32, "IFLA_GSO_MAX_SIZE": nla_u32, "IFLA_XDP": _XDP,
    "IFLA_EVENT": nla_named(4, X.RTNL_IFLA_EVENTS, "IFLA_EVENT_???"),
    "IFLA_NEW_NETNSID": nla_s32, "IFLA_IF_NETNSID": nla_s32,
    "IFLA_CARRIER_UP_COUNT": nla_u32, "IFLA_CARRIER_DOWN_COUNT": nla_u32,
    "IFLA_NEW_IFINDEX": nla_ifindex, "IFLA_MIN_MTU": nla_u32, "IFLA_MAX_MTU": nla_u32,
    "IFLA_PROP_LIST": _PROP_LIST, "IFLA_ALT_IFNAME": nla_str,
    "IFLA_PERM_ADDRESS": nla_hwaddr, "IFLA_PROTO_DOWN_REASON": _PROTO_DOWN_REASON,
    "IFLA_PARENT_DEV_NAME": nla_str, "IFLA_PARENT_DEV_BUS_NAME": nla_str,
    "IFLA_GRO_MAX_SIZE": nla_u32, "IFLA_TSO_MAX_SIZE": nla_u32,
    "IFLA_TSO_MAX_SEGS": nla_u32, "IFLA_ALLMULTI": nla_u32,
})


def _ifstats_af_entry(kind: int) -> AttrDecoder | None:
    if X.SOCKET_FAMILIES.name(kind) != "AF_MPLS":
        return None
    return nla_nested(X.IFSTATS_AF_SPEC_MPLS_ATTRS, "MPLS_STATS_???", by_name(
        X.IFSTATS_AF_SPEC_MPLS_ATTRS, {"MPLS_STATS_LINK": _mpls_link_stats}))


_MPLS_LINK_STATS = nla_fields("<" + "Q" * 9, "rx_packets", "tx_packets", "rx_bytes",
                              "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
                              "tx_dropped", "rx_noroute")


def _mpls_link_stats(c: Call, addr: int, size: int) -> Value | None:
    """struct mpls_link_stats, then any bytes past it."""
    value = _MPLS_LINK_STATS(c, addr, size)
    if value is None or isinstance(value, Addr) or size <= 72:
        return value
    return Parts((value, hex_bytes(c, addr + 72, size - 72)))


def _ifstats_af_spec(c: Call, addr: int, size: int) -> Value | None:
    return decode_nlattrs(c, addr, size, X.SOCKET_FAMILIES, "AF_???", _ifstats_af_entry)


def _then_bytes(decode: AttrDecoder, size_of: int) -> AttrDecoder:
    """A struct of `size_of` bytes, then the bytes past it (as hex)."""
    def wrapped(c: Call, addr: int, size: int) -> Value | None:
        value = decode(c, addr, size)
        if value is None or isinstance(value, Addr) or size <= size_of:
            return value
        return Parts((value, hex_bytes(c, addr + size_of, size - size_of)))
    return wrapped


def _vlan_xstats(values: tuple[Any, ...]) -> Value:
    """struct bridge_vlan_xstats; pad2 only when not 0."""
    rx_bytes, rx_packets, tx_bytes, tx_packets, vid, flags, pad2 = values
    fields: list[tuple[str | None, Value]] = [
        ("rx_bytes", Int(rx_bytes, "u")), ("rx_packets", Int(rx_packets, "u")),
        ("tx_bytes", Int(tx_bytes, "u")), ("tx_packets", Int(tx_packets, "u")),
        ("vid", Int(vid, "u")),
        ("flags", flag_value(X.NL_BRIDGE_VLAN_FLAGS, flags, "BRIDGE_VLAN_INFO_???"))]
    if pad2:
        fields.append(("pad2", Int(pad2, "x")))
    return Struct(tuple(fields))


_VLAN_XSTATS = _struct.Struct("<QQQQHHI")
_MCAST_FIELDS = ("igmp_v1queries", "igmp_v2queries", "igmp_v3queries", "igmp_leaves",
                 "igmp_v1reports", "igmp_v2reports", "igmp_v3reports", "igmp_parse_errors",
                 "mld_v1queries", "mld_v2queries", "mld_leaves", "mld_v1reports",
                 "mld_v2reports", "mld_parse_errors", "mcast_bytes", "mcast_packets")
_MCAST_SCALARS = ("igmp_parse_errors", "mld_parse_errors")
_MCAST_STATS = _struct.Struct("<" + "".join("Q" if f in _MCAST_SCALARS else "QQ"
                                            for f in _MCAST_FIELDS))


def _mcast_stats(values: tuple[Any, ...]) -> Value:
    """struct br_mcast_stats: per direction arrays "[[BR_MCAST_DIR_RX]=N, ...]"."""
    fields: list[tuple[str | None, Value]] = []
    rest = list(values)
    for name in _MCAST_FIELDS:
        if name in _MCAST_SCALARS:
            fields.append((name, Int(rest.pop(0), "u")))
            continue
        pair = (rest.pop(0), rest.pop(0))
        fields.append((name, Array(tuple(
            Indexed(const(X.IFSTATS_XSTATS_BRIDGE_MCAST_INDICES, i, "u"), Int(v, "u"))
            for i, v in enumerate(pair)))))
    return Struct(tuple(fields))


_STP_XSTATS = _struct.Struct("<QQQQQQ")
_BRIDGE_XSTATS = nla_nested(X.IFSTATS_XSTATS_BRIDGE_ATTRS, "BRIDGE_XSTATS_???", by_name(
    X.IFSTATS_XSTATS_BRIDGE_ATTRS, {
        "BRIDGE_XSTATS_VLAN": _then_bytes(nla_struct(_VLAN_XSTATS, _vlan_xstats),
                                          _VLAN_XSTATS.size),
        "BRIDGE_XSTATS_MCAST": _then_bytes(nla_struct(_MCAST_STATS, _mcast_stats),
                                           _MCAST_STATS.size),
        "BRIDGE_XSTATS_STP": _then_bytes(nla_fields(
            "<QQQQQQ", "transition_blk", "transition_fwd", "rx_bpdu", "tx_bpdu", "rx_tcn",
            "tx_tcn"), _STP_XSTATS.size),
    }))
# (strace 6.1 names an unknown 3AD statistic "BOND_XSTATS_???")
_BOND_3AD = nla_nested(X.IFSTATS_XSTATS_BOND_3AD_ATTRS, "BOND_XSTATS_???", {
    value: nla_u64 for name, value in X.IFSTATS_XSTATS_BOND_3AD_ATTRS
    if name != "BOND_3AD_STAT_PAD"})
_BOND_XSTATS = nla_nested(X.IFSTATS_XSTATS_BOND_ATTRS, "BOND_XSTATS_???", by_name(
    X.IFSTATS_XSTATS_BOND_ATTRS, {"BOND_XSTATS_3AD": _BOND_3AD}))
_XSTATS = nla_nested(X.IFSTATS_XSTATS_TYPE_ATTRS, "LINK_XSTATS_TYPE_???", by_name(
    X.IFSTATS_XSTATS_TYPE_ATTRS, {"LINK_XSTATS_TYPE_BRIDGE": _BRIDGE_XSTATS,
                                  "LINK_XSTATS_TYPE_BOND": _BOND_XSTATS}))
# struct if_stats_msg's attributes (strace's rtnl_stats.c)
IFSTATS_DECODERS = by_name(X.IFSTATS_ATTRS, {
    "IFLA_STATS_LINK_64": nla_link_stats64,
    "IFLA_STATS_LINK_XSTATS": _XSTATS, "IFLA_STATS_LINK_XSTATS_SLAVE": _XSTATS,
    "IFLA_STATS_LINK_OFFLOAD_XSTATS": nla_nested(
        X.IFSTATS_OFFLOAD_ATTRS, "IFLA_OFFLOAD_XSTATS_???", by_name(
            X.IFSTATS_OFFLOAD_ATTRS, {"IFLA_OFFLOAD_XSTATS_CPU_HIT": nla_link_stats64})),
    "IFLA_STATS_AF_SPEC": _ifstats_af_spec,
})


def LINK_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    """The IFLA_* decoders; IFLA_PROTINFO's depends on ifi_family."""
    bridge = X.SOCKET_FAMILIES.name(family) == "AF_BRIDGE"
    return {**_COMMON, _PROTINFO: _protinfo(family),
            _AF_SPEC: _BRIDGE_AF_SPEC if bridge else _af_spec}

