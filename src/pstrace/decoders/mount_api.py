"""The new mount API: fsopen, fsconfig, fsmount, fspick, move_mount, open_tree and
mount_setattr (with its struct mount_attr).

strace counterpart: fsopen.c, fsconfig.c, fsmount.c, fspick.c, move_mount.c,
open_tree.c, mount_setattr.c.
"""
from __future__ import annotations

import struct
from dataclasses import replace

from ..values import Addr, Int, Str, Struct, Value
from ..xlat import (
    FSCONFIG_CMDS,
    FSMOUNT_ATTR_FLAGS,
    FSMOUNT_FLAGS,
    FSOPEN_FLAGS,
    FSPICK_FLAGS,
    MOUNT_ATTR_ATTR,
    MOUNT_ATTR_PROPAGATION,
    MOUNT_SETATTR_FLAGS,
    MOVE_MOUNT_FLAGS,
    OPEN_TREE_FLAGS,
)
from ._fs_common import nonzero_tail, xval
from .base import Call, const, decoder, flags_or_unknown, s32

_KEY_MAX = 256           # fsconfig's key and string value: at most this many bytes
_BINARY_MAX = 1 << 20    # a binary value longer than this prints as its address
_MOUNT_ATTR = struct.Struct("<QQQQ")   # struct mount_attr (linux/mount.h)
_MOUNT_ATTR_SIZE_VER0 = 32             # linux/mount.h MOUNT_ATTR_SIZE_VER0
_PAGE = 4096


@decoder("fsopen")
def _fsopen(c: Call) -> list[Value]:
    return [c.str(0), flags_or_unknown(FSOPEN_FLAGS, c.args[1], "FSOPEN_???")]


@decoder("fsmount")
def _fsmount(c: Call) -> list[Value]:
    return [c.fd(0), flags_or_unknown(FSMOUNT_FLAGS, c.args[1], "FSMOUNT_???"),
            flags_or_unknown(FSMOUNT_ATTR_FLAGS, c.args[2], "MOUNT_ATTR_???")]


@decoder("fspick")
def _fspick(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), flags_or_unknown(FSPICK_FLAGS, c.args[2], "FSPICK_???")]


@decoder("open_tree")
def _open_tree(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1),
            flags_or_unknown(OPEN_TREE_FLAGS, c.args[2], "OPEN_TREE_???")]


@decoder("move_mount")
def _move_mount(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1), c.dirfd(2), c.path(3),
            flags_or_unknown(MOVE_MOUNT_FLAGS, c.args[4], "MOVE_MOUNT_???")]


def _cstr(c: Call, addr: int, size: int) -> Value:
    """A NUL-terminated string looked for in `size` bytes, cut at -s, "..." when no NUL
    is among them (strace's printstr_ex with QUOTE_0_TERMINATED)."""
    if not addr:
        return Addr(0)
    got = c.read_cstr(addr, size)
    if got is None:
        return Addr(addr)
    data, terminated = got
    within = terminated and len(data) < size
    limit = min(size, c.opts.max_strlen)
    return Str(data[:limit], len(data) > limit or not within)


@decoder("fsconfig")
def _fsconfig(c: Call) -> list[Value]:
    cmd = c.args[1] & 0xFFFFFFFF
    name = FSCONFIG_CMDS.name(cmd) or ""
    key, value, aux = c.args[2], c.args[3], s32(c.args[4])
    key_v: Value = _cstr(c, key, _KEY_MAX) if name.startswith("FSCONFIG_SET_") else Addr(key)
    value_v: Value = Addr(value)
    if name == "FSCONFIG_SET_STRING":
        value_v = _cstr(c, value, _KEY_MAX)
    elif name in ("FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY"):
        value_v = c.path_at(value)
    elif name == "FSCONFIG_SET_BINARY" and 0 <= aux <= _BINARY_MAX:
        got = c.buf(value, aux)
        value_v = replace(got, hex=True) if isinstance(got, Str) else got
    if name in ("FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY"):
        aux_v = c.dirfd(4)
    elif name == "FSCONFIG_SET_FD":
        aux_v = c.fd(4)
    else:
        aux_v = Int(aux)
    return [c.fd(0), const(FSCONFIG_CMDS, cmd, "x", "FSCONFIG_???"), key_v, value_v, aux_v]


def _mount_attr(c: Call, addr: int, size: int) -> Value:
    if size < _MOUNT_ATTR_SIZE_VER0:
        return Addr(addr)
    got = c.read(addr, min(size, _MOUNT_ATTR.size)) if addr else None
    if got is None:
        return Addr(addr)
    attr_set, attr_clr, propagation, userns_fd = _MOUNT_ATTR.unpack(got)
    idmap = xval(MOUNT_ATTR_ATTR, "MOUNT_ATTR_IDMAP")
    fields: list[tuple[str | None, Value]] = [
        ("attr_set", flags_or_unknown(MOUNT_ATTR_ATTR, attr_set, "MOUNT_ATTR_???", 64)),
        ("attr_clr", flags_or_unknown(MOUNT_ATTR_ATTR, attr_clr, "MOUNT_ATTR_???", 64)),
        ("propagation", const(MOUNT_ATTR_PROPAGATION, propagation, "x", "MS_???")),
        ("userns_fd", Int(userns_fd, "u") if userns_fd > 0x7FFFFFFF
         or not (attr_set | attr_clr) & idmap else c.fd_value(userns_fd))]
    tail = nonzero_tail(c, addr, _MOUNT_ATTR.size, min(size, _PAGE))
    if tail is not None:
        fields.append((None, tail))
    return Struct(tuple(fields))


@decoder("mount_setattr")
def _mount_setattr(c: Call) -> list[Value]:
    return [c.dirfd(0), c.path(1),
            flags_or_unknown(MOUNT_SETATTR_FLAGS, c.args[2], "AT_???"),
            _mount_attr(c, c.args[3], c.args[4]), Int(c.args[4], "u")]
