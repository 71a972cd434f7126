"""What -y / -yy / --decode-fds= show of a tracee's descriptor (an FdTarget value).

-y ("path"): the /proc/PID/fd/N link, classified ("/etc/passwd" a file, "pipe:[123]",
"socket:[456]", "anon_inode:[eventpoll]").  -yy adds, as strace 6.1 does:
  * "socket": the protocol (the "system.sockprotoname" xattr of the fd) and the
    endpoints from sock_diag over netlink (TCP:[127.0.0.1:40000->127.0.0.1:5000],
    UNIX-STREAM:[12->13,"/path"], NETLINK:[ROUTE:1234]); a socket sock_diag does not
    list keeps its inode.  As strace, what sock_diag told of a socket is kept by inode
    (in a 1024-slot table indexed by the inode's low bits) and shown again without
    asking, even after its peer closed; a unix socket is kept only once it has a peer
    or a name;
  * "dev": the device number of character and block devices (/dev/null<char 1:3>);
  * "pidfd": the process of a pidfd (pid:1234).
strace counterpart: printfd()/getfdpath() in util.c, socketutils.c.
"""
from __future__ import annotations

import ipaddress
import os
import socket
import stat
import struct

from ..filters import consts_gen as C
from ..values import AbstractPath, Device, Endpoint, FdTarget, Path
from .pidns import proc_dir

_NLMSGHDR = struct.Struct("=IHHII")      # len, type, flags, seq, pid
_RTATTR = struct.Struct("=HH")
_INET_PROTOS = {"TCP": C.IPPROTO_TCP, "UDP": C.IPPROTO_UDP, "UDPLITE": C.IPPROTO_UDPLITE,
                "SCTP": C.IPPROTO_SCTP, "DCCP": C.IPPROTO_DCCP, "MPTCP": C.IPPROTO_MPTCP}
_ALL_STATES = 0xFFFFFFFF
_CACHE_MASK = 1023   # strace's socket details table: 1024 slots by inode
_DELETED = " (deleted)"   # what the kernel appends to a deleted file's link (d_path())


def link_target(link: str, proc: str | None = None) -> FdTarget:
    """A /proc/PID/fd/N (or cwd) link, classified by its form (what -y shows of it).
    With the link's own `proc` path, a name that merely ends in " (deleted)" is told
    from a deleted file as strace tells it: the file the name leads to is the fd's."""
    if link.startswith("/"):
        if link.endswith(_DELETED) and (proc is None or _gone(proc, link)):
            return FdTarget("file", link[:-len(_DELETED)], deleted=True)
        return FdTarget("file", link)
    for prefix, kind in (("pipe:[", "pipe"), ("socket:[", "socket")):
        if link.startswith(prefix) and link.endswith("]") and link[len(prefix):-1].isdigit():
            return FdTarget(kind, link, inode=int(link[len(prefix):-1]))
    if link.startswith("anon_inode:"):
        return FdTarget("anon", link)
    return FdTarget("other", link)


def _gone(proc: str, link: str) -> bool:
    """strace's test of a link ending in " (deleted)": the fd's file is readable by
    stat and the name (suffix included) is not that file."""
    try:
        a = os.stat(proc)
    except OSError:
        return False
    try:
        b = os.lstat(link)
    except OSError:
        return True
    return (a.st_ino, a.st_dev) != (b.st_ino, b.st_dev)


