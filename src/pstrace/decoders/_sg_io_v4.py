"""SG_IO's struct sg_io_v4 (guard 'Q', the bsg interface of <linux/bsg.h>) as strace
6.1 prints it: the request fields (and the data sent) at entry; at exit, whether the
call failed or not, the response (the response and data read, statuses), or the
response and data pointers read at entry when the struct has become unreadable, or
" => guard=N" when the kernel rewrote the guard.  The data buffers print as for sg v3
(_sg_io.py): in hex, or as iovec arrays.

strace counterpart: sg_io_v4.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Named, Note, Struct, Value
from ..xlat import BSG_FLAGS, BSG_PROTOCOLS, BSG_SUBPROTOCOLS, SG_IO_INFO
from ._sg_io import Fields, changed_last, sg_buffer
from .base import Call, const, flags_or_unknown

# struct sg_io_v4 (x86_64): guard, protocol, subprotocol, request_len, request,
# request_tag, request_attr, request_priority, request_extra, max_response_len,
# response, dout_iovec_count, dout_xfer_len, din_iovec_count, din_xfer_len, dout_xferp,
# din_xferp, timeout, flags, usr_ptr, spare_in, driver_status, transport_status,
# device_status, retry_delay, info, duration, response_len, din_resid, dout_resid,
# generated_tag, spare_out, padding
_V4 = struct.Struct("<iIIIQQIIIIQIIIIQQIIQIIIIIIIIiiQII")
_GUARD = struct.Struct("<i")
_BODY = struct.Struct(f"<{_V4.format[2:]}")   # from protocol on
_RESPONSE, _DIN_XFERP = 9, 15                  # their places in _BODY


def _u(v: int) -> Value:
    return Int(v, "u")


def decode_v4(c: Call, arg: int) -> tuple[Fields, tuple[int, ...] | None]:
    """The request fields read at entry, and the struct (from protocol on) they came
    from; or the address of the part after the guard when it is unreadable."""
    fields: Fields = [("guard", Note("'Q'"))]
    body = (arg + _GUARD.size) & ((1 << 64) - 1)
    raw = c.read_struct(body, _BODY)
    if raw is None:
        fields.append((None, Addr(body)))
        return fields, None
    (protocol, subprotocol, request_len, request, tag, attr, priority, extra, max_len, _,
     dout_iovecs, dout_len, din_iovecs, din_len, dout_xferp, _, timeout, flags,
     usr_ptr, *_) = raw
    fields += [
        ("protocol", const(BSG_PROTOCOLS, protocol, comment="BSG_PROTOCOL_???")),
        ("subprotocol", const(BSG_SUBPROTOCOLS, subprotocol, comment="BSG_SUB_PROTOCOL_???")),
        ("request_len", _u(request_len)), ("request", sg_buffer(c, request, request_len)),
        ("request_tag", Int(tag, "x")), ("request_attr", _u(attr)),
        ("request_priority", _u(priority)), ("request_extra", _u(extra)),
        ("max_response_len", _u(max_len)), ("dout_iovec_count", _u(dout_iovecs)),
        ("dout_xfer_len", _u(dout_len)), ("din_iovec_count", _u(din_iovecs)),
        ("din_xfer_len", _u(din_len)),
        ("dout_xferp", sg_buffer(c, dout_xferp, dout_len, dout_iovecs)),
        ("timeout", _u(timeout)), ("flags", flags_or_unknown(BSG_FLAGS, flags, "BSG_FLAG_???")),
        ("usr_ptr", Int(usr_ptr, "x"))]
    return fields, raw


def response_v4(c: Call, arg: int, fields: Fields, entry: tuple[int, ...]) -> Value:
    """The request fields and the response read at exit."""
    got = c.read_struct(arg, _V4)
    if got is None:
        return Struct((*fields, ("response", Int(entry[_RESPONSE], "x")),
                       ("din_xferp", Int(entry[_DIN_XFERP], "x"))))
    (guard, *_, response, _, _, din_iovecs, din_len, _, din_xferp, _, _, _, _, driver,
     transport, device, retry_delay, info, duration, response_len, din_resid, dout_resid,
     tag, _, _) = got
    if guard != ord("Q"):
        changed_last(fields, Named("guard", Int(guard & 0xFFFFFFFF, "u")))
        return Struct(tuple(fields))
    shown = din_len - din_resid if 0 < din_resid <= din_len else din_len
    fields += [("response_len", _u(response_len)),
               ("response", sg_buffer(c, response, response_len)),
               ("din_xferp", sg_buffer(c, din_xferp, shown, din_iovecs)),
               ("driver_status", Int(driver, "x")), ("transport_status", Int(transport, "x")),
               ("device_status", Int(device, "x")), ("retry_delay", _u(retry_delay)),
               ("info", flags_or_unknown(SG_IO_INFO, info, "SG_INFO_???")),
               ("duration", _u(duration)), ("response_len", _u(response_len)),
               ("din_resid", Int(din_resid)), ("dout_resid", Int(dout_resid)),
               ("generated_tag", Int(tag, "x"))]
    return Struct(tuple(fields))
