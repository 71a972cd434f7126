"""The struct formats the btrfs decoders unpack (decoders/_btrfs_structs.py,
_btrfs_devices.py, ioctl_btrfs.py, ioctl_file_range.py) against the sizes and field
offsets gcc computes from <linux/btrfs.h> and <linux/fs.h> (data/xlat/btrfs_layout.list,
generated into the BTRFS_LAYOUT table): a marker written at a field's offset in the
header's layout must come out as that field of the unpacked struct."""
from __future__ import annotations

import struct

import pytest

from pstrace.decoders import _btrfs_devices as D
from pstrace.decoders import _btrfs_structs as S
from pstrace.decoders import ioctl_btrfs as B
from pstrace.decoders import ioctl_file_range as F
from pstrace.xlat import BTRFS_LAYOUT

SIZE = dict(BTRFS_LAYOUT.pairs)
MARK = {"Q": 0x1122334455667788, "q": 0x1122334455667788, "I": 0x11223344, "H": 0x1122}

# (struct, the header's size of it or None, [(offset name, index in the unpacked tuple,
# the field's format)])
CASES: list[tuple[str, struct.Struct, str | None, list[tuple[str, int, str]]]] = [
    ("vol_args", B._VOL_ARGS, "VOL_ARGS_SIZE", []),
    ("vol_args_v2", B._VOL_ARGS_V2, "VOL_ARGS_V2_SIZE",
     [("VOL_ARGS_V2_SIZE_FIELD", 3, "Q")]),
    ("qgroup_inherit", S.QGROUP_INHERIT, "QGROUP_INHERIT_SIZE", []),
    ("balance_args", S.BALANCE_ARGS, None,
     [("BALANCE_ARGS_DEVID", 2, "Q"), ("BALANCE_ARGS_FLAGS", 4, "Q")]),
    ("ioctl_balance_args", S.IOCTL_BALANCE, "IOCTL_BALANCE_ARGS_SIZE", []),
    ("search_key", S.SEARCH_KEY, "SEARCH_KEY_SIZE", [("SEARCH_KEY_MIN_TYPE", 7, "I")]),
    ("search_header", S.SEARCH_HEADER, "SEARCH_HEADER_SIZE", []),
    ("defrag_range_args", B._DEFRAG, "DEFRAG_RANGE_ARGS_SIZE", []),
    ("ino_lookup_args", B._INO_LOOKUP, "INO_LOOKUP_ARGS_SIZE", []),
    ("ino_path_args", B._INO_PATH, "INO_PATH_ARGS_SIZE", [("INO_PATH_ARGS_FSPATH", 6, "Q")]),
    ("logical_ino_args", B._LOGICAL_INO, "LOGICAL_INO_ARGS_SIZE", []),
    ("received_subvol_args", B._RECEIVED, "RECEIVED_SUBVOL_ARGS_SIZE",
     [("RECEIVED_SUBVOL_ARGS_STIME", 3, "Q"), ("RECEIVED_SUBVOL_ARGS_RTIME", 5, "Q"),
      ("RECEIVED_SUBVOL_ARGS_FLAGS", 7, "Q")]),
    ("send_args", B._SEND, "SEND_ARGS_SIZE", []),
    ("quota_rescan_args", B._QUOTA_RESCAN, "QUOTA_RESCAN_ARGS_SIZE", []),
    ("scrub_args", D._SCRUB, "SCRUB_ARGS_SIZE", []),   # progress: below
    ("dev_info_args", D._DEV_INFO, "DEV_INFO_ARGS_SIZE",
     [("DEV_INFO_ARGS_BYTES_USED", 2, "Q")]),
    ("get_dev_stats", D._DEV_STATS, "GET_DEV_STATS_SIZE", [("GET_DEV_STATS_VALUES", 3, "Q")]),
    ("dev_replace_args", D._DEV_REPLACE, "DEV_REPLACE_ARGS_SIZE", []),
    ("dev_replace_status_params", D._REPLACE_STATUS_PARAMS, "DEV_REPLACE_STATUS_SIZE", []),
    ("fs_info_args", D.FS_INFO, "FS_INFO_ARGS_SIZE",
     [("FS_INFO_ARGS_NODESIZE", 3, "I"), ("FS_INFO_ARGS_FLAGS", 8, "Q")]),
    ("feature_flags", S.FEATURE_FLAGS, "FEATURE_FLAGS_SIZE", []),
    ("file_dedupe_range", F._DEDUPE, "FILE_DEDUPE_RANGE_SIZE", []),
    ("file_dedupe_range_info", F._DEDUPE_INFO, "FILE_DEDUPE_RANGE_INFO_SIZE", []),
]


