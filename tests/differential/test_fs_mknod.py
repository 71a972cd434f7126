"""Differential tests of mknod/mknodat (decoders/mknod.py), acct/chroot/swapoff (fs.py),
iopl (misc.py), utime/utimes/futimesat (utimes.py) and -y of a name ending in " (deleted)" (fdinfo.link_target):
tests/syscalls/fs_mknod_misc.c under strace 6.1 and pstrace, default, -v, -X raw,
-X verbose and -y.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-y": ["-y"]}


@pytest.mark.parametrize("opt", OPTIONS)
def test_fs_mknod(opt: str, tmp_path: Path) -> None:
    exe = build(SYSCALLS / "fs_mknod_misc.c")
    args = [*OPTIONS[opt], "-e", "trace=mknod,mknodat,acct,chroot,swapoff,iopl,fchmod,utime,utimes,futimesat"]
    runs = []
    for run, sub in ((run_strace, "s"), (run_pstrace, "p")):
        d = tmp_path / sub
        d.mkdir()
        text = harness.normalise(run(args, [str(exe), str(d)]).trace,
                                 harness.DEFAULT_NORMALISERS)
        runs.append(text.replace(str(d), "DIR").splitlines())
    expected, actual = runs
    assert any(line.startswith("mknodat(") for line in expected)
    assert actual == expected
