"""Differential test of the Video4Linux2 ioctls (decoders/ioctl_v4l2.py) against strace
6.1: every decoded VIDIOC_* request on /dev/null with filled structures, NULL and an
unmapped address, failing (entry fields only) and, with -e inject=ioctl:retval=0,
succeeding (the output fields read back), in every -X style and with -v."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("inject", [[], ["-e", "inject=ioctl:retval=0"]])
@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"]])
def test_v4l2(opts: list[str], inject: list[str]) -> None:
    exe = build(SYSCALLS / "fam_v4l2.c")
    args = [*opts, *inject, "-e", "trace=ioctl"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "VIDIOC_ENUM_FMT" in want or "0xc0405602" in want
    assert got == want
