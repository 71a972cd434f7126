"""Differential test of inotify and fanotify (decoders/notify.py, handles.py) against
strace 6.1 (strace's inotify, fanotify_init and fanotify_mark tests found them printed
generically): every flag and mask bit, unknown bits and classes, FAN_NOFD and AT_FDCWD,
bad pointers, garbage in the upper 32 bits of int arguments."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_TRACE = "trace=inotify_init1,inotify_add_watch,inotify_rm_watch,fanotify_init,fanotify_mark"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_notify(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_notify.c")
    args = [*opts, "-e", _TRACE]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "inotify_rm_watch(" in want and "fanotify_mark(" in want
    assert got == want
