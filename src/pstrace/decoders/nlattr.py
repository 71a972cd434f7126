"""Netlink attributes: the struct nlattr items that follow a netlink payload's fixed
header, printed as strace 6.1 prints them.

strace counterpart: nlattr.c (decode_nlattr and the decode_nla_* helpers).

The API:

``decode_nlattrs(c, addr, size, types, unknown, decoders=None) -> Value``
    The attributes in ``size`` bytes at ``addr``.  Each one is a NetlinkAttr: its
    header {nla_len=N, nla_type=NAME} (the type named by ``types`` after the
    NLA_F_NESTED and NLA_F_NET_BYTEORDER flags, an unknown type as
    "%#x /* unknown */") and, when nla_len leaves room for data, its value.  Several
    attributes make an Array, one alone is that NetlinkAttr; fewer bytes than an
    attribute header print as hex bytes, an unreadable header as its address (as
    "... /* addr */" after other attributes), and past -s attributes (without -v)
    "..." ends the list.  Attributes follow one another at NLA_ALIGN(nla_len).

``decoders``: which decoder reads an attribute's data, by its type (nla_type
    without the flags): a Mapping, or a function of the type (strace's decoders given
    with a zero size, which receive the type).  A decoder is an ``AttrDecoder``:
    ``(c, addr, size) -> Value | None`` where None means "not mine" (wrong size...):
    the data then prints as hex bytes, as does the data of a type with no decoder.
    ``by_name(types, {"NAME": decoder, ...})`` makes such a Mapping from names.

The decoder makers below are strace's decode_nla_*: ``nla_int`` (u8 ... s64, x8 ...
x64), ``nla_xint``, ``nla_be16``/``nla_be64``, ``nla_str``, ``nla_strn``, ``nla_fd``,
``nla_uid``, ``nla_clock_t``, ``nla_ifindex``, ``nla_xval``/``nla_flags`` (a number
named by a table), ``nla_ether_proto``, ``nla_ip_proto``, ``nla_in_addr``,
``nla_in6_addr``, ``nla_hwaddr`` (``hwaddr_value`` its value), ``nla_named`` (a
fixed-width number named by a table, or flags), ``nla_nested`` (an attribute list in an attribute),
``nla_struct`` (a fixed struct, by a struct.Struct and a function making its value),
``nla_fields`` (a fixed struct of numbers), ``nla_inet_addr`` (an address of a
family), ``nla_array`` (an array of numbers), ``nla_indexed`` (numbers with named
indices) and ``nla_array_of`` (an array of structs).  ``hex_bytes`` is the hex fallback itself.
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable, Mapping

from .. import xlat as X
from ..values import (
    ELIDED,
    Addr,
    Array,
    Const,
    Flags,
    Func,
    HwAddr,
    Indexed,
    Int,
    NetlinkAttr,
    Or,
    Str,
    Struct,
    Sym,
    Unreadable,
    Value,
)
from ..xlat import Xlat
from .base import Call, const, flags_or_unknown
from .siginfo import clock_t, uid_value
from .sockaddr import ifindex_value, inet6_addr, inet_addr_field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any, TypeAlias

AttrDecoder: TypeAlias = Callable[[Call, int, int], "Value | None"]
Decoders: TypeAlias = "Mapping[int, AttrDecoder] | Callable[[int], AttrDecoder | None]"

NLATTR = _struct.Struct("<HH")      # struct nlattr: nla_len, nla_type
NLA_HDRLEN = NLATTR.size
_NLA_FLAGS = tuple(X.NLA_TYPE_FLAGS)   # NLA_F_NESTED, NLA_F_NET_BYTEORDER
NLA_TYPE_MASK = ~(X.NLA_TYPE_FLAGS.value("NLA_F_NESTED") or 0) \
    & ~(X.NLA_TYPE_FLAGS.value("NLA_F_NET_BYTEORDER") or 0) & 0xFFFF
MAX_ADDR_LEN = 32                   # <linux/netdevice.h>: the longest hardware address


def by_name(types: Xlat, decoders: Mapping[str, AttrDecoder]) -> dict[int, AttrDecoder]:
    """A decoder table keyed by the types' names (each must be in `types`)."""
    out: dict[int, AttrDecoder] = {}
    for name, decode in decoders.items():
        value = types.value(name)
        if value is None:
            raise KeyError(name)
        out[value] = decode
    return out


def nla_align(n: int) -> int:
    """NLA_ALIGN: attributes start at 4-byte boundaries."""
    return (n + 3) & ~3


def hex_bytes(c: Call, addr: int, size: int) -> Value:
    """The bytes at addr, every one as \\xNN (strace's QUOTE_FORCE_HEX), cut at -s."""
    value = c.buf(addr, size)
    return Str(value.data, value.more, hex=True) if isinstance(value, Str) else value


