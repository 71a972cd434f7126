"""Socket options: setsockopt and getsockopt, their level, name and value as strace 6.1
prints them (SOL_SOCKET ints, linger, ucred, error, txrehash, filters; SOL_IP/SOL_IPV6
memberships and group_req; SOL_PACKET rings, memberships and statistics; SOL_RAW's
icmp_filter).

strace counterpart: net.c (print_sockopt_fd_level_name, print_getsockopt,
print_setsockopt) and print_group_req.c.
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable

from .. import xlat as X
from ..values import (
    Addr,
    Array,
    Changed,
    Comment,
    HwAddr,
    Int,
    Note,
    Set,
    Str,
    Struct,
    Sym,
    Value,
)
from .base import Call, DecodeGen, const, decoder, s32
from .siginfo import errno_value, uid_value
from .sockaddr import ifindex_value, inet6_addr_field, inet_addr_field, sockaddr_value

INT = _struct.Struct("<i")
LINGER = _struct.Struct("<ii")                 # struct linger
IP_MREQ = _struct.Struct("<4s4s")              # struct ip_mreq (ip_mreqn starts alike)
IPV6_MREQ = _struct.Struct("<16sI")            # struct ipv6_mreq
GROUP_REQ = _struct.Struct("<I4x128s")         # struct group_req: interface, sockaddr_storage
TPACKET_REQ = _struct.Struct("<4I")            # struct tpacket_req
PACKET_MREQ = _struct.Struct("<iHH8s")         # struct packet_mreq
SOCK_FPROG_SIZE = 16                           # struct sock_fprog (x86_64)
SOCK_FPROG = _struct.Struct("<H6xQ")           # struct sock_fprog: len, filter pointer
ICMP_FILTER_SIZE = 4                           # struct icmp_filter: one __u32 of type bits
MAX_ADDR_LEN = 32                              # include/linux/netdevice.h: longest MAC

# SOL_SOCKET options whose value the kernel treats as an int: "[N]" when the length
# holds an int (strace's "All known int-like options").
_SOL_SOCKET_INTS = frozenset("""
SO_DEBUG SO_REUSEADDR SO_DONTROUTE SO_BROADCAST SO_SNDBUF SO_RCVBUF SO_KEEPALIVE
SO_OOBINLINE SO_NO_CHECK SO_PRIORITY SO_BSDCOMPAT SO_REUSEPORT SO_PASSCRED SO_RCVLOWAT
SO_SNDLOWAT SO_DETACH_FILTER SO_TIMESTAMP_OLD SO_ACCEPTCONN SO_SNDBUFFORCE SO_RCVBUFFORCE
SO_PASSSEC SO_TIMESTAMPNS_OLD SO_MARK SO_TIMESTAMPING_OLD SO_RXQ_OVFL SO_WIFI_STATUS
SO_PEEK_OFF SO_NOFCS SO_LOCK_FILTER SO_SELECT_ERR_QUEUE SO_BUSY_POLL SO_INCOMING_CPU
SO_CNX_ADVICE SO_INCOMING_NAPI_ID SO_ZEROCOPY SO_TIMESTAMP_NEW SO_TIMESTAMPNS_NEW
SO_TIMESTAMPING_NEW SO_DETACH_REUSEPORT_BPF SO_PREFER_BUSY_POLL SO_BUSY_POLL_BUDGET
SO_RESERVE_MEM SO_RCVMARK
""".split())

# level name -> (table of its option names, the comment of an unknown one)
_LEVEL_OPTIONS = {
    "SOL_SOCKET": ("SOCKET_OPTIONS", "SO_???"),
    "SOL_IP": ("IP_OPTIONS", "IP_???"),
    "SOL_TCP": ("TCP_OPTIONS", "TCP_???"),
    "SOL_IPV6": ("IPV6_OPTIONS", "IPV6_???"),
    "SOL_PACKET": ("PACKET_OPTIONS", "PACKET_???"),
    "SOL_RAW": ("RAW_OPTIONS", "RAW_???"),
}


def sockopt_level(level: int) -> Value:
    level &= 0xFFFFFFFF
    v = const(X.SOCKET_LEVELS, level, "x", "SOL_??")
    if isinstance(v, Comment):
        # "0x270f /* SOL_?? */"; -X raw drops the comment, -X verbose keeps it once
        return Sym(Int(level, "x"), v, Note("SOL_??"))
    return v


def _names(level: int, name: int) -> tuple[str, str]:
    """(level name, option name): "" for those no table names."""
    lname = X.SOCKET_LEVELS.name(level & 0xFFFFFFFF) or ""
    row = _LEVEL_OPTIONS.get(lname)
    oname = getattr(X, row[0]).name(name & 0xFFFFFFFF) if row else None
    return lname, oname or ""


def sockopt_name(level: int, name: int, getting: bool = False) -> Value:
    """The option's name at its level; getsockopt's own names first (SO_GET_FILTER)."""
    lname = X.SOCKET_LEVELS.name(level & 0xFFFFFFFF) or ""
    row = _LEVEL_OPTIONS.get(lname)
    if row is None:
        return Int(s32(name))
    if getting and lname == "SOL_SOCKET" and X.GETSOCK_OPTIONS.name(name & 0xFFFFFFFF):
        return const(X.GETSOCK_OPTIONS, name & 0xFFFFFFFF)
    return const(getattr(X, row[0]), name & 0xFFFFFFFF, "x", row[1])


# --- value printers -------------------------------------------------------------------
def _int_at(c: Call, addr: int, wrap: Callable[[int], Value] = Int) -> Value:
    """strace's printnum_int: "[N]", or the address when unreadable."""
    got = c.read_struct(addr, INT)
    return Addr(addr) if got is None else Array((wrap(got[0]),))


