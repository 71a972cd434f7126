"""NETLINK_CRYPTO messages: their types (CRYPTO_MSG_NEWALG ...) and the request flags
each takes.

strace counterpart: netlink.c (nl_crypto_types, decode_nlmsg_flags_crypto).
"""
from __future__ import annotations

from .. import xlat as X
from ..values import Value
from ..xlat import Xlat
from .base import const
from .netlink_common import Protocol

_FLAGS: dict[str, Xlat] = {
    "CRYPTO_MSG_NEWALG": X.NETLINK_NEW_FLAGS,
    "CRYPTO_MSG_DELALG": X.NETLINK_DELETE_FLAGS,
    "CRYPTO_MSG_DELRNG": X.NETLINK_DELETE_FLAGS,
    "CRYPTO_MSG_GETALG": X.NETLINK_GET_FLAGS,
}


def type_value(kind: int) -> Value:
    return const(X.NL_CRYPTO_TYPES, kind, "x", "CRYPTO_MSG_???")


def flags_table(kind: int) -> Xlat | None:
    return _FLAGS.get(X.NL_CRYPTO_TYPES.name(kind) or "")


PROTOCOL = Protocol(type_value, flags_table)