@pytest.mark.parametrize(("name", "st", "size", "fields"), CASES, ids=[c[0] for c in CASES])
def test_layout(name: str, st: struct.Struct, size: str | None,
                fields: list[tuple[str, int, str]]) -> None:
    if size is not None:
        assert st.size == SIZE[size], name
    for offset, index, fmt in fields:
        buf = bytearray(st.size)
        struct.pack_into("<" + fmt, buf, SIZE[offset], MARK[fmt])
        assert st.unpack(bytes(buf))[index] == MARK[fmt], (name, offset)


def test_byte_arrays_at_their_offsets() -> None:
    """The char arrays (and dev_replace's union): vol_args' and vol_args_v2's name,
    dev_info's path, fs_info's metadata_uuid, ino_lookup's name, dev_replace's start
    parameters and device names."""
    def tail_at(st: struct.Struct, index: int, offset: str, end: int) -> None:
        buf = bytearray(st.size)
        buf[SIZE[offset]:SIZE[offset] + 3] = b"abc"
        got = st.unpack(bytes(buf))[index]
        assert got[:3] == b"abc" and len(got) == end - SIZE[offset], offset
    tail_at(B._VOL_ARGS, 1, "VOL_ARGS_NAME", SIZE["VOL_ARGS_SIZE"])
    tail_at(B._VOL_ARGS_V2, 5, "VOL_ARGS_V2_NAME", SIZE["VOL_ARGS_V2_SIZE"])
    tail_at(D._DEV_INFO, 4, "DEV_INFO_ARGS_PATH", SIZE["DEV_INFO_ARGS_SIZE"])
    tail_at(D.FS_INFO, 10, "FS_INFO_ARGS_METADATA_UUID",
            SIZE["FS_INFO_ARGS_METADATA_UUID"] + SIZE["BTRFS_UUID_SIZE"])
    tail_at(D._SCRUB, 4, "SCRUB_ARGS_PROGRESS",
            SIZE["SCRUB_ARGS_PROGRESS"] + SIZE["SCRUB_PROGRESS_SIZE"])
    tail_at(D._DEV_INFO, 1, "DEV_INFO_ARGS_UUID",
            SIZE["DEV_INFO_ARGS_UUID"] + SIZE["BTRFS_UUID_SIZE"])
    tail_at(B._INO_LOOKUP, 2, "INO_LOOKUP_ARGS_NAME", SIZE["INO_LOOKUP_ARGS_SIZE"])
    tail_at(D._DEV_REPLACE, 2, "DEV_REPLACE_ARGS_START",
            SIZE["DEV_REPLACE_ARGS_START"] + SIZE["DEV_REPLACE_START_SIZE"])
    params = D._REPLACE_START_PARAMS
    tail_at(params, 2, "DEV_REPLACE_SRCDEV_NAME", SIZE["DEV_REPLACE_TGTDEV_NAME"])
    buf = bytearray(params.size)
    buf[SIZE["DEV_REPLACE_TGTDEV_NAME"]:SIZE["DEV_REPLACE_TGTDEV_NAME"] + 3] = b"xyz"
    assert params.unpack(bytes(buf))[3][:3] == b"xyz"
