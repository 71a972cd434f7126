"""Socket syscalls: socket, socketpair, bind, connect, listen, accept, accept4,
getsockname, getpeername, shutdown, sendto, recvfrom, sendmsg, recvmsg, sendmmsg,
recvmmsg, setsockopt, getsockopt, printed as strace 6.1 prints them.

Addresses are decoded by sockaddr.py, message headers and socket options here.
strace counterpart: net.c (and msghdr.c, sockopt parts of net.c).
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..filters import consts_gen as C
from ..values import (
    Addr,
    Array,
    Changed,
    Comment,
    Const,
    Flags,
    Int,
    Note,
    Or,
    Str,
    Struct,
    Sym,
    Value,
)
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .netlink import decode_messages, is_netlink_socket
from .sockaddr import (
    decode_family,
    decode_sockaddr,
    ethernet_protocol,
    ifindex_value,
    inet6_addr_field,
    inet_addr_field,
)
from .time import timespec_at

SOCK_TYPE_MASK = 0xF        # include/linux/net.h (kernel-internal): the type bits of `type`
INT = _struct.Struct("<i")
UINT2 = _struct.Struct("<2i")
LINGER = _struct.Struct("<ii")                 # struct linger
UCRED = _struct.Struct("<iII")                 # struct ucred
MSGHDR = _struct.Struct("<QI4xQQQQi4x")        # struct msghdr (x86_64, 56 bytes)
MMSGHDR_SIZE = MSGHDR.size + 8                 # struct mmsghdr: msghdr, msg_len, padding
IOVEC = _struct.Struct("<QQ")                  # struct iovec
CMSGHDR = _struct.Struct("<Qii")               # struct cmsghdr (x86_64, 16 bytes)

# SOL_SOCKET options whose value the kernel treats as an int: strace prints "[N]" for
# them whenever the length is at least sizeof(int) (observed from strace 6.1).
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
# Read-only options: an int for getsockopt, bytes for setsockopt (observed).
_SOL_SOCKET_GET_INTS = _SOL_SOCKET_INTS | {"SO_TYPE", "SO_ERROR", "SO_PROTOCOL", "SO_DOMAIN"}
# Options taking a struct sock_fprog (16 bytes on x86_64): shorter lengths print the address.
_SOCK_FPROG = frozenset(("SO_ATTACH_FILTER", "SO_ATTACH_REUSEPORT_CBPF"))
SOCK_FPROG_SIZE = 16
SOCK_FPROG = _struct.Struct("<H6xQ")           # struct sock_fprog: len, filter pointer
IP_MREQ_SIZE = 8                               # struct ip_mreq (ip_mreqn starts alike)
IPV6_MREQ = _struct.Struct("<16sI")            # struct ipv6_mreq
# Membership options and the struct their value is (observed from strace 6.1: ip_mreqn
# prints as ip_mreq, its first 8 bytes).
_MREQ_OPTIONS = {("SOL_IP", "IP_ADD_MEMBERSHIP"): "mreq",
                 ("SOL_IP", "IP_DROP_MEMBERSHIP"): "mreq",
                 ("SOL_IPV6", "IPV6_ADD_MEMBERSHIP"): "mreq6",
                 ("SOL_IPV6", "IPV6_DROP_MEMBERSHIP"): "mreq6"}


# --- small builders -----------------------------------------------------------------
def _read_int(c: Call, addr: int) -> int | None:
    if not addr:
        return None
    got = c.read_struct(addr, INT)
    return None if got is None else got[0]


def socket_type(v: int) -> Value:
    """SOCK_STREAM|SOCK_CLOEXEC; an unknown type merges into the unknown bits."""
    v &= 0xFFFFFFFF
    tname = X.SOCKET_TYPES.name(v & SOCK_TYPE_MASK)
    if tname is not None:
        head = Const(tname, v & SOCK_TYPE_MASK)
        if not v & ~SOCK_TYPE_MASK:
            return head
        names, rest = X.split_flags(X.SOCKET_TYPE_FLAGS, v & ~SOCK_TYPE_MASK)
        return Or((head, Flags(names, rest, value=v & ~SOCK_TYPE_MASK)))
    names, rest = X.split_flags(X.SOCKET_TYPE_FLAGS, v)
    if not names:
        return Comment(Int(v, "x"), "SOCK_???")
    return Flags(names, rest, value=v)


def socket_protocol(family: str | None, proto: int) -> Value:
    proto &= 0xFFFFFFFF
    if family in ("AF_INET", "AF_INET6"):
        return const(X.IP_PROTOCOLS, proto, "x", "IPPROTO_???")
    if family == "AF_NETLINK":
        return const(X.NETLINK_PROTOCOLS, proto, "x", "NETLINK_???")
    if family == "AF_PACKET":
        return ethernet_protocol(int.from_bytes((proto & 0xFFFF).to_bytes(2, "little"), "big"))
    return Int(proto, "u")


def msg_flags(v: int) -> Value:
    """MSG_* flags; only unknown bits print as "0x10000000 /* MSG_??? */"."""
    return flags_or_unknown(X.MSG_FLAGS, v, "MSG_???")


def accept_flags(v: int) -> Value:
    return flags_or_unknown(X.SOCKET_TYPE_FLAGS, v, "SOCK_???")


def _in_out_len(before: int | None, after: int | None, lenp: int) -> Value:
    """strace's "[in => out]" for an in/out socklen_t, "[n]" when unchanged."""
    if after is None:
        return Addr(lenp) if before is None else Array((Int(before),))
    if before is None or before == after:
        return Array((Int(after),))
    return Array((Changed(Int(before), Int(after)),))


