"""The attributes of NETLINK_ROUTE messages other than links' (IFA_*, RTA_*, NDA_*,
NDTA_*, FRA_*, TCA_*, TCA_ACT_*, IFAL_*, NETCONFA_*, NHA_*, MDBA_*, NETNSA_*, cache
reports): per message struct, its attribute decoders (decoders/nlattr.py), as
functions of the struct's family and fields when an attribute needs them (an address
is printed by the struct's address family).
strace counterpart: the nla_decoder_t tables of rtnl_addr.c, rtnl_route.c,
rtnl_neigh.c, rtnl_neightbl.c, rtnl_rule.c, rtnl_tc.c, rtnl_tc_action.c,
rtnl_addrlabel.c, rtnl_netconf.c, rtnl_nh.c, rtnl_mdb.c, rtnl_nsid.c,
rtnl_cachereport.c.
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..values import Addr, Array, Func, Int, Parts, Str, Struct, Sym, Value
from .base import Call, const
from .nlattr import (
    AttrDecoder,
    Decoders,
    by_name,
    decode_nlattrs,
    flag_value,
    hex_bytes,
    inet_addr_value,
    nla_array,
    nla_array_of,
    nla_be16,
    nla_be64,
    nla_clock_t,
    nla_fd,
    nla_fields,
    nla_hwaddr,
    nla_ifindex,
    nla_in6_addr,
    nla_in_addr,
    nla_inet_addr,
    nla_ip_proto,
    nla_named,
    nla_nested,
    nla_s32,
    nla_str,
    nla_struct,
    nla_u8,
    nla_u16,
    nla_u32,
    nla_u64,
)
from .sockaddr import ifindex_value, inet6_addr_field, inet_addr_field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

nla_rt_class = nla_named(4, X.ROUTING_TABLE_IDS)
nla_rt_proto = nla_named(1, X.ROUTING_PROTOCOLS, "RTPROT_???")
nla_lwt_encap_type = nla_named(2, X.LWTUNNEL_ENCAP_TYPES, "LWTUNNEL_ENCAP_???")

# --- IFA_* (struct ifaddrmsg) ------------------------------------------------------


def ADDR_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    address = nla_inet_addr(family)
    return by_name(X.RTNL_ADDR_ATTRS, {
        "IFA_ADDRESS": address, "IFA_LOCAL": address, "IFA_LABEL": nla_str,
        "IFA_BROADCAST": address, "IFA_ANYCAST": address,
        "IFA_CACHEINFO": nla_fields("<IIII", "ifa_prefered", "ifa_valid", "cstamp",
                                    "tstamp"),
        "IFA_MULTICAST": address,
        "IFA_FLAGS": nla_named(4, X.IFADDRFLAGS, "IFA_F_???", as_flags=True),
        "IFA_RT_PRIORITY": nla_u32, "IFA_TARGET_NETNSID": nla_s32,
    })


# --- RTA_* (struct rtmsg) ------------------------------------------------------------

_METRICS = nla_nested(X.RTNL_RTA_METRICS_ATTRS, "RTAX_???", {
    **{value: nla_u32 for name, value in X.RTNL_RTA_METRICS_ATTRS
       if name not in ("RTAX_UNSPEC", "RTAX_CC_ALGO", "RTAX_FASTOPEN_NO_COOKIE")},
    **by_name(X.RTNL_RTA_METRICS_ATTRS, {"RTAX_CC_ALGO": nla_str}),
})


def _rtvia_addr(c: Call, addr: int, size: int, family: int) -> tuple[str | None, Value]:
    """rtvia_addr, named as strace names it: "rtvia_addr=inet_addr(...)", but
    inet_pton(AF_INET6, "...", &rtvia_addr) for an IPv6 one."""
    value = inet_addr_value(c, addr, size, family)
    if isinstance(value, Sym) and X.SOCKET_FAMILIES.name(family) == "AF_INET6":
        got = c.fetch(addr, 16)
        if got is not None:
            return (None, inet6_addr_field(got, "rtvia_addr"))
    return ("rtvia_addr", value)


def _rtvia(c: Call, addr: int, size: int) -> Value | None:
    """struct rtvia: {rtvia_family=AF_INET, rtvia_addr=inet_addr("...")}."""
    if size < 2:
        return None
    got = c.fetch(addr, 2)
    if got is None:
        return Addr(addr)
    family = int.from_bytes(got, "little")
    fields: list[tuple[str | None, Value]] = [
        ("rtvia_family", const(X.SOCKET_FAMILIES, family, "x", "AF_???"))]
    if size > 2:
        fields.append(_rtvia_addr(c, addr + 2, size - 2, family))
    return Struct(tuple(fields))


_RTNEXTHOP = _struct.Struct("<HBBi")   # struct rtnexthop: len, flags, hops, ifindex


def _multipath(family: int) -> AttrDecoder:
    """RTA_MULTIPATH: struct rtnexthop items, each followed by its own RTA_*
    attributes ("[{rtnh_len=..., ...}, [attributes]]"), at RTNH_ALIGN(rtnh_len)."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < _RTNEXTHOP.size:
            return None
        items: list[Value] = []
        in_array = False
        cur, left = addr, size
        while True:
            got = c.fetch(cur, _RTNEXTHOP.size)
            if got is None:
                items.append(Addr(cur))
                break
            length, flags, hops, ifindex = _RTNEXTHOP.unpack(got)
            if cur == addr and length < size:
                in_array = True
            shown = min(left, length)
            st = Struct((("rtnh_len", Int(length, "u")),
                         ("rtnh_flags", flag_value(X.ROUTE_NEXTHOP_FLAGS, flags,
                                                   "RTNH_F_???")),
                         ("rtnh_hops", Int(hops, "u")),
                         ("rtnh_ifindex", ifindex_value(ifindex & 0xFFFFFFFF))))
            if shown > _RTNEXTHOP.size:
                attrs = decode_nlattrs(c, cur + _RTNEXTHOP.size, shown - _RTNEXTHOP.size,
                                       X.RTNL_ROUTE_ATTRS, "RTA_???",
                                       ROUTE_DECODERS(family, ()))
                items.append(Array((st, attrs)))
            else:
                items.append(st)
            step = (shown + 3) & ~3
            if step >= left or not step:
                break
            cur += step
            left -= step
        return Array(tuple(items)) if in_array else items[0]
    return decode


