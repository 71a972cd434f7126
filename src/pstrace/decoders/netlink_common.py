"""What the decoders of netlink payloads share: the header of a message as read, a
payload shown by its address family, and the
description of one protocol's decoding (`Protocol`) that decoders/netlink.py consults.

strace counterpart: netlink.h (the netlink_decoder_t type), netlink_sock_diag.c's
decode_family.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import xlat as X
from ..values import Addr, Struct, Value
from ..xlat import Xlat
from .base import Call, const
from .nlattr import hex_bytes

# struct nlmsghdr as read: nlmsg_len, nlmsg_type, nlmsg_flags, nlmsg_seq, nlmsg_pid
Header = tuple[int, int, int, int, int]
NLMSG_DONE = 3
NLM_F_REQUEST = 1


def family_payload(c: Call, addr: int, size: int) -> Value:
    """{family=AF_..., data="..."}: a payload by its first byte, an address family."""
    head = c.read(addr, 1)
    if head is None:
        return Addr(addr)
    fields: list[tuple[str | None, Value]] = [
        ("family", const(X.SOCKET_FAMILIES, head[0], "x", "AF_???"))]
    if size > 1:
        fields.append(("data", hex_bytes(c, addr + 1, size - 1)))
    return Struct(tuple(fields))


# A payload decoder: the message's header, the payload's address and size; None when
# the protocol leaves this message to the generic forms (strace's decoder returning false).
PayloadDecoder = Callable[[Call, Header, int, int], "Value | None"]


@dataclass(frozen=True)
class Protocol:
    """How one netlink protocol names its message types (>= NLMSG_MIN_TYPE) and flags,
    and decodes its payloads (strace's nlmsg_types[], nlmsg_flags[] and
    netlink_decoders[] rows)."""

    type_value: Callable[[int], Value]
    flags_table: Callable[[int], Xlat | None] = lambda kind: None
    payload: PayloadDecoder | None = None
