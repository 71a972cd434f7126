"""Device-mapper ioctls (type 0xfd, <linux/dm-ioctl.h>): the struct dm_ioctl every
request takes, printed in brackets with what follows it in the buffer (_dm_payload.py):
at entry the request's fields, and at exit " => " the struct again when the call
succeeded (with the fields the kernel answers) or changed its header.  The header's
fields after `version` print only for ABI version 4, those after `data_size` only when
data_size covers the header.  A header that cannot be read (or whose data_size does not
reach data_size itself) leaves the argument to the generic printing, as a number.
DM_GET_TARGET_VERSION prints by name with its argument as a number.

strace counterpart: dm.c (dm_ioctl, dm_known_ioctl, dm_decode_header).
"""
from __future__ import annotations

import struct

from ..values import Array, Changed, Comment, Int, Struct, Value
from ..xlat import DM_CONSTS, DM_FLAGS, IOCTL_NAMES_DM
from ._dm_payload import Header, payload
from ._fs_common import xval
from ._ioctl_by_name import decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown
from .bpf_attr import cstring_field
from .fs_stat import makedev_value
from .ioctl import ioc_type

_MAJOR = xval(DM_CONSTS, "DM_VERSION_MAJOR")
_DATA = xval(DM_CONSTS, "DM_IOCTL_DATA_OFFSET")            # the header's size
_DATA_SIZE_END = xval(DM_CONSTS, "DM_IOCTL_DATA_SIZE_OFFSET")
_SUSPEND = xval(DM_FLAGS, "DM_SUSPEND_FLAG")
# struct dm_ioctl up to its data[]: version[3], data_size, data_start, target_count,
# open_count, flags, event_nr, padding, dev, name, uuid
_HEADER = struct.Struct(f"<3I6I4xQ{xval(DM_CONSTS, 'DM_NAME_LEN')}s"
                        f"{xval(DM_CONSTS, 'DM_UUID_LEN')}s")
_DM_TYPE = ioc_type(xval(IOCTL_NAMES_DM, "DM_VERSION"))

# the requests strace decodes, and which header fields each shows
_NO_DEVICE = frozenset(("DM_REMOVE_ALL", "DM_LIST_DEVICES", "DM_LIST_VERSIONS"))
_NO_PARAMS = frozenset(("DM_VERSION", "DM_REMOVE_ALL", "DM_DEV_CREATE", "DM_DEV_REMOVE",
                        "DM_DEV_SUSPEND", "DM_DEV_STATUS", "DM_TABLE_CLEAR",
                        "DM_DEV_ARM_POLL"))
_DECODED = frozenset((*_NO_DEVICE, *_NO_PARAMS, "DM_DEV_RENAME", "DM_DEV_WAIT",
                      "DM_TABLE_LOAD", "DM_TABLE_DEPS", "DM_TABLE_STATUS", "DM_TARGET_MSG",
                      "DM_DEV_SET_GEOMETRY"))
_EVENT_NR_IN = frozenset(("DM_DEV_RENAME", "DM_DEV_REMOVE", "DM_DEV_WAIT"))
_COUNTS_OUT = frozenset(("DM_DEV_CREATE", "DM_DEV_RENAME", "DM_DEV_SUSPEND", "DM_DEV_STATUS",
                         "DM_DEV_WAIT", "DM_TABLE_LOAD", "DM_TABLE_CLEAR", "DM_TABLE_DEPS",
                         "DM_TABLE_STATUS", "DM_TARGET_MSG"))


def _read_header(c: Call, arg: int) -> Header | None:
    """The header (read whatever -e verbose= says, as strace's umoven), or None when
    unreadable or when data_size does not even cover the fields before it."""
    raw = c.fetch(arg, _HEADER.size)
    if raw is None:
        return None
    v0, v1, v2, *rest = _HEADER.unpack(raw)
    h = Header((v0, v1, v2), *rest)
    return None if h.data_size < _DATA_SIZE_END else h


def _header(c: Call, name: str, h: Header, exiting: bool) -> tuple[Struct, bool]:
    """The header's fields, and whether they were all printed (then the payload
    follows)."""
    version = Array(tuple(Int(v, "u") for v in h.version))
    if h.version[0] != _MAJOR:
        return Struct((("version", Comment(version, "unsupported device mapper ABI "
                                                    "version")),)), False
    size = Int(h.data_size, "u")
    if h.data_size < _DATA:
        return Struct((("version", version),
                       ("data_size", Comment(size, "data_size too small")))), False
    fields: list[tuple[str | None, Value]] = [("version", version), ("data_size", size)]
    if name not in _NO_PARAMS:
        fields.append(("data_start", Int(h.data_start, "u")))
    if name not in _NO_DEVICE:
        if h.dev:
            fields.append(("dev", makedev_value(h.dev)))
        for field, raw in (("name", h.name), ("uuid", h.uuid)):
            if raw[:1] != b"\0":
                fields.append((field, cstring_field(raw)))
    if not exiting:
        if name == "DM_TABLE_LOAD":
            fields.append(("target_count", Int(h.target_count, "u")))
        elif name in _EVENT_NR_IN or name == "DM_DEV_SUSPEND" and not h.flags & _SUSPEND:
            fields.append(("event_nr", Int(h.event_nr, "u")))
    elif not c.failed and name in _COUNTS_OUT:
        fields += [("target_count", Int(h.target_count, "u")),
                   ("open_count", Int(h.open_count, "u")),
                   ("event_nr", Int(h.event_nr, "u"))]
    fields.append(("flags", flags_or_unknown(DM_FLAGS, h.flags, "DM_???")))
    return Struct(tuple(fields)), True


def _decode(c: Call, name: str, arg: int, h: Header, exiting: bool) -> Value:
    """[header, payload...]: the bracketed argument."""
    head, complete = _header(c, name, h, exiting)
    if not complete:
        return Array((head,))
    items, more = payload(c, name, arg, h, exiting)
    return Array((head, *items), elided=more)


@ioctl_family(_DM_TYPE)
def dm_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_DM, code)
    if named is None or not _DECODED.intersection(named[0]):
        return (yield from decode_by_name(c, code, IOCTL_NAMES_DM, {}))
    names, req = named
    name = names[0]
    arg = c.args[2]
    entry = _read_header(c, arg)
    before = None if entry is None else _decode(c, name, arg, entry, False)
    yield [c.fd(0), req]
    got = _read_header(c, arg)
    if before is None or got is None:
        # strace leaves an unreadable header to the generic printing, after what the
        # entry printed (a header readable at exit only, which strace prints as
        # "DM_... => [...]", is printed as a number here)
        return [Int(arg, "x")] if before is None else [before, Int(arg, "x")]
    if c.failed and entry is not None and got.same_request(entry):
        return [before]
    return [Changed(before, _decode(c, name, arg, got, True))]
