"""The argument of the socket ioctls (type 0x89, <linux/sockios.h>) as strace 6.1 prints
it: struct ifreq per request (SIOCGIFINDEX, SIOCGIFNAME, SIOC[GS]IF{FLAGS,ADDR,DSTADDR,
BRDADDR,NETMASK,METRIC,MTU,HWADDR,TXQLEN,MAP,SLAVE}, SIOCSIFNAME, SIOCBR{ADD,DEL}IF,
SIOC{ADD,DEL}MULTI, SIOCSIFHWBROADCAST), struct ifconf (SIOCGIFCONF), the int pointers
(SIOCATMARK, FIOSETOWN, SIOCSPGRP, FIOGETOWN, SIOCGPGRP, SIOC[GS]IFENCAP, SIOCOUTQNSD)
and the bridge name strings (SIOCBR{ADD,DEL}BR).

Public API: `SOCK_IOCTLS`, name -> (decoded at exit?, reader(c, arg) -> Value).  A reader
run at exit sees c.failed itself: a failed getter still prints the fields it passed in
(`{ifr_name="nosuchif0"}`), an unreadable argument prints as its address.
The other requests strace names (SIOCGSTAMP_OLD, SIOCETHTOOL, SIOCADDRT...) print the
address (NULL for 0), as strace does.  Observed from strace 6.1 (tests/syscalls/net_ioctl.c).
strace counterpart: sock.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from .. import xlat as X
from ..values import (
    Addr,
    Array,
    Changed,
    Comment,
    HwAddr,
    Int,
    Sizeof,
    Str,
    Struct,
    Sym,
    Value,
)
from .base import Call, const, flags
from .sockaddr import _hexstr, ifindex_value, sockaddr_value

IFNAMSIZ = 16                 # <linux/if.h>: sizeof(ifr_name)
IFREQ_SIZE = 40               # sizeof(struct ifreq) on x86_64: name + 24-byte union
SOCKADDR_SIZE = 16            # sizeof(struct sockaddr): ifr_addr and friends
IFCONF = struct.Struct("<i4xQ")          # struct ifconf: int ifc_len; char *ifc_buf
IFMAP = struct.Struct("<QQHBBB")         # struct ifmap
_INT = struct.Struct("<i")
_IFREQ = struct.Struct(f"{IFREQ_SIZE}s")

# Bytes of sa_data strace shows for ifr_hwaddr, by ARPHRD_* (observed; 14 = all of
# sa_data for the other types).
_HWADDR_LEN = {"ARPHRD_ETHER": 6, "ARPHRD_IEEE802": 6, "ARPHRD_LOOPBACK": 6,
               "ARPHRD_TUNNEL": 4, "ARPHRD_SIT": 4}

Reader = Callable[[Call, int], Value]


def ifname(raw: bytes) -> Str:
    """ifr_name: up to the NUL, never cut at -s; 15 bytes and "..." when it has none."""
    nul = raw.find(b"\0", 0, IFNAMSIZ)
    if nul < 0:
        return Str(raw[:IFNAMSIZ - 1], True)
    return Str(raw[:nul])


def _hwaddr(data: bytes) -> Value:
    fam = int.from_bytes(data[:2], "little")
    table = X.ARP_HARDWARE_TYPES
    n = _HWADDR_LEN.get(table.name(fam) or "", len(data) - 2)
    return Struct((("sa_family", const(table, fam, "x", "ARPHRD_???")),
                   ("sa_data", Sym(_hexstr(data[2:]), HwAddr(data[2:2 + n])))))


def _ifmap(data: bytes) -> Value:
    vals = IFMAP.unpack_from(data)
    names = ("mem_start", "mem_end", "base_addr", "irq", "dma", "port")
    return Struct(tuple((k, Int(v, "x")) for k, v in zip(names, vals, strict=False)))


def _union_int(data: bytes) -> Value:
    return Int(_INT.unpack_from(data)[0])


# request -> (field name, value of the 24-byte union)
_FIELDS: dict[str, tuple[str, Callable[[bytes], Value] | None]] = {
    "FLAGS": ("ifr_flags", lambda d: flags(X.IFF_FLAGS, int.from_bytes(d[:2], "little"))),
    "ADDR": ("ifr_addr", None), "DSTADDR": ("ifr_dstaddr", None),
    "BRDADDR": ("ifr_broadaddr", None), "NETMASK": ("ifr_netmask", None),
    "METRIC": ("ifr_metric", _union_int), "MTU": ("ifr_mtu", _union_int),
    "TXQLEN": ("ifr_qlen", _union_int), "INDEX": ("ifr_ifindex", _union_int),
    "HWADDR": ("ifr_hwaddr", lambda d: _hwaddr(d[:SOCKADDR_SIZE])),
    "MAP": ("ifr_map", _ifmap),
    "SLAVE": ("ifr_slave", lambda d: ifname(d[:IFNAMSIZ])),
}


def _read_ifreq(c: Call, addr: int) -> bytes | None:
    """The struct ifreq at addr (a struct cut by an unreadable page warns, as strace's
    umove_or_printaddr does)."""
    got = c.read_struct(addr, _IFREQ) if addr else None
    return None if got is None else bytes(got[0])


def _field(c: Call, what: str, data: bytes) -> tuple[str, Value]:
    fname, conv = _FIELDS[what]
    body = data[IFNAMSIZ:]
    if conv is None:   # a struct sockaddr
        return fname, sockaddr_value(c, body[:SOCKADDR_SIZE])
    return fname, conv(body)


def _getter(what: str) -> Reader:
    """{ifr_name=..., <field>=...} at exit; {ifr_name=...} when the call failed."""
    def read(c: Call, arg: int) -> Value:
        data = _read_ifreq(c, arg)
        if data is None:
            return Addr(arg)
        name = ("ifr_name", ifname(data[:IFNAMSIZ]))
        if c.failed:
            return Struct((name,))
        return Struct((name, _field(c, what, data)))
    return read


def _setter(what: str) -> Reader:
    def read(c: Call, arg: int) -> Value:
        data = _read_ifreq(c, arg)
        if data is None:
            return Addr(arg)
        return Struct((("ifr_name", ifname(data[:IFNAMSIZ])), _field(c, what, data)))
    return read


def _getifname(c: Call, arg: int) -> Value:
    """SIOCGIFNAME: the index in, the name out."""
    data = _read_ifreq(c, arg)
    if data is None:
        return Addr(arg)
    index = ("ifr_ifindex", _union_int(data[IFNAMSIZ:]))
    if c.failed:
        return Struct((index,))
    return Struct((index, ("ifr_name", ifname(data[:IFNAMSIZ]))))


def _setifname(c: Call, arg: int) -> Value:
    data = _read_ifreq(c, arg)
    if data is None:
        return Addr(arg)
    return Struct((("ifr_name", ifname(data[:IFNAMSIZ])),
                   ("ifr_newname", ifname(data[IFNAMSIZ:IFNAMSIZ * 2]))))


def _bridge_if(c: Call, arg: int) -> Value:
    data = _read_ifreq(c, arg)
    if data is None:
        return Addr(arg)
    index = int.from_bytes(data[IFNAMSIZ:IFNAMSIZ + 4], "little")
    return Struct((("ifr_ifindex", ifindex_value(index)),))


def _ifc_len(n: int) -> Value:
    if n > 0 and n % IFREQ_SIZE == 0:
        return Comment(Int(n), Sizeof(n // IFREQ_SIZE, "struct ifreq"))
    return Int(n)


def ifconf_entry(c: Call, arg: int) -> tuple[int, int] | None:
    """SIOCGIFCONF's (ifc_len, ifc_buf) as passed in, read at entry."""
    return _ifconf(c, arg) if arg else None


