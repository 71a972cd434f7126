"""The attributes of inet_diag_msg replies (INET_DIAG_*): memory counters, TCP
congestion control details, shutdown bits, marks, local and peer addresses, MD5
signatures, ULP (TLS, MPTCP) and BPF storage details, socket options, cgroup ids.

strace counterpart: netlink_inet_diag.c (inet_diag_msg_nla_decoders).
"""
from __future__ import annotations

import os
import struct as _struct

from .. import xlat as X
from ..values import Addr, Comment, Int, Parts, Str, Struct, Value
from ..xlat.core import split_flags
from ._fs_common import nonzero_tail
from .base import Call, const
from .netlink_diag_attrs import (
    Attrs,
    array,
    fields,
    inet_addr,
    named_in_comment,
    nla_meminfo,
    plain,
    u,
    x,
)
from .nlattr import (
    by_name,
    nla_flags,
    nla_ip_proto,
    nla_nested,
    nla_str,
    nla_struct,
    nla_u8,
    nla_u16,
    nla_u32,
    nla_u64,
    nla_x32,
    nla_xint,
    nla_xval,
)
from .sockaddr import sockaddr_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def _shutdown(c: Call, addr: int, size: int) -> Value | None:
    """RCV_SHUTDOWN/SEND_SHUTDOWN bits, named in a comment whatever -X says (the
    names are not UAPI, strace's note)."""
    got = nla_u8(c, addr, size)
    if not isinstance(got, Int):
        return got
    value = got.value
    if not value:
        return Int(0)
    names, rest = split_flags(X.SOCK_SHUTDOWN_FLAGS, value)
    if not names:
        return named_in_comment(value, "???_SHUTDOWN")
    return named_in_comment(value, "|".join((*names, *((f"{rest:#x}",) if rest else ()))))


_DCTCP = _struct.Struct("<HHIII")   # struct tcp_dctcp_info


def _dctcp(v: tuple[Any, ...]) -> Value:
    return fields(("dctcp_enabled", u), ("dctcp_ce_state", u), ("dctcp_alpha", u),
                  ("dctcp_ab_ecn", u), ("dctcp_ab_tot", u))(v)


_SOCKOPT_BITS = ("recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent",
                 "mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884",
                 "defer_connect")
_SOCKOPT_SIZE = 2   # struct inet_diag_sockopt: 11 one-bit fields and 5 unused bits


def _sockopt(c: Call, addr: int, size: int) -> Value | None:
    """struct inet_diag_sockopt: its set bits (every bit with -v), then the bytes
    after it that are not zero."""
    if size < _SOCKOPT_SIZE:
        return None
    got = c.fetch(addr, _SOCKOPT_SIZE)
    if got is None:
        return Addr(addr)
    word = int.from_bytes(got, "little")
    out: list[tuple[str | None, Value]] = [
        (name, Int(word >> bit & 1, "u")) for bit, name in enumerate(_SOCKOPT_BITS)
        if c.opts.verbose or word >> bit & 1]
    unused = word >> len(_SOCKOPT_BITS)
    if c.opts.verbose or unused:
        out.append(("unused", Comment(Int(unused, "x"), "bits 3..8")))
    head = Struct(tuple(out))
    tail = nonzero_tail(c, addr, _SOCKOPT_SIZE, min(size, os.sysconf("SC_PAGESIZE")))
    return head if tail is None else Parts((head, tail))


_SOCKADDR_STORAGE = _struct.Struct("<128s")


def _sockaddrs(c: Call, addr: int, size: int) -> Value | None:
    """An array of struct sockaddr_storage."""
    return array(_SOCKADDR_STORAGE, lambda v: sockaddr_value(c, v[0]))(c, addr, size)


_MD5SIG = _struct.Struct("<BBH16s80s")   # struct tcp_diag_md5sig


def _md5sig(v: tuple[Any, ...]) -> Value:
    family, prefixlen, keylen, address, key = v
    return Struct((("tcpm_family", const(X.SOCKET_FAMILIES, family, "x", "AF_???")),
                   ("tcpm_prefixlen", u(prefixlen)), ("tcpm_keylen", u(keylen)),
                   inet_addr(address, family, "tcpm_addr"),
                   ("tcpm_key", Str(key[:min(len(key), keylen)], hex=True))))


