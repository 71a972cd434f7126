"""Loop-device ioctls (type 'L', <linux/loop.h>): LOOP_[GS]ET_STATUS's struct loop_info,
LOOP_[GS]ET_STATUS64's struct loop_info64 (getters at exit), LOOP_CONFIGURE's struct
loop_config; LOOP_SET_FD/LOOP_CHANGE_FD a descriptor, LOOP_CTL_ADD/REMOVE an int,
LOOP_SET_DIRECT_IO/LOOP_SET_BLOCK_SIZE an unsigned value, and LOOP_CLR_FD,
LOOP_SET_CAPACITY, LOOP_CTL_GET_FREE no argument.  Without -v the structs show
lo_number, lo_offset, lo_flags and the file name, and the encryption fields only when
lo_encrypt_type is not LO_CRYPT_NONE.

strace counterpart: loop.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Str, Struct, Value
from ..xlat import IOCTL_NAMES_LOOP, LOOP_CRYPT_TYPES, LOOP_FLAGS
from ._fs_common import xval
from ._ioctl_by_name import NO_ARG, Arg, decode_by_name, value_arg
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown, s32
from .bpf_cmd import cstring_field
from .fs_stat import makedev_value

# struct loop_info (x86_64: __kernel_old_dev_t is unsigned long)
_INFO = struct.Struct("<i4xQQQiiii64s32s2Q4s4x")
# struct loop_info64
_INFO64 = struct.Struct("<5Q4I64s64s32s2Q")
_INFO64_RAW = struct.Struct(f"{_INFO64.size}s")
_CONFIG = struct.Struct(f"<II{_INFO64.size}s8Q")   # struct loop_config
_KEY_SIZE = 32   # LO_KEY_SIZE
_CRYPT_NONE = xval(LOOP_CRYPT_TYPES, "LO_CRYPT_NONE")

Fields = list[tuple[str | None, Value]]


def _hex_array(values: tuple[int, ...]) -> Value:
    return Array(tuple(Int(v, "x") for v in values))


def _crypt(kind: int, key_size: int) -> Fields:
    return [("lo_encrypt_type", const(LOOP_CRYPT_TYPES, kind & 0xFFFFFFFF,
                                      comment="LO_CRYPT_???")),
            ("lo_encrypt_key_size", Int(key_size & 0xFFFFFFFF, "u"))]


def _key(key: bytes, key_size: int) -> tuple[str | None, Value]:
    return "lo_encrypt_key", Str(key[:min(key_size & 0xFFFFFFFF, _KEY_SIZE)])


def _flags(value: int) -> tuple[str | None, Value]:
    return "lo_flags", flags_or_unknown(LOOP_FLAGS, value, "LO_FLAGS_???")


def _info(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _INFO) if addr else None
    if got is None:
        return Addr(addr)
    (number, device, inode, rdevice, offset, kind, key_size, lo_flags, name, key,
     init0, init1, reserved) = got
    full = c.opts.verbose
    crypt = full or kind != _CRYPT_NONE
    fields: Fields = [("lo_number", Int(number))]
    if full:
        fields += [("lo_device", makedev_value(device)), ("lo_inode", Int(inode, "u")),
                   ("lo_rdevice", makedev_value(rdevice))]
    fields.append(("lo_offset", Int(offset & 0xFFFFFFFF, "x")))
    if crypt:
        fields += _crypt(kind, key_size)
    fields += [_flags(lo_flags), ("lo_name", cstring_field(name))]
    if crypt:
        fields.append(_key(key, key_size))
    if not full:
        return Struct(tuple(fields), elided=True)
    fields += [("lo_init", _hex_array((init0, init1))), ("reserved", _hex_array(tuple(reserved)))]
    return Struct(tuple(fields))


def _info64_fields(c: Call, raw: bytes) -> Struct:
    (device, inode, rdevice, offset, sizelimit, number, kind, key_size, lo_flags,
     file_name, crypt_name, key, init0, init1) = _INFO64.unpack(raw)
    full = c.opts.verbose
    crypt = full or kind != _CRYPT_NONE
    if full:
        fields: Fields = [
            ("lo_device", makedev_value(device)), ("lo_inode", Int(inode, "u")),
            ("lo_rdevice", makedev_value(rdevice)), ("lo_offset", Int(offset, "x")),
            ("lo_sizelimit", Int(sizelimit, "u")), ("lo_number", Int(number, "u"))]
    else:
        fields = [("lo_offset", Int(offset, "x")), ("lo_number", Int(number, "u"))]
    if crypt:
        fields += _crypt(kind, key_size)
    fields += [_flags(lo_flags), ("lo_file_name", cstring_field(file_name))]
    if crypt:
        fields += [("lo_crypt_name", cstring_field(crypt_name)), _key(key, key_size)]
    if not full:
        return Struct(tuple(fields), elided=True)
    fields.append(("lo_init", _hex_array((init0, init1))))
    return Struct(tuple(fields))


def _info64(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _INFO64_RAW) if addr else None
    return Addr(addr) if got is None else _info64_fields(c, got[0])


def _config(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _CONFIG) if addr else None
    if got is None:
        return Addr(addr)
    fd, block_size, info, *reserved = got
    fields: Fields = [("fd", c.fd_value(s32(fd))), ("block_size", Int(block_size, "u")),
                      ("info", _info64_fields(c, info))]
    if any(reserved):
        fields.append(("__reserved", _hex_array(tuple(reserved))))
    return Struct(tuple(fields))


def _fd_arg(c: Call, arg: int) -> Value:
    return c.fd_value(s32(arg))


def _int_arg(c: Call, arg: int) -> Value:
    return Int(s32(arg))


_ARGS = {
    "LOOP_GET_STATUS": Arg(_info, True), "LOOP_SET_STATUS": Arg(_info),
    "LOOP_GET_STATUS64": Arg(_info64, True), "LOOP_SET_STATUS64": Arg(_info64),
    "LOOP_CONFIGURE": Arg(_config),
    "LOOP_CLR_FD": NO_ARG, "LOOP_SET_CAPACITY": NO_ARG, "LOOP_CTL_GET_FREE": NO_ARG,
    "LOOP_SET_FD": Arg(_fd_arg), "LOOP_CHANGE_FD": Arg(_fd_arg),
    "LOOP_CTL_ADD": Arg(_int_arg), "LOOP_CTL_REMOVE": Arg(_int_arg),
    "LOOP_SET_DIRECT_IO": Arg(value_arg), "LOOP_SET_BLOCK_SIZE": Arg(value_arg),
}


@ioctl_family(ord("L"))
def loop_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, IOCTL_NAMES_LOOP, _ARGS))