def _addr_and_len(c: Call, addr: int, lenp: int, before: int | None) -> list[Value]:
    """The (address, length) pair of accept/getsockname/recvfrom, decoded at exit."""
    if c.failed:
        return [Addr(addr), _in_out_len(before, None, lenp)]
    after = _read_int(c, lenp)
    if after is None:
        return [Addr(addr), Addr(lenp)]
    size = after if before is None else min(before, after)
    return [decode_sockaddr(c, addr, size), _in_out_len(before, after, lenp)]


# --- socket, socketpair, bind, connect, listen, shutdown -----------------------------
@decoder("socket")
def _socket(c: Call) -> list[Value]:
    fam = c.uint(0)
    return [decode_family(fam), socket_type(c.args[1]),
            socket_protocol(X.SOCKET_FAMILIES.name(fam), c.args[2])]


@decoder("socketpair")
def _socketpair(c: Call) -> DecodeGen:
    fam = c.uint(0)
    yield [decode_family(fam), socket_type(c.args[1]), c.uint_(2)]  # protocol: a number
    sv = c.args[3]
    if c.failed or not sv:
        return [Addr(sv)]
    got = c.read_struct(sv, UINT2)
    if got is None:
        return [Addr(sv)]
    return [Array((c.fd_value(got[0]), c.fd_value(got[1])))]


@decoder("bind", "connect")
def _bind(c: Call) -> list[Value]:
    return [c.fd(0), decode_sockaddr(c, c.args[1], c.args[2]), c.int_(2)]


@decoder("listen")
def _listen(c: Call) -> list[Value]:
    return [c.fd(0), c.int_(1)]


@decoder("shutdown")
def _shutdown(c: Call) -> list[Value]:
    return [c.fd(0), const(X.SHUTDOWN_MODES, c.uint(1), "x", "SHUT_???")]


# --- accept, accept4, getsockname, getpeername ----------------------------------------
@decoder("accept")
def _accept(c: Call) -> DecodeGen:
    before = _read_int(c, c.args[2])
    yield [c.fd(0)]
    return _addr_and_len(c, c.args[1], c.args[2], before)


@decoder("accept4")
def _accept4(c: Call) -> DecodeGen:
    before = _read_int(c, c.args[2])
    yield [c.fd(0)]
    return [*_addr_and_len(c, c.args[1], c.args[2], before), accept_flags(c.args[3])]


