"""ioctl: the btrfs requests (type 0x94, BTRFS_IOC_*): subvolume and snapshot
creation, balance, defragmentation, tree search, scrub, device info and replacement,
quota groups, send, features, file system info.  The structures shared by several
requests are in _btrfs_structs.py, the device and file system requests' in
_btrfs_devices.py; FICLONE & co., which share the type, are ioctl_file_range.py's.

strace counterpart: btrfs.c (btrfs_ioctl).  Checked against strace 6.1 with
tests/syscalls/ioctl_btrfs.c (tests/differential/test_ioctl_btrfs.py).
"""
from __future__ import annotations

import errno
import struct
from collections.abc import Callable

from ..values import Addr, Array, Changed, Int, Struct, Value
from ..xlat import (
    BTRFS_BALANCE_CTL_CMDS,
    BTRFS_COMPRESS_TYPES,
    BTRFS_DEFRAG_FLAGS,
    BTRFS_LOGICAL_INO_ARGS_FLAGS,
    BTRFS_QGROUP_CTL_CMDS,
    BTRFS_SEND_FLAGS,
    BTRFS_SNAP_FLAGS_V2,
    BTRFS_SPACE_INFO_FLAGS,
    IOCTL_NAMES_BTRFS,
)
from . import _btrfs_devices as D
from . import _btrfs_structs as S
from ._btrfs_structs import Fields, InOut, Reader, flags64, objectid, padded, size, u, u64, uuid
from ._fs_common import tracee_array, with_time_comment, xval
from ._ioctl_by_name import umove_or_addr
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const
from .bpf_attr import cstring_field
from .ioctl import request_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any


def _req(name: str) -> int:
    return xval(IOCTL_NAMES_BTRFS, name)


def _struct_of(st: struct.Struct, build: Callable[[Call, tuple[Any, ...]], Value]) -> Reader:
    def read(c: Call, addr: int, at_exit: bool) -> Value:
        return S.pick(c, addr, st, at_exit, lambda got: build(c, got))
    return read


# --- simple arguments -----------------------------------------------------------------------
_VOL_ARGS = struct.Struct(f"<q{size('VOL_ARGS_SIZE') - size('VOL_ARGS_NAME')}s")
_VOL_ARGS_V2 = padded(f"qQQQQ{size('VOL_ARGS_V2_NAME') - 40}x"
                      f"{size('VOL_ARGS_V2_SIZE') - size('VOL_ARGS_V2_NAME')}s",
                      "VOL_ARGS_V2_SIZE")
_U64 = struct.Struct("<Q")
_DEFRAG = padded("3QII", "DEFRAG_RANGE_ARGS_SIZE")


def _u64_array(c: Call, addr: int, at_exit: bool) -> Value:
    """printnum_int64: "[N]"."""
    return S.pick(c, addr, _U64, at_exit, lambda g: Array((u(g[0]),)))


def _snap_flags(c: Call, addr: int, at_exit: bool) -> Value:
    return S.pick(c, addr, _U64, at_exit,
                  lambda g: flags64(BTRFS_SNAP_FLAGS_V2, g[0], "BTRFS_SUBVOL_???"))


def _vol_args(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("fd", c.fd_value(got[0])), ("name", cstring_field(got[1]))))


def _defrag(c: Call, got: tuple[Any, ...]) -> Value:
    start, length, dflags, thresh, compress = got
    return Struct((("start", u(start)), ("len", u64(length)),
                   ("flags", flags64(BTRFS_DEFRAG_FLAGS, dflags, "BTRFS_DEFRAG_RANGE_???")),
                   ("extent_thresh", u(thresh)),
                   ("compress_type", const(BTRFS_COMPRESS_TYPES, compress,
                                           comment="BTRFS_COMPRESS_???"))))


_QGROUP_ASSIGN = struct.Struct("<3Q")
_QGROUP_CREATE = struct.Struct("<2Q")
_QGROUP_LIMIT_ARGS = struct.Struct(f"<Q{S.QGROUP_LIMIT.size}s")
_QUOTA_CTL = struct.Struct("<2Q")
_QUOTA_RESCAN = padded("2Q", "QUOTA_RESCAN_ARGS_SIZE")
_SEND = padded("q4Q", "SEND_ARGS_SIZE")