def _type_value(nla_type: int, types: Xlat, unknown: str) -> Value:
    kind = const(types, nla_type & NLA_TYPE_MASK, "x", unknown)
    flags = [Const(name, bit) for name, bit in _NLA_FLAGS if nla_type & bit]
    return Or((*flags, kind)) if flags else kind


def _lookup(decoders: Decoders | None, kind: int) -> AttrDecoder | None:
    if decoders is None:
        return None
    if isinstance(decoders, Mapping):
        return decoders.get(kind)
    return decoders(kind)


def _attr(c: Call, raw: tuple[int, int], addr: int, size: int, types: Xlat, unknown: str,
          decoders: Decoders | None) -> NetlinkAttr:
    nla_len, nla_type = raw
    header = Struct((("nla_len", Int(nla_len, "u")),
                     ("nla_type", _type_value(nla_type, types, unknown))))
    length = min(nla_len, size)
    if length <= NLA_HDRLEN:
        return NetlinkAttr(header)
    decode = _lookup(decoders, nla_type & NLA_TYPE_MASK)
    data_addr, data_size = addr + NLA_HDRLEN, length - NLA_HDRLEN
    value = decode(c, data_addr, data_size) if decode is not None else None
    if value is None:
        value = hex_bytes(c, data_addr, data_size)
    return NetlinkAttr(header, value)


def decode_nlattrs(c: Call, addr: int, size: int, types: Xlat, unknown: str,
                   decoders: Decoders | None = None) -> Value:
    """The attributes in `size` bytes at addr (see the module docstring)."""
    items: list[Value] = []
    in_array = False
    while True:
        if size < NLA_HDRLEN:
            items.append(hex_bytes(c, addr, size))
            break
        got = c.fetch(addr, NLA_HDRLEN)
        if got is None:
            items.append(Unreadable(addr) if in_array else Addr(addr))
            break
        if not c.opts.verbose and len(items) == c.opts.max_strlen:
            if not in_array:
                return ELIDED
            return Array(tuple(items), elided=True)
        raw: tuple[int, int] = NLATTR.unpack(got)
        step = nla_align(raw[0])
        rest = size - step if raw[0] >= NLA_HDRLEN and size >= step else 0
        in_array = in_array or rest > 0
        items.append(_attr(c, raw, addr, size, types, unknown, decoders))
        if not rest:
            break
        addr += step
        size = rest
    return Array(tuple(items)) if in_array else items[0]


# --- attribute data decoders (strace's decode_nla_*) -----------------------------------

def _read_number(c: Call, addr: int, width: int, signed: bool = False) -> int | None:
    got = c.fetch(addr, width)
    return None if got is None else int.from_bytes(got, "little", signed=signed)