def ROUTE_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    address = nla_inet_addr(family)
    return by_name(X.RTNL_ROUTE_ATTRS, {
        "RTA_DST": address, "RTA_SRC": address, "RTA_IIF": nla_ifindex,
        "RTA_OIF": nla_ifindex, "RTA_GATEWAY": address, "RTA_PRIORITY": nla_u32,
        "RTA_PREFSRC": address, "RTA_METRICS": _METRICS, "RTA_MULTIPATH": _multipath(family),
        "RTA_PROTOINFO": nla_u32, "RTA_FLOW": nla_u32,
        "RTA_CACHEINFO": nla_fields("<IIIIIIII", "rta_clntref", "rta_lastuse",
                                    "rta_expires", "rta_error", "rta_used", "rta_id:x",
                                    "rta_ts", "rta_tsage"),
        "RTA_MP_ALGO": nla_u32, "RTA_TABLE": nla_rt_class, "RTA_MARK": nla_u32,
        "RTA_MFC_STATS": nla_fields("<QQQ", "mfcs_packets", "mfcs_bytes", "mfcs_wrong_if"),
        "RTA_VIA": _rtvia, "RTA_NEWDST": address, "RTA_PREF": nla_u8,
        "RTA_ENCAP_TYPE": nla_lwt_encap_type, "RTA_EXPIRES": nla_u64, "RTA_UID": nla_u32,
        "RTA_TTL_PROPAGATE": nla_u8, "RTA_IP_PROTO": nla_u8, "RTA_SPORT": nla_u16,
        "RTA_DPORT": nla_u16,
    })


