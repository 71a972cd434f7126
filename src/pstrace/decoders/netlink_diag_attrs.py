"""The attributes of NETLINK_SOCK_DIAG messages, per family: their types and how each
one's data is decoded (unix_diag_msg's UNIX_DIAG_*, inet_diag_req's INET_DIAG_REQ_*,
netlink_diag_msg's NETLINK_DIAG_*, packet_diag_msg's PACKET_DIAG_*, smc_diag_msg's
SMC_DIAG_*; inet_diag_msg's INET_DIAG_* in netlink_inet_attrs.py), walked by
decoders/nlattr.py.

strace counterpart: the *_nla_decoders tables of netlink_unix_diag.c,
netlink_inet_diag.c, netlink_netlink_diag.c, netlink_packet_diag.c, netlink_smc_diag.c,
and nlattr.c's decode_nla_meminfo.
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import xlat as X
from ..values import Addr, Array, Comment, Indexed, Int, Parts, Str, Struct, Sym, Value
from ..xlat import Xlat
from ._fs_common import tracee_array
from .base import Call, const, flags_or_unknown
from .bpf import bpf_filter
from .fs_stat import makedev_value
from .nlattr import (
    AttrDecoder,
    Decoders,
    by_name,
    hex_bytes,
    nla_flags,
    nla_ip_proto,
    nla_str,
    nla_struct,
    nla_u8,
    nla_u32,
    nla_uid,
)
from .sockaddr import ifindex_value, inet6_addr_field, inet_addr_field

Make = Callable[[tuple[Any, ...]], Value]
U32 = _struct.Struct("<I")


@dataclass(frozen=True)
class Attrs:
    """A list of attributes: the table naming their types, the name of an unknown
    type, the decoders of their data."""

    types: Xlat
    unknown: str
    decoders: Decoders | None = None


def u(v: int) -> Value:
    return Int(v, "u")


def x(v: int) -> Value:
    return Int(v, "x")


def fields(*spec: tuple[str, Callable[[Any], Value]]) -> Make:
    """A struct's value from its unpacked fields, each printed by its function."""
    return lambda v: Struct(tuple((name, show(val)) for (name, show), val in zip(spec, v,
                                                                               strict=True)))


def plain(fmt: str, *names: str, show: Callable[[Any], Value] = u) -> AttrDecoder:
    """A struct of numbers printed alike (in decimal by default)."""
    return nla_struct(_struct.Struct(fmt), fields(*((n, show) for n in names)))


