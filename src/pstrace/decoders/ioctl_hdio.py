"""ATA disk ioctls (type 0x03, <linux/hdreg.h>): HDIO_GETGEO's struct hd_geometry at
exit; HDIO_DRIVE_CMD's struct hd_drive_cmd_hdr at entry and, after a success (or EIO),
" => " the status bytes and the sector data in hex; the getters' unsigned long [N] at
exit (HDIO_GET_NICE as "1 << IDE_NICE_..." flags, HDIO_GET_BUSSTATE a BUSSTATE_*); the
setters' argument as a number (or those flags, that state); HDIO_GET_IDENTITY and
HDIO_OBSOLETE_IDENTITY the identify data as a string; HDIO_DRIVE_RESET and
HDIO_SCAN_HWIF their three ints in hex.  The other HDIO_* requests are named only.

strace counterpart: hdio.c and the HDIO part of its generated gen_hdio.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Array, Changed, Int, Str, Struct, Value
from ..xlat import (
    HDIO_BUSSTATES,
    HDIO_DRIVE_CMDS,
    HDIO_IDE_NICE_BITS,
    HDIO_IOCTL_CMDS,
)
from ._fs_common import tracee_array, xval
from ._ioctl_by_name import Arg, bit_table, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown

_GEOMETRY = struct.Struct("<BBH4xQ")    # struct hd_geometry: heads, sectors, cylinders, start
_DRIVE_CMD = struct.Struct("<4B")     # struct hd_drive_cmd_hdr (and the status it gets back)
_ULONG = struct.Struct("<Q")
_U32 = struct.Struct("<I")
_SECTOR_SIZE = 512
_IDE_NICE = bit_table(HDIO_IDE_NICE_BITS, " << ")
_ERRNO_EIO = 5


def _nice(value: int) -> Value:
    return flags_or_unknown(_IDE_NICE, value, "IDE_NICE_???", bits=64)


def _busstate(value: int) -> Value:
    return const(HDIO_BUSSTATES, value, comment="BUSSTATE_???")


def _ulong_at(show: Callable[[int], Value]) -> Callable[[Call, int], Value]:
    """A reader of the unsigned long a getter writes, printed [show(N)]."""
    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, _ULONG) if addr else None
        return Addr(addr) if got is None else Array((show(got[0]),))
    return read


def _geometry(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _GEOMETRY) if addr else None
    if got is None:
        return Addr(addr)
    return Struct(tuple((name, Int(v, "u")) for name, v in
                        zip(("heads", "sectors", "cylinders", "start"), got, strict=True)))


def _three_ints(c: Call, addr: int) -> Value:
    return tracee_array(c, addr, 3, _U32, lambda e: Int(e[0], "x"))


def _identity(size: int) -> Callable[[Call, int], Value]:
    return lambda c, addr: c.buf(addr, size)


_GET = Arg(_ulong_at(lambda v: Int(v, "u")), at_exit=True)
_SET = Arg(lambda c, arg: Int(arg, "u"))
_ARGS = {
    "HDIO_GETGEO": Arg(_geometry, at_exit=True),
    "HDIO_DRIVE_RESET": Arg(_three_ints), "HDIO_SCAN_HWIF": Arg(_three_ints),
    "HDIO_GET_IDENTITY": Arg(_identity(512), at_exit=True),
    "HDIO_OBSOLETE_IDENTITY": Arg(_identity(142), at_exit=True),
    "HDIO_GET_NICE": Arg(_ulong_at(_nice), at_exit=True),
    "HDIO_SET_NICE": Arg(lambda c, arg: _nice(arg)),
    "HDIO_GET_BUSSTATE": Arg(_ulong_at(_busstate), at_exit=True),
    "HDIO_SET_BUSSTATE": Arg(lambda c, arg: _busstate(arg)),
    **{f"HDIO_GET_{n}": _GET for n in (
        "32BIT", "ACOUSTIC", "ADDRESS", "DMA", "KEEPSETTINGS", "MULTCOUNT", "NOWERR",
        "UNMASKINTR", "WCACHE")},
    **{f"HDIO_{n}": _SET for n in (
        "SET_32BIT", "SET_ACOUSTIC", "SET_ADDRESS", "SET_DMA", "SET_KEEPSETTINGS",
        "SET_MULTCOUNT", "SET_NOWERR", "SET_PIO_MODE", "SET_UNMASKINTR", "SET_WCACHE",
        "UNREGISTER_HWIF")},
}
_DRIVE_CMD_REQ = xval(HDIO_IOCTL_CMDS, "HDIO_DRIVE_CMD")


def _drive_cmd(c: Call, code: int) -> IoctlGen:
    """HDIO_DRIVE_CMD: the command at entry; after a success or EIO, what the drive
    answered: status, error, the sector count and its sectors (in hex, cut at -s)."""
    named = named_request(HDIO_IOCTL_CMDS, code)
    assert named is not None
    req, arg = named[1], c.args[2]
    got = c.read_struct(arg, _DRIVE_CMD) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    command, number, feature, count = got
    before = Struct((("command", const(HDIO_DRIVE_CMDS, command, comment="ATA_CMD_???")),
                     ("sector_number", Int(number, "u")), ("feature", Int(feature, "u")),
                     ("sector_count", Int(count, "u"))))
    after = c.read_struct(arg, _DRIVE_CMD) \
        if not c.failed or c.error == _ERRNO_EIO else None
    if after is None:
        return [before]
    status, error, nsector, sectors = after
    fields: list[tuple[str | None, Value]] = [
        ("status", Int(status, "x")), ("error", Int(error, "u")),
        ("nsector", Int(nsector, "u"))]
    if sectors:
        data = c.buf(arg + _DRIVE_CMD.size, sectors * _SECTOR_SIZE)
        if isinstance(data, Str):
            data = Str(data.data, data.more, hex=True)
        fields.append(("buf", data))
    return [Changed(before, Struct(tuple(fields)))]


@ioctl_family(0x03)
def hdio_ioctl(c: Call, code: int) -> IoctlGen:
    if code == _DRIVE_CMD_REQ:
        return (yield from _drive_cmd(c, code))
    return (yield from decode_by_name(c, code, HDIO_IOCTL_CMDS, _ARGS))
