"""The structures of <linux/btrfs.h> as values: their layouts (sizes and offsets from
the generated BTRFS_LAYOUT table) and the field printers ioctl_btrfs.py's requests share
(balance arguments, qgroup limits and inheritance, search keys, feature flags...).

strace counterpart: the btrfs_print_* helpers and PRINT_FIELD_* uses of btrfs.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Array, Comment, Const, Int, Note, Struct, Unreadable, Value
from ..xlat import (
    BTRFS_BALANCE_ARGS,
    BTRFS_BALANCE_FLAGS,
    BTRFS_BALANCE_STATE,
    BTRFS_FEATURES_COMPAT_RO,
    BTRFS_FEATURES_INCOMPAT,
    BTRFS_KEY_TYPES,
    BTRFS_LAYOUT,
    BTRFS_QGROUP_INHERIT_FLAGS,
    BTRFS_QGROUP_LIMIT_FLAGS,
    BTRFS_SPACE_INFO_FLAGS,
    BTRFS_TREE_OBJECTIDS,
    Xlat,
)
from ._fs_common import tracee_array, xval
from ._ioctl_by_name import umove_or_addr
from .base import Call, const, flags_or_unknown
from .fs_stat import makedev_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
Reader = Callable[["Call", int, bool], Value]   # (call, address, read at exit)
# a request printed at entry and, after a success, " => " what its Reader reads then
# (None: nothing, the struct was unreadable at entry)
InOut = Callable[["Call", int], "tuple[Value, Reader | None]"]
U64_MAX = (1 << 64) - 1


def size(name: str) -> int:
    """A size or offset of the btrfs structures (data/xlat/btrfs_layout.list)."""
    return xval(BTRFS_LAYOUT, name)


def padded(fmt: str, total: str) -> struct.Struct:
    """The fields of fmt, then padding up to the struct's size named `total`."""
    return struct.Struct(f"<{fmt}{size(total) - struct.calcsize('<' + fmt)}x")


UUID_SIZE = size("BTRFS_UUID_SIZE")
QGROUP_LIMIT = struct.Struct("<5Q")
QGROUP_INHERIT = padded("4Q40s", "QGROUP_INHERIT_SIZE")
BALANCE_ARGS = struct.Struct(f"<3Q{size('BALANCE_ARGS_FLAGS') - 24}sQ")
IOCTL_BALANCE = padded(f"QQ{3 * size('BALANCE_ARGS_SIZE')}s", "IOCTL_BALANCE_ARGS_SIZE")
SEARCH_KEY = padded("7Q3I", "SEARCH_KEY_SIZE")
SEARCH_HEADER = struct.Struct("<3QII")
FEATURE_FLAGS = struct.Struct("<3Q")
_U64 = struct.Struct("<Q")
_NO_COMPAT_FLAGS = Xlat(())   # strace knows no BTRFS_FEATURE_COMPAT_* flag


def u64(v: int) -> Value:
    """PRINT_FIELD_U64: unsigned, UINT64_MAX by name."""
    return Const("UINT64_MAX", v, "u") if v == U64_MAX else Int(v, "u")


def u(v: int) -> Int:
    return Int(v, "u")


def flags64(table: Xlat, v: int, unknown: str) -> Value:
    return flags_or_unknown(table, v, unknown, 64)


def objectid(v: int) -> Value:
    """A tree or object id: its name, else unsigned decimal."""
    return const(BTRFS_TREE_OBJECTIDS, v, "u")


def key_type(v: int) -> Value:
    return const(BTRFS_KEY_TYPES, v, "u")


