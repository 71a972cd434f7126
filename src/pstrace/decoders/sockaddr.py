"""Socket addresses (struct sockaddr and its per-family forms) as strace 6.1 prints them.

Public API, for any decoder that meets a sockaddr:
  * `decode_sockaddr(c, addr, addrlen) -> Value`: the address at `addr`, `addrlen` bytes
    long, as strace's decode_sockaddr() prints it (NULL, the bare address when the length
    is below 2 or the memory unreadable, else `{sa_family=..., ...}`).
  * `sockaddr_value(c, data) -> Value`: the same for bytes already read.
  * `decode_family(fam) -> Value`: an AF_* value (AF_INET, or 0x3039 /* AF_??? */).

Per family (as observed from strace 6.1): AF_UNIX (sun_path, abstract "@..."), AF_INET,
AF_INET6 (scope id by interface name for link-local addresses), AF_NETLINK, AF_PACKET,
and AF_AX25, AF_IPX, AF_X25 (sockaddr_legacy.py); every other family, and a length
too short for the family's struct, prints sa_data.
strace counterpart: sockaddr.c.
"""
from __future__ import annotations

import socket as _socket
import struct as _struct

from .. import xlat as _xlat
from ..values import (
    AbstractPath,
    Addr,
    Array,
    Const,
    Func,
    Int,
    Named,
    Ref,
    Str,
    Struct,
    Sym,
    Value,
)
from ..xlat import Xlat
from .base import Call, const, s32
from .sockaddr_legacy import family_fields

SOCKADDR_STORAGE = 128      # sizeof(struct sockaddr_storage): strace reads at most this
SUN_PATH_MAX = 108          # sizeof(((struct sockaddr_un *)0)->sun_path)
SOCKADDR_IN = 16            # sizeof(struct sockaddr_in)
SOCKADDR_IN6_V1 = 24        # sockaddr_in6 up to sin6_addr (RFC 2133, no scope id)
SOCKADDR_IN6 = 28           # sizeof(struct sockaddr_in6)
SOCKADDR_NL = 12            # sizeof(struct sockaddr_nl)
SOCKADDR_LL = 20            # sizeof(struct sockaddr_ll)
SLL_ADDR_OFFSET = 12        # offsetof(struct sockaddr_ll, sll_addr)


def _table(name: str) -> Xlat:
    table: Xlat = getattr(_xlat, name)
    return table


def decode_family(fam: int) -> Value:
    return const(_table("SOCKET_FAMILIES"), fam, "x", "AF_???")


def decode_sockaddr(c: Call, addr: int, addrlen: int) -> Value:
    """The sockaddr at addr of addrlen bytes (addrlen as the C int the kernel sees)."""
    if not addr:
        return Addr(0)
    addrlen = s32(addrlen)
    if addrlen < 2:
        return Addr(addr)
    data = c.read(addr, min(addrlen, SOCKADDR_STORAGE))
    if data is None:
        return Addr(addr)
    return sockaddr_value(c, data)


def sockaddr_value(c: Call, data: bytes) -> Value:
    """A sockaddr already read from the tracee (at least 2 bytes)."""
    fam = int.from_bytes(data[:2], "little")
    fields: list[tuple[str | None, Value]] = [("sa_family", decode_family(fam))]
    if len(data) > 2:
        body = _family_fields(c, fam, data)
        if body is None:
            body = [("sa_data", Str(data[2:]))]
        fields.extend(body)
    return Struct(tuple(fields))


def _family_fields(c: Call, fam: int, data: bytes) -> list[tuple[str | None, Value]] | None:
    """The fields after sa_family, or None when strace falls back to sa_data."""
    x = _table("SOCKET_FAMILIES")
    name = x.name(fam)
    if name == "AF_UNIX":
        return _unix(data)
    if name == "AF_INET" and len(data) >= SOCKADDR_IN:
        return _inet(data)
    if name == "AF_INET6" and len(data) >= SOCKADDR_IN6_V1:
        return _inet6(data)
    if name == "AF_NETLINK" and len(data) >= SOCKADDR_NL:
        return _netlink(c, data)
    # strace's copy is zero-padded past the length: the fields below may read there
    padded = data + bytes(SOCKADDR_STORAGE + 1 - len(data))
    if name == "AF_PACKET" and len(data) >= SOCKADDR_LL:
        return _packet(padded, len(data))
    return family_fields(name, padded, len(data))


def _unix(data: bytes) -> list[tuple[str | None, Value]]:
    path = data[2:2 + SUN_PATH_MAX]
    if not path:
        return []
    if path[0] == 0:  # Linux abstract namespace: every byte counts, NULs included
        return [("sun_path", AbstractPath(path[1:]))]
    nul = path.find(b"\0")
    return [("sun_path", Str(path if nul < 0 else path[:nul]))]


def htons_value(port: int) -> Func:
    return Func("htons", (Int(port),))


def _hexstr(raw: bytes) -> Str:
    """-X raw's form of a network-order field: its bytes as a string of hex escapes
    whatever -x says (a port 48800 as the 2 escapes of bytes be and a0), as strace 6.1
    prints sin_port, sin_addr..."""
    return Str(raw, hex=True)


