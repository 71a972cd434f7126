"""Differential test of the btrfs ioctls (decoders/ioctl_btrfs.py, _btrfs_structs.py)
and of the generic type 0x94 requests (decoders/ioctl_file_range.py: FICLONE,
FICLONERANGE, FIDEDUPERANGE, FS_IOC_[GS]ETFSLABEL) against strace 6.1, on a bad fd:
requests without argument, NULL, unreadable and filled structs, known and unknown
flags and values, -v's arrays and -X's styles; with an injected success the " => "
parts strace prints of what such a call writes (filled in advance by the program), and
TREE_SEARCH_V2's buf_size after an EOVERFLOW."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-e", "inject=ioctl:retval=0"],
                                  ["-v", "-X", "verbose", "-e", "inject=ioctl:retval=0"],
                                  ["-e", "inject=ioctl:error=EOVERFLOW"]])
def test_ioctl_btrfs(opts: list[str]) -> None:
    exe = build(SYSCALLS / "ioctl_btrfs.c")
    args = [*opts, "-e", "trace=ioctl"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "BTRFS_IOC_SNAP_CREATE_V2" in want or "0x50009417" in want
    assert "FIDEDUPERANGE" in want or "0xc0189436" in want
    if "inject=ioctl:retval=0" in opts:
        assert "nodesize=16384" in want and " => " in want
    if "inject=ioctl:error=EOVERFLOW" in opts:
        assert "} => {buf_size=68}" in want
    assert got == want