# --- NDA_* (struct ndmsg) ----------------------------------------------------------

def NEIGH_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    return by_name(X.RTNL_NEIGH_ATTRS, {
        "NDA_DST": nla_inet_addr(family), "NDA_LLADDR": nla_hwaddr,
        "NDA_CACHEINFO": nla_fields("<IIII", "ndm_confirmed", "ndm_used", "ndm_updated",
                                    "ndm_refcnt"),
        "NDA_PROBES": nla_u32, "NDA_VLAN": nla_u16, "NDA_PORT": nla_be16,
        "NDA_VNI": nla_u32, "NDA_IFINDEX": nla_ifindex, "NDA_MASTER": nla_ifindex,
        "NDA_LINK_NETNSID": nla_u32, "NDA_SRC_VNI": nla_u32, "NDA_PROTOCOL": nla_ip_proto,
        "NDA_NH_ID": nla_u32,
        "NDA_FDB_EXT_ATTRS": nla_nested(X.RTNL_NEIGH_FDB_EXT_ATTRS, "NFEA_???", by_name(
            X.RTNL_NEIGH_FDB_EXT_ATTRS, {"NFEA_ACTIVITY_NOTIFY": nla_named(
                1, X.FDB_NOTIFY_FLAGS, "FDB_NOTIFY_???", as_flags=True)})),
        "NDA_FLAGS_EXT": nla_named(4, X.NEIGHBOR_CACHE_ENTRY_EXT_FLAGS, "NTF_EXT_???",
                                   as_flags=True),
        "NDA_NDM_STATE_MASK": nla_named(2, X.NEIGHBOR_CACHE_ENTRY_STATES, "NUD_???",
                                        as_flags=True),
        "NDA_NDM_FLAGS_MASK": nla_named(1, X.NEIGHBOR_CACHE_ENTRY_FLAGS, "NTF_???",
                                        as_flags=True),
    })


# --- NDTA_* (struct ndtmsg) --------------------------------------------------------

_NDT_STATS = ("ndts_allocs", "ndts_destroys", "ndts_hash_grows", "ndts_res_failed",
              "ndts_lookups", "ndts_hits", "ndts_rcv_probes_mcast", "ndts_rcv_probes_ucast",
              "ndts_periodic_gc_runs", "ndts_forced_gc_runs", "ndts_table_fulls")
_ndt_stats_full = nla_fields("<" + "Q" * 11, *_NDT_STATS)
_ndt_stats_old = nla_fields("<" + "Q" * 10, *_NDT_STATS[:10])


def _ndt_stats(c: Call, addr: int, size: int) -> Value | None:
    """struct ndt_stats, or its older form without ndts_table_fulls."""
    if size >= 88:
        return _ndt_stats_full(c, addr, size)
    return _ndt_stats_old(c, addr, size) if size == 80 else None


_NDTPA_U64 = ("NDTPA_REACHABLE_TIME", "NDTPA_BASE_REACHABLE_TIME", "NDTPA_RETRANS_TIME",
              "NDTPA_GC_STALETIME", "NDTPA_DELAY_PROBE_TIME", "NDTPA_ANYCAST_DELAY",
              "NDTPA_PROXY_DELAY", "NDTPA_LOCKTIME", "NDTPA_INTERVAL_PROBE_TIME_MS")
_NDTPA_U32 = ("NDTPA_REFCNT", "NDTPA_QUEUE_LEN", "NDTPA_APP_PROBES", "NDTPA_UCAST_PROBES",
              "NDTPA_MCAST_PROBES", "NDTPA_PROXY_QLEN", "NDTPA_QUEUE_LENBYTES",
              "NDTPA_MCAST_REPROBES")
