"""UBI ioctls (types 'o' and 'O', <mtd/ubi-user.h>): UBI_IOCATT's attach request and
UBI_IOCMKVOL's volume request (each followed by " => [N]", the number the kernel stored,
after a success), UBI_IOCRSVOL, UBI_IOCRNVOL (its count of renames), UBI_IOCEBCH,
UBI_IOCEBMAP, UBI_IOCSETVOLPROP; UBI_IOCVOLUP's 64-bit size, the int-pointer requests
(UBI_IOCDET, UBI_IOCEBER, UBI_IOCRMVOL...), and UBI_IOCVOLCRBLK/VOLRMBLK without one.

strace counterpart: ubi.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Changed, Int, Struct, Value
from ..xlat import (
    IOCTL_NAMES_UBI,
    UBI_DATA_TYPES,
    UBI_VOLUME_FLAGS,
    UBI_VOLUME_PROPS,
    UBI_VOLUME_TYPES,
)
from ._fs_common import xval
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, local_array, named_request, nums
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown
from .bpf_cmd import cstring_field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

_ATTACH = struct.Struct("<iiih10x")          # struct ubi_attach_req
_MKVOL = struct.Struct("<iiqBBh4x128s")      # struct ubi_mkvol_req (packed)
_NAME_MAX = 127                              # UBI_MAX_VOLUME_NAME
_RNVOL_ENT = struct.Struct("<ih2x128s")      # an entry of struct ubi_rnvol_req
_RNVOL_MAX = 32                              # UBI_MAX_RNVOL
_RNVOL = struct.Struct(f"<i12x{_RNVOL_ENT.size * _RNVOL_MAX}s")   # struct ubi_rnvol_req
_INT = struct.Struct("<i")


def _name(raw: bytes, length: int) -> Value:
    """name: the name_len bytes of it (clamped to the array), and its NUL."""
    return cstring_field(raw[:1 + min(max(length, 0), _NAME_MAX)])


def _reader(fmt: str, build: Callable[[tuple[Any, ...]], Value]) -> Callable[[Call, int], Value]:
    st = struct.Struct(fmt)

    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, st) if addr else None
        return Addr(addr) if got is None else build(got)
    return read


def _dtype(v: int) -> Value:
    return const(UBI_DATA_TYPES, v, comment="UBI_???")


_rsvol = _reader("<qi", lambda g: Struct((("bytes", Int(g[0])), ("vol_id", Int(g[1])))))
_ebch = _reader("<iiB7x", lambda g: Struct((("lnum", Int(g[0])), ("bytes", Int(g[1])),
                                            ("dtype", _dtype(g[2])))))
_ebmap = _reader("<iB3x", lambda g: Struct((("lnum", Int(g[0])), ("dtype", _dtype(g[1])))))
_volprop = _reader("<B7xQ", lambda g: Struct((
    ("property", const(UBI_VOLUME_PROPS, g[0], comment="UBI_VOL_PROP_???")),
    ("value", Int(g[1], "x")))))


def _rnvol(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _RNVOL) if addr else None
    if got is None:
        return Addr(addr)
    count, raw = got
    ents = []
    for i in range(min(max(count, 0), _RNVOL_MAX)):
        vol_id, name_len, name = _RNVOL_ENT.unpack_from(raw, i * _RNVOL_ENT.size)
        ents.append(Struct((("vol_id", Int(vol_id)), ("name_len", Int(name_len)),
                            ("name", _name(name, name_len)))))
    return Struct((("count", Int(count)), ("ents", local_array(c, ents))))


def _attach(got: tuple[Any, ...]) -> Value:
    return Struct(tuple((n, Int(v)) for n, v in zip(
        ("ubi_num", "mtd_num", "vid_hdr_offset", "max_beb_per1024"), got, strict=True)))


def _mkvol(got: tuple[Any, ...]) -> Value:
    vol_id, alignment, size, vol_type, vol_flags, name_len, name = got
    return Struct((("vol_id", Int(vol_id)), ("alignment", Int(alignment)), ("bytes", Int(size)),
                   ("vol_type", const(UBI_VOLUME_TYPES, vol_type, comment="UBI_???_VOLUME")),
                   ("flags", flags_or_unknown(UBI_VOLUME_FLAGS, vol_flags, "UBI_VOL_???")),
                   ("name_len", Int(name_len)), ("name", _name(name, name_len))))


_CREATORS = {xval(IOCTL_NAMES_UBI, "UBI_IOCATT"): (_ATTACH, _attach),
             xval(IOCTL_NAMES_UBI, "UBI_IOCMKVOL"): (_MKVOL, _mkvol)}


def _create(c: Call, req: Value, st: struct.Struct,
            build: Callable[[tuple[Any, ...]], Value]) -> IoctlGen:
    """UBI_IOCATT/UBI_IOCMKVOL: the request, and " => [N]" (the new device or volume
    number) after a success."""
    arg = c.args[2]
    got = c.read_struct(arg, st) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    before = build(got)
    if c.failed:
        return [before]
    return [Changed(before, nums("<i")(c, arg))]


_INT_PTR = Arg(nums("<i"))
_ARGS = {
    "UBI_IOCRSVOL": Arg(_rsvol), "UBI_IOCRNVOL": Arg(_rnvol), "UBI_IOCEBCH": Arg(_ebch),
    "UBI_IOCEBMAP": Arg(_ebmap), "UBI_IOCSETVOLPROP": Arg(_volprop),
    "UBI_IOCVOLUP": Arg(nums("<q")),
    **{n: _INT_PTR for n in ("UBI_IOCDET", "UBI_IOCEBER", "UBI_IOCEBISMAP", "UBI_IOCEBUNMAP",
                             "UBI_IOCRMVOL", "UBI_IOCRPEB", "UBI_IOCSPEB")},
    "UBI_IOCVOLCRBLK": NO_ARG, "UBI_IOCVOLRMBLK": NO_ARG,
}


@ioctl_family(ord("o"), ord("O"))
def ubi_ioctl(c: Call, code: int) -> IoctlGen:
    creator = _CREATORS.get(code)
    if creator is not None:
        named = named_request(IOCTL_NAMES_UBI, code)
        assert named is not None
        return (yield from _create(c, named[1], *creator))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_UBI, _ARGS))