def _qgroup_assign(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct(tuple(zip(("assign", "src", "dst"), map(u, got), strict=True)))


def _qgroup_create(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("create", u(got[0])), ("qgroupid", u(got[1]))))


def _qgroup_limit_args(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("qgroupid", u(got[0])), ("lim", S.qgroup_limit(got[1]))))


def _quota_ctl(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("cmd", const(BTRFS_QGROUP_CTL_CMDS, got[0],
                                 comment="BTRFS_QUOTA_CTL_???")),))


def _quota_rescan(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("flags", u(got[0])),))


def _quota_rescan_status(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("flags", u(got[0])), ("progress", objectid(got[1]))))


def _send(c: Call, got: tuple[Any, ...]) -> Value:
    send_fd, count, sources, parent, sflags = got
    if c.opts.verbose:
        clones = tracee_array(c, sources, count, _U64, lambda e: objectid(e[0]))
    else:
        clones = Addr(sources)
    return Struct((("send_fd", c.fd_value(send_fd)), ("clone_sources_count", u(count)),
                   ("clone_sources", clones), ("parent_root", objectid(parent)),
                   ("flags", flags64(BTRFS_SEND_FLAGS, sflags, "BTRFS_SEND_FLAGS_???"))))


def _vol_args_v2(c: Call, addr: int, at_exit: bool) -> Value:
    got = umove_or_addr(c, addr, _VOL_ARGS_V2, at_exit)
    if isinstance(got, Value):
        return got
    fd, _, vflags, qsize, qgroup_inherit, name = got
    fields: Fields = [("fd", c.fd_value(fd)),
                      ("flags", flags64(BTRFS_SNAP_FLAGS_V2, vflags, "BTRFS_SUBVOL_???"))]
    if vflags & xval(BTRFS_SNAP_FLAGS_V2, "BTRFS_SUBVOL_QGROUP_INHERIT"):
        fields += [("size", u(qsize)), ("qgroup_inherit", S.qgroup_inherit(c, qgroup_inherit))]
    fields.append(("name", cstring_field(name)))
    return Struct(tuple(fields))


def _transid(c: Call, addr: int, at_exit: bool) -> Value:
    return S.pick(c, addr, _VOL_ARGS_V2, at_exit,
                  lambda g: Struct((("transid", u(g[1])),)))


def _features(count: int, notes: tuple[str, ...] = ()) -> Reader:
    def read(c: Call, addr: int, at_exit: bool) -> Value:
        got = S.features_array(c, addr, count, at_exit, notes)
        if count == 1 and isinstance(got, Array):
            return got.items[0]
        return got
    return read


# --- in/out requests --------------------------------------------------------------------------
def _balance_v2(c: Call, addr: int) -> tuple[Value, Reader | None]:
    """(strace reads the struct again at exit even when it was unreadable at entry)"""
    return S.balance(c, addr, False), lambda c, a, e: S.balance(c, a, True, True)


def _snap_create_v2(c: Call, addr: int) -> tuple[Value, Reader | None]:
    before = _vol_args_v2(c, addr, False)
    return before, None if isinstance(before, Addr) else _transid


_INO_LOOKUP = struct.Struct(
    f"<2Q{size('INO_LOOKUP_ARGS_SIZE') - size('INO_LOOKUP_ARGS_NAME')}s")


def _ino_lookup(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _INO_LOOKUP)
    if isinstance(got, Value):
        return got, None
    treeid, oid, _ = got
    with_tree = treeid == 0   # the kernel fills in the id of the containing root

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _INO_LOOKUP, True)
        if isinstance(got, Value):
            return got
        out: Fields = [("treeid", objectid(got[0]))] if with_tree else []
        out.append(("name", cstring_field(got[2])))
        return Struct(tuple(out))
    return Struct((("treeid", objectid(treeid)), ("objectid", objectid(oid)))), after


