"""Differential test of the request names strace 6.1 takes from its whole ioctlent
table (ours: xlat/ioctlent_gen.py, made by tools/gen_ioctlent.py from the installed
uapi headers) for requests no family list covers: tape, ALSA, RapidIO, VFIO, binder,
USB devfs, vhost, tun, uinput, fbdev, CD-ROM; names two headers share ("A or B"), and
neighbours of another size or direction in the generic _IOC() form, in each xlat
style."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

PROGRAM = Path(__file__).resolve().parent.parent / "syscalls" / "ioctl_names_uapi.c"
# what shows the names came from the table, not the generic form
NAMED = ("MTIOCTOP", "SNDRV_PCM_IOCTL_HW_PARAMS", "RIO_MAP_INBOUND", "BC_TRANSACTION",
         "VFIO_DEVICE_FEATURE or VFIO_IOMMU_DIRTY_PAGES or VFIO_IOMMU_SPAPR_REGISTER_MEMORY",
         "AGPIOC_ACQUIRE or APM_IOC_STANDBY", "CDROMEJECT", "FBIOGET_VSCREENINFO",
         "_IOC(_IOC_WRITE, 0x6d, 0x1, 0x9)", "_IOC(_IOC_NONE, 0x6d, 0x2, 0x30)")


@pytest.mark.parametrize("opts", [[], ["-X", "raw"], ["-X", "verbose"]])
def test_ioctl_names_uapi(opts: list[str]) -> None:
    exe = build(PROGRAM)
    args = [*opts, "-e", "trace=ioctl"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if not opts:
        text = normalise(want.trace, DEFAULT_NORMALISERS)
        assert all(name in text for name in NAMED)
    compare(want, got, DEFAULT_NORMALISERS)
