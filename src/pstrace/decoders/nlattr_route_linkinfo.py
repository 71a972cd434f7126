"""IFLA_LINKINFO: a link's kind (IFLA_INFO_KIND, IFLA_INFO_SLAVE_KIND) and the data,
statistics and port data of that kind (IFLA_INFO_DATA of a bridge or a tun device,
IFLA_INFO_XSTATS of a CAN device, IFLA_INFO_SLAVE_DATA of a bridge port), as strace 6.1
prints them; other kinds' data print as bytes.
strace counterpart: rtnl_link.c (decode_ifla_linkinfo, ifla_linkinfo_nla_decoders and
struct ifla_linkinfo_ctx).

The kind is the string of an earlier IFLA_INFO_KIND (IFLA_INFO_SLAVE_KIND) attribute of
the same list: each list is decoded with its own dict of kinds (strace's
ifla_linkinfo_ctx), which the kind attributes' decoders fill as the walker reaches them.
"""
from __future__ import annotations

from collections.abc import Mapping

from .. import xlat as X
from ..values import Value
from ._bounded import bounded_cstr
from .base import Call
from .nlattr import (
    AttrDecoder,
    by_name,
    decode_nlattrs,
    nla_fields,
    nla_nested,
    nla_u8,
    nla_u32,
    nla_uid,
    nla_xval,
)
from .nlattr_route_bridge import BRIDGE_DATA, BRPORT

_KIND_SIZE = 64     # sizeof(struct ifla_linkinfo_ctx.kind): longer kinds are not kept

_TUN_U8 = ("PI", "VNET_HDR", "PERSIST", "MULTI_QUEUE")
# IFLA_INFO_DATA of a "tun" link (IFLA_TUN_GROUP is a gid, printed as a uid is)
_TUN_DATA = nla_nested(X.RTNL_IFLA_INFO_DATA_TUN_ATTRS, "IFLA_TUN_???", by_name(
    X.RTNL_IFLA_INFO_DATA_TUN_ATTRS, {
        "IFLA_TUN_OWNER": nla_uid, "IFLA_TUN_GROUP": nla_uid,
        "IFLA_TUN_TYPE": nla_xval(X.TUN_DEVICE_TYPES, "IFF_???", 1),
        **{"IFLA_TUN_" + n: nla_u8 for n in _TUN_U8},
        "IFLA_TUN_NUM_QUEUES": nla_u32, "IFLA_TUN_NUM_DISABLED_QUEUES": nla_u32,
    }))
# IFLA_INFO_XSTATS of a "can" link: struct can_device_stats
_CAN_XSTATS = nla_fields("<IIIIII", "bus_error", "error_warning", "error_passive",
                         "bus_off", "arbitration_lost", "restarts")

_DATA: Mapping[bytes, AttrDecoder] = {b"bridge": BRIDGE_DATA, b"tun": _TUN_DATA}
_XSTATS: Mapping[bytes, AttrDecoder] = {b"can": _CAN_XSTATS}
_SLAVE_DATA: Mapping[bytes, AttrDecoder] = {b"bridge": BRPORT}


def _kind_string(c: Call, addr: int, size: int) -> bytes:
    """The kind an attribute names: its bytes up to a NUL; none when it does not fit
    the context or is unreadable (strace's update_ctx_str)."""
    if size >= _KIND_SIZE:
        return b""
    got = c.fetch(addr, size)
    return b"" if got is None else got.split(b"\0", 1)[0]


def _kind(kinds: dict[str, bytes], slot: str) -> AttrDecoder:
    """IFLA_INFO_KIND / IFLA_INFO_SLAVE_KIND: a NUL-terminated string of at most the
    attribute's size, remembered for the attributes that follow."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        kinds[slot] = _kind_string(c, addr, size)
        return bounded_cstr(c, addr, size)
    return decode


def _by_kind(kinds: dict[str, bytes], slot: str,
             table: Mapping[bytes, AttrDecoder]) -> AttrDecoder:
    """Data decoded by the kind remembered in `slot`; other kinds' data are not decoded."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        decoder = table.get(kinds.get(slot, b""))
        return None if decoder is None else decoder(c, addr, size)
    return decode


def linkinfo(c: Call, addr: int, size: int) -> Value | None:
    """IFLA_LINKINFO's list, each kind's data decoded by the kind named before it."""
    kinds: dict[str, bytes] = {}
    decoders = by_name(X.RTNL_IFLA_INFO_ATTRS, {
        "IFLA_INFO_KIND": _kind(kinds, "kind"),
        "IFLA_INFO_DATA": _by_kind(kinds, "kind", _DATA),
        "IFLA_INFO_XSTATS": _by_kind(kinds, "kind", _XSTATS),
        "IFLA_INFO_SLAVE_KIND": _kind(kinds, "slave"),
        "IFLA_INFO_SLAVE_DATA": _by_kind(kinds, "slave", _SLAVE_DATA),
    })
    return decode_nlattrs(c, addr, size, X.RTNL_IFLA_INFO_ATTRS, "IFLA_INFO_???", decoders)