_INO_PATH = struct.Struct("<2Q4QQ")
_LOGICAL_INO = struct.Struct("<2Q3QQQ")
_DATA_CONTAINER = struct.Struct("<4I")


def _container(c: Call, addr: int, elems: Callable[[int, int], Value]) -> Value:
    """struct btrfs_data_container at addr: its counts, then its val[] (elems(address
    of val, elem_cnt)) with -v, "..." without."""
    got = umove_or_addr(c, addr, _DATA_CONTAINER)
    if isinstance(got, Value):
        return got
    fields: Fields = list(zip(("bytes_left", "bytes_missing", "elem_cnt", "elem_missed"),
                              map(u, got), strict=True))
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields.append(("val", elems(addr + size("DATA_CONTAINER_VAL"), got[2])))
    return Struct(tuple(fields))


def _ino_paths(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _INO_PATH)
    if isinstance(got, Value):
        return got, None
    before = Struct((("inum", u(got[0])), ("size", u(got[1])), ("fspath", Addr(got[6]))))

    def paths(val: int, count: int) -> Value:
        return tracee_array(c, val, count, _U64, lambda e: c.path_at(val + e[0]))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _INO_PATH, True)
        if isinstance(got, Value):
            return got
        return Struct((("fspath", _container(c, got[6], paths)),))
    return before, after


_INODE_RECORD = struct.Struct("<3Q")


def _logical_ino(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _LOGICAL_INO)
    if isinstance(got, Value):
        return got, None
    logical, lsize, r0, r1, r2, lflags, inodes = got
    fields: Fields = [("logical", u(logical)), ("size", u(lsize))]
    if r0 or r1 or r2:
        fields.append(("reserved", Array(tuple(Int(v, "x") for v in (r0, r1, r2)))))
    fields += [("flags", flags64(BTRFS_LOGICAL_INO_ARGS_FLAGS, lflags,
                                 "BTRFS_LOGICAL_INO_ARGS_???")), ("inodes", Addr(inodes))]

    def records(val: int, count: int) -> Value:
        return tracee_array(c, val, count // 3, _INODE_RECORD, lambda e: Struct(
            tuple(zip(("inum", "offset", "root"), map(u, e), strict=True))))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _LOGICAL_INO, True)
        if isinstance(got, Value):
            return got
        return Struct((("inodes", _container(c, got[6], records)),))
    return Struct(tuple(fields)), after


_RECEIVED = padded(f"{S.UUID_SIZE}s2QQI4xQI4xQ", "RECEIVED_SUBVOL_ARGS_SIZE")


def _btrfs_timespec(sec: int, nsec: int) -> Value:
    return with_time_comment(Struct((("sec", u(sec)), ("nsec", u(nsec)))), sec, nsec)


def _received_subvol(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _RECEIVED)
    if isinstance(got, Value):
        return got, None
    raw_uuid, stransid, _, ssec, snsec, _, _, rflags = got
    before = Struct((("uuid", uuid(raw_uuid)), ("stransid", u(stransid)),
                     ("stime", _btrfs_timespec(ssec, snsec)), ("flags", u(rflags))))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        return S.pick(c, addr, _RECEIVED, True, lambda g: Struct((
            ("rtransid", u(g[2])), ("rtime", _btrfs_timespec(g[5], g[6])))))
    return before, after


_SPACE_ARGS = struct.Struct("<2Q")
_SPACE_INFO = struct.Struct("<3Q")


def _space_info(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _SPACE_ARGS)
    if isinstance(got, Value):
        return got, None

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _SPACE_ARGS, True)
        if isinstance(got, Value):
            return got
        slots, total = got
        fields: Fields = [("total_spaces", u(total))]
        if slots == 0 and total:
            return Struct(tuple(fields))
        if not c.opts.verbose:
            return Struct(tuple(fields), elided=True)
        fields.append(("spaces", tracee_array(
            c, addr + size("SPACE_ARGS_SPACES"), total, _SPACE_INFO, lambda e: Struct((
                ("flags", flags64(BTRFS_SPACE_INFO_FLAGS, e[0], "BTRFS_SPACE_INFO_???")),
                ("total_bytes", u(e[1])), ("used_bytes", u(e[2])))))))
        return Struct(tuple(fields))
    return Struct((("space_slots", u(got[0])),)), after