def _hex(c: Call, addr: int, length: int) -> Value:
    """strace's printstr_ex(QUOTE_FORCE_HEX): a value shorter than its type."""
    data = c.read(addr, length)
    return Addr(addr) if data is None else Str(data, hex=True)


def _fields_by_len(c: Call, addr: int, length: int, size: int,
                   fields: tuple[tuple[str, Callable[[int], Value]], ...]) -> Value:
    """A struct of 32-bit fields the kernel filled up to `length` bytes: the whole
    fields, then a field cut short as its bytes in hex (MAYBE_PRINT_FIELD_LEN)."""
    data = c.read(addr, min(length, size))
    if data is None:
        return Addr(addr)
    out: list[tuple[str | None, Value]] = []
    for i, (key, wrap) in enumerate(fields):
        chunk = data[i * 4:(i + 1) * 4]
        if not chunk:
            break
        if len(chunk) < 4:
            out.append((key, Str(chunk, hex=True)))
            break
        out.append((key, wrap(int.from_bytes(chunk, "little"))))
    return Struct(tuple(out))


def _signed(v: int) -> Value:
    return Int(s32(v))


def _unsigned(v: int) -> Value:
    return Int(v, "u")


def _linger(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, LINGER)
    return Addr(addr) if got is None else Struct((("l_onoff", Int(got[0])),
                                                  ("l_linger", Int(got[1]))))


def _fprog(c: Call, addr: int) -> Value:
    """struct sock_fprog: {len=N, filter=ADDR}; with -v the instructions (bpf.py)."""
    got = c.read_struct(addr, SOCK_FPROG)
    if got is None:
        return Addr(addr)
    count, filt = got
    if c.opts.verbose:
        from .bpf import bpf_filter  # classic BPF instructions
        shown = bpf_filter(c, filt, count)
    else:
        shown = Addr(filt)
    return Struct((("len", Int(count, "u")), ("filter", shown)))


def _txrehash(v: int) -> Value:
    return const(X.SOCK_TXREHASH, s32(v), "d", "SOCK_TXREHASH_???")


def _mreq(c: Call, addr: int, length: int) -> Value:
    got = c.read_struct(addr, IP_MREQ) if length >= IP_MREQ.size else None
    if got is None:
        return Addr(addr)
    return Struct((("imr_multiaddr", inet_addr_field(got[0])),
                   ("imr_interface", inet_addr_field(got[1]))))


