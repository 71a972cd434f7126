"""IFLA_VFINFO_LIST: a device's virtual functions (IFLA_VF_INFO), each a list of
IFLA_VF_* attributes holding struct ifla_vf_* (mac, vlan, rates, link state, GUIDs...),
their statistics (IFLA_VF_STATS_*) and VLAN list, as strace 6.1 prints them.
strace counterpart: rtnl_link.c (decode_ifla_vfinfo_list, ifla_vf_info_nla_decoders and
the decoders it names).
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..values import Func, Int, Struct, Value
from .base import Call, const
from .nlattr import (
    by_name,
    hwaddr_value,
    nla_fields,
    nla_nested,
    nla_struct,
    nla_u64,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def _vf_mac(values: tuple[Any, ...]) -> Value:
    """struct ifla_vf_mac: {vf=N, mac=XX:XX:...} (all 32 bytes of the address)."""
    return Struct((("vf", Int(values[0], "u")), ("mac", hwaddr_value(values[1]))))


def _vf_broadcast(values: tuple[Any, ...]) -> Value:
    """struct ifla_vf_broadcast: {broadcast=XX:XX:...}."""
    return Struct((("broadcast", hwaddr_value(values[0])),))


def _link_state(values: tuple[Any, ...]) -> Value:
    """struct ifla_vf_link_state: {vf=N, link_state=IFLA_VF_LINK_STATE_*}."""
    vf, state = values
    return Struct((("vf", Int(vf, "u")), ("link_state", const(
        X.RTNL_IFLA_VF_LINK_STATES, state, "x", "IFLA_VF_LINK_STATE_???"))))


def _vf_guid(values: tuple[Any, ...]) -> Value:
    """struct ifla_vf_guid: {vf=N, guid=0x...}."""
    return Struct((("vf", Int(values[0], "u")), ("guid", Int(values[1], "x"))))


# struct ifla_vf_guid is 12 bytes (packed) on some ABIs, 16 on others: either is read
_GUID_FORMS = {st.size: nla_struct(st, _vf_guid)
               for st in (_struct.Struct("<IQ"), _struct.Struct("<I4xQ"))}


def _guid(c: Call, addr: int, size: int) -> Value | None:
    """struct ifla_vf_guid, in whichever of its two sizes the attribute has."""
    decode = _GUID_FORMS.get(size)
    return None if decode is None else decode(c, addr, size)


def _vlan_info(values: tuple[Any, ...]) -> Value:
    """struct ifla_vf_vlan_info: vlan_proto is big-endian, printed htons(ETH_P_*)."""
    vf, vlan, qos, proto_be = values
    proto = int.from_bytes(proto_be, "big")
    return Struct((("vf", Int(vf, "u")), ("vlan", Int(vlan, "u")), ("qos", Int(qos, "u")),
                   ("vlan_proto", Func("htons", (const(X.ETHERNET_PROTOCOLS, proto, "x",
                                                       "ETH_P_???"),)))))


_VF_STATS = nla_nested(X.RTNL_IFLA_VF_STATS_ATTRS, "IFLA_VF_STATS_???", {
    value: nla_u64 for name, value in X.RTNL_IFLA_VF_STATS_ATTRS
    if name != "IFLA_VF_STATS_PAD"})
_VLAN_LIST = nla_nested(X.RTNL_IFLA_VF_VLAN_LIST_ATTRS, "IFLA_VF_VLAN_INFO_???", by_name(
    X.RTNL_IFLA_VF_VLAN_LIST_ATTRS, {
        "IFLA_VF_VLAN_INFO": nla_struct(_struct.Struct("<III2s2x"), _vlan_info)}))
_VF_SETTING = nla_fields("<II", "vf", "setting")
_VF_INFO = nla_nested(X.RTNL_IFLA_VF_INFO_ATTRS, "IFLA_VF_???", by_name(
    X.RTNL_IFLA_VF_INFO_ATTRS, {
        "IFLA_VF_MAC": nla_struct(_struct.Struct("<I32s"), _vf_mac),
        "IFLA_VF_VLAN": nla_fields("<III", "vf", "vlan", "qos"),
        "IFLA_VF_TX_RATE": nla_fields("<II", "vf", "rate"),
        "IFLA_VF_SPOOFCHK": _VF_SETTING,
        "IFLA_VF_LINK_STATE": nla_struct(_struct.Struct("<II"), _link_state),
        "IFLA_VF_RATE": nla_fields("<III", "vf", "min_tx_rate", "max_tx_rate"),
        "IFLA_VF_RSS_QUERY_EN": _VF_SETTING,
        "IFLA_VF_STATS": _VF_STATS,
        "IFLA_VF_TRUST": _VF_SETTING,
        "IFLA_VF_IB_NODE_GUID": _guid, "IFLA_VF_IB_PORT_GUID": _guid,
        "IFLA_VF_VLAN_LIST": _VLAN_LIST,
        "IFLA_VF_BROADCAST": nla_struct(_struct.Struct("<32s"), _vf_broadcast),
    }))
# IFLA_VFINFO_LIST's list of IFLA_VF_INFO
VFINFO_LIST = nla_nested(X.RTNL_IFLA_VFINFO_LIST_ATTRS, "IFLA_VF_INFO_???", by_name(
    X.RTNL_IFLA_VFINFO_LIST_ATTRS, {"IFLA_VF_INFO": _VF_INFO}))