def _net_field(raw: bytes, sym: Value, note: Value | None = None) -> Sym:
    """A field strace prints symbolically (htons(80)) or, under -X raw, as its bytes."""
    return Sym(_hexstr(raw), sym, note)


def inet_addr_field(raw: bytes) -> Sym:
    """A struct in_addr: inet_addr("127.0.0.1") (-X raw: its 4 bytes)."""
    ip = _socket.inet_ntop(_socket.AF_INET, raw)
    return _net_field(raw, Func("inet_addr", (Str(ip.encode()),)))


def _inet6_pton(raw: bytes, *ref: Ref) -> Func:
    ip = _socket.inet_ntop(_socket.AF_INET6, raw)
    fam = Const("AF_INET6", _table("SOCKET_FAMILIES").value("AF_INET6"))
    return Func("inet_pton", (fam, Str(ip.encode()), *ref))


def inet6_addr_field(raw: bytes, name: str) -> Sym:
    """A struct in6_addr field printed without its name by default:
    inet_pton(AF_INET6, "::1", &NAME); -X raw NAME="..."; -X verbose adds
    /* inet_pton(AF_INET6, "::1") */."""
    return Sym(Named(name, _hexstr(raw)), _inet6_pton(raw, Ref(name)), _inet6_pton(raw))


def inet6_addr(raw: bytes) -> Sym:
    """A struct in6_addr with no field name: inet_pton(AF_INET6, "::1"); -X raw its
    bytes; -X verbose both."""
    return _net_field(raw, _inet6_pton(raw))


def _inet(data: bytes) -> list[tuple[str | None, Value]]:
    port = int.from_bytes(data[2:4], "big")
    return [("sin_port", _net_field(data[2:4], htons_value(port))),
            ("sin_addr", inet_addr_field(data[4:8]))]


def ifindex_value(index: int) -> Value:
    """An interface index: if_nametoindex("lo") when the interface exists here."""
    if index:
        try:
            name = _socket.if_indextoname(index)
        except OSError:
            name = None
        if name is not None:
            return Sym(Int(index, "u"), Func("if_nametoindex", (Str(name.encode()),)))
    return Int(index, "u")


def _inet6(data: bytes) -> list[tuple[str | None, Value]]:
    port = int.from_bytes(data[2:4], "big")
    flow = int.from_bytes(data[4:8], "big")
    raw = data[8:24]
    fields: list[tuple[str | None, Value]] = [
        ("sin6_port", _net_field(data[2:4], htons_value(port))),
        ("sin6_flowinfo", _net_field(data[4:8], Func("htonl", (Int(flow, "u"),)))),
        # abbrev names no field; -X raw/verbose print sin6_addr="..." [/* inet_pton(...) */]
        (None, inet6_addr_field(raw, "sin6_addr")),
    ]
    if len(data) >= SOCKADDR_IN6:
        scope = int.from_bytes(data[24:28], "little")
        link_local = raw[0] == 0xFE and raw[1] & 0xC0 == 0x80
        mc_link_local = raw[0] == 0xFF and raw[1] & 0x0F == 0x02
        fields.append(("sin6_scope_id",
                       ifindex_value(scope) if link_local or mc_link_local else Int(scope, "u")))
    return fields


def _netlink(c: Call, data: bytes) -> list[tuple[str | None, Value]]:
    pad, pid, groups = _struct.unpack_from("<HII", data, 2)
    fields: list[tuple[str | None, Value]] = [("nl_pad", Int(pad, "x"))] if pad else []
    # nl_pid is a process id (strace's PRINT_FIELD_TGID: --decode-pids applies)
    return [*fields, ("nl_pid", c.pid_value(s32(pid))), ("nl_groups", Int(groups, "x8"))]


def ethernet_protocol(proto_be: int) -> Func:
    """htons(ETH_P_IP) for a protocol number stored in network byte order."""
    return Func("htons", (const(_table("ETHERNET_PROTOCOLS"), proto_be, "x", "ETH_P_???"),))


def _packet(data: bytes, addrlen: int) -> list[tuple[str | None, Value]]:
    proto = int.from_bytes(data[2:4], "big")
    ifindex, hatype, pkttype, halen = _struct.unpack_from("<IHBB", data, 4)
    fields: list[tuple[str | None, Value]] = [
        ("sll_protocol", _net_field(data[2:4], ethernet_protocol(proto))),
        ("sll_ifindex", ifindex_value(ifindex)),
        ("sll_hatype", const(_table("ARP_HARDWARE_TYPES"), hatype, "x", "ARPHRD_???")),
        ("sll_pkttype", const(_table("PACKET_TYPES"), pkttype, "x", "PACKET_???")),
        ("sll_halen", Int(halen, "u")),
    ]
    if halen:   # the bytes up to the address length, "..." past it
        inside = addrlen - SLL_ADDR_OFFSET
        shown = data[SLL_ADDR_OFFSET:SLL_ADDR_OFFSET + min(halen, inside)]
        fields.append(("sll_addr", Array(tuple(Int(b, "x2") for b in shown),
                                         elided=halen > inside)))
    return fields


__all__ = ["decode_sockaddr", "sockaddr_value", "decode_family", "ethernet_protocol",
           "htons_value", "inet_addr_field", "inet6_addr_field", "inet6_addr", "ifindex_value"]
