"""Differential test of request names strace 6.1 takes from its request table alone, in
each xlat style, with neighbours of another size, direction or number in the generic
_IOC() form and names two headers share ("A or B"):

- ioctl_names_misc.c: the names of data/xlat/ioctl_names_hid.list, _mmtimer, _synclink
  and _zfs (HID, mmtimer, SyncLink, OpenZFS);
- ioctl_names_uapi.c: requests no family list covers, named from ours of strace's whole
  ioctlent table (xlat/ioctlent_gen.py, made by tools/gen_ioctlent.py from the installed
  uapi headers): tape, ALSA, RapidIO, VFIO, binder, USB devfs, vhost, tun, uinput,
  fbdev, CD-ROM."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
# per program, what shows the names came from the table, not the generic form
NAMED = {
    "ioctl_names_misc.c": (
        "HIDIOCGRDESCSIZE or HIDIOCGVERSION", "MGSL_IOCTXENABLE or MMTIMER_GETBITS",
        "MMTIMER_GETRES", "ZFS_IOC_SEND_SPACE", "BLKZNAME", "KSTAT_IOC_CHAIN_ID",
        "_IOC(_IOC_NONE, 0x5a, 0x57, 0)"),
    "ioctl_names_uapi.c": (
        "MTIOCTOP", "SNDRV_PCM_IOCTL_HW_PARAMS", "RIO_MAP_INBOUND", "BC_TRANSACTION",
        "VFIO_DEVICE_FEATURE or VFIO_IOMMU_DIRTY_PAGES or VFIO_IOMMU_SPAPR_REGISTER_MEMORY",
        "AGPIOC_ACQUIRE or APM_IOC_STANDBY", "CDROMEJECT", "FBIOGET_VSCREENINFO",
        "_IOC(_IOC_WRITE, 0x6d, 0x1, 0x9)", "_IOC(_IOC_NONE, 0x6d, 0x2, 0x30)"),
}


@pytest.mark.parametrize("program", sorted(NAMED))
@pytest.mark.parametrize("opts", [[], ["-X", "raw"], ["-X", "verbose"]])
def test_ioctl_names(program: str, opts: list[str]) -> None:
    exe = build(SYSCALLS / program)
    args = [*opts, "-e", "trace=ioctl"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if not opts:
        text = normalise(want.trace, DEFAULT_NORMALISERS)
        assert all(name in text for name in NAMED[program])
    compare(want, got, DEFAULT_NORMALISERS)
