"""Differential test of request names strace 6.1 takes from its request table alone
(data/xlat/ioctl_names_hid.list, _mmtimer, _synclink, _zfs): HID, mmtimer, SyncLink and
OpenZFS requests, names shared by two headers ("A or B"), and neighbours of another size
or number in the generic _IOC() form, in each xlat style."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

PROGRAM = Path(__file__).resolve().parent.parent / "syscalls" / "ioctl_names_misc.c"
# what shows the names came from the table, not the generic form
NAMED = ("HIDIOCGRDESCSIZE or HIDIOCGVERSION", "MGSL_IOCTXENABLE or MMTIMER_GETBITS",
         "MMTIMER_GETRES", "ZFS_IOC_SEND_SPACE", "BLKZNAME", "KSTAT_IOC_CHAIN_ID",
         "_IOC(_IOC_NONE, 0x5a, 0x57, 0)")


@pytest.mark.parametrize("opts", [[], ["-X", "raw"], ["-X", "verbose"]])
def test_ioctl_names(opts: list[str]) -> None:
    exe = build(PROGRAM)
    args = [*opts, "-e", "trace=ioctl"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if not opts:
        text = normalise(want.trace, DEFAULT_NORMALISERS)
        assert all(name in text for name in NAMED)
    compare(want, got, DEFAULT_NORMALISERS)