def _ifconf(c: Call, arg: int) -> tuple[int, int] | None:
    """struct ifconf itself is read even outside -e verbose= (strace 6.1 prints
    {ifc_len=..., ifc_buf=ADDR} then); only the ifreq array is left unread."""
    data = c.mem.read(c.pid, arg, IFCONF.size)
    return None if data is None else IFCONF.unpack(data)


def ifconf_exit(c: Call, arg: int, before: tuple[int, int] | None) -> Value:
    """{ifc_len=in => out, ifc_buf=[{ifr_name=..., ifr_addr=...}, ...]} at exit."""
    if before is None:
        return Addr(arg)
    if c.failed:
        return Struct((("ifc_len", _ifc_len(before[0])), ("ifc_buf", Addr(before[1]))))
    got = _ifconf(c, arg)
    if got is None:
        return Addr(arg)
    length, buf = got
    if not buf or before[0] == length:
        ln: Value = _ifc_len(length)
    else:
        ln = Changed(_ifc_len(before[0]), _ifc_len(length))
    if not buf:
        return Struct((("ifc_len", ln), ("ifc_buf", Addr(0))))
    count = max(length, 0) // IFREQ_SIZE
    shown = min(count, c.opts.max_strlen)
    raw = c.read(buf, shown * IFREQ_SIZE) if shown else b""   # None outside -e verbose=
    if raw is None:
        return Struct((("ifc_len", ln), ("ifc_buf", Addr(buf))))
    items = []
    for i in range(shown):
        entry = raw[i * IFREQ_SIZE:(i + 1) * IFREQ_SIZE]
        items.append(Struct((("ifr_name", ifname(entry[:IFNAMSIZ])),
                             ("ifr_addr", sockaddr_value(
                                 c, entry[IFNAMSIZ:IFNAMSIZ + SOCKADDR_SIZE])))))
    return Struct((("ifc_len", ln), ("ifc_buf", Array(tuple(items), elided=count > shown))))