_TLS = by_name(X.TLS_INFO_ATTRS, {
    "TLS_INFO_VERSION": nla_xval(X.TLS_INFO_VERSIONS, "TLS_???_VERSION", 2),
    "TLS_INFO_CIPHER": nla_xval(X.TLS_INFO_CIPHERS, "TLS_CIPHER_???", 2),
    "TLS_INFO_TXCONF": nla_xval(X.TLS_INFO_CONFIGS, "TLS_CONF_???", 2),
    "TLS_INFO_RXCONF": nla_xval(X.TLS_INFO_CONFIGS, "TLS_CONF_???", 2),
})
_MPTCP = by_name(X.MPTCP_SUBFLOW_ATTRS, {
    "MPTCP_SUBFLOW_ATTR_TOKEN_REM": nla_x32,
    "MPTCP_SUBFLOW_ATTR_TOKEN_LOC": nla_x32,
    "MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ": nla_u32,
    "MPTCP_SUBFLOW_ATTR_MAP_SEQ": nla_u64,
    "MPTCP_SUBFLOW_ATTR_MAP_SFSEQ": nla_u32,
    "MPTCP_SUBFLOW_ATTR_SSN_OFFSET": nla_u32,
    "MPTCP_SUBFLOW_ATTR_MAP_DATALEN": nla_u16,
    "MPTCP_SUBFLOW_ATTR_FLAGS": nla_flags(X.MPTCP_SUBFLOW_FLAGS, "MPTCP_SUBFLOW_FLAG_???", 4),
    "MPTCP_SUBFLOW_ATTR_ID_REM": nla_u8,
    "MPTCP_SUBFLOW_ATTR_ID_LOC": nla_u8,
})
_ULP_INFO = by_name(X.INET_DIAG_ULP_INFO_ATTRS, {
    "INET_ULP_INFO_NAME": nla_str,
    # the attributes of each ULP have their own types, whatever INET_ULP_INFO_NAME says
    "INET_ULP_INFO_TLS": nla_nested(X.TLS_INFO_ATTRS, "TLS_INFO_???", _TLS),
    "INET_ULP_INFO_MPTCP": nla_nested(X.MPTCP_SUBFLOW_ATTRS, "MPTCP_SUBFLOW_ATTR_???", _MPTCP),
})
_BPF_STORAGE = by_name(X.BPF_STORAGE_ATTRS, {
    "SK_DIAG_BPF_STORAGE_MAP_ID": nla_u32,
    "SK_DIAG_BPF_STORAGE_MAP_VALUE": nla_xint,
})
_BPF_STORAGES = by_name(X.BPF_STORAGES_ATTRS, {
    "SK_DIAG_BPF_STORAGE": nla_nested(X.BPF_STORAGE_ATTRS, "SK_DIAG_BPF_STORAGE_???",
                                      _BPF_STORAGE),
})

INET_MSG = Attrs(X.INET_DIAG_ATTRS, "INET_DIAG_???", by_name(X.INET_DIAG_ATTRS, {
    "INET_DIAG_MEMINFO": plain("<4I", "idiag_rmem", "idiag_wmem", "idiag_fmem",
                               "idiag_tmem"),
    "INET_DIAG_VEGASINFO": plain("<4I", "tcpv_enabled", "tcpv_rttcnt", "tcpv_rtt",
                                 "tcpv_minrtt"),
    "INET_DIAG_CONG": nla_str,
    "INET_DIAG_TOS": nla_u8,
    "INET_DIAG_TCLASS": nla_u8,
    "INET_DIAG_SKMEMINFO": nla_meminfo,
    "INET_DIAG_SHUTDOWN": _shutdown,
    "INET_DIAG_DCTCPINFO": nla_struct(_DCTCP, _dctcp),
    "INET_DIAG_PROTOCOL": nla_ip_proto,
    "INET_DIAG_SKV6ONLY": nla_u8,
    "INET_DIAG_MARK": nla_u32,
    "INET_DIAG_BBRINFO": nla_struct(_struct.Struct("<5I"), fields(
        ("bbr_bw_lo", x), ("bbr_bw_hi", x), ("bbr_min_rtt", u), ("bbr_pacing_gain", u),
        ("bbr_cwnd_gain", u))),
    "INET_DIAG_CLASS_ID": nla_u32,
    "INET_DIAG_LOCALS": _sockaddrs,
    "INET_DIAG_PEERS": _sockaddrs,
    "INET_DIAG_MD5SIG": array(_MD5SIG, _md5sig),
    "INET_DIAG_ULP_INFO": nla_nested(X.INET_DIAG_ULP_INFO_ATTRS, "INET_ULP_INFO_???",
                                     _ULP_INFO),
    "INET_DIAG_SK_BPF_STORAGES": nla_nested(X.BPF_STORAGES_ATTRS, "SK_DIAG_BPF_STORAGE_???",
                                            _BPF_STORAGES),
    "INET_DIAG_CGROUP_ID": nla_u64,
    "INET_DIAG_SOCKOPT": _sockopt,
}))