@decoder("getsockname", "getpeername")
def _getsockname(c: Call) -> DecodeGen:
    before = _read_int(c, c.args[2])
    yield [c.fd(0)]
    return _addr_and_len(c, c.args[1], c.args[2], before)


# --- sendto, recvfrom -----------------------------------------------------------------
def _sockbuf(c: Call, addr: int, size: int) -> Value:
    """The data of sendto/recvfrom: netlink messages on a netlink socket (unless
    -e verbose= leaves the call out), else a string (strace's decode_sockbuf)."""
    fd = s32(c.args[0])
    if c.opts.deref and fd >= 0 and is_netlink_socket(c, fd):
        return decode_messages(c, fd, addr, size)
    return c.buf(addr, size)


@decoder("sendto")
def _sendto(c: Call) -> list[Value]:
    return [c.fd(0), _sockbuf(c, c.args[1], c.args[2]), c.ulong(2), msg_flags(c.args[3]),
            decode_sockaddr(c, c.args[4], c.args[5]), c.int_(5)]


@decoder("recvfrom")
def _recvfrom(c: Call) -> DecodeGen:
    before = _read_int(c, c.args[5])
    yield [c.fd(0)]
    buf = Addr(c.args[1]) if c.failed else _sockbuf(c, c.args[1], min(c.ret, c.args[2]))
    out = [buf, c.ulong(2), msg_flags(c.args[3])]
    if not c.args[5]:  # no length: the address is not decoded (strace prints it bare)
        return [*out, Addr(c.args[4]), Addr(0)]
    return [*out, *_addr_and_len(c, c.args[4], c.args[5], before)]


# --- struct msghdr --------------------------------------------------------------------
def _iovecs(c: Call, addr: int, count: int, data_size: int | None,
            netlink: bool = False) -> Value:
    """msg_iov: [{iov_base="...", iov_len=N}, ...]; data_size bounds the bytes shown
    in total (recvmsg: the bytes received), None means each iov_len; `netlink`: each
    iov_base holds netlink messages (a msg_name of family AF_NETLINK)."""
    if not addr:
        return Addr(0)
    limit = c.opts.max_strlen
    shown = min(count, limit)
    raw = c.read(addr, shown * IOVEC.size) if shown else b""
    if raw is None:
        return Addr(addr)
    items: list[Value] = []
    left = data_size
    for i in range(shown):
        base, length = IOVEC.unpack_from(raw, i * IOVEC.size)
        n = length if left is None else min(length, left)
        if left is not None:
            left -= n
        data = decode_messages(c, s32(c.args[0]), base, n) if netlink else c.buf(base, n)
        items.append(Struct((("iov_base", data), ("iov_len", Int(length, "u")))))
    return Array(tuple(items), elided=count > shown)


def _cmsg_data(c: Call, level: int, ctype: int, data: bytes) -> Value | None:
    if X.SOCKET_LEVELS.name(level) != "SOL_SOCKET":
        return None
    name = X.SCM_TYPES.name(ctype)
    if name == "SCM_RIGHTS":
        fds = [INT.unpack_from(data, i)[0] for i in range(0, len(data) - 3, 4)]
        return Array(tuple(c.fd_value(fd) for fd in fds))
    if name == "SCM_CREDENTIALS" and len(data) >= UCRED.size:
        pid, uid, gid = UCRED.unpack_from(data)
        return Struct((("pid", c.pid_value(pid)), ("uid", Int(uid, "u")),
                       ("gid", Int(gid, "u"))))
    return None


