"""NETLINK_GENERIC message types: the family ids the kernel gave out, named by asking
the kernel's generic netlink controller once ("nlctrl", "nl80211", ...).

strace counterpart: netlink.c (decode_nlmsg_type_generic), socketutils.c
(genl_families_xlat).
"""
from __future__ import annotations

import socket as _socket
import struct as _struct
from functools import cache

from .. import xlat as X
from ..values import Value
from ..xlat import Xlat
from .base import const
from .netlink_common import Protocol

_HDR = _struct.Struct("<IHHII")        # struct nlmsghdr
_GENL = _struct.Struct("<BBH")         # struct genlmsghdr: cmd, version, reserved
_NLA = _struct.Struct("<HH")           # struct nlattr: nla_len, nla_type
_CTRL_VERSION = 2   # the controller's genl_family.version (linux net/netlink/genetlink.c)


def _family_pairs(data: bytes) -> list[tuple[str, int]]:
    """(name, id) of each CTRL_CMD_NEWFAMILY message in a controller's answer."""
    pairs: list[tuple[str, int]] = []
    off = 0
    while off + _HDR.size <= len(data):
        length, kind = _HDR.unpack_from(data, off)[:2]
        if length < _HDR.size or kind == X.NETLINK_TYPES.value("NLMSG_DONE"):
            break
        body = data[off + _HDR.size:off + length]
        off += (length + 3) & ~3
        if len(body) < _GENL.size:
            continue
        cmd, version, _ = _GENL.unpack_from(body)
        if cmd != X.GENL_CTRL.value("CTRL_CMD_NEWFAMILY") or version != _CTRL_VERSION:
            continue
        name, ident, pos = None, None, _GENL.size
        while pos + _NLA.size <= len(body):
            nla_len, nla_type = _NLA.unpack_from(body, pos)
            if nla_len < _NLA.size:
                break
            value = body[pos + _NLA.size:pos + nla_len]
            if nla_type == X.GENL_CTRL.value("CTRL_ATTR_FAMILY_NAME") and name is None:
                name = value.split(b"\0", 1)[0].decode("latin-1")
            elif nla_type == X.GENL_CTRL.value("CTRL_ATTR_FAMILY_ID") and len(value) == 2:
                ident = int.from_bytes(value, "little")
            pos += (nla_len + 3) & ~3
        if name is not None and ident is not None:
            pairs.append((name, ident))
    return pairs


@cache
def families() -> Xlat:
    """The generic netlink families of this machine's kernel, asked for once."""
    ctrl = X.GENL_CTRL.value("GENL_ID_CTRL") or 0
    dump = (X.NETLINK_FLAGS.value("NLM_F_REQUEST") or 0) | (
        X.NETLINK_GET_FLAGS.value("NLM_F_DUMP") or 0)
    request = _HDR.pack(_HDR.size + _GENL.size, ctrl, dump, 0, 0)
    request += _GENL.pack(X.GENL_CTRL.value("CTRL_CMD_GETFAMILY") or 0, 0, 0)
    pairs: list[tuple[str, int]] = []
    try:
        with _socket.socket(_socket.AF_NETLINK, _socket.SOCK_RAW,
                            X.NETLINK_PROTOCOLS.value("NETLINK_GENERIC") or 0) as sock:
            sock.sendto(request, (0, 0))
            flags = 0
            while True:
                data = sock.recv(65536, flags)
                flags = _socket.MSG_DONTWAIT
                if not data:
                    break
                pairs += _family_pairs(data)
                if _HDR.unpack_from(data, 0)[1] == X.NETLINK_TYPES.value("NLMSG_DONE"):
                    break
    except OSError:
        pass
    return Xlat(pairs)


def type_value(kind: int) -> Value:
    return const(families(), kind, "x", "GENERIC_FAMILY_???")


PROTOCOL = Protocol(type_value)
