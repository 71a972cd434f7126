"""The attributes of inet_diag_msg replies (INET_DIAG_*): memory counters, TCP
congestion control details, shutdown bits, marks, cgroup ids ...

strace counterpart: netlink_inet_diag.c (inet_diag_msg_nla_decoders).
"""
from __future__ import annotations

import struct as _struct
from typing import Any

from .. import xlat as X
from ..values import Comment, Flags, Int, Value
from ..xlat.core import split_flags
from .base import Call
from .netlink_diag_attrs import Attrs, fields, nla_meminfo, plain, u, x
from .nlattr import by_name, nla_ip_proto, nla_str, nla_struct, nla_u8, nla_u32, nla_u64


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
        return Comment(Int(value, "x"), "???_SHUTDOWN")
    return Comment(Int(value, "x"), Flags(names, rest, value=value))


_DCTCP = _struct.Struct("<HHIII")   # struct tcp_dctcp_info


def _dctcp(v: tuple[Any, ...]) -> Value:
    return fields(("dctcp_enabled", u), ("dctcp_ce_state", u), ("dctcp_alpha", u),
                  ("dctcp_ab_ecn", u), ("dctcp_ab_tot", u))(v)


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
    "INET_DIAG_CGROUP_ID": nla_u64,
}))
