"""Differential test of the new mount API (decoders/mount_api.py) against strace 6.1
(strace's fsopen, fsconfig, fsmount, fspick, open_tree, move_mount and mount_setattr
tests found them printed generically): tests/syscalls/fs_mount_api.c under default,
-v, -X raw, -X verbose and -y, and a -s cut of fsconfig's 256-byte keys."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = "fsopen,fsconfig,fsmount,fspick,open_tree,move_mount,mount_setattr"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-s", "300"]])
def test_mount_api(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fs_mount_api.c")
    args = [*opts, "-e", f"trace={CALLS}"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "mount_setattr(" in want and "fsconfig(-100, " in want
    assert got == want


@pytest.mark.parametrize("path", ["/tmp", "/dev/null"])
def test_mount_api_paths(path: str) -> None:
    """-P: fsconfig matches by its command (a path value, the aux descriptor), never by
    its first argument."""
    exe = build(SYSCALLS / "fs_mount_api.c")
    args = ["-y", "-P", path, "-e", f"trace={CALLS}"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)   # stdin (fd 0): /dev/null
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert got == want and "fsconfig(" in want