def _mreq6(c: Call, addr: int, length: int) -> Value:
    got = c.read_struct(addr, IPV6_MREQ) if length >= IPV6_MREQ.size else None
    if got is None:
        return Addr(addr)
    return Struct(((None, inet6_addr_field(got[0], "ipv6mr_multiaddr")),
                   ("ipv6mr_interface", ifindex_value(got[1]))))


def _group_req(c: Call, addr: int, length: int) -> Value:
    got = c.read_struct(addr, GROUP_REQ) if length >= GROUP_REQ.size else None
    if got is None:
        return Addr(addr)
    return Struct((("gr_interface", ifindex_value(got[0])),
                   ("gr_group", sockaddr_value(c, got[1]))))


def _tpacket_req(c: Call, addr: int, length: int) -> Value:
    got = c.read_struct(addr, TPACKET_REQ) if length == TPACKET_REQ.size else None
    if got is None:
        return Addr(addr)
    keys = ("tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr")
    return Struct(tuple((k, Int(v, "u")) for k, v in zip(keys, got, strict=True)))


def _packet_mreq(c: Call, addr: int, length: int) -> Value:
    got = c.read_struct(addr, PACKET_MREQ) if length == PACKET_MREQ.size else None
    if got is None:
        return Addr(addr)
    ifindex, mtype, alen, address = got
    mac = address[:min(alen, len(address))]
    shown: Value = Sym(Str(mac, hex=True), HwAddr(mac))
    return Struct((("mr_ifindex", ifindex_value(ifindex) if ifindex > 0 else Int(ifindex)),
                   ("mr_type", const(X.PACKET_MREQ_TYPES, mtype, "x", "PACKET_MR_???")),
                   ("mr_alen", Int(alen, "u")), ("mr_address", shown)))


def _icmp_filter(c: Call, addr: int, length: int) -> Value:
    """struct icmp_filter: the ICMP types it filters out, "~[...]" for those it lets
    through when more than half the bits are set; bytes past `length` count as set."""
    if length <= 0:
        return Addr(addr)
    n = min(length, ICMP_FILTER_SIZE)
    data = c.read(addr, n)
    if data is None:
        return Addr(addr)
    bits = int.from_bytes(data + b"\xff" * (ICMP_FILTER_SIZE - n), "little")
    negated = bin(bits).count("1") > 16
    if negated:
        bits ^= 0xFFFFFFFF
    return Set(tuple(const(X.ICMP_FILTER_TYPES, i, "x", "ICMP_???")
                     for i in range(32) if bits >> i & 1), negated)


def _default(c: Call, addr: int, length: int) -> Value:
    """An option strace has no printer for: an int when 4 bytes long, else a string."""
    if length == INT.size:
        return _int_at(c, addr)
    if length < 0:
        return Addr(addr)
    return c.buf(addr, length)


# --- setsockopt -----------------------------------------------------------------------
def _set_value(c: Call, level: int, name: int, addr: int, length: int) -> Value:
    if not addr or not c.opts.deref:
        return Addr(addr)
    lname, oname = _names(level, name)
    if lname == "SOL_SOCKET":
        if oname == "SO_LINGER":
            return Addr(addr) if length < LINGER.size else _linger(c, addr)
        if oname in ("SO_ATTACH_FILTER", "SO_ATTACH_REUSEPORT_CBPF"):
            return _fprog(c, addr) if length == SOCK_FPROG_SIZE else Addr(addr)
        if oname == "SO_TXREHASH":
            return Addr(addr) if length < INT.size else _int_at(c, addr, _txrehash)
        if oname in _SOL_SOCKET_INTS:
            return Addr(addr) if length < INT.size else _int_at(c, addr)
    elif lname in ("SOL_IP", "SOL_IPV6"):
        if oname in ("MCAST_JOIN_GROUP", "MCAST_LEAVE_GROUP"):
            return _group_req(c, addr, length)
        if oname in ("IP_ADD_MEMBERSHIP", "IP_DROP_MEMBERSHIP"):
            return _mreq(c, addr, length)
        if oname in ("IPV6_ADD_MEMBERSHIP", "IPV6_DROP_MEMBERSHIP", "IPV6_JOIN_ANYCAST",
                     "IPV6_LEAVE_ANYCAST"):
            return _mreq6(c, addr, length)
    elif lname == "SOL_PACKET":
        if oname in ("PACKET_RX_RING", "PACKET_TX_RING"):
            return _tpacket_req(c, addr, length)
        if oname in ("PACKET_ADD_MEMBERSHIP", "PACKET_DROP_MEMBERSHIP"):
            return _packet_mreq(c, addr, length)
    elif lname == "SOL_RAW" and oname == "ICMP_FILTER":
        return _icmp_filter(c, addr, length)
    elif lname == "SOL_NETLINK":
        return Addr(addr) if length < INT.size else _int_at(c, addr)
    return _default(c, addr, length)


