"""A bridge's netlink attributes: its port's (IFLA_BRPORT_*, in IFLA_PROTINFO and in
IFLA_INFO_SLAVE_DATA) and its own (IFLA_BR_*, in IFLA_INFO_DATA), with the structs they
hold (struct ifla_bridge_id, struct br_boolopt_multi) and IFLA_BR_MCAST_QUERIER_STATE's
list, as strace 6.1 prints them.
strace counterpart: rtnl_link.c (ifla_brport_nla_decoders,
ifla_info_data_bridge_nla_decoders and the decoders they name).
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..values import Array, Int, Struct, Value
from ..xlat import Xlat
from .nlattr import (
    AttrDecoder,
    by_name,
    flag_value,
    hwaddr_value,
    nla_clock_t,
    nla_ether_proto,
    nla_hwaddr,
    nla_ifindex,
    nla_in6_addr,
    nla_in_addr,
    nla_nested,
    nla_struct,
    nla_u8,
    nla_u16,
    nla_u32,
    nla_x16,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def _bridge_id(values: tuple[Any, ...]) -> Value:
    """struct ifla_bridge_id: {prio=[N, N], addr=00:11:22:33:44:55}."""
    prio, mac = values
    return Struct((("prio", Array(tuple(Int(b, "u") for b in prio))),
                   ("addr", hwaddr_value(mac))))


_BRIDGE_ID = nla_struct(_struct.Struct("<2s6s"), _bridge_id)
_BRPORT_U8 = ("STATE", "MODE", "GUARD", "PROTECT", "FAST_LEAVE", "LEARNING",
              "UNICAST_FLOOD", "PROXYARP", "LEARNING_SYNC", "PROXYARP_WIFI",
              "TOPOLOGY_CHANGE_ACK", "CONFIG_PENDING", "MULTICAST_ROUTER", "MCAST_FLOOD",
              "MCAST_TO_UCAST", "VLAN_TUNNEL", "BCAST_FLOOD", "NEIGH_SUPPRESS", "ISOLATED",
              "MRP_RING_OPEN", "MRP_IN_OPEN", "LOCKED")
_BRPORT_U16 = ("PRIORITY", "DESIGNATED_PORT", "DESIGNATED_COST", "ID", "NO")
_BRPORT = by_name(X.RTNL_IFLA_BRPORT_ATTRS, {
    **{"IFLA_BRPORT_" + n: nla_u8 for n in _BRPORT_U8},
    **{"IFLA_BRPORT_" + n: nla_u16 for n in _BRPORT_U16},
    **{"IFLA_BRPORT_" + n: nla_clock_t for n in ("MESSAGE_AGE_TIMER",
                                                 "FORWARD_DELAY_TIMER", "HOLD_TIMER")},
    "IFLA_BRPORT_COST": nla_u32, "IFLA_BRPORT_ROOT_ID": _BRIDGE_ID,
    "IFLA_BRPORT_BRIDGE_ID": _BRIDGE_ID, "IFLA_BRPORT_GROUP_FWD_MASK": nla_x16,
    "IFLA_BRPORT_BACKUP_PORT": nla_ifindex, "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT": nla_u32,
    "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT": nla_u32,
})
# a bridge port's attributes, the list in IFLA_PROTINFO and IFLA_INFO_SLAVE_DATA
BRPORT = nla_nested(X.RTNL_IFLA_BRPORT_ATTRS, "IFLA_BRPORT_???", _BRPORT)

# struct br_boolopt_multi's bits: 1<<BR_BOOLOPT_NO_LL_LEARN...
_BOOLOPT_BITS = Xlat((f"1<<{name}", 1 << bit) for name, bit in X.RTNL_IFLA_BR_BOOLOPTS)


def _boolopt(values: tuple[Any, ...]) -> Value:
    """struct br_boolopt_multi: {optval=FLAGS, optmask=FLAGS}."""
    optval, optmask = values
    return Struct(tuple((name, flag_value(_BOOLOPT_BITS, v, "1<<BR_BOOLOPT_???"))
                        for name, v in (("optval", optval), ("optmask", optmask))))


_QUERIER_STATE = nla_nested(X.RTNL_IFLA_BR_MCAST_QUERIER_ATTRS, "BRIDGE_QUERIER_???", by_name(
    X.RTNL_IFLA_BR_MCAST_QUERIER_ATTRS, {
        "BRIDGE_QUERIER_IP_ADDRESS": nla_in_addr, "BRIDGE_QUERIER_IP_PORT": nla_ifindex,
        "BRIDGE_QUERIER_IP_OTHER_TIMER": nla_clock_t,
        "BRIDGE_QUERIER_IPV6_ADDRESS": nla_in6_addr, "BRIDGE_QUERIER_IPV6_PORT": nla_ifindex,
        "BRIDGE_QUERIER_IPV6_OTHER_TIMER": nla_clock_t,
    }))
_BR_CLOCK_T = ("FORWARD_DELAY", "HELLO_TIME", "MAX_AGE", "AGEING_TIME", "HELLO_TIMER",
               "TCN_TIMER", "TOPOLOGY_CHANGE_TIMER", "GC_TIMER", "MCAST_LAST_MEMBER_INTVL",
               "MCAST_MEMBERSHIP_INTVL", "MCAST_QUERIER_INTVL", "MCAST_QUERY_INTVL",
               "MCAST_QUERY_RESPONSE_INTVL", "MCAST_STARTUP_QUERY_INTVL")
_BR_U8 = ("VLAN_FILTERING", "TOPOLOGY_CHANGE", "TOPOLOGY_CHANGE_DETECTED", "MCAST_ROUTER",
          "MCAST_SNOOPING", "MCAST_QUERY_USE_IFADDR", "MCAST_QUERIER", "NF_CALL_IPTABLES",
          "NF_CALL_IP6TABLES", "NF_CALL_ARPTABLES", "VLAN_STATS_ENABLED",
          "MCAST_STATS_ENABLED", "MCAST_IGMP_VERSION", "MCAST_MLD_VERSION",
          "VLAN_STATS_PER_PORT")
_BR_U16 = ("PRIORITY", "ROOT_PORT", "VLAN_DEFAULT_PVID")
_BR_U32 = ("STP_STATE", "ROOT_PATH_COST", "MCAST_HASH_ELASTICITY", "MCAST_HASH_MAX",
           "MCAST_LAST_MEMBER_CNT", "MCAST_STARTUP_QUERY_CNT")
# IFLA_INFO_DATA of a "bridge" link (IFLA_BR_FDB_FLUSH and IFLA_BR_PAD print as bytes)
BRIDGE_DATA: AttrDecoder = nla_nested(
    X.RTNL_IFLA_INFO_DATA_BRIDGE_ATTRS, "IFLA_BR_???", by_name(
        X.RTNL_IFLA_INFO_DATA_BRIDGE_ATTRS, {
            **{"IFLA_BR_" + n: nla_clock_t for n in _BR_CLOCK_T},
            **{"IFLA_BR_" + n: nla_u8 for n in _BR_U8},
            **{"IFLA_BR_" + n: nla_u16 for n in _BR_U16},
            **{"IFLA_BR_" + n: nla_u32 for n in _BR_U32},
            "IFLA_BR_VLAN_PROTOCOL": nla_ether_proto, "IFLA_BR_GROUP_FWD_MASK": nla_x16,
            "IFLA_BR_ROOT_ID": _BRIDGE_ID, "IFLA_BR_BRIDGE_ID": _BRIDGE_ID,
            "IFLA_BR_GROUP_ADDR": nla_hwaddr,
            "IFLA_BR_MULTI_BOOLOPT": nla_struct(_struct.Struct("<II"), _boolopt),
            "IFLA_BR_MCAST_QUERIER_STATE": _QUERIER_STATE,
        }))
