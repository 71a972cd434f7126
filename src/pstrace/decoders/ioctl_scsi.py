"""SCSI generic ioctls (type 0x22, <scsi/sg.h>): the int getters (at exit) and setters,
SG_SET_TRANSFORM's value, SG_SCSI_RESET's reset kind, SG_GET_SCSI_ID's and
SG_GET_REQUEST_TABLE's structs, SG_GET_TIMEOUT without an argument, and SG_IO's
struct sg_io_hdr (interface id 'S', sg v3: _sg_io.py) or struct sg_io_v4 (guard 'Q',
bsg v4: _sg_io_v4.py), its interface id when it is neither, or the argument's address.

strace counterpart: scsi.c, print_sg_req_info.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Or, Struct, Value
from ..xlat import IOCTL_NAMES_SCSI, SG_SCSI_RESET
from ._fs_common import xval
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, named_request, nums
from ._ioctl_registry import IoctlGen, ioctl_family
from ._sg_io import decode_v3, response_v3
from ._sg_io_v4 import decode_v4, response_v4
from .base import Call, const

_SCSI_ID = struct.Struct("<iiiiihh8x")     # struct sg_scsi_id
_REQ_INFO = struct.Struct("<bbbbiQIi")     # struct sg_req_info
_IID = struct.Struct("<I")                 # sg_io_hdr's interface_id, sg_io_v4's guard
_SG_IO = xval(IOCTL_NAMES_SCSI, "SG_IO")
_NO_ESCALATE = xval(SG_SCSI_RESET, "SG_SCSI_RESET_NO_ESCALATE")
_SG_IO_VERSIONS = {ord("S"): (decode_v3, response_v3), ord("Q"): (decode_v4, response_v4)}


def _scsi_id(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _SCSI_ID) if addr else None
    if got is None:
        return Addr(addr)
    names = ("host_no", "channel", "scsi_id", "lun", "scsi_type", "h_cmd_per_lun",
             "d_queue_depth")
    hexes = ("scsi_id", "scsi_type")   # ints printed %#x, as unsigned
    return Struct(tuple((n, Int(v & 0xFFFFFFFF, "x") if n in hexes else Int(v))
                        for n, v in zip(names, got, strict=True)))


def _req_info(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _REQ_INFO) if addr else None
    if got is None:
        return Addr(addr)
    state, orphan, owned, problem, pack_id, usr_ptr, duration, _ = got
    return Struct((("req_state", Int(state)), ("orphan", Int(orphan)),
                   ("sg_io_owned", Int(owned)), ("problem", Int(problem)),
                   ("pack_id", Int(pack_id)), ("usr_ptr", Addr(usr_ptr)),
                   ("duration", Int(duration, "u"))))


def _reset(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _IID) if addr else None
    if got is None:
        return Addr(addr)
    val = got[0]
    kind = const(SG_SCSI_RESET, val & ~_NO_ESCALATE, comment="SG_SCSI_RESET_???")
    if val & _NO_ESCALATE:
        return Array((Or((const(SG_SCSI_RESET, _NO_ESCALATE), kind)),))
    return Array((kind,))


def _transform(c: Call, arg: int) -> Value:
    return Int(arg & 0xFFFFFFFF, "x")


_GET, _SET = Arg(nums("<i"), True), Arg(nums("<i"))
_ARGS = {
    **{n: _SET for n in ("SG_NEXT_CMD_LEN", "SG_SET_COMMAND_Q", "SG_SET_DEBUG",
                         "SG_SET_FORCE_LOW_DMA", "SG_SET_FORCE_PACK_ID", "SG_SET_KEEP_ORPHAN",
                         "SG_SET_RESERVED_SIZE", "SG_SET_TIMEOUT")},
    **{n: _GET for n in ("SG_EMULATED_HOST", "SG_GET_ACCESS_COUNT", "SG_GET_COMMAND_Q",
                         "SG_GET_KEEP_ORPHAN", "SG_GET_LOW_DMA", "SG_GET_NUM_WAITING",
                         "SG_GET_PACK_ID", "SG_GET_RESERVED_SIZE", "SG_GET_SG_TABLESIZE",
                         "SG_GET_TRANSFORM", "SG_GET_VERSION_NUM")},
    "SG_SET_TRANSFORM": Arg(_transform), "SG_GET_TIMEOUT": NO_ARG,
    "SG_SCSI_RESET": Arg(_reset),
    "SG_GET_SCSI_ID": Arg(_scsi_id, True), "SG_GET_REQUEST_TABLE": Arg(_req_info, True),
}


def _sg_io(c: Call, req: Value) -> IoctlGen:
    """SG_IO: a sg v3 or bsg v4 request and its response; NULL, the address, or [ID]
    for an interface id strace does not know."""
    arg = c.args[2]
    got = c.read_struct(arg, _IID) if arg else None
    if got is not None and got[0] in _SG_IO_VERSIONS:
        decode, respond = _SG_IO_VERSIONS[got[0]]
        fields, entry = decode(c, arg)
        yield [c.fd(0), req]
        return [Struct(tuple(fields)) if entry is None else respond(c, arg, fields, entry)]
    c.sep_late = True
    yield [c.fd(0), req, Addr(arg) if got is None else Array((Int(got[0], "u"),))]
    return []


@ioctl_family(0x22)
def scsi_ioctl(c: Call, code: int) -> IoctlGen:
    if code == _SG_IO:
        named = named_request(IOCTL_NAMES_SCSI, code)
        assert named is not None
        return (yield from _sg_io(c, named[1]))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_SCSI, _ARGS))
