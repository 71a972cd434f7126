"""NETLINK_NETFILTER messages: the type as subsystem<<8|message
("NFNL_SUBSYS_ACCT<<8|NFNL_MSG_ACCT_NEW"), the request flags each message takes, and
the payload, a struct nfgenmsg followed by attributes.

strace counterpart: netlink.c (decode_nlmsg_type_netfilter,
decode_nlmsg_flags_netfilter), netlink_netfilter.c.
"""
from __future__ import annotations

from .. import xlat as X
from ..values import Addr, Const, Func, Int, Or, Parts, Shifted, Struct, Value
from ..xlat import Xlat
from .base import Call, const
from .netlink_common import NLMSG_DONE, Header, Protocol
from .nlattr import decode_nlattrs, hex_bytes

NLMSG_MIN_TYPE = 0x10
NFGENMSG_SIZE = 4   # struct nfgenmsg: u8 nfgen_family, u8 version, be16 res_id
_NO_TYPES = Xlat(())

# Per subsystem (by name): its message type table and the name of an unknown one.
_SUBSYS: dict[str, tuple[Xlat, str]] = {
    "NFNL_SUBSYS_CTNETLINK": (X.NF_CTNETLINK_MSG_TYPES, "IPCTNL_MSG_CT_???"),
    "NFNL_SUBSYS_CTNETLINK_EXP": (X.NF_CTNETLINK_EXP_MSG_TYPES, "IPCTNL_MSG_EXP_???"),
    "NFNL_SUBSYS_QUEUE": (X.NF_QUEUE_MSG_TYPES, "NFQNL_MSG_???"),
    "NFNL_SUBSYS_ULOG": (X.NF_ULOG_MSG_TYPES, "NFULNL_MSG_???"),
    "NFNL_SUBSYS_OSF": (X.NF_OSF_MSG_TYPES, "OSF_MSG_???"),
    "NFNL_SUBSYS_IPSET": (X.NF_IPSET_MSG_TYPES, "IPSET_CMD_???"),
    "NFNL_SUBSYS_ACCT": (X.NF_ACCT_MSG_TYPES, "NFNL_MSG_ACCT_???"),
    "NFNL_SUBSYS_CTNETLINK_TIMEOUT": (X.NF_CTTIMEOUT_MSG_TYPES, "IPCTNL_MSG_TIMEOUT_???"),
    "NFNL_SUBSYS_CTHELPER": (X.NF_CTHELPER_MSG_TYPES, "NFNL_MSG_CTHELPER_???"),
    "NFNL_SUBSYS_NFTABLES": (X.NF_NFTABLES_MSG_TYPES, "NFT_MSG_???"),
    "NFNL_SUBSYS_NFT_COMPAT": (X.NF_NFT_COMPAT_MSG_TYPES, "NFNL_MSG_COMPAT_???"),
    "NFNL_SUBSYS_HOOK": (X.NF_HOOK_MSG_TYPES, "NFT_MSG_HOOK_???"),
}

# The messages whose flags are a NEW, GET or DELETE request's, by name.
_NEW = ("IPCTNL_MSG_CT_NEW IPCTNL_MSG_EXP_NEW NFNL_MSG_ACCT_NEW IPCTNL_MSG_TIMEOUT_NEW "
        "NFNL_MSG_CTHELPER_NEW NFT_MSG_NEWTABLE NFT_MSG_NEWCHAIN NFT_MSG_NEWRULE "
        "NFT_MSG_NEWSET NFT_MSG_NEWSETELEM NFT_MSG_NEWGEN NFT_MSG_NEWOBJ "
        "NFT_MSG_NEWFLOWTABLE")
_GET = ("IPCTNL_MSG_CT_GET IPCTNL_MSG_CT_GET_CTRZERO IPCTNL_MSG_CT_GET_STATS_CPU "
        "IPCTNL_MSG_CT_GET_STATS IPCTNL_MSG_CT_GET_DYING IPCTNL_MSG_CT_GET_UNCONFIRMED "
        "IPCTNL_MSG_EXP_GET IPCTNL_MSG_EXP_GET_STATS_CPU NFNL_MSG_ACCT_GET "
        "NFNL_MSG_ACCT_GET_CTRZERO IPCTNL_MSG_TIMEOUT_GET NFNL_MSG_CTHELPER_GET "
        "NFT_MSG_GETTABLE NFT_MSG_GETCHAIN NFT_MSG_GETRULE NFT_MSG_GETSET "
        "NFT_MSG_GETSETELEM NFT_MSG_GETGEN NFT_MSG_GETOBJ NFT_MSG_GETOBJ_RESET "
        "NFT_MSG_GETFLOWTABLE NFNL_MSG_COMPAT_GET NFNL_MSG_HOOK_GET")
