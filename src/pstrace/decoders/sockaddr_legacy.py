"""The older socket address families strace 6.1 prints field by field: AF_AX25 (amateur
radio calls, with their digipeaters), AF_IPX and AF_X25.  sockaddr.py calls
`family_fields` with the address bytes (zero-padded as strace pads its copy).

strace counterpart: sockaddr.c (print_sockaddr_data_ax25/_ipx/_x25, print_ax25_addr).
"""
from __future__ import annotations

import struct as _struct

from ..values import Array, Comment, Func, Int, Note, Str, Struct, Sym, Value

SOCKADDR_AX25 = 16          # sizeof(struct sockaddr_ax25): family, call, pad, ndigis
AX25_ADDR = 7               # sizeof(ax25_address)
AX25_MAX_DIGIS = 8          # <linux/ax25.h>: fsa_digipeater's length
SOCKADDR_IPX = 16           # sizeof(struct sockaddr_ipx)
SOCKADDR_X25 = 18           # sizeof(struct sockaddr_x25)
X25_ADDR = 16               # sizeof(struct x25_address)
IPX = _struct.Struct("<2xH4s6sBB")   # port (network order), network, node, type, zero

Fields = list[tuple[str | None, Value]]


def _ax25_style(call: bytes) -> str:
    """How strace prints a call: "default" (by name, as -X says), "verbose" (its bytes
    and the name in a comment: not a clean call), "raw" (its bytes only: the name has
    characters that cannot be printed)."""
    style = "default"
    space_seen = char_seen = False
    for b in call[:-1]:
        if b & 1:
            style = "verbose"
        ch = b >> 1
        if ch == 0x20:
            space_seen = True
        else:
            char_seen = True
        if not (0x30 <= ch <= 0x39 or 0x41 <= ch <= 0x5A or ch == 0x20):
            style = "verbose"
        if ch != 0x20 and space_seen:
            style = "verbose"
        if ch < 0x20 or ch > 0x7E or ch in (0x2A, 0x2F):   # '*' and '/' end comments
            return "raw"
    if call[-1] & ~0x1E:
        style = "verbose"
    if not char_seen and call[-1]:
        style = "verbose"
    return style


def _ax25_name(call: bytes) -> str:
    """CALL-SSID, without the trailing spaces; "*" for an empty call with SSID 0."""
    end = len(call) - 1
    while end and call[end - 1] >> 1 == 0x20:
        end -= 1
    ssid = (call[-1] >> 1) & 0xF
    name = "".join(chr(b >> 1) for b in call[:end]) + f"-{ssid}"
    return "*" if name == "-0" else name


def ax25_addr(call: bytes) -> Value:
    raw = Struct((("ax25_call", Str(call, hex=True)),))
    style = _ax25_style(call)
    if style == "raw":
        return raw
    if style == "verbose":
        return Comment(raw, _ax25_name(call), keep=True)
    return Sym(raw, Note(_ax25_name(call)))


def _ax25(data: bytes, addrlen: int) -> Fields:
    ndigis = _struct.unpack_from("<i", data, 12)[0]
    head: Fields = [("sax25_call", ax25_addr(data[2:2 + AX25_ADDR])),
                    ("sax25_ndigis", Int(ndigis))]
    if not ndigis and addrlen <= SOCKADDR_AX25:
        return head
    fields: Fields = [("fsa_ax25", Struct(tuple(head)))]
    has = min((addrlen - SOCKADDR_AX25) // AX25_ADDR, AX25_MAX_DIGIS)
    want = min(max(ndigis, 0), AX25_MAX_DIGIS)
    if want:
        digis = tuple(ax25_addr(data[SOCKADDR_AX25 + i * AX25_ADDR:
                                     SOCKADDR_AX25 + (i + 1) * AX25_ADDR])
                      for i in range(min(has, want)))
        fields.append(("fsa_digipeater", Array(digis, elided=want > has)))
    if addrlen > has * AX25_ADDR + SOCKADDR_AX25:
        fields.append((None, Note("...")))
    return fields


def _ipx(data: bytes) -> Fields:
    _, network, node, ptype, zero = IPX.unpack_from(data)
    fields: Fields = [
        ("sipx_port", Sym(Str(data[2:4], hex=True),
                          Func("htons", (Int(int.from_bytes(data[2:4], "big")),)))),
        ("sipx_network", Func("htonl", (Int(int.from_bytes(network, "big"), "x"),))),
        ("sipx_node", Array(tuple(Int(b, "x2") for b in node))),
        ("sipx_type", Int(ptype, "x2"))]
    if zero:
        fields.append(("sipx_zero", Int(zero, "x")))
    return fields


def _x25(data: bytes) -> Fields:
    """x25_addr as a C string in its 16 bytes ("..." when no NUL ends it there)."""
    addr = data[2:2 + X25_ADDR]
    nul = addr.find(0)
    text = Str(addr[:nul]) if nul >= 0 else Str(addr[:X25_ADDR - 1], more=True)
    return [("sx25_addr", Struct((("x25_addr", text),)))]


def family_fields(name: str | None, data: bytes, addrlen: int) -> Fields | None:
    """The fields after sa_family for these families, None for the others (and for a
    length below the family's struct: strace prints sa_data)."""
    if name == "AF_AX25" and addrlen >= SOCKADDR_AX25:
        return _ax25(data, addrlen)
    if name == "AF_IPX" and addrlen >= SOCKADDR_IPX:
        return _ipx(data)
    if name == "AF_X25" and addrlen >= SOCKADDR_X25:
        return _x25(data)
    return None


__all__ = ["family_fields", "ax25_addr"]