_NDTA_PARMS = nla_nested(X.RTNL_NEIGHTBL_PARMS_ATTRS, "NDTPA_???", by_name(
    X.RTNL_NEIGHTBL_PARMS_ATTRS, {"NDTPA_IFINDEX": nla_ifindex,
                                  **{n: nla_u64 for n in _NDTPA_U64},
                                  **{n: nla_u32 for n in _NDTPA_U32}}))
NEIGHTBL_DECODERS = by_name(X.RTNL_NEIGHTBL_ATTRS, {
    "NDTA_NAME": nla_str, "NDTA_THRESH1": nla_u32, "NDTA_THRESH2": nla_u32,
    "NDTA_THRESH3": nla_u32,
    "NDTA_CONFIG": nla_fields("<HHIIIIIII", "ndtc_key_len", "ndtc_entry_size",
                              "ndtc_entries", "ndtc_last_flush", "ndtc_last_rand",
                              "ndtc_hash_rnd", "ndtc_hash_mask:0x", "ndtc_hash_chain_gc",
                              "ndtc_proxy_qlen"),
    "NDTA_PARMS": _NDTA_PARMS, "NDTA_STATS": _ndt_stats, "NDTA_GC_INTERVAL": nla_u64,
})


# --- FRA_* (struct fib_rule_hdr) ---------------------------------------------------

def RULE_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    address = nla_inet_addr(family)
    port_range = nla_fields("<HH", "start", "end")
    return by_name(X.RTNL_RULE_ATTRS, {
        "FRA_DST": address, "FRA_SRC": address, "FRA_IIFNAME": nla_str,
        "FRA_PRIORITY": nla_u32, "FRA_FWMARK": nla_u32, "FRA_FLOW": nla_u32,
        "FRA_TUN_ID": nla_be64, "FRA_SUPPRESS_IFGROUP": nla_u32,
        "FRA_SUPPRESS_PREFIXLEN": nla_u32, "FRA_TABLE": nla_rt_class, "FRA_FWMASK": nla_u32,
        "FRA_OIFNAME": nla_str, "FRA_L3MDEV": nla_u8,
        "FRA_UID_RANGE": nla_fields("<II", "start", "end"), "FRA_PROTOCOL": nla_rt_proto,
        "FRA_IP_PROTO": nla_ip_proto, "FRA_SPORT_RANGE": port_range,
        "FRA_DPORT_RANGE": port_range,
    })


# --- TCA_* (struct tcmsg), TCA_ACT_* (struct tcamsg) ---------------------------------

_TC_STATS = nla_fields("<QIIIIIII", "bytes", "packets", "drops", "overlimits", "bps",
                       "pps", "qlen", "backlog")
_GNET_BASIC = nla_fields("<QI", "bytes", "packets")
_GNET_RATE_EST = nla_fields("<II", "bps", "pps")
_GNET_RATE_EST64 = nla_fields("<QQ", "bps", "pps")
_GNET_QUEUE = nla_fields("<IIIII", "qlen", "backlog", "drops", "requeues", "overlimits")
nla_tc_stats = nla_nested(X.RTNL_TCA_STATS_ATTRS, "TCA_STATS_???", by_name(
    X.RTNL_TCA_STATS_ATTRS, {
        "TCA_STATS_BASIC": _GNET_BASIC, "TCA_STATS_RATE_EST": _GNET_RATE_EST,
        "TCA_STATS_QUEUE": _GNET_QUEUE, "TCA_STATS_RATE_EST64": _GNET_RATE_EST64,
        "TCA_STATS_BASIC_HW": _GNET_BASIC, "TCA_STATS_PKT64": nla_u64}))


def _tc_estimator(values: tuple[Any, ...]) -> Value:
    return Struct((("interval", Int(values[0])), ("ewma_log", Int(values[1], "u"))))


_TCA_STAB = nla_nested(X.RTNL_TCA_STAB_ATTRS, "TCA_STAB_???", by_name(
    X.RTNL_TCA_STAB_ATTRS, {
        "TCA_STAB_BASE": nla_fields("<BBhiIIII", "cell_log", "size_log", "cell_align:d",
                                    "overhead:d", "linklayer", "mpu", "mtu", "tsize"),
        "TCA_STAB_DATA": nla_array(2, lambda v: Int(v, "u")),
    }))
