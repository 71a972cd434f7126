"""Socket syscalls: socket, socketpair, bind, connect, listen, accept, accept4,
getsockname, getpeername, shutdown, sendto, recvfrom, sendmsg, recvmsg, sendmmsg,
recvmmsg, printed as strace 6.1 prints them.

Addresses are decoded by sockaddr.py, socket options by sockopt.py, message headers
here.  strace counterpart: net.c (and msghdr.c).
"""
from __future__ import annotations

import struct as _struct

from .. import xlat as X
from ..filters import consts_gen as C
from ..values import (
    ELIDED,
    Addr,
    Array,
    Changed,
    Comment,
    Const,
    Flags,
    Int,
    Labeled,
    Note,
    Or,
    Struct,
    Value,
)
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .cmsg import msg_control
from .netlink import decode_messages, is_netlink_socket
from .sockaddr import (
    decode_family,
    decode_sockaddr,
    ethernet_protocol,
)
from .time import timespec_at

SOCK_TYPE_MASK = 0xF        # include/linux/net.h (kernel-internal): the type bits of `type`
INT = _struct.Struct("<i")
UINT2 = _struct.Struct("<2i")
MSGHDR = _struct.Struct("<QI4xQQQQi4x")        # struct msghdr (x86_64, 56 bytes)
MMSGHDR_SIZE = MSGHDR.size + 8                 # struct mmsghdr: msghdr, msg_len, padding
IOV_MAX = 1024                                 # <limits.h>: strace caps mmsg vectors
IOVEC = _struct.Struct("<QQ")                  # struct iovec

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
    namelen = s32(namelen)
    if namelen_before is not None and namelen_before != namelen:
        size = min(namelen_before, namelen)   # the kernel's, capped at the user's
        nl: Value = Changed(Int(namelen_before), Int(namelen))
    else:
        size, nl = namelen, Int(namelen)
    fields: list[tuple[str | None, Value]] = [
        ("msg_name", decode_sockaddr(c, name, size)), ("msg_namelen", nl),
        ("msg_iov", _iovecs(c, iov, iovlen, data_size, _is_netlink_name(c, name, size))),
        ("msg_iovlen", Int(iovlen, "u"))]
    if controllen:
        fields.append(("msg_control", msg_control(c, control, controllen)))
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
    before = s32(int.from_bytes(head, "little")) if head is not None else None
    yield [c.fd(0)]
    if c.failed and before is not None:  # strace shows what was passed in: the name length
        return [Struct((("msg_namelen", Int(before)),)), msg_flags(c.args[2])]
    if c.failed or not addr:
        return [Addr(addr), msg_flags(c.args[2])]
    return [msghdr_value(c, addr, c.ret, before), msg_flags(c.args[2])]


# --- sendmmsg, recvmmsg ---------------------------------------------------------------
def _mmsgs(c: Call, addr: int, vlen: int, with_len: int, recv: bool,
           namelens: list[int] | None = None) -> Value:
    """[{msg_hdr={...}, msg_len=N}, ...] (strace's decode_mmsgvec): msg_len for the
    first with_len entries; recv: msg_len bounds the data shown; namelens: each entry's
    msg_namelen at entry (recvmmsg), which also caps the entries shown."""
    if not addr:
        return Addr(0)
    count = min(IOV_MAX, len(namelens)) if namelens is not None else IOV_MAX
    items: list[Value] = []
    for i in range(vlen):
        if not c.opts.verbose and i >= c.opts.max_strlen:
            items.append(ELIDED)
            break
        at = addr + i * MMSGHDR_SIZE
        chunk = c.read(at, MMSGHDR_SIZE)
        if chunk is None:
            if not i:
                return Addr(addr)
            items.append(Comment(ELIDED, Addr(at), keep=True))
            break
        if i >= count:
            items.append(ELIDED)
            break
        mlen = int.from_bytes(chunk[MSGHDR.size:MSGHDR.size + 4], "little")
        hdr = msghdr_value(c, at, mlen if recv else None,
                           namelens[i] if namelens is not None else None,
                           raw=chunk[:MSGHDR.size])
        fields: list[tuple[str | None, Value]] = [("msg_hdr", hdr)]
        if i < with_len:
            fields.append(("msg_len", Int(mlen, "u")))
        items.append(Struct(tuple(fields)))
    return Array(tuple(items))


@decoder("sendmmsg")
def _sendmmsg(c: Call) -> DecodeGen:
    vec, vlen = c.args[1], c.uint(2)
    if not c.opts.deref:   # outside -e verbose=: everything at entry, the vector's address
        c.sep_late = True
        yield [c.fd(0), Addr(vec), Int(vlen, "u"), msg_flags(c.args[3])]
        return []
    yield [c.fd(0)]
    # decoded at exit, even when the call failed: msg_len of those sent
    shown = _mmsgs(c, vec, vlen, 0 if c.failed else c.ret, False)
    return [shown, Int(vlen, "u"), msg_flags(c.args[3])]


def _namelens(c: Call, addr: int, vlen: int) -> list[int]:
    """msg_namelen of each entry at entry, up to the first unreadable one."""
    out: list[int] = []
    for i in range(min(vlen, IOV_MAX)):
        raw = c.read(addr + i * MMSGHDR_SIZE + 8, 4)
        if raw is None:
            break
        out.append(s32(int.from_bytes(raw, "little")))
    return out


@decoder("recvmmsg")
def _recvmmsg(c: Call) -> DecodeGen:
    vec, vlen = c.args[1], c.uint(2)
    rest = [Int(vlen, "u"), msg_flags(c.args[3])]
    timeout = timespec_at(c, c.args[4])   # as it was at entry
    if not c.opts.deref:   # as sendmmsg
        c.sep_late = True
        yield [c.fd(0), Addr(vec), *rest, timeout]
        if not c.failed and c.ret == 0:
            c.rcomment = Note("Timeout")
        return []
    namelens = _namelens(c, vec, vlen)
    yield [c.fd(0)]
    if c.failed:
        return [Addr(vec), *rest, timeout]
    if c.ret == 0:
        c.rcomment = Note("Timeout")
    elif c.args[4]:
        c.rcomment = Labeled("left", timespec_at(c, c.args[4]))
    return [_mmsgs(c, vec, c.ret, c.ret, True, namelens), *rest, timeout]


__all__ = ["socket_type", "socket_protocol", "msg_flags", "msghdr_value"]