def uuid(raw: bytes) -> Value:
    h = raw.hex()
    return Note(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")


def pick(c: Call, addr: int, st: struct.Struct, at_exit: bool,
         build: Callable[[tuple[Any, ...]], Value]) -> Value:
    """The struct at addr built into a value, or what strace prints instead."""
    got = umove_or_addr(c, addr, st, at_exit)
    return got if isinstance(got, Value) else build(got)


def qgroup_limit(raw: bytes) -> Value:
    lim_flags, *rest = QGROUP_LIMIT.unpack(raw)
    fields: Fields = [("flags", flags64(BTRFS_QGROUP_LIMIT_FLAGS, lim_flags,
                                        "BTRFS_QGROUP_LIMIT_???"))]
    fields += [(n, u(v)) for n, v in zip(("max_rfer", "max_excl", "rsv_rfer", "rsv_excl"),
                                         rest, strict=True)]
    return Struct(tuple(fields))


def qgroup_inherit(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, QGROUP_INHERIT)
    if isinstance(got, Value):
        return got
    qflags, num_qgroups, num_ref, num_excl, lim = got
    fields: Fields = [
        ("flags", flags64(BTRFS_QGROUP_INHERIT_FLAGS, qflags, "BTRFS_QGROUP_INHERIT_???")),
        ("num_qgroups", u(num_qgroups)), ("num_ref_copies", u(num_ref)),
        ("num_excl_copies", u(num_excl)), ("lim", qgroup_limit(lim))]
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields.append(("qgroups", tracee_array(c, addr + QGROUP_INHERIT.size, num_qgroups,
                                           _U64, lambda e: u(e[0]))))
    return Struct(tuple(fields))


def _balance_args(raw: bytes) -> Value:
    profiles, usage, devid, middle, bflags = BALANCE_ARGS.unpack_from(raw)
    pstart, pend, vstart, vend, target = struct.unpack_from("<5Q", middle)
    return Struct((
        ("profiles", flags64(BTRFS_SPACE_INFO_FLAGS, profiles, "BTRFS_BLOCK_GROUP_???")),
        ("usage", u64(usage)), ("devid", makedev_value(devid)), ("pstart", u64(pstart)),
        ("pend", u64(pend)), ("vstart", u64(vstart)), ("vend", u64(vend)),
        ("target", u64(target)),
        ("flags", flags64(BTRFS_BALANCE_ARGS, bflags, "BTRFS_BALANCE_ARGS_???"))))


def balance(c: Call, addr: int, out: bool, at_exit: bool = False) -> Value:
    """struct btrfs_ioctl_balance_args: with `out` its state too; the data, metadata
    and system arguments the flags select."""
    got = umove_or_addr(c, addr, IOCTL_BALANCE, at_exit)
    if isinstance(got, Value):
        return got
    bflags, state, parts = got
    fields: Fields = [("flags", flags64(BTRFS_BALANCE_FLAGS, bflags, "BTRFS_BALANCE_???"))]
    if out:
        fields.append(("state", flags64(BTRFS_BALANCE_STATE, state,
                                        "BTRFS_BALANCE_STATE_???")))
    one = size("BALANCE_ARGS_SIZE")
    for i, (name, flag) in enumerate((("data", "BTRFS_BALANCE_DATA"),
                                      ("meta", "BTRFS_BALANCE_METADATA"),
                                      ("sys", "BTRFS_BALANCE_SYSTEM"))):
        if bflags & xval(BTRFS_BALANCE_FLAGS, flag):
            fields.append((name, _balance_args(parts[i * one:(i + 1) * one])))
    return Struct(tuple(fields))


def features(raw: bytes) -> Value:
    compat, compat_ro, incompat = FEATURE_FLAGS.unpack(raw)
    return Struct((
        ("compat_flags", flags64(_NO_COMPAT_FLAGS, compat, "BTRFS_FEATURE_COMPAT_???")),
        ("compat_ro_flags", flags64(BTRFS_FEATURES_COMPAT_RO, compat_ro,
                                    "BTRFS_FEATURE_COMPAT_RO_???")),
        ("incompat_flags", flags64(BTRFS_FEATURES_INCOMPAT, incompat,
                                   "BTRFS_FEATURE_INCOMPAT_???"))))


def features_array(c: Call, addr: int, count: int, at_exit: bool,
                   notes: tuple[str, ...] = ()) -> Value:
    """count struct btrfs_ioctl_feature_flags read at once, "[{...}, ...]"; `notes`
    are the comments after each (GET_SUPPORTED_FEATURES's "supported", ...)."""
    st = struct.Struct(f"<{count * FEATURE_FLAGS.size}s")
    got = umove_or_addr(c, addr, st, at_exit)
    if isinstance(got, Value):
        return got
    items: list[Value] = []
    for i in range(count):
        item = features(got[0][i * FEATURE_FLAGS.size:(i + 1) * FEATURE_FLAGS.size])
        items.append(Comment(item, notes[i], keep=True) if notes else item)
    return Array(tuple(items))


def search_key(c: Call, key: tuple[int, ...], entering: bool) -> Value:
    """struct btrfs_ioctl_search_key: all of it at entry (without -v min_objectid and
    max_objectid only when not the first and last free ids), nr_items at exit."""
    (tree_id, min_oid, max_oid, min_off, max_off, min_tr, max_tr,
     min_type, max_type, nr_items) = key
    if not entering:
        return Struct((("nr_items", u(nr_items)),))
    fields: Fields = [("tree_id", objectid(tree_id))]
    verbose = c.opts.verbose
    if min_oid != xval(BTRFS_TREE_OBJECTIDS, "BTRFS_FIRST_FREE_OBJECTID") or verbose:
        fields.append(("min_objectid", objectid(min_oid)))
    if max_oid != xval(BTRFS_TREE_OBJECTIDS, "BTRFS_LAST_FREE_OBJECTID") or verbose:
        fields.append(("max_objectid", objectid(max_oid)))
    fields += [("min_offset", u64(min_off)), ("max_offset", u64(max_off)),
               ("min_transid", u64(min_tr)), ("max_transid", u64(max_tr)),
               ("min_type", key_type(min_type)), ("max_type", key_type(max_type)),
               ("nr_items", u(nr_items))]
    return Struct(tuple(fields))


def search_header(h: tuple[int, ...]) -> Value:
    transid, oid, offset, htype, length = h
    return Struct((("transid", u(transid)), ("objectid", objectid(oid)),
                   ("offset", u(offset)), ("type", key_type(htype)), ("len", u(length))))


def search_buf(c: Call, addr: int, buf_size: int, nr_items: int) -> Value:
    """The search results at exit: nr_items headers, each followed by its item's
    data; "..." past buf_size or -s headers, "... /* ADDR */" at unreadable memory."""
    items: list[Value] = []
    off = 0
    for i in range(nr_items):
        where = addr + off
        if where >= 1 << 64 or off + SEARCH_HEADER.size > buf_size or i > c.opts.max_strlen:
            return Array(tuple(items), elided=True)
        data = c.fetch(where, SEARCH_HEADER.size)
        if data is None:
            items.append(Unreadable(where))
            return Array(tuple(items))
        h = SEARCH_HEADER.unpack(data)
        items.append(search_header(h))
        off += SEARCH_HEADER.size + h[4]
    return Array(tuple(items))