def describe_fd(pid: int, fd: int, modes: frozenset[str],
                sockets: dict[int, FdTarget] | None = None) -> FdTarget | None:
    """What fd refers to, as far as `modes` ask, or None (a plain number).  `sockets`:
    the session's table of socket details already found (see the module docstring)."""
    proc = f"{proc_dir(pid)}/fd/{fd}"
    try:
        link = os.readlink(proc)
    except OSError:
        return None
    target = link_target(link, proc)
    if target.kind == "socket" and target.inode is not None and "socket" in modes:
        ino = target.inode
        known = sockets.get(ino & _CACHE_MASK) if sockets is not None else None
        if known is not None and known.inode == ino:
            return known
        sock = _socket(proc, target, ino)
        if sockets is not None and (sock.local is not None or sock.netlink is not None
                                    or sock.peer_inode or sock.bound is not None):
            sockets[ino & _CACHE_MASK] = sock
        return sock
    if link == "anon_inode:[pidfd]" and "pidfd" in modes:
        got = _pidfd(pid, fd)
        if got is not None:
            return got
    if "dev" in modes and target.kind == "file":
        try:
            st = os.stat(proc)
        except OSError:
            st = None
        if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)):
            kind = "char" if stat.S_ISCHR(st.st_mode) else "block"
            return FdTarget("device", target.path, target.deleted, device=Device(
                kind, os.major(st.st_rdev), os.minor(st.st_rdev)))
    return target if "path" in modes else None


def _pidfd(pid: int, fd: int) -> FdTarget | None:
    try:
        with open(f"{proc_dir(pid)}/fdinfo/{fd}") as f:
            for line in f:
                if line.startswith("Pid:"):
                    return FdTarget("pidfd", "anon_inode:[pidfd]", pid=int(line.split()[1]))
    except (OSError, IndexError, ValueError):
        pass
    return None


def _socket(proc: str, target: FdTarget, ino: int) -> FdTarget:
    """-yy's socket: its protocol, and what sock_diag tells of it (when it lists it)."""
    try:
        proto = os.getxattr(proc, "system.sockprotoname").rstrip(b"\0").decode()
    except (OSError, ValueError):
        return target
    plain = FdTarget("socket", target.path, inode=ino, protocol=proto)
    try:
        if proto.startswith("UNIX"):
            unix = _unix(ino)
            if unix is None:
                return plain
            return FdTarget("socket", target.path, inode=ino, protocol=proto,
                            peer_inode=unix[0], bound=unix[1])
        if proto == "NETLINK":
            nl = _netlink(ino)
            return plain if nl is None else FdTarget("socket", target.path, inode=ino,
                                                     protocol=proto, netlink=nl)
        v6 = proto.endswith("v6")
        base = proto[:-2] if v6 else proto
        if base not in _INET_PROTOS:
            return plain
        inet = _inet(C.AF_INET6 if v6 else C.AF_INET, _INET_PROTOS[base], ino)
    except OSError:   # sock_diag cannot be asked
        return plain
    if inet is None:
        return plain
    return FdTarget("socket", target.path, inode=ino, protocol=proto,
                    local=inet[0], peer=inet[1])


# --- netlink plumbing --------------------------------------------------------------------

def _query(payload: bytes) -> list[bytes]:
    """Send one SOCK_DIAG_BY_FAMILY dump request; the payloads of every reply message."""
    with socket.socket(C.AF_NETLINK, C.SOCK_RAW | C.SOCK_CLOEXEC, C.NETLINK_SOCK_DIAG) as s:
        hdr = _NLMSGHDR.pack(_NLMSGHDR.size + len(payload), C.SOCK_DIAG_BY_FAMILY,
                             C.NLM_F_REQUEST | C.NLM_F_DUMP, 1, 0)
        s.sendto(hdr + payload, (0, 0))
        out: list[bytes] = []
        while True:
            data = s.recv(65536)
            if not data:
                return out
            off = 0
            while off + _NLMSGHDR.size <= len(data):
                length, mtype, _, _, _ = _NLMSGHDR.unpack_from(data, off)
                if length < _NLMSGHDR.size:
                    return out
                if mtype in (C.NLMSG_DONE, C.NLMSG_ERROR):
                    return out
                out.append(data[off + _NLMSGHDR.size: off + length])
                off += (length + 3) & ~3


def _attrs(data: bytes, off: int) -> dict[int, bytes]:
    attrs: dict[int, bytes] = {}
    while off + _RTATTR.size <= len(data):
        length, kind = _RTATTR.unpack_from(data, off)
        if length < _RTATTR.size:
            break
        attrs[kind] = data[off + _RTATTR.size: off + length]
        off += (length + 3) & ~3
    return attrs