TC_DECODERS = by_name(X.RTNL_TC_ATTRS, {
    "TCA_KIND": nla_str, "TCA_STATS": _TC_STATS,
    "TCA_RATE": nla_struct(_struct.Struct("<bB"), _tc_estimator),
    "TCA_FCNT": nla_u32, "TCA_STATS2": nla_tc_stats, "TCA_STAB": _TCA_STAB,
    "TCA_CHAIN": nla_u32, "TCA_HW_OFFLOAD": nla_u8, "TCA_INGRESS_BLOCK": nla_u32,
    "TCA_EGRESS_BLOCK": nla_u32, "TCA_DUMP_FLAGS": nla_u32,
})
_TCA_ACT_FLAGS = nla_named(4, X.RTNL_TCA_ACT_FLAGS, "TCA_ACT_FLAGS_???", as_flags=True)
_TCA_ACT_HW_STATS = nla_named(4, X.RTNL_TCA_ACT_HW_STATS, "TCA_ACT_HW_STATS_???",
                              as_flags=True)
TC_ACTION_DECODERS = by_name(X.RTNL_TC_ACTION_ATTRS, {
    "TCA_ACT_KIND": nla_str, "TCA_ACT_INDEX": nla_u32, "TCA_ACT_STATS": nla_tc_stats,
    "TCA_ACT_FLAGS": _TCA_ACT_FLAGS, "TCA_ACT_HW_STATS": _TCA_ACT_HW_STATS,
    "TCA_ACT_USED_HW_STATS": _TCA_ACT_HW_STATS, "TCA_ACT_IN_HW_COUNT": nla_u32,
})


# --- IFAL_*, NETCONFA_*, NETNSA_* ----------------------------------------------------

def ADDRLABEL_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    return by_name(X.RTNL_ADDRLABEL_ATTRS, {"IFAL_ADDRESS": nla_inet_addr(family),
                                            "IFAL_LABEL": nla_u32})


NETCONF_DECODERS = by_name(X.RTNL_NETCONF_ATTRS, {
    "NETCONFA_IFINDEX": nla_ifindex,
    **{name: nla_s32 for name, _ in X.RTNL_NETCONF_ATTRS
       if name not in ("NETCONFA_UNSPEC", "NETCONFA_IFINDEX")},
})
NSID_DECODERS = by_name(X.RTNL_NSID_ATTRS, {
    "NETNSA_NSID": nla_s32, "NETNSA_PID": nla_u32, "NETNSA_FD": nla_fd,
    "NETNSA_TARGET_NSID": nla_s32, "NETNSA_CURRENT_NSID": nla_s32,
})


# --- NHA_* (struct nhmsg) ------------------------------------------------------------

def _nexthop_grp(values: tuple[Any, ...]) -> Value:
    fields: list[tuple[str | None, Value]] = [("id", Int(values[0], "u")),
                                              ("weight", Int(values[1], "u"))]
    if values[2]:
        fields.append(("resvd1", Int(values[2], "x")))
    if values[3]:
        fields.append(("resvd2", Int(values[3], "x")))
    return Struct(tuple(fields))


_NH_GRP_ARRAY = nla_array_of(_struct.Struct("<IBBH"), _nexthop_grp)
_NHA_RES_GROUP = nla_nested(X.RTNL_NHA_RES_GROUP_ATTRS, "NHA_RES_GROUP_???", by_name(
    X.RTNL_NHA_RES_GROUP_ATTRS, {
        "NHA_RES_GROUP_BUCKETS": nla_u16, "NHA_RES_GROUP_IDLE_TIMER": nla_clock_t,
        "NHA_RES_GROUP_UNBALANCED_TIMER": nla_clock_t,
        "NHA_RES_GROUP_UNBALANCED_TIME": nla_clock_t}))