_SEARCH_V2 = struct.Struct(S.SEARCH_KEY.format + "Q")   # without buf[]


def _search_overflow(c: Call, addr: int) -> Value:
    """TREE_SEARCH_V2 failed with EOVERFLOW: the buf_size the kernel asks for."""
    got = c.read_struct(addr, _SEARCH_V2)
    return Addr(addr) if got is None else Struct((("buf_size", u(got[10])),))


def _tree_search(v2: bool) -> InOut:
    """TREE_SEARCH(_V2): the key (and v2's buf_size) at entry; after a success the
    key's nr_items and the headers found (-v), "..." without -v."""
    st = _SEARCH_V2 if v2 else S.SEARCH_KEY

    def build(c: Call, got: tuple[Any, ...], entering: bool, addr: int) -> Value:
        fields: Fields = [("key", S.search_key(c, got[:10], entering))]
        if v2:
            fields.append(("buf_size", u(got[10])))
        if entering:
            return Struct(tuple(fields))
        buf_size = got[10] if v2 else size("SEARCH_ARGS_BUF_LEN")
        buf = addr + (size("SEARCH_ARGS_V2_BUF") if v2 else size("SEARCH_ARGS_BUF"))
        if not c.opts.verbose:
            return Struct(tuple(fields), elided=True)
        fields.append(("buf", S.search_buf(c, buf, buf_size, got[9])))
        return Struct(tuple(fields))

    def entry(c: Call, addr: int) -> tuple[Value, Reader | None]:
        got = umove_or_addr(c, addr, st)
        if isinstance(got, Value):
            return got, None
        return build(c, got, True, addr), lambda c, a, e: S.pick(
            c, a, st, True, lambda g: build(c, g, False, a))
    return entry


# --- the requests -----------------------------------------------------------------------------
_NO_ARG = frozenset(_req(n) for n in (
    "BTRFS_IOC_TRANS_START", "BTRFS_IOC_TRANS_END", "BTRFS_IOC_SYNC",
    "BTRFS_IOC_SCRUB_CANCEL", "BTRFS_IOC_QUOTA_RESCAN_WAIT", "BTRFS_IOC_DEFRAG",
    "BTRFS_IOC_BALANCE"))
_VOL_ARGS_REQS = ("BTRFS_IOC_SNAP_CREATE", "BTRFS_IOC_RESIZE", "BTRFS_IOC_SCAN_DEV",
                  "BTRFS_IOC_FORGET_DEV", "BTRFS_IOC_ADD_DEV", "BTRFS_IOC_RM_DEV",
                  "BTRFS_IOC_SUBVOL_CREATE", "BTRFS_IOC_SNAP_DESTROY",
                  "BTRFS_IOC_DEVICES_READY")