def array(elem: _struct.Struct, item: Make) -> AttrDecoder:
    """The data as an array of `elem` (strace's print_array: "..." past -s elements,
    "... /* ADDR */" where it becomes unreadable); no whole element: not one."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        count = size // elem.size
        return tracee_array(c, addr, count, elem, item) if count else None
    return decode


def _meminfo_item(value: Value, index: int) -> Value:
    """"[SK_MEMINFO_RCVBUF]=N"; the index follows -X ("[1]=N", "[1 /* ... */]=N")."""
    name = X.SK_MEMINFO_INDICES.name(index)
    if name is None:
        unknown = Indexed(f"{index} /* SK_MEMINFO_??? */", value)
        return Sym(Indexed(index, value), unknown, verbose=unknown)
    return Sym(Indexed(index, value), Indexed(name, value),
               verbose=Indexed(f"{index} /* {name} */", value))


def named_in_comment(value: int, text: str) -> Value:
    """A number with its names in a comment under -X abbrev and -X verbose alike,
    alone under -X raw (strace's verbose style for names that are not UAPI)."""
    shown = Comment(Int(value, "x"), text)
    return Sym(Int(value, "x"), shown, verbose=shown)


def nla_meminfo(c: Call, addr: int, size: int) -> Value | None:
    """A socket's memory counters, u32 each, by SK_MEMINFO_ index
    ("[[SK_MEMINFO_RMEM_ALLOC]=0, ...]")."""
    got = array(U32, lambda v: u(v[0]))(c, addr, size)
    if not isinstance(got, Array):
        return got
    items = tuple(_meminfo_item(v, i) if isinstance(v, Int) else v
                  for i, v in enumerate(got.items))
    return Array(items, got.elided)


def cstring(raw: bytes) -> Value:
    """A char array printed up to its NUL."""
    return Str(raw.split(b"\0", 1)[0])


def inet_addr(raw: bytes, family: int, name: str) -> tuple[str | None, Value]:
    """An address field holding a struct in_addr or in6_addr by `family` (strace's
    PRINT_FIELD_INET_ADDR): other families print its bytes."""
    if family == X.SOCKET_FAMILIES.value("AF_INET"):   # -X raw prints all its bytes
        sym = inet_addr_field(raw[:4])
        return name, Sym(Str(raw, hex=True), sym.sym, sym.note)
    if family == X.SOCKET_FAMILIES.value("AF_INET6"):
        return None, inet6_addr_field(raw, name)
    return name, Str(raw, hex=True)


# --- unix -----------------------------------------------------------------------------
UNIX_MSG = Attrs(X.UNIX_DIAG_ATTRS, "UNIX_DIAG_???", by_name(X.UNIX_DIAG_ATTRS, {
    "UNIX_DIAG_NAME": nla_str,
    # struct unix_diag_vfs: udiag_vfs_ino, then udiag_vfs_dev (printed first)
    "UNIX_DIAG_VFS": nla_struct(_struct.Struct("<II"), lambda v: Struct((
        ("udiag_vfs_dev", makedev_value(v[1])), ("udiag_vfs_ino", u(v[0]))))),
    "UNIX_DIAG_PEER": nla_u32,
    "UNIX_DIAG_ICONS": array(U32, lambda v: u(v[0])),
    "UNIX_DIAG_RQLEN": plain("<II", "udiag_rqueue", "udiag_wqueue"),
    "UNIX_DIAG_MEMINFO": nla_meminfo,
    "UNIX_DIAG_SHUTDOWN": nla_u8,
    "UNIX_DIAG_UID": nla_uid,
}))

# --- netlink --------------------------------------------------------------------------
_RING = ("ndr_block_size", "ndr_block_nr", "ndr_frame_size", "ndr_frame_nr")
NETLINK_MSG = Attrs(X.NETLINK_DIAG_ATTRS, "NETLINK_DIAG_???", by_name(X.NETLINK_DIAG_ATTRS, {
    "NETLINK_DIAG_MEMINFO": nla_meminfo,
    # the groups bitmap, in kernel longs
    "NETLINK_DIAG_GROUPS": array(_struct.Struct("<Q"), lambda v: Int(v[0], "x16")),
    "NETLINK_DIAG_RX_RING": plain("<IIII", *_RING),
    "NETLINK_DIAG_TX_RING": plain("<IIII", *_RING),
    "NETLINK_DIAG_FLAGS": nla_struct(U32, lambda v: flags_or_unknown(
        X.NETLINK_SOCKET_FLAGS, v[0], "NDIAG_FLAG_???")),
}))

# --- packet ---------------------------------------------------------------------------
_PACKET_RING = ("pdr_block_size", "pdr_block_nr", "pdr_frame_size", "pdr_frame_nr",
                "pdr_retire_tmo", "pdr_sizeof_priv", "pdr_features")
_MCLIST = _struct.Struct("<IIHH32s")   # struct packet_diag_mclist


def _mclist(v: tuple[Any, ...]) -> Value:
    index, count, kind, alen, addr = v
    return Struct((("pdmc_index", ifindex_value(index)), ("pdmc_count", u(count)),
                   ("pdmc_type", u(kind)), ("pdmc_alen", u(alen)),
                   ("pdmc_addr", Str(addr[:min(alen, len(addr))], hex=True))))


def _filter(c: Call, addr: int, size: int) -> Value | None:
    """A classic BPF program: its address unless -v (strace's print_bpf_fprog)."""
    count = size // 8   # struct sock_filter
    if not 0 < count <= 0xFFFF:
        return None
    return bpf_filter(c, addr, count) if c.opts.verbose else Addr(addr)


PACKET_MSG = Attrs(X.PACKET_DIAG_ATTRS, "PACKET_DIAG_???", by_name(X.PACKET_DIAG_ATTRS, {
    "PACKET_DIAG_INFO": nla_struct(_struct.Struct("<IIIIII"), fields(
        ("pdi_index", ifindex_value),
        ("pdi_version", lambda v: const(X.AF_PACKET_VERSIONS, v, "x", "TPACKET_???")),
        ("pdi_reserve", u), ("pdi_copy_thresh", u), ("pdi_tstamp", u),
        ("pdi_flags", lambda v: flags_or_unknown(X.PACKET_DIAG_INFO_FLAGS, v, "PDI_???")))),
    "PACKET_DIAG_MCLIST": array(_MCLIST, _mclist),
    "PACKET_DIAG_RX_RING": plain("<7I", *_PACKET_RING),
    "PACKET_DIAG_TX_RING": plain("<7I", *_PACKET_RING),
    "PACKET_DIAG_FANOUT": nla_u32,
    "PACKET_DIAG_UID": nla_uid,
    "PACKET_DIAG_MEMINFO": nla_meminfo,
    "PACKET_DIAG_FILTER": _filter,
}))

# --- inet requests: bytecode ------------------------------------------------------------
_BC_OP = _struct.Struct("<BBH")          # struct inet_diag_bc_op: code, yes, no
_HOSTCOND = _struct.Struct("<BBxxi")     # struct inet_diag_hostcond: family, prefix_len, port


def _bc_op(v: tuple[Any, ...]) -> Struct:
    return Struct((("code", const(X.INET_DIAG_BYTECODES, v[0], "x", "INET_DIAG_BC_???")),
                   ("yes", u(v[1])), ("no", u(v[2]))))


def _hostcond(c: Call, addr: int, size: int) -> Value:
    raw = c.fetch(addr, _HOSTCOND.size) if size >= _HOSTCOND.size else None
    if size < _HOSTCOND.size:
        return hex_bytes(c, addr, size)
    if raw is None:
        return Addr(addr)
    family, prefix_len, port = _HOSTCOND.unpack(raw)
    out: list[tuple[str | None, Value]] = [
        ("family", const(X.SOCKET_FAMILIES, family, "x", "AF_???")),
        ("prefix_len", u(prefix_len)), ("port", Int(port))]
    rest = size - _HOSTCOND.size
    if rest:
        want = {X.SOCKET_FAMILIES.value("AF_INET"): 4,
                X.SOCKET_FAMILIES.value("AF_INET6"): 16}.get(family, 0)
        if not want or rest < want:
            out.append(("addr", hex_bytes(c, addr + _HOSTCOND.size, rest)))
        else:
            got = c.read(addr + _HOSTCOND.size, want)
            out.append(("addr", Addr(addr + _HOSTCOND.size)) if got is None
                       else inet_addr(got, family, "addr"))
    return Struct(tuple(out))


def _small(st: _struct.Struct, make: Make) -> Callable[[Call, int, int], Value]:
    """A struct the data must hold, else its bytes."""
    def decode(c: Call, addr: int, size: int) -> Value:
        if size < st.size:
            return hex_bytes(c, addr, size)
        got = c.fetch(addr, st.size)
        return Addr(addr) if got is None else make(st.unpack(got))
    return decode


_BC_DATA: dict[str, Callable[[Call, int, int], Value]] = {
    "INET_DIAG_BC_S_COND": _hostcond, "INET_DIAG_BC_D_COND": _hostcond,
    "INET_DIAG_BC_DEV_COND": _small(U32, lambda v: ifindex_value(v[0])),
    **dict.fromkeys(("INET_DIAG_BC_S_GE", "INET_DIAG_BC_S_LE", "INET_DIAG_BC_D_GE",
                     "INET_DIAG_BC_D_LE"), _small(_BC_OP, _bc_op)),
    "INET_DIAG_BC_MARK_COND": _small(_struct.Struct("<II"), fields(("mark", u), ("mask", u))),
}


def _bytecode(c: Call, addr: int, size: int) -> Value | None:
    """An inet_diag_bc_op, then the data its operation takes."""
    if size < _BC_OP.size:
        return None
    got = c.fetch(addr, _BC_OP.size)
    if got is None:
        return Addr(addr)
    op = _BC_OP.unpack(got)
    head = _bc_op(op)
    if size == _BC_OP.size:
        return head
    data = _BC_DATA.get(X.INET_DIAG_BYTECODES.name(op[0]) or "", hex_bytes)
    return Parts((head, data(c, addr + _BC_OP.size, size - _BC_OP.size)))


INET_REQ = Attrs(X.INET_DIAG_REQ_ATTRS, "INET_DIAG_REQ_???", by_name(X.INET_DIAG_REQ_ATTRS, {
    "INET_DIAG_REQ_BYTECODE": _bytecode,
    "INET_DIAG_REQ_PROTOCOL": nla_ip_proto,
}))

# --- smc --------------------------------------------------------------------------------
_CURSOR = ("reserved", "wrap", "count")


def _cursor(v: tuple[Any, ...]) -> Value:
    return Struct(tuple((n, u(val)) for n, val in zip(_CURSOR, v, strict=True)))


def _conninfo(v: tuple[Any, ...]) -> Value:
    names = ("token", "sndbuf_size", "rmbe_size", "peer_rmbe_size")
    out: list[tuple[str | None, Value]] = [(n, u(val)) for n, val in zip(names, v[:4],
                                                                          strict=True)]
    rest = v[4:]
    for i, n in enumerate(("rx_prod", "rx_cons", "tx_prod", "tx_cons")):
        out.append((n, _cursor(rest[3 * i:3 * i + 3])))
    rest = rest[12:]
    for n, val in zip(("rx_prod_flags", "rx_conn_state_flags", "tx_prod_flags",
                       "tx_conn_state_flags"), rest[:4], strict=True):
        out.append((n, x(val)))
    rest = rest[4:]
    for i, n in enumerate(("tx_prep", "tx_sent", "tx_fin")):
        out.append((n, _cursor(rest[3 * i:3 * i + 3])))
    return Struct(tuple(out))


def _lgrinfo(v: tuple[Any, ...]) -> Value:
    link_id, ibname, ibport, gid, peer_gid, role = v
    link = Struct((("link_id", u(link_id)), ("ibname", cstring(ibname)),
                   ("ibport", u(ibport)), ("gid", cstring(gid)),
                   ("peer_gid", cstring(peer_gid))))
    return Struct((("lnk", Array((link,))),
                   ("role", const(X.SMC_LINK_GROUP_ROLES, role, "x", "SMC_???"))))


def _decline(v: int) -> Value:
    """A decline reason, named in a comment whatever -X says (not UAPI, strace's note)."""
    name = X.SMC_DECL_CODES.name(v)
    return named_in_comment(v, name if name is not None else "SMC_CLC_DECL_???")


SMC_MSG = Attrs(X.SMC_DIAG_ATTRS, "SMC_DIAG_???", by_name(X.SMC_DIAG_ATTRS, {
    "SMC_DIAG_CONNINFO": nla_struct(_struct.Struct("<4I" + "HHI" * 4 + "4B" + "HHI" * 3),
                                    _conninfo),
    "SMC_DIAG_LGRINFO": nla_struct(_struct.Struct("<B64sB40s40sB"), _lgrinfo),
    "SMC_DIAG_SHUTDOWN": nla_flags(X.SOCK_SHUTDOWN_FLAGS, "???_SHUTDOWN", 1),
    "SMC_DIAG_FALLBACK": nla_struct(_struct.Struct("<II"), fields(
        ("reason", _decline), ("peer_diagnosis", _decline))),
    "SMC_DIAG_DMBINFO": nla_struct(_struct.Struct("<I4xQQQQ"), fields(
        ("linkid", u), ("peer_gid", x), ("my_gid", x), ("token", x), ("peer_token", x))),
}))
