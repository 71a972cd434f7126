"""SG_IO's struct sg_io_hdr (interface id 'S', the sg v3 interface) as strace 6.1 prints
it: the request fields (and the data sent) at entry, the response fields (the data read,
the sense buffer, statuses) at exit; the data buffers in hex, or as iovec arrays.

strace counterpart: sg_io_v3.c.
"""
from __future__ import annotations

import dataclasses
import struct

from ..values import Addr, Changed, Comment, Int, Named, Note, Str, Struct, Value
from ..xlat import SG_IO_DXFER_DIRECTIONS, SG_IO_FLAGS, SG_IO_INFO
from ._fs_common import xval
from .base import Call, const, flags_or_unknown
from .io import iov_array

# struct sg_io_hdr (x86_64), from dxfer_direction on (interface_id is read apart)
_HDR = struct.Struct("<iBBHIQQQIIi4xQBBBBHHiII4x")
_FULL = struct.Struct(f"<i{_HDR.size}s")
_TO_DEV = xval(SG_IO_DXFER_DIRECTIONS, "SG_DXFER_TO_DEV")
_FROM_DEV = xval(SG_IO_DXFER_DIRECTIONS, "SG_DXFER_FROM_DEV")
_TO_FROM_DEV = xval(SG_IO_DXFER_DIRECTIONS, "SG_DXFER_TO_FROM_DEV")

Fields = list[tuple[str | None, Value]]


def sg_buffer(c: Call, addr: int, size: int, iovec_count: int = 0) -> Value:
    """A data buffer: an iovec array when iovec_count, else its bytes in hex (sg v3 and
    bsg v4 alike)."""
    if iovec_count:
        return iov_array(c, addr, iovec_count, size)
    got = c.buf(addr, size)
    return dataclasses.replace(got, hex=True) if isinstance(got, Str) else got


def _direction(value: int) -> Value:
    """dxfer_direction: its (negative) name, or %#x of the int and SG_DXFER_???."""
    if SG_IO_DXFER_DIRECTIONS.name(value) is not None:
        return const(SG_IO_DXFER_DIRECTIONS, value)
    return Comment(Int(value & 0xFFFFFFFF, "x"), "SG_DXFER_???")


def changed_last(fields: Fields, after: Named) -> None:
    """The last field printed at entry followed by " => " and a field read at exit
    (sg v3 and bsg v4 alike)."""
    name, before = fields[-1]
    fields[-1] = (None, Changed(Named(name or "", before), after))


def decode_v3(c: Call, arg: int) -> tuple[Fields, tuple[int, ...] | None]:
    """The request fields read at entry, and the header they came from."""
    fields: Fields = [("interface_id", Note("'S'"))]
    raw = c.read_struct(arg + 4, _HDR)
    if raw is None:
        fields.append((None, Addr(arg + 4)))
        return fields, None
    (direction, cmd_len, mx_sb_len, iovec_count, dxfer_len, dxferp, cmdp, _sbp, timeout,
     flags, *_) = raw
    fields += [
        ("dxfer_direction", _direction(direction)),
        ("cmd_len", Int(cmd_len, "u")), ("cmdp", sg_buffer(c, cmdp, cmd_len)),
        ("mx_sb_len", Int(mx_sb_len, "u")), ("iovec_count", Int(iovec_count, "u")),
        ("dxfer_len", Int(dxfer_len, "u")), ("timeout", Int(timeout, "u")),
        ("flags", flags_or_unknown(SG_IO_FLAGS, flags, "SG_FLAG_???"))]
    if direction in (_TO_DEV, _TO_FROM_DEV):
        fields.append(("dxferp", sg_buffer(c, dxferp, dxfer_len, iovec_count)))
    return fields, raw


def response_v3(c: Call, arg: int, fields: Fields, entry: tuple[int, ...]) -> Value:
    """The request fields and the response read at exit."""
    got = c.read_struct(arg, _FULL)
    if got is None:
        if entry[0] == _FROM_DEV:
            fields.append(("dxferp", Addr(entry[5])))
        return Struct((*fields, ("sbp", Addr(entry[7]))))
    iid, raw = got
    if iid != ord("S"):   # "LAST => interface_id=N": the kernel rewrote the header
        changed_last(fields, Named("interface_id", Int(iid & 0xFFFFFFFF, "u")))
        return Struct(tuple(fields))
    (direction, _, _, iovec_count, dxfer_len, dxferp, _, sbp, _, _, _, _, status,
     masked, msg, sb_len_wr, host, driver, resid, duration, info) = _HDR.unpack(raw)
    if direction in (_FROM_DEV, _TO_FROM_DEV):
        din_len = dxfer_len - resid if 0 < resid <= dxfer_len else dxfer_len
        data = sg_buffer(c, dxferp, din_len, iovec_count)
        if direction == _FROM_DEV:
            fields.append(("dxferp", data))
        elif din_len:
            changed_last(fields, Named("dxferp", data))
    fields += [("status", Int(status, "x")), ("masked_status", Int(masked, "x")),
               ("msg_status", Int(msg, "x")), ("sb_len_wr", Int(sb_len_wr, "u")),
               ("sbp", sg_buffer(c, sbp, sb_len_wr)), ("host_status", Int(host, "x")),
               ("driver_status", Int(driver, "x")), ("resid", Int(resid)),
               ("duration", Int(duration, "u")),
               ("info", flags_or_unknown(SG_IO_INFO, info, "SG_INFO_???"))]
    return Struct(tuple(fields))