_NHA_RES_BUCKET = nla_nested(X.RTNL_NHA_RES_BUCKET_ATTRS, "NHA_RES_BUCKET_???", by_name(
    X.RTNL_NHA_RES_BUCKET_ATTRS, {
        "NHA_RES_BUCKET_INDEX": nla_u16, "NHA_RES_BUCKET_IDLE_TIME": nla_clock_t,
        "NHA_RES_BUCKET_NH_ID": nla_u32}))


def NEXTHOP_DECODERS(family: int, fields: tuple[int, ...]) -> Decoders:
    return by_name(X.RTNL_NEXTHOP_ATTRS, {
        "NHA_ID": nla_u32, "NHA_GROUP": _NH_GRP_ARRAY,
        "NHA_GROUP_TYPE": nla_named(2, X.RTNL_NEXTHOP_GRP_TYPES, "NEXTHOP_GRP_TYPE_???"),
        "NHA_BLACKHOLE": nla_u32, "NHA_OIF": nla_ifindex,
        "NHA_GATEWAY": nla_inet_addr(family), "NHA_ENCAP_TYPE": nla_lwt_encap_type,
        "NHA_GROUPS": nla_u32, "NHA_MASTER": nla_ifindex, "NHA_FDB": nla_u32,
        "NHA_RES_GROUP": _NHA_RES_GROUP, "NHA_RES_BUCKET": _NHA_RES_BUCKET,
    })


# --- MDBA_* (struct br_port_msg) ----------------------------------------------------

_MDBA_ROUTER_PATTRS = by_name(X.RTNL_MDBA_ROUTER_PATTR_ATTRS, {
    "MDBA_ROUTER_PATTR_TIMER": nla_clock_t,
    "MDBA_ROUTER_PATTR_TYPE": nla_named(1, X.MULTICAST_ROUTER_TYPES, "MDB_RTR_TYPE_???"),
    "MDBA_ROUTER_PATTR_INET_TIMER": nla_clock_t,
    "MDBA_ROUTER_PATTR_INET6_TIMER": nla_clock_t})


def _mdba_router_port(c: Call, addr: int, size: int) -> Value | None:
    """A port's ifindex (a u32), then its attributes."""
    index = nla_ifindex(c, addr, size)
    if index is None or size <= 4:
        return index
    return Parts((index, decode_nlattrs(c, addr + 4, size - 4, X.RTNL_MDBA_ROUTER_PATTR_ATTRS,
                                        "MDBA_ROUTER_PATTR_???", _MDBA_ROUTER_PATTRS)))


_BR_MDB_ENTRY = _struct.Struct("<IBBH16s2s2x")   # struct br_mdb_entry
_MDB_EATTRS = by_name(X.RTNL_MDBA_MDB_EATTR_ATTRS, {"MDBA_MDB_EATTR_TIMER": nla_clock_t})


def _mdb_addr(raw: bytes, proto: int) -> tuple[str | None, Value]:
    """br_mdb_entry's addr.u, by its protocol taken as an address family (as strace
    takes it: an ETH_P_IP protocol prints as bytes)."""
    name = X.SOCKET_FAMILIES.name(proto)
    if name == "AF_INET":
        return ("u", Sym(Str(raw, hex=True), inet_addr_field(raw[:4]).sym))
    if name == "AF_INET6":
        return (None, inet6_addr_field(raw, "u"))
    return ("u", Str(raw, hex=True))