# requests whose argument is printed at entry (W) or at exit (R)
_AT_ENTRY: dict[int, Reader] = {
    **{_req(n): _struct_of(_VOL_ARGS, _vol_args) for n in _VOL_ARGS_REQS},
    _req("BTRFS_IOC_DEFAULT_SUBVOL"): _u64_array,
    _req("BTRFS_IOC_WAIT_SYNC"): _u64_array,
    _req("BTRFS_IOC_SUBVOL_SETFLAGS"): _snap_flags,
    _req("BTRFS_IOC_DEFRAG_RANGE"): _struct_of(_DEFRAG, _defrag),
    _req("BTRFS_IOC_SET_FEATURES"): _features(2),
    _req("BTRFS_IOC_QGROUP_ASSIGN"): _struct_of(_QGROUP_ASSIGN, _qgroup_assign),
    _req("BTRFS_IOC_QGROUP_CREATE"): _struct_of(_QGROUP_CREATE, _qgroup_create),
    _req("BTRFS_IOC_QUOTA_CTL"): _struct_of(_QUOTA_CTL, _quota_ctl),
    _req("BTRFS_IOC_QUOTA_RESCAN"): _struct_of(_QUOTA_RESCAN, _quota_rescan),
    _req("BTRFS_IOC_SEND"): _struct_of(_SEND, _send),
}
_AT_EXIT: dict[int, Reader] = {
    _req("BTRFS_IOC_START_SYNC"): _u64_array,
    _req("BTRFS_IOC_SUBVOL_GETFLAGS"): _snap_flags,
    _req("BTRFS_IOC_BALANCE_PROGRESS"): lambda c, a, e: S.balance(c, a, True, e),
    _req("BTRFS_IOC_GET_FEATURES"): _features(1),
    _req("BTRFS_IOC_GET_SUPPORTED_FEATURES"): _features(
        3, ("supported", "safe to set", "safe to clear")),
    _req("BTRFS_IOC_FS_INFO"): _struct_of(D.FS_INFO, D.fs_info),
    _req("BTRFS_IOC_QGROUP_LIMIT"): _struct_of(_QGROUP_LIMIT_ARGS, _qgroup_limit_args),
    _req("BTRFS_IOC_QUOTA_RESCAN_STATUS"): _struct_of(_QUOTA_RESCAN, _quota_rescan_status),
}
# requests printed at entry and, after a success, " => " what the kernel wrote
_IN_OUT: dict[int, InOut] = {
    _req("BTRFS_IOC_BALANCE_V2"): _balance_v2,
    _req("BTRFS_IOC_SNAP_CREATE_V2"): _snap_create_v2,
    _req("BTRFS_IOC_SUBVOL_CREATE_V2"): _snap_create_v2,
    _req("BTRFS_IOC_DEV_INFO"): D.dev_info,
    _req("BTRFS_IOC_DEV_REPLACE"): D.dev_replace,
    _req("BTRFS_IOC_GET_DEV_STATS"): D.dev_stats,
    _req("BTRFS_IOC_INO_LOOKUP"): _ino_lookup,
    _req("BTRFS_IOC_INO_PATHS"): _ino_paths,
    _req("BTRFS_IOC_LOGICAL_INO"): _logical_ino,
    _req("BTRFS_IOC_SET_RECEIVED_SUBVOL"): _received_subvol,
    _req("BTRFS_IOC_SCRUB"): D.scrub(True),
    _req("BTRFS_IOC_SCRUB_PROGRESS"): D.scrub(False),
    _req("BTRFS_IOC_SPACE_INFO"): _space_info,
    _req("BTRFS_IOC_TREE_SEARCH"): _tree_search(False),
    _req("BTRFS_IOC_TREE_SEARCH_V2"): _tree_search(True),
}
_BALANCE_CTL = _req("BTRFS_IOC_BALANCE_CTL")
_TREE_SEARCH_V2 = _req("BTRFS_IOC_TREE_SEARCH_V2")


@ioctl_family(0x94)
def _btrfs(c: Call, code: int) -> IoctlGen:
    arg = c.args[2]
    req = request_value(code)
    if code in _IN_OUT:
        before, after = _IN_OUT[code](c, arg)
        yield [c.fd(0), req]
        if after is not None and code == _TREE_SEARCH_V2 and c.error == errno.EOVERFLOW:
            return [Changed(before, _search_overflow(c, arg))]
        if c.failed or after is None:
            return [before]
        return [Changed(before, after(c, arg, True))]
    if code in _AT_EXIT:
        yield [c.fd(0), req]
        return [_AT_EXIT[code](c, arg, True)]
    if code in _NO_ARG:
        values: list[Value] = [c.fd(0), req]
    elif code == _BALANCE_CTL:
        values = [c.fd(0), req, const(BTRFS_BALANCE_CTL_CMDS, arg,
                                      comment="BTRFS_BALANCE_CTL_???")]
    elif code in _AT_ENTRY:
        values = [c.fd(0), req, _AT_ENTRY[code](c, arg, False)]
    else:
        return None
    c.sep_late = True
    yield values
    return []

