"""The btrfs requests about devices and the file system as a whole, for ioctl_btrfs.py:
FS_INFO, DEV_INFO, GET_DEV_STATS, DEV_REPLACE, SCRUB and SCRUB_PROGRESS.

strace counterpart: those cases of btrfs_ioctl() in btrfs.c, with
print_btrfs_replace_start_params, print_btrfs_replace_status_params and
print_btrfs_scrub_progress.
"""
from __future__ import annotations

import struct

from ..values import Array, Comment, Indexed, Int, Struct, Value
from ..xlat import (
    BTRFS_CONT_READING_FROM_SRCDEV_MODE,
    BTRFS_CSUM_TYPES,
    BTRFS_DEV_REPLACE_CMDS,
    BTRFS_DEV_REPLACE_RESULTS,
    BTRFS_DEV_REPLACE_STATE,
    BTRFS_DEV_STATS_FLAGS,
    BTRFS_DEV_STATS_VALUES,
    BTRFS_FS_INFO_FLAGS,
    BTRFS_SCRUB_FLAGS,
)
from . import _btrfs_structs as S
from ._btrfs_structs import Fields, InOut, Reader, flags64, padded, size, u, u64, uuid
from ._fs_common import time_comment, xval
from ._ioctl_by_name import umove_or_addr
from .base import Call, const
from .bpf_attr import cstring_field
from .fs_stat import makedev_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

FS_INFO = padded(f"2Q{S.UUID_SIZE}s3I2H2Q{S.UUID_SIZE}s", "FS_INFO_ARGS_SIZE")


def fs_info(c: Call, got: tuple[Any, ...]) -> Value:
    (max_id, num_devices, fsid, nodesize, sectorsize, clone_alignment, csum_type, csum_size,
     fflags, generation, metadata_uuid) = got
    fields: Fields = [("max_id", u(max_id)), ("num_devices", u(num_devices)),
                      ("fsid", uuid(fsid)), ("nodesize", u(nodesize)),
                      ("sectorsize", u(sectorsize)), ("clone_alignment", u(clone_alignment))]

    def has(flag: str) -> bool:
        return bool(fflags & xval(BTRFS_FS_INFO_FLAGS, flag))
    if has("BTRFS_FS_INFO_FLAG_CSUM_INFO"):
        fields += [("csum_type", const(BTRFS_CSUM_TYPES, csum_type,
                                       comment="BTRFS_CSUM_TYPE_???")),
                   ("csum_size", u(csum_size))]
    fields.append(("flags", flags64(BTRFS_FS_INFO_FLAGS, fflags, "BTRFS_FS_INFO_FLAG_???")))
    if has("BTRFS_FS_INFO_FLAG_GENERATION"):
        fields.append(("generation", u(generation)))
    if has("BTRFS_FS_INFO_FLAG_METADATA_UUID"):
        fields.append(("metadata_uuid", uuid(metadata_uuid)))
    return Struct(tuple(fields))


_DEV_INFO = padded(f"Q{S.UUID_SIZE}s2Q{size('DEV_INFO_ARGS_PATH') - 40}x"
                   f"{size('DEV_INFO_ARGS_SIZE') - size('DEV_INFO_ARGS_PATH')}s",
                   "DEV_INFO_ARGS_SIZE")


def dev_info(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _DEV_INFO)
    if isinstance(got, Value):
        return got, None
    devid, raw_uuid = got[:2]
    fields: Fields = [("devid", makedev_value(devid))]
    if any(raw_uuid):
        fields.append(("uuid", uuid(raw_uuid)))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _DEV_INFO, True)
        if isinstance(got, Value):
            return got
        _, raw_uuid, used, total, path = got
        out: Fields = [("uuid", uuid(raw_uuid))] if any(raw_uuid) else []
        out += [("bytes_used", u(used)), ("total_bytes", u(total)),
                ("path", cstring_field(path))]
        return Struct(tuple(out))
    return Struct(tuple(fields)), after


_DEV_STATS = padded(f"3Q{size('BTRFS_DEV_STAT_VALUES_MAX')}Q", "GET_DEV_STATS_SIZE")


def dev_stats(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _DEV_STATS)
    if isinstance(got, Value):
        return got, None
    devid, nr_items, sflags = got[:3]
    before = Struct((("devid", makedev_value(devid)), ("nr_items", u(nr_items)),
                     ("flags", flags64(BTRFS_DEV_STATS_FLAGS, sflags,
                                       "BTRFS_DEV_STATS_???"))))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _DEV_STATS, True)
        if isinstance(got, Value):
            return got
        _, nr_items, sflags, *vals = got
        items: list[Value] = [Indexed(const(BTRFS_DEV_STATS_VALUES, i, "u"), u(v))
                              for i, v in enumerate(vals[:nr_items])]
        return Struct((("nr_items", u(nr_items)),
                       ("flags", flags64(BTRFS_DEV_STATS_FLAGS, sflags,
                                         "BTRFS_DEV_STATS_???")),
                       (None, Array(tuple(items), elided=nr_items > len(vals)))))
    return before, after


