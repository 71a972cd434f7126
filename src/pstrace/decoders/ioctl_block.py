"""Block-device ioctls (type 0x12, <linux/fs.h>, <linux/blkpg.h>, <linux/blktrace_api.h>):
the number getters print [N] at exit (BLKSECTGET/BLKROTATIONAL a short, BLKROGET... an
int, BLKPBSZGET... unsigned, BLKRAGET/BLKFRAGET a long, BLKGETSIZE64/BLKGETDISKSEQ a
u64), BLKROSET/BLKBSZSET [N] at entry, BLKRASET/BLKFRASET the value itself,
BLKDISCARD/BLKSECDISCARD/BLKZEROOUT a [start, length] pair, BLKPG its request and
partition, BLKTRACESETUP its setup at entry and the trace name at exit, and
BLKRRPART/BLKFLSBUF/BLKTRACE{START,STOP,TEARDOWN} no argument.  Requests named but not
decoded (BLKREPORTZONE...) print their argument as a number.

strace counterpart: block.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Struct, Value
from ..xlat import BLKPG_OPS, IOCTL_NAMES_FS
from ._fs_common import xval
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, nums, value_arg
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const
from .bpf_cmd import cstring_field
from .ioctl import request_value

_BLKTRACESETUP = xval(IOCTL_NAMES_FS, "BLKTRACESETUP")
_BLKPG = struct.Struct("<iii4xQ")            # struct blkpg_ioctl_arg
_PARTITION = struct.Struct("<qqi64s64s4x")   # struct blkpg_partition
_TRACE_SETUP = struct.Struct("<32sH2xII4xQQI4x")   # struct blk_user_trace_setup


def _partition(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _PARTITION) if addr else None
    if got is None:
        return Addr(addr)
    start, length, pno, devname, volname = got
    return Struct((("start", Int(start)), ("length", Int(length)), ("pno", Int(pno)),
                   ("devname", cstring_field(devname)), ("volname", cstring_field(volname))))


def _blkpg(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _BLKPG) if addr else None
    if got is None:
        return Addr(addr)
    op, flags, datalen, data = got
    return Struct((("op", const(BLKPG_OPS, op, comment="BLKPG_???")), ("flags", Int(flags)),
                   ("datalen", Int(datalen)), ("data", _partition(c, data))))


def _trace_setup(c: Call, req: Value) -> IoctlGen:
    """BLKTRACESETUP: the setup read at entry, with its name after a success."""
    arg = c.args[2]
    got = c.read_struct(arg, _TRACE_SETUP) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    _, act_mask, buf_size, buf_nr, start, end, pid = got
    fields: list[tuple[str | None, Value]] = [
        ("act_mask", Int(act_mask, "u")), ("buf_size", Int(buf_size, "u")),
        ("buf_nr", Int(buf_nr, "u")), ("start_lba", Int(start, "u")),
        ("end_lba", Int(end, "u")), ("pid", c.pid_value(pid))]
    after = c.read_struct(arg, _TRACE_SETUP) if not c.failed else None
    if after is not None:
        fields.append(("name", cstring_field(after[0])))
    return [Struct(tuple(fields))]


_U16, _INT, _UINT, _LONG, _ULONG, _U64 = (
    nums("<H"), nums("<i"), nums("<I"), nums("<q"), nums("<Q"), nums("<Q"))
_ARGS = {
    "BLKRASET": Arg(value_arg), "BLKFRASET": Arg(value_arg),
    "BLKSECTGET": Arg(_U16, True), "BLKROTATIONAL": Arg(_U16, True),
    **{n: Arg(_INT, True) for n in ("BLKROGET", "BLKBSZGET", "BLKSSZGET", "BLKALIGNOFF")},
    "BLKROSET": Arg(_INT), "BLKBSZSET": Arg(_INT),
    **{n: Arg(_UINT, True) for n in ("BLKPBSZGET", "BLKIOMIN", "BLKIOOPT",
                                     "BLKDISCARDZEROES", "BLKGETZONESZ", "BLKGETNRZONES")},
    "BLKRAGET": Arg(_LONG, True), "BLKFRAGET": Arg(_LONG, True),
    "BLKGETSIZE": Arg(_ULONG, True),
    "BLKGETSIZE64": Arg(_U64, True), "BLKGETDISKSEQ": Arg(_U64, True),
    **{n: Arg(nums("<QQ")) for n in ("BLKDISCARD", "BLKSECDISCARD", "BLKZEROOUT")},
    "BLKPG": Arg(_blkpg),
    **{n: NO_ARG for n in ("BLKRRPART", "BLKFLSBUF", "BLKTRACESTART", "BLKTRACESTOP",
                           "BLKTRACETEARDOWN")},
}


@ioctl_family(0x12)
def block_ioctl(c: Call, code: int) -> IoctlGen:
    if code == _BLKTRACESETUP:
        return (yield from _trace_setup(c, request_value(code)))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_FS, _ARGS))
