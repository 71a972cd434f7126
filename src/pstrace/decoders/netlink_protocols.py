"""The netlink protocols whose message types, flags and payloads have their own
decoder module, by NETLINK_ name (strace's nlmsg_types[], nlmsg_flags[] and
netlink_decoders[] tables, for these protocols).

strace counterpart: netlink.c's per-family tables.
"""
from __future__ import annotations

from . import netlink_crypto, netlink_diag, netlink_genl, netlink_nf
from .netlink_common import Protocol

PROTOCOLS: dict[str, Protocol] = {
    "NETLINK_CRYPTO": netlink_crypto.PROTOCOL,
    "NETLINK_GENERIC": netlink_genl.PROTOCOL,
    "NETLINK_NETFILTER": netlink_nf.PROTOCOL,
    "NETLINK_SOCK_DIAG": netlink_diag.PROTOCOL,
}