def _int_at(c: Call, arg: int) -> Value:
    if not arg:
        return Addr(0)
    if c.failed:
        return Addr(arg)
    got = c.read_struct(arg, _INT)
    return Addr(arg) if got is None else Array((Int(got[0]),))


def _bridge_name(c: Call, arg: int) -> Value:
    """SIOCBR{ADD,DEL}BR: a string of at most IFNAMSIZ bytes (fewer at -s), "..." after
    when they hold no NUL; the address when it cannot be read up to its NUL."""
    if not arg:
        return Addr(0)
    size = min(IFNAMSIZ, c.opts.max_strlen)
    got = c.read_cstr(arg, max(size - 1, 0))
    if got is None:
        return Addr(arg)
    data, terminated = got
    return Str(data) if terminated else Str(data[:size], True)


def _address(c: Call, arg: int) -> Value:
    return Addr(arg)


# requests strace names but whose argument it prints as an address (NULL for 0)
_ADDRESS_ONLY = (
    "SIOCADDDLCI", "SIOCADDRT", "SIOCBONDCHANGEACTIVE", "SIOCBONDENSLAVE",
    "SIOCBONDINFOQUERY", "SIOCBONDRELEASE", "SIOCBONDSETHWADDR", "SIOCBONDSLAVEINFOQUERY",
    "SIOCDARP", "SIOCDELDLCI", "SIOCDELRT", "SIOCDIFADDR", "SIOCDRARP", "SIOCETHTOOL",
    "SIOCGARP", "SIOCGHWTSTAMP", "SIOCGIFBR", "SIOCGIFCOUNT", "SIOCGIFMEM",
    "SIOCGIFPFLAGS", "SIOCGIFVLAN", "SIOCGMIIPHY", "SIOCGMIIREG", "SIOCGRARP", "SIOCGSKNS",
    "SIOCGSTAMP_OLD", "SIOCGSTAMP_NEW", "SIOCGSTAMPNS_OLD", "SIOCGSTAMPNS_NEW",
    "SIOCRTMSG", "SIOCSARP", "SIOCSHWTSTAMP", "SIOCSIFBR", "SIOCSIFLINK", "SIOCSIFMEM",
    "SIOCSIFPFLAGS", "SIOCSIFVLAN", "SIOCSMIIREG", "SIOCSRARP", "SIOCWANDEV",
)


SOCK_IOCTLS: dict[str, tuple[bool, Reader]] = {
    "SIOCGIFNAME": (True, _getifname),
    "SIOCSIFNAME": (False, _setifname),
    "SIOCGIFINDEX": (True, _getter("INDEX")),
    "SIOCBRADDIF": (False, _bridge_if), "SIOCBRDELIF": (False, _bridge_if),
    "SIOCBRADDBR": (False, _bridge_name), "SIOCBRDELBR": (False, _bridge_name),
    "SIOCATMARK": (True, _int_at), "SIOCGIFENCAP": (True, _int_at),
    "SIOCOUTQNSD": (True, _int_at), "SIOCSIFENCAP": (False, _int_at),
    "SIOCADDMULTI": (False, _setter("HWADDR")), "SIOCDELMULTI": (False, _setter("HWADDR")),
    "SIOCSIFHWBROADCAST": (False, _setter("HWADDR")),
    "FIOSETOWN": (False, _int_at), "SIOCSPGRP": (False, _int_at),
    "FIOGETOWN": (True, _int_at), "SIOCGPGRP": (True, _int_at),
}
for _what in ("FLAGS", "ADDR", "DSTADDR", "BRDADDR", "NETMASK", "METRIC", "MTU", "HWADDR",
              "TXQLEN", "MAP", "SLAVE"):
    SOCK_IOCTLS["SIOCGIF" + _what] = (True, _getter(_what))
    SOCK_IOCTLS["SIOCSIF" + _what] = (False, _setter(_what))
del _what
SOCK_IOCTLS.update((name, (False, _address)) for name in _ADDRESS_ONLY)