@decoder("setsockopt")
def _setsockopt(c: Call) -> list[Value]:
    level, name, addr, length = c.args[1], c.args[2], c.args[3], c.sint(4)
    return [c.fd(0), sockopt_level(level), sockopt_name(level, name),
            _set_value(c, level, name, addr, length), c.int_(4)]


# --- getsockopt -----------------------------------------------------------------------
def _get_value(c: Call, level: int, name: int, addr: int, rlen: int) -> Value:
    """What the kernel returned in rlen bytes at addr (strace's print_getsockopt)."""
    lname, oname = _names(level, name)
    if lname == "SOL_SOCKET":
        if oname == "SO_LINGER":
            return _fields_by_len(c, addr, rlen, LINGER.size,
                                  (("l_onoff", _signed), ("l_linger", _signed)))
        if oname == "SO_PEERCRED":
            return _fields_by_len(c, addr, rlen, 12, (("pid", c.pid_value),
                                                      ("uid", uid_value),
                                                      ("gid", uid_value)))
        if oname == "SO_ATTACH_FILTER":   # SO_GET_FILTER: rlen instructions (with -v)
            if rlen > 0xFFFF or not c.opts.verbose:
                return Addr(addr)
            from .bpf import bpf_filter
            return bpf_filter(c, addr, rlen)
        if oname == "SO_ERROR":
            return _hex(c, addr, rlen) if rlen < INT.size else _int_at(c, addr, errno_value)
        if oname == "SO_TXREHASH":
            return _hex(c, addr, rlen) if rlen < INT.size else _int_at(c, addr, _txrehash)
        if oname in _SOL_SOCKET_INTS:
            return _hex(c, addr, rlen) if rlen < INT.size else _int_at(c, addr)
    elif lname == "SOL_PACKET" and oname == "PACKET_STATISTICS":
        return _fields_by_len(c, addr, rlen, 12, (("tp_packets", _unsigned),
                                                  ("tp_drops", _unsigned),
                                                  ("tp_freeze_q_cnt", _unsigned)))
    elif lname == "SOL_RAW" and oname == "ICMP_FILTER":
        return _icmp_filter(c, addr, rlen)
    return _default(c, addr, rlen)


def _read_int(c: Call, addr: int) -> int | None:
    got = c.read_struct(addr, INT) if addr else None
    return None if got is None else int(got[0])


@decoder("getsockopt")
def _getsockopt(c: Call) -> DecodeGen:
    level, name, addr, lenp = c.args[1], c.args[2], c.args[3], c.args[4]
    ulen = _read_int(c, lenp)   # None outside -e verbose= too: both addresses print
    yield [c.fd(0), sockopt_level(level), sockopt_name(level, name, True)]
    if ulen is None:
        return [Addr(addr), Addr(lenp)]
    rlen = None if c.failed else _read_int(c, lenp)
    if rlen is None:
        return [Addr(addr), Array((Int(ulen),))]
    shown = (_get_value(c, level, name, addr, rlen) if ulen > 0 and rlen > 0 and addr
             else Addr(addr))
    return [shown, Array((Int(rlen) if ulen == rlen else Changed(Int(ulen), Int(rlen)),))]


__all__ = ["sockopt_level", "sockopt_name"]