def _reply_about(req: bytes, ino: int, size: int, ino_offset: int) -> bytes | None:
    """The first sock_diag reply to `req` (at least `size` bytes) about inode `ino`."""
    for msg in _query(req):
        if len(msg) >= size and struct.unpack_from("=I", msg, ino_offset)[0] == ino:
            return msg
    return None


# --- inet ----------------------------------------------------------------------------------

def _inet(family: int, protocol: int, ino: int) -> tuple[Endpoint, Endpoint | None] | None:
    """The local and peer (None: not connected) endpoints of an inet socket."""
    req = struct.pack("=BBBxI", family, protocol, 0, _ALL_STATES)
    req += b"\0" * (C.SIZEOF_INET_DIAG_REQ_V2 - len(req))
    msg = _reply_about(req, ino, C.SIZEOF_INET_DIAG_MSG, C.INET_DIAG_MSG_INODE)
    if msg is not None:
        idp = C.INET_DIAG_MSG_ID
        sport, dport = struct.unpack_from("!HH", msg, idp)
        src = msg[idp + C.INET_DIAG_SOCKID_SRC: idp + C.INET_DIAG_SOCKID_SRC + 16]
        dst = msg[idp + C.INET_DIAG_SOCKID_DST: idp + C.INET_DIAG_SOCKID_DST + 16]
        local = _endpoint(family, src, sport)
        if dport == 0 and not any(dst):
            return local, None
        return local, _endpoint(family, dst, dport)
    return None


def _endpoint(family: int, addr: bytes, port: int) -> Endpoint:
    ip = ipaddress.IPv4Address(addr[:4]) if family == C.AF_INET else ipaddress.IPv6Address(addr)
    return Endpoint(str(ip), port)


# --- netlink --------------------------------------------------------------------------------

def _netlink(ino: int) -> tuple[str, int] | int | None:
    """A netlink socket's protocol name (without "NETLINK_") and port id, or its
    protocol number when the name is unknown."""
    from ..xlat import NETLINK_PROTOCOLS
    req = struct.pack("=BBxxII", C.AF_NETLINK, C.NDIAG_PROTO_ALL, 0, 0)
    req += b"\0" * (C.SIZEOF_NETLINK_DIAG_REQ - len(req))
    msg = _reply_about(req, ino, C.SIZEOF_NETLINK_DIAG_MSG, C.NETLINK_DIAG_MSG_INO)
    if msg is not None:
        if msg[C.NETLINK_DIAG_MSG_FAMILY] != C.AF_NETLINK:
            return None
        proto = msg[C.NETLINK_DIAG_MSG_PROTOCOL]
        name = NETLINK_PROTOCOLS.name(proto)
        if name is None:
            return proto
        (portid,) = struct.unpack_from("=I", msg, C.NETLINK_DIAG_MSG_PORTID)
        return name.removeprefix("NETLINK_"), portid
    return None


# --- unix -----------------------------------------------------------------------------------

def _unix(ino: int) -> tuple[int | None, Path | AbstractPath | None] | None:
    """The peer's inode (None: no peer) and the bound name of a unix socket."""
    req = struct.pack("=BBxxIIIII", C.AF_UNIX, 0, _ALL_STATES, 0,
                      C.UDIAG_SHOW_NAME | C.UDIAG_SHOW_PEER, 0, 0)
    msg = _reply_about(req, ino, C.SIZEOF_UNIX_DIAG_MSG, C.UNIX_DIAG_MSG_INO)
    if msg is not None:
        attrs = _attrs(msg, C.SIZEOF_UNIX_DIAG_MSG)
        peer_ino = None
        peer = attrs.get(C.UNIX_DIAG_PEER)
        if peer is not None and len(peer) >= 4:
            (pino,) = struct.unpack_from("=I", peer)
            peer_ino = pino or None
        name = attrs.get(C.UNIX_DIAG_NAME)
        bound: Path | AbstractPath | None = None
        if name:
            bound = AbstractPath(name[1:]) if name[0] == 0 else Path(name.split(b"\0", 1)[0])
        return peer_ino, bound
    return None
