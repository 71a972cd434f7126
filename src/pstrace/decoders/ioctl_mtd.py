"""MTD ioctls (type 'M', <mtd/mtd-abi.h>): the erase ranges (MEMERASE, MEMLOCK,
MEMUNLOCK, MEMISLOCKED, MEMERASE64), OOB buffers (MEM{READ,WRITE}OOB[64]), MEMWRITE's
request, the OTP requests (OTPSELECT's mode, OTPLOCK's and OTPGETREGIONINFO's region,
OTPGETREGIONCOUNT), MTDFILEMODE's mode as the argument itself, MEM[GS]ETBADBLOCK's
offset, and the getters read at exit (MEMGETINFO, MEMGETOOBSEL, ECCGETLAYOUT,
ECCGETSTATS, MEMGETREGIONCOUNT, MEMGETREGIONINFO with its index read at entry).  The
requests print as "MIXER_READ(1) or MEMGETINFO": 'M' is also the sound mixer's type.

strace counterpart: mtd.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import (
    IOCTL_NAMES_MTD,
    MTD_FILE_MODES,
    MTD_FLAGS,
    MTD_NANDECC_MODES,
    MTD_OPS_MODES,
    MTD_OTP_MODES,
    MTD_TYPES,
)
from ._fs_common import xval
from ._ioctl_by_name import Arg, decode_by_name, local_array, named_request, nums
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]


def _hex(v: int) -> Value:
    return Int(v, "x")


def _reader(fmt: str, build: Callable[[Call, tuple[Any, ...]], Value]) -> Callable[
        [Call, int], Value]:
    st = struct.Struct(fmt)

    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, st) if addr else None
        return Addr(addr) if got is None else build(c, got)
    return read


def _named_hex(*names: str) -> Callable[[Call, tuple[Any, ...]], Value]:
    return lambda c, got: Struct(tuple((n, _hex(v)) for n, v in zip(names, got, strict=True)))


_erase = _reader("<II", _named_hex("start", "length"))
_erase64 = _reader("<QQ", _named_hex("start", "length"))
_oob = _reader("<IIQ", lambda c, g: Struct((("start", _hex(g[0])), ("length", _hex(g[1])),
                                            ("ptr", Addr(g[2])))))
_oob64 = _reader("<Q4xIQ", lambda c, g: Struct((("start", _hex(g[0])), ("length", _hex(g[1])),
                                                ("usr_ptr", Addr(g[2])))))
_otp_info = _reader("<III", lambda c, g: Struct((("start", _hex(g[0])), ("length", _hex(g[1])),
                                                 ("locked", Int(g[2], "u")))))
_otp_select = _reader("<I", lambda c, g: Array((const(MTD_OTP_MODES, g[0],
                                                      comment="MTD_OTP_???"),)))
_write_req = _reader("<5QB7x", lambda c, g: Struct((
    ("start", _hex(g[0])), ("len", _hex(g[1])), ("ooblen", _hex(g[2])),
    ("usr_data", Addr(g[3])), ("usr_oob", Addr(g[4])),
    ("mode", const(MTD_OPS_MODES, g[5], comment="MTD_OPS_???")))))
_info = _reader("<B3xIIIIIQ", lambda c, g: Struct((
    ("type", const(MTD_TYPES, g[0], comment="MTD_???")),
    ("flags", flags_or_unknown(MTD_FLAGS, g[1], "MTD_???")),
    *((n, _hex(v)) for n, v in zip(("size", "erasesize", "writesize", "oobsize", "padding"),
                                   g[2:], strict=True)))))


def _oobinfo(c: Call, g: tuple[Any, ...]) -> Value:
    free = g[2:18]
    pairs = [Array((_hex(free[i]), _hex(free[i + 1]))) for i in range(0, 16, 2)]
    return Struct((("useecc", const(MTD_NANDECC_MODES, g[0], comment="MTD_NANDECC_???")),
                   ("eccbytes", _hex(g[1])), ("oobfree", local_array(c, pairs)),
                   ("eccpos", local_array(c, [_hex(v) for v in g[18:]]))))


def _ecclayout(c: Call, g: tuple[Any, ...]) -> Value:
    free = g[66:]
    regions = [Struct((("offset", _hex(free[i])), ("length", _hex(free[i + 1]))))
               for i in range(0, 16, 2)]
    return Struct((("eccbytes", _hex(g[0])), ("eccpos", local_array(c, [_hex(v) for v in g[1:65]])),
                   ("oobavail", _hex(g[65])), ("oobfree", local_array(c, regions))))


def _file_mode(c: Call, arg: int) -> Value:
    return const(MTD_FILE_MODES, arg, comment="MTD_FILE_MODE_???")


_ARGS = {
    **{n: Arg(_erase) for n in ("MEMERASE", "MEMLOCK", "MEMUNLOCK", "MEMISLOCKED")},
    "MEMERASE64": Arg(_erase64),
    "MEMWRITEOOB": Arg(_oob), "MEMREADOOB": Arg(_oob),
    "MEMWRITEOOB64": Arg(_oob64), "MEMREADOOB64": Arg(_oob64),
    "MEMWRITE": Arg(_write_req),
    "OTPGETREGIONINFO": Arg(_otp_info, True), "OTPLOCK": Arg(_otp_info),
    "OTPSELECT": Arg(_otp_select), "MTDFILEMODE": Arg(_file_mode),
    "MEMGETBADBLOCK": Arg(nums("<Q")), "MEMSETBADBLOCK": Arg(nums("<Q")),
    "MEMGETINFO": Arg(_info, True),
    "MEMGETOOBSEL": Arg(_reader("<II16I32I", _oobinfo), True),
    "ECCGETLAYOUT": Arg(_reader("<I64II16I", _ecclayout), True),
    "ECCGETSTATS": Arg(_reader("<IIII", _named_hex("corrected", "failed", "badblocks",
                                                   "bbtblocks")), True),
    "OTPGETREGIONCOUNT": Arg(nums("<I"), True), "MEMGETREGIONCOUNT": Arg(nums("<i"), True),
}
_REGION_INFO = struct.Struct("<IIII")   # struct region_info_user
_MEMGETREGIONINFO = xval(IOCTL_NAMES_MTD, "MEMGETREGIONINFO")


def _region_info(c: Call, req: Value) -> IoctlGen:
    """MEMGETREGIONINFO: {regionindex=...} read at entry, the region after a success."""
    arg = c.args[2]
    got = c.read_struct(arg, _REGION_INFO) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    fields: Fields = [("regionindex", _hex(got[3]))]
    after = c.read_struct(arg, _REGION_INFO) if not c.failed else None
    if after is not None:
        fields += [(n, _hex(v)) for n, v in zip(("offset", "erasesize", "numblocks"), after,
                                                strict=False)]
    return [Struct(tuple(fields))]


@ioctl_family(ord("M"))
def mtd_ioctl(c: Call, code: int) -> IoctlGen:
    if code == _MEMGETREGIONINFO:
        named = named_request(IOCTL_NAMES_MTD, code)
        assert named is not None
        return (yield from _region_info(c, named[1]))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_MTD, _ARGS))
