"""Differential test of the file-system ioctls (decoders/ioctl_fs.py: FITRIM,
FIFREEZE/FITHAW, FS_IOC_FSGETXATTR/FSSETXATTR, FS_IOC_FIEMAP, FS_IOC_GETFLAGS/SETFLAGS)
against strace 6.1, strace's ioctl_fiemap*, ioctl_fs_x* and ioctl_fs_f* tests found
them printed generically: bad fd and a memfd, NULL, unreadable and partly readable
structs, known and unknown flags, and with an injected success the FIEMAP extents."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-v", "-e", "inject=ioctl:retval=42"],
                                  ["-e", "inject=ioctl:retval=0"]])
def test_ioctl_fs(opts: list[str]) -> None:
    exe = build(SYSCALLS / "ioctl_fs.c")
    args = [*opts, "-e", "trace=ioctl"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "fsx_nextents=" in want and "FS_XFLAG_???" in want or "0x40000000" in want
    if "retval=42" in opts:
        assert "fe_flags=FIEMAP_EXTENT_LAST|FIEMAP_EXTENT_SHARED" in want
    assert got == want