_REPLACE_START = size("DEV_REPLACE_ARGS_START")
_DEV_REPLACE = padded(f"2Q{size('DEV_REPLACE_START_SIZE')}s", "DEV_REPLACE_ARGS_SIZE")
_REPLACE_START_PARAMS = struct.Struct(
    f"<2Q{size('DEV_REPLACE_TGTDEV_NAME') - size('DEV_REPLACE_SRCDEV_NAME')}s"
    f"{size('DEV_REPLACE_TGTDEV_NAME') - size('DEV_REPLACE_SRCDEV_NAME')}s")
_REPLACE_STATUS_PARAMS = struct.Struct("<6Q")
_PROGRESS_FULL = 1000


def _stamp(v: int) -> Value:
    local = time_comment(v, 0)
    return Int(v, "u") if local is None else Comment(Int(v, "u"), local)


def _replace_status(raw: bytes) -> Value:
    state, progress, started, stopped, write_errs, read_errs = \
        _REPLACE_STATUS_PARAMS.unpack_from(raw)
    prog: Value = u(progress)
    if progress <= _PROGRESS_FULL:
        prog = Comment(prog, f"{progress // 10}.{progress % 10}%", keep=True)
    return Struct((
        ("replace_state", const(BTRFS_DEV_REPLACE_STATE, state,
                                comment="BTRFS_IOCTL_DEV_REPLACE_STATE_???")),
        ("progress_1000", prog), ("time_started", _stamp(started)),
        ("time_stopped", _stamp(stopped)), ("num_write_errors", u(write_errs)),
        ("num_uncorrectable_read_errors", u(read_errs))))


def dev_replace(c: Call, addr: int) -> tuple[Value, Reader | None]:
    got = umove_or_addr(c, addr, _DEV_REPLACE)
    if isinstance(got, Value):
        return got, None
    cmd, _, params = got
    start_cmd = xval(BTRFS_DEV_REPLACE_CMDS, "BTRFS_IOCTL_DEV_REPLACE_CMD_START")
    fields: Fields = [("cmd", const(BTRFS_DEV_REPLACE_CMDS, cmd,
                                    comment="BTRFS_IOCTL_DEV_REPLACE_CMD_???"))]
    if cmd == start_cmd:
        srcdevid, mode, src, tgt = _REPLACE_START_PARAMS.unpack_from(params)
        fields.append(("start", Struct((
            ("srcdevid", makedev_value(srcdevid)),
            ("cont_reading_from_srcdev_mode", const(
                BTRFS_CONT_READING_FROM_SRCDEV_MODE, mode,
                comment="BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_???")),
            ("srcdev_name", cstring_field(src)), ("tgtdev_name", cstring_field(tgt))))))

    def after(c: Call, addr: int, at_exit: bool) -> Value:
        got = umove_or_addr(c, addr, _DEV_REPLACE, True)
        if isinstance(got, Value):
            return got
        cmd, result, params = got
        out: Fields = [("result", const(BTRFS_DEV_REPLACE_RESULTS, result,
                                        comment="BTRFS_IOCTL_DEV_REPLACE_RESULT_???"))]
        if cmd == xval(BTRFS_DEV_REPLACE_CMDS, "BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS"):
            out.append(("status", _replace_status(params)))
        return Struct(tuple(out))
    return Struct(tuple(fields)), after


_SCRUB = padded(f"4Q{size('SCRUB_PROGRESS_SIZE')}s", "SCRUB_ARGS_SIZE")
_SCRUB_PROGRESS_FIELDS = (
    "data_extents_scrubbed", "tree_extents_scrubbed", "data_bytes_scrubbed",
    "tree_bytes_scrubbed", "read_errors", "csum_errors", "verify_errors", "no_csum",
    "csum_discards", "super_errors", "malloc_errors", "uncorrectable_errors",
    "corrected_errors", "last_physical", "unverified_errors")


def scrub(full: bool) -> InOut:
    def entry(c: Call, addr: int) -> tuple[Value, Reader | None]:
        got = umove_or_addr(c, addr, _SCRUB)
        if isinstance(got, Value):
            return got, None
        devid, start, end, sflags, _ = got
        fields: Fields = [("devid", makedev_value(devid))]
        if full:
            fields += [("start", u(start)), ("end", u64(end)),
                       ("flags", flags64(BTRFS_SCRUB_FLAGS, sflags, "BTRFS_SCRUB_???"))]

        def after(c: Call, addr: int, at_exit: bool) -> Value:
            def build(g: tuple[Any, ...]) -> Value:
                vals = struct.unpack_from(f"<{len(_SCRUB_PROGRESS_FIELDS)}Q", g[4])
                return Struct((("progress", Struct(tuple(
                    zip(_SCRUB_PROGRESS_FIELDS, map(u, vals), strict=True)))),))
            return S.pick(c, addr, _SCRUB, True, build)
        return Struct(tuple(fields)), after
    return entry