def nla_int(width: int, fmt: str = "u") -> AttrDecoder:
    """An integer of `width` bytes: fmt "u" unsigned, "d" signed, "x" hex (strace's
    decode_nla_u8 ... s64, x8 ... x64); shorter data is not one."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < width:
            return None
        v = _read_number(c, addr, width, fmt == "d")
        return Addr(addr) if v is None else Int(v, fmt)
    return decode


nla_u8, nla_u16, nla_u32, nla_u64 = (nla_int(w) for w in (1, 2, 4, 8))
nla_s8, nla_s16, nla_s32, nla_s64 = (nla_int(w, "d") for w in (1, 2, 4, 8))
nla_x8, nla_x16, nla_x32, nla_x64 = (nla_int(w, "x") for w in (1, 2, 4, 8))
_XINT = {1: nla_x8, 2: nla_x16, 4: nla_x32, 8: nla_x64}


def nla_xint(c: Call, addr: int, size: int) -> Value | None:
    """A hex integer as wide as the data (1, 2, 4 or 8 bytes)."""
    decode = _XINT.get(size)
    return None if decode is None else decode(c, addr, size)


def _big_endian(width: int, func: str) -> AttrDecoder:
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < width:
            return None
        got = c.fetch(addr, width)
        return Addr(addr) if got is None else Func(func, (Int(int.from_bytes(got, "big"),
                                                              "u"),))
    return decode


nla_be16 = _big_endian(2, "htons")
nla_be64 = _big_endian(8, "htobe64")


def nla_str(c: Call, addr: int, size: int) -> Value | None:
    """A string expected to end with its NUL: the NUL is not printed, its absence is
    ("..."); other NULs print as \\0 (strace's QUOTE_OMIT_TRAILING_0 |
    QUOTE_EXPECT_TRAILING_0)."""
    limit = c.opts.max_strlen
    data = c.fetch(addr, min(size, limit + 1))
    if data is None:
        return Addr(addr)
    data = data[:limit]
    if data and data[-1] == 0:
        return Str(data[:-1])
    return Str(data, bool(size))


def nla_strn(c: Call, addr: int, size: int) -> Value | None:
    """A string of at most `size` bytes, up to its NUL (strace's printstrn)."""
    value = c.buf(addr, size)
    if not isinstance(value, Str):
        return value
    nul = value.data.find(0)
    return Str(value.data[:nul]) if nul >= 0 else value


def _u32_value(make: Callable[[int], Value]) -> AttrDecoder:
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < 4:
            return None
        v = _read_number(c, addr, 4)
        return Addr(addr) if v is None else make(v)
    return decode


nla_uid = _u32_value(uid_value)
nla_ifindex = _u32_value(ifindex_value)


def nla_fd(c: Call, addr: int, size: int) -> Value | None:
    """A file descriptor (an int), -y decorated."""
    if size < 4:
        return None
    v = _read_number(c, addr, 4, signed=True)
    return Addr(addr) if v is None else c.fd_value(v)


def _read_upto8(c: Call, addr: int, size: int) -> int | None:
    """`size` (at most 8) bytes as one unsigned number (strace's
    umoven_to_uint64_or_printaddr)."""
    got = c.read(addr, size)
    return None if got is None else int.from_bytes(got, "little")


def nla_clock_t(c: Call, addr: int, size: int) -> Value | None:
    """A clock_t of up to 8 bytes."""
    if size > 8:
        return None
    v = _read_upto8(c, addr, size)
    return Addr(addr) if v is None else clock_t(v)


def _named_number(x: Xlat, unknown: str, width: int, as_flags: bool,
                  process: Callable[[int], int] | None, func: str | None) -> AttrDecoder:
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size > 8 or size < width:
            return None
        v = _read_upto8(c, addr, min(size, width) if width else size)
        if v is None:
            return Addr(addr)
        if process is not None:
            v = process(v)
        value = flag_value(x, v, unknown) if as_flags else const(x, v, "x", unknown)
        return Func(func, (value,)) if func else value
    return decode


def nla_xval(x: Xlat, unknown: str, width: int = 0,
             process: Callable[[int], int] | None = None,
             func: str | None = None) -> AttrDecoder:
    """A number (up to 8 bytes; `width` bytes when given) named by x, else
    "%#x /* unknown */" (strace's decode_nla_xval); `process` turns the number read
    into the one named, `func` wraps it as func(NAME)."""
    return _named_number(x, unknown, width, False, process, func)


def nla_flags(x: Xlat, unknown: str, width: int = 0) -> AttrDecoder:
    """Flags (up to 8 bytes; `width` bytes when given) named by x (decode_nla_flags)."""
    return _named_number(x, unknown, width, True, None, None)


def flag_value(x: Xlat, value: int, unknown: str) -> Value:
    """Flags as strace's printflags: a name whose value is 0 names 0 ("NUD_NONE"),
    no name at all prints "0x... /* unknown */"."""
    zero = x.name(0) if value == 0 else None
    if zero is not None:
        return Flags((), 0, zero=zero, value=0)
    return flags_or_unknown(x, value, unknown, 64)


def nla_named(width: int, x: Xlat, unknown: str | None = None,
              as_flags: bool = False) -> AttrDecoder:
    """A `width`-byte number named by x (printxval: "%#x /* unknown */" when no name
    matches, the bare number when `unknown` is None), or flags (printflags)."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < width:
            return None
        v = _read_number(c, addr, width)
        if v is None:
            return Addr(addr)
        if as_flags:
            return flag_value(x, v, unknown or "")
        return const(x, v, "x", unknown)
    return decode


def _ntohs(v: int) -> int:
    return int.from_bytes(v.to_bytes(2, "little"), "big")


nla_ether_proto = nla_xval(X.ETHERNET_PROTOCOLS, "ETHER_P_???", 2, _ntohs, "htons")
nla_ip_proto = nla_xval(X.IP_PROTOCOLS, "IPPROTO_???")


def _address(width: int, make: Callable[[bytes], Value]) -> AttrDecoder:
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < width:
            return None
        got = c.fetch(addr, width)
        return Addr(addr) if got is None else make(got)
    return decode


nla_in_addr = _address(4, inet_addr_field)
nla_in6_addr = _address(16, inet6_addr)


def hwaddr_value(raw: bytes) -> Value:
    """A hardware address: 00:11:22:33:44:55 (-X raw: its bytes as a hex string)."""
    return Sym(Str(raw, hex=True), HwAddr(raw))


def nla_hwaddr(c: Call, addr: int, size: int) -> Value | None:
    """A hardware address of the attribute's size (at most MAX_ADDR_LEN bytes)."""
    if size > MAX_ADDR_LEN:
        return None
    got = c.fetch(addr, size)
    return Addr(addr) if got is None else hwaddr_value(got)


def nla_nested(types: Xlat, unknown: str, decoders: Decoders | None = None) -> AttrDecoder:
    """An attribute whose data is a list of attributes, named by `types`."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        return decode_nlattrs(c, addr, size, types, unknown, decoders)
    return decode


def nla_struct(st: _struct.Struct, make: Callable[[tuple[Any, ...]], Value],
               exact: bool = False) -> AttrDecoder:
    """A fixed struct: `make` builds its value from the unpacked fields.  Shorter data
    (or, when `exact`, data of another size) is not one."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        if size < st.size or (exact and size != st.size):
            return None
        got = c.fetch(addr, st.size)
        return Addr(addr) if got is None else make(st.unpack(got))
    return decode


def nla_array_of(st: _struct.Struct, make: Callable[[tuple[Any, ...]], Value],
                 index: Callable[[int], Value] | None = None) -> AttrDecoder:
    """An array of fixed structs (or numbers), each printed by `make` from its unpacked
    fields, read one by one as strace's print_array: "..." past -s elements (without
    -v), "... /* addr */" where an element is unreadable (the address alone when the
    first one is).  `index`: each element is printed "[INDEX]=value" (strace's
    PAF_PRINT_INDICES), its index named by that function."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        count = size // st.size
        if not count:
            return None
        limit = count if c.opts.verbose else min(count, c.opts.max_strlen)
        items: list[Value] = []
        for i in range(count):
            cur = addr + i * st.size
            got = c.fetch(cur, st.size)
            if got is None:
                if not items:
                    return Addr(cur)
                items.append(Unreadable(cur))
                break
            if i >= limit:
                return Array(tuple(items), elided=True)
            item = make(st.unpack(got))
            items.append(item if index is None else Indexed(index(i), item))
        return Array(tuple(items))
    return decode


_WIDTH_CODES = {1: "B", 2: "H", 4: "I", 8: "Q"}


def nla_array(width: int, item: Callable[[int], Value],
              index: Callable[[int], Value] | None = None) -> AttrDecoder:
    """An array of `width`-byte numbers, each printed by `item` (and `index`, as
    nla_array_of)."""
    return nla_array_of(_struct.Struct("<" + _WIDTH_CODES[width]), lambda v: item(v[0]),
                        index)


def nla_indexed(width: int, fmt: str, names: Xlat, unknown: str) -> AttrDecoder:
    """An array of `width`-byte numbers printed in `fmt` ("d" signed, "u"), each with
    its index named by `names`: [DEVCONF_FORWARDING]=1, [6 /* ICMP6_MIB_??? */]=0."""
    signed = fmt == "d"
    bits = 8 * width

    def item(v: int) -> Value:
        return Int(v - (1 << bits) if signed and v >> (bits - 1) else v, fmt)
    return nla_array(width, item, lambda i: const(names, i, fmt, unknown))


_FIELD_FMT = {"u": "u", "x": "x", "d": "d", "0x": "x8"}   # 0x: %#08x


def nla_fields(layout: str, *fields: str) -> AttrDecoder:
    """A fixed struct of numbers, `layout` its struct module format ("<IIII"), each
    field "name" (unsigned), "name:x" (hex) or "name:d" (signed): {name=N, ...}."""
    st = _struct.Struct(layout)
    named = [(f.partition(":")[0], _FIELD_FMT[f.partition(":")[2] or "u"]) for f in fields]

    def make(values: tuple[Any, ...]) -> Value:
        pairs = zip(named, values, strict=True)
        return Struct(tuple((name, Int(v, fmt)) for (name, fmt), v in pairs))
    return nla_struct(st, make)


_INET_WIDTH = {X.SOCKET_FAMILIES.value("AF_INET"): 4, X.SOCKET_FAMILIES.value("AF_INET6"): 16}


def inet_addr_value(c: Call, addr: int, size: int, family: int) -> Value:
    """An IPv4 or IPv6 address by the address family (strace's decode_inet_addr):
    inet_addr("1.2.3.4"), inet_pton(AF_INET6, "::1"); any other family, or fewer
    bytes than the address, prints as hex bytes."""
    width = _INET_WIDTH.get(family)
    if width is None or size < width:
        return hex_bytes(c, addr, size)
    got = c.fetch(addr, width)
    if got is None:
        return Addr(addr)
    return inet_addr_field(got) if width == 4 else inet6_addr(got)


def nla_inet_addr(family: int) -> AttrDecoder:
    """An address of the given family (see inet_addr_value)."""
    def decode(c: Call, addr: int, size: int) -> Value | None:
        return inet_addr_value(c, addr, size, family)
    return decode