def _cmsgs(c: Call, addr: int, size: int) -> Value:
    """msg_control: the control messages in the first `size` bytes at addr."""
    data = c.read(addr, size) if size else b""
    if data is None:
        return Addr(addr)
    items: list[Value] = []
    off = 0
    while off + CMSGHDR.size <= len(data):
        clen, level, ctype = CMSGHDR.unpack_from(data, off)
        fields: list[tuple[str | None, Value]] = [("cmsg_len", Int(clen, "u")),
                        ("cmsg_level", const(X.SOCKET_LEVELS, level & 0xFFFFFFFF, "x",
                                             "SOL_???")),
                        ("cmsg_type", _cmsg_type(level, ctype))]
        if clen < CMSGHDR.size:
            items.append(Struct(tuple(fields)))
            break
        end = min(off + clen, len(data))
        value = _cmsg_data(c, level, ctype, data[off + CMSGHDR.size:end])
        if value is not None:
            fields.append(("cmsg_data", value))
        items.append(Struct(tuple(fields)))
        off += (clen + 7) & ~7
    return Array(tuple(items))


def _cmsg_type(level: int, ctype: int) -> Value:
    if X.SOCKET_LEVELS.name(level) == "SOL_SOCKET":
        return const(X.SCM_TYPES, ctype & 0xFFFFFFFF, "x", "SCM_???")
    return Int(ctype & 0xFFFFFFFF, "x")


def _is_netlink_name(c: Call, addr: int, size: int) -> bool:
    """Whether msg_name is an AF_NETLINK address (strace then decodes the iovecs as
    netlink messages)."""
    head = c.read(addr, 2) if addr and size >= 2 else None
    return head is not None and int.from_bytes(head, "little") == C.AF_NETLINK


def msghdr_value(c: Call, addr: int, data_size: int | None = None,
                 namelen_before: int | None = None, raw: bytes | None = None) -> Value:
    """struct msghdr at addr.  data_size: bytes received (recvmsg), None when sending;
    namelen_before: msg_namelen at entry (recvmsg prints "in => out")."""
    if raw is None:
        raw = c.read(addr, MSGHDR.size)
    if raw is None:
        return Addr(addr)
    name, namelen, iov, iovlen, control, controllen, mflags = MSGHDR.unpack(raw)
    if namelen_before is not None and namelen_before != namelen:
        size = min(namelen_before & 0xFFFFFFFF, namelen)
        nl: Value = Changed(Int(namelen_before), Int(namelen))
    else:
        size, nl = namelen, Int(namelen)
    fields: list[tuple[str | None, Value]] = [
        ("msg_name", decode_sockaddr(c, name, size)), ("msg_namelen", nl),
        ("msg_iov", _iovecs(c, iov, iovlen, data_size, _is_netlink_name(c, name, size))),
        ("msg_iovlen", Int(iovlen, "u"))]
    if controllen:
        fields.append(("msg_control", _cmsgs(c, control, controllen) if control
                       else Addr(0)))
    fields += [("msg_controllen", Int(controllen, "u")), ("msg_flags", msg_flags(mflags))]
    return Struct(tuple(fields))


@decoder("sendmsg")
def _sendmsg(c: Call) -> list[Value]:
    return [c.fd(0), msghdr_value(c, c.args[1]) if c.args[1] else Addr(0),
            msg_flags(c.args[2])]


@decoder("recvmsg")
def _recvmsg(c: Call) -> DecodeGen:
    addr = c.args[1]
    head = c.read(addr + 8, 4) if addr else None
    before = int.from_bytes(head, "little") if head is not None else None
    yield [c.fd(0)]
    if c.failed and before is not None:  # strace shows what was passed in: the name length
        return [Struct((("msg_namelen", Int(before)),)), msg_flags(c.args[2])]
    if c.failed or not addr:
        return [Addr(addr), msg_flags(c.args[2])]
    return [msghdr_value(c, addr, c.ret, before), msg_flags(c.args[2])]


