"""NETLINK_KOBJECT_UEVENT data: not netlink messages but uevents; a libudev monitor's
message starts with its struct udev_monitor_netlink_header ("libudev" prefix), printed
as a struct with the properties after it as a string; anything else is a string.

strace counterpart: netlink_kobject_uevent.c.
"""
from __future__ import annotations

import struct as _struct

from ..values import Array, Func, Int, Str, Struct, Value
from .base import Call

# struct udev_monitor_netlink_header (systemd's libudev): char prefix[8], then 8 u32
_HEADER = _struct.Struct("<8s8I")
_PREFIX = b"libudev"
_FIELDS = (("magic", True), ("header_size", False), ("properties_off", False),
           ("properties_len", False), ("filter_subsystem_hash", True),
           ("filter_devtype_hash", True), ("filter_tag_bloom_hi", True),
           ("filter_tag_bloom_lo", True))   # (name, stored in network order)


def decode(c: Call, addr: int, size: int) -> Value:
    """The uevent data of `size` bytes at addr."""
    # strace decodes only calls in -e verbose=SET, and prints a failed call's data whole
    usable = c.opts.deref and addr and size >= _HEADER.size
    raw = c.fetch(addr, _HEADER.size) if usable else None
    if (c.failed or raw is None
            or raw.split(b"\0", 1)[0] != _PREFIX):
        return c.buf(addr, size)
    words = _HEADER.unpack(raw)[1:]
    fields: list[tuple[str | None, Value]] = [("prefix", Str(_PREFIX))]
    for (name, network), word in zip(_FIELDS, words, strict=True):
        if network:
            fields.append((name, Func("htonl", (Int(int.from_bytes(
                word.to_bytes(4, "little"), "big"), "x"),))))
        else:
            fields.append((name, Int(word, "u")))
    header = Struct(tuple(fields))
    if size == _HEADER.size:
        return header
    return Array((header, c.buf(addr + _HEADER.size, size - _HEADER.size)))