_DELETE = ("IPCTNL_MSG_CT_DELETE IPCTNL_MSG_EXP_DELETE NFNL_MSG_ACCT_DEL "
           "IPCTNL_MSG_TIMEOUT_DELETE NFNL_MSG_CTHELPER_DEL NFT_MSG_DELTABLE "
           "NFT_MSG_DELCHAIN NFT_MSG_DELRULE NFT_MSG_DELSET NFT_MSG_DELSETELEM "
           "NFT_MSG_DELOBJ NFT_MSG_DELFLOWTABLE")
_FLAGS: dict[str, Xlat] = {
    **dict.fromkeys(_NEW.split(), X.NETLINK_NEW_FLAGS),
    **dict.fromkeys(_GET.split(), X.NETLINK_GET_FLAGS),
    **dict.fromkeys(_DELETE.split(), X.NETLINK_DELETE_FLAGS),
}


def _subsystem(kind: int) -> tuple[Xlat, str] | None:
    return _SUBSYS.get(X.NL_NETFILTER_SUBSYS_IDS.name(kind >> 8) or "")


def type_value(kind: int) -> Value:
    """NFNL_MSG_BATCH_BEGIN, or "NFNL_SUBSYS_...<<8|message" (message in hex when the
    subsystem has no table)."""
    name = X.NL_NETFILTER_MSG_TYPES.name(kind)
    if name is not None:
        return Const(name, kind)
    subsys = const(X.NL_NETFILTER_SUBSYS_IDS, kind >> 8, "x", "NFNL_SUBSYS_???")
    row = _subsystem(kind)
    msg = const(row[0], kind & 0xFF, "x", row[1]) if row else Int(kind & 0xFF, "x")
    return Or((Shifted(subsys, 8), msg))


def flags_table(kind: int) -> Xlat | None:
    row = _subsystem(kind)
    return _FLAGS.get(row[0].name(kind & 0xFF) or "") if row else None


def _res_id(kind: int, raw: bytes) -> Value:
    """res_id, a big-endian number; nftables long sent it in host order (linux commit
    v4.3-rc1~28^2~47^2~1), so both orders of NFNL_SUBSYS_NFTABLES are named."""
    stored = int.from_bytes(raw, "little")
    res_id = int.from_bytes(raw, "big")
    nftables = X.NL_NETFILTER_SUBSYS_IDS.value("NFNL_SUBSYS_NFTABLES")
    if kind >> 8 == nftables and res_id == nftables:
        return Const("htons(NFNL_SUBSYS_NFTABLES)", stored)
    if kind >> 8 == nftables and stored == nftables:
        return Const("NFNL_SUBSYS_NFTABLES", stored)
    return Func("htons", (Int(res_id, "u"),))


def payload(c: Call, hdr: Header, addr: int, size: int) -> Value | None:
    """struct nfgenmsg, then the attributes (batch and control messages: bytes)."""
    kind = hdr[1]
    if kind == NLMSG_DONE:
        return None
    if size < NFGENMSG_SIZE:
        return hex_bytes(c, addr, size)
    raw = c.fetch(addr, NFGENMSG_SIZE)
    if raw is None:
        return Addr(addr)
    nfgenmsg = Struct((
        ("nfgen_family", const(X.SOCKET_FAMILIES, raw[0], "x", "AF_???")),
        ("version", const(X.NETFILTER_VERSIONS, raw[1], "x", "NFNETLINK_???")),
        ("res_id", _res_id(kind, raw[2:4]))))
    if size <= NFGENMSG_SIZE:
        return nfgenmsg
    rest_addr, rest_size = addr + NFGENMSG_SIZE, size - NFGENMSG_SIZE
    batch = (X.NL_NETFILTER_MSG_TYPES.name(kind) is not None  # NFNL_MSG_BATCH_BEGIN/END
             or kind < NLMSG_MIN_TYPE)
    # attributes of no known type: strace names none and prints their data as bytes
    rest = (hex_bytes(c, rest_addr, rest_size) if batch
            else decode_nlattrs(c, rest_addr, rest_size, _NO_TYPES, ""))
    return Parts((nfgenmsg, rest))   # printed inside the message's brackets


PROTOCOL = Protocol(type_value, flags_table, payload)