def _mdb_entry_info(c: Call, addr: int, size: int) -> Value | None:
    """MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then MDBA_MDB_EATTR_* attributes."""
    if size < _BR_MDB_ENTRY.size:
        return None
    got = c.fetch(addr, _BR_MDB_ENTRY.size)
    entry: Value
    if got is None:
        entry = Addr(addr)
    else:
        ifindex, state, flags, vid, u, proto_be = _BR_MDB_ENTRY.unpack(got)
        proto = int.from_bytes(proto_be, "big")
        entry = Struct((
            ("ifindex", ifindex_value(ifindex)),
            ("state", const(X.MDB_STATES, state, "x", "MDB_???")),
            ("flags", flag_value(X.MDB_FLAGS, flags, "MDB_FLAGS_???")),
            ("vid", Int(vid, "u")),
            ("addr", Struct((_mdb_addr(u, proto), ("proto", Func("htons", (
                const(X.SOCKET_FAMILIES, proto, "x", "AF_???"),)))))),
        ))
    if size <= _BR_MDB_ENTRY.size:
        return entry
    return Parts((entry, decode_nlattrs(c, addr + _BR_MDB_ENTRY.size,
                                        size - _BR_MDB_ENTRY.size,
                                        X.RTNL_MDBA_MDB_EATTR_ATTRS, "MDBA_MDB_EATTR_???",
                                        _MDB_EATTRS)))


_MDBA_MDB = nla_nested(X.RTNL_MDBA_MDB_ATTRS, "MDBA_MDB_???", by_name(
    X.RTNL_MDBA_MDB_ATTRS, {"MDBA_MDB_ENTRY": nla_nested(
        X.RTNL_MDBA_MDB_ENTRY_ATTRS, "MDBA_MDB_ENTRY_???", by_name(
            X.RTNL_MDBA_MDB_ENTRY_ATTRS, {"MDBA_MDB_ENTRY_INFO": _mdb_entry_info}))}))
_MDBA_ROUTER = nla_nested(X.RTNL_MDBA_ROUTER_ATTRS, "MDBA_ROUTER_???", by_name(
    X.RTNL_MDBA_ROUTER_ATTRS, {"MDBA_ROUTER_PORT": _mdba_router_port}))
MDB_DECODERS = by_name(X.RTNL_MDB_ATTRS, {"MDBA_MDB": _MDBA_MDB, "MDBA_ROUTER": _MDBA_ROUTER})


# --- cache reports (RTM_NEWCACHEREPORT) ----------------------------------------------

def cachereport_attrs(c: Call, family: int, addr: int, size: int) -> Value:
    """The attributes of an RTNL_FAMILY_IPMR or RTNL_FAMILY_IP6MR cache report, or the
    bytes of any other family's (strace's decode_nla_af_spec)."""
    name = X.RTNL_FAMILY.name(family)
    if name == "RTNL_FAMILY_IPMR":
        return decode_nlattrs(c, addr, size, X.RTNL_IPMRA_CREPORT_ATTR,
                              "IPMRA_CREPORT_???", by_name(X.RTNL_IPMRA_CREPORT_ATTR, {
                                  "IPMRA_CREPORT_MSGTYPE": nla_named(
                                      1, X.RTNL_IPMRA_MSG_TYPES, "IGMPMSG_???"),
                                  "IPMRA_CREPORT_VIF_ID": nla_u32,
                                  "IPMRA_CREPORT_SRC_ADDR": nla_in_addr,
                                  "IPMRA_CREPORT_DST_ADDR": nla_in_addr,
                                  "IPMRA_CREPORT_TABLE": nla_u32}))
    if name == "RTNL_FAMILY_IP6MR":
        return decode_nlattrs(c, addr, size, X.RTNL_IP6MRA_CREPORT_ATTR,
                              "IP6MRA_CREPORT_???", by_name(X.RTNL_IP6MRA_CREPORT_ATTR, {
                                  "IP6MRA_CREPORT_MSGTYPE": nla_named(
                                      1, X.RTNL_IP6MRA_MSG_TYPES, "MRT6MSG_???"),
                                  "IP6MRA_CREPORT_MIF_ID": nla_u32,
                                  "IP6MRA_CREPORT_SRC_ADDR": nla_in6_addr,
                                  "IP6MRA_CREPORT_DST_ADDR": nla_in6_addr}))
    return hex_bytes(c, addr, size)