# --- sendmmsg, recvmmsg ---------------------------------------------------------------
def _mmsgs(c: Call, addr: int, count: int, with_len: int, recv: bool) -> Value:
    """[{msg_hdr={...}, msg_len=N}, ...]: msg_len for the first with_len entries."""
    shown = min(count, c.opts.max_strlen)
    raw = c.read(addr, shown * MMSGHDR_SIZE) if shown else b""
    if raw is None:
        return Addr(addr)
    items: list[Value] = []
    for i in range(shown):
        chunk = raw[i * MMSGHDR_SIZE:(i + 1) * MMSGHDR_SIZE]
        mlen = int.from_bytes(chunk[MSGHDR.size:MSGHDR.size + 4], "little")
        hdr = msghdr_value(c, addr + i * MMSGHDR_SIZE, mlen if recv else None,
                           raw=chunk[:MSGHDR.size])
        fields: list[tuple[str | None, Value]] = [("msg_hdr", hdr)]
        if i < with_len:
            fields.append(("msg_len", Int(mlen, "u")))
        items.append(Struct(tuple(fields)))
    return Array(tuple(items), elided=count > shown)


@decoder("sendmmsg")
def _sendmmsg(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    vec, vlen = c.args[1], c.uint(2)
    done = 0 if c.failed else c.ret
    shown = _mmsgs(c, vec, vlen, done, False) if vec else Addr(0)
    return [shown, Int(vlen, "u"), msg_flags(c.args[3])]


@decoder("recvmmsg")
def _recvmmsg(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    vec, vlen = c.args[1], c.uint(2)
    if c.failed or not vec:
        shown: Value = Addr(vec)
    else:
        shown = _mmsgs(c, vec, c.ret, c.ret, True)
    return [shown, Int(vlen, "u"), msg_flags(c.args[3]), timespec_at(c, c.args[4])]


# --- setsockopt, getsockopt -----------------------------------------------------------
_LEVEL_OPTIONS = {
    "SOL_SOCKET": ("SOCKET_OPTIONS", "SO_???"),
    "SOL_IP": ("IP_OPTIONS", "IP_???"),
    "SOL_TCP": ("TCP_OPTIONS", "TCP_???"),
    "SOL_IPV6": ("IPV6_OPTIONS", "IPV6_???"),
}


def sockopt_level(level: int) -> Value:
    level &= 0xFFFFFFFF
    v = const(X.SOCKET_LEVELS, level, "x", "SOL_??")
    if isinstance(v, Comment):
        # "0x270f /* SOL_?? */"; -X raw drops the comment, -X verbose keeps it once
        return Sym(Int(level, "x"), v, Note("SOL_??"))
    return v


def sockopt_name(level: int, name: int) -> Value:
    lname = X.SOCKET_LEVELS.name(level & 0xFFFFFFFF)
    row = _LEVEL_OPTIONS.get(lname or "")
    if row is None:
        return Int(s32(name))
    return const(getattr(X, row[0]), name & 0xFFFFFFFF, "x", row[1])


def _opt_kind(level: int, name: int, getting: bool) -> str | None:
    """"int" for the SOL_SOCKET int options, "linger"/"peercred"/"fprog"/"txrehash"
    for those, "mreq"/"mreq6" for the multicast memberships (set only), None for the
    generic rule."""
    lname = X.SOCKET_LEVELS.name(level & 0xFFFFFFFF)
    if lname in ("SOL_IP", "SOL_IPV6") and not getting:
        table = X.IP_OPTIONS if lname == "SOL_IP" else X.IPV6_OPTIONS
        return _MREQ_OPTIONS.get((lname, table.name(name & 0xFFFFFFFF) or ""), None)
    if lname != "SOL_SOCKET":
        return None
    oname = X.SOCKET_OPTIONS.name(name & 0xFFFFFFFF)
    if oname == "SO_TXREHASH":
        return "txrehash"
    if oname in (_SOL_SOCKET_GET_INTS if getting else _SOL_SOCKET_INTS):
        return "int"
    if oname in _SOCK_FPROG and not getting:
        return "fprog"
    if oname == "SO_LINGER":
        return "linger"
    if oname == "SO_PEERCRED":
        return "peercred"
    return None


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


def _mreq(c: Call, kind: str, addr: int, length: int) -> Value:
    if kind == "mreq":
        data = c.read(addr, IP_MREQ_SIZE) if length >= IP_MREQ_SIZE else None
        if data is None:
            return Addr(addr)
        return Struct((("imr_multiaddr", inet_addr_field(data[:4])),
                       ("imr_interface", inet_addr_field(data[4:8]))))
    got = c.read_struct(addr, IPV6_MREQ) if length >= IPV6_MREQ.size else None
    if got is None:
        return Addr(addr)
    return Struct(((None, inet6_addr_field(got[0], "ipv6mr_multiaddr")),
                   ("ipv6mr_interface", ifindex_value(got[1]))))


def _int_at(c: Call, addr: int) -> Value:
    v = _read_int(c, addr)
    return Addr(addr) if v is None else Array((Int(v),))


def _optval(c: Call, kind: str | None, addr: int, length: int, getting: bool) -> Value:
    if not addr:
        return Addr(0)
    if kind == "linger":
        if length < LINGER.size:
            return Addr(addr)
        got = c.read_struct(addr, LINGER)
        return Addr(addr) if got is None else Struct((("l_onoff", Int(got[0])),
                                                      ("l_linger", Int(got[1]))))
    if kind == "peercred" and getting:
        # struct ucred: the fields that fit in the returned length, a field cut short
        # as its bytes in hex; nothing returned: the address
        data = c.read(addr, min(length, UCRED.size)) if length > 0 else None
        if data is None:
            return Addr(addr)
        fields: list[tuple[str | None, Value]] = []
        for i, key in enumerate(("pid", "uid", "gid")):
            chunk = data[i * INT.size:(i + 1) * INT.size]
            if len(chunk) < INT.size:
                if chunk:
                    fields.append((key, Str(chunk, hex=True)))
                break
            v = INT.unpack(chunk)[0]
            fields.append((key, c.pid_value(v) if key == "pid" else Int(v)))
        return Struct(tuple(fields))
    if kind == "fprog":
        return Addr(addr) if length < SOCK_FPROG_SIZE else _fprog(c, addr)
    if kind in ("mreq", "mreq6"):
        return _mreq(c, kind, addr, length)
    if kind == "txrehash" and length >= INT.size:
        v = _read_int(c, addr)
        if v is None:
            return Addr(addr)
        return Array((const(X.SOCK_TXREHASH, v, "d", "SOCK_TXREHASH_???"),))
    if kind == "int":
        if length >= INT.size:
            return _int_at(c, addr)
        if not getting:
            return Addr(addr)
        data = c.read(addr, length) if length > 0 else b""
        return Addr(addr) if data is None else Str(data, hex=True)
    if length == INT.size:
        return _int_at(c, addr)
    if length < 0 or not c.opts.deref:   # outside -e verbose=: the address
        return Addr(addr)
    return c.buf(addr, length)


@decoder("setsockopt")
def _setsockopt(c: Call) -> list[Value]:
    level, name, addr, length = c.args[1], c.args[2], c.args[3], c.sint(4)
    return [c.fd(0), sockopt_level(level), sockopt_name(level, name),
            _optval(c, _opt_kind(level, name, False), addr, length, False), c.int_(4)]


@decoder("getsockopt")
def _getsockopt(c: Call) -> DecodeGen:
    level, name, addr, lenp = c.args[1], c.args[2], c.args[3], c.args[4]
    before = _read_int(c, lenp)
    yield [c.fd(0), sockopt_level(level), sockopt_name(level, name)]
    if c.failed:
        return [Addr(addr), _in_out_len(before, None, lenp)]
    after = _read_int(c, lenp)
    if after is None:
        return [Addr(addr), Addr(lenp)]
    return [_optval(c, _opt_kind(level, name, True), addr, after, True),
            _in_out_len(before, after, lenp)]


__all__ = ["socket_type", "socket_protocol", "msg_flags", "msghdr_value", "sockopt_level",
           "sockopt_name"]
