"""Differential test of the epoll set calls (decoders/epoll.py), flock and fallocate
(decoders/fs_space.py), pidfd_send_signal and pidfd_getfd (decoders/pidfd.py) against
strace 6.1 (strace's epoll_*, flock, fallocate and pidfd_* tests found them printed
generically): every epoll_ctl op and an unknown one, events returned and none, failed
waits, unknown flags, garbage in the upper 32 bits of int arguments."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_PIPE = re.compile(r"pipe:\[\d+\]")
_TRACE = ("trace=epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2,flock,fallocate,"
          "pidfd_send_signal,pidfd_getfd")


def _pipes(text: str) -> str:
    """A new pipe inode per run."""
    return _PIPE.sub("pipe:[N]", text)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-yy"]])
def test_epoll_flock_pidfd(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_epoll_pidfd.c")
    args = [*opts, "-e", _TRACE]
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, _pipes))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "epoll_wait(" in want and "pidfd_getfd(" in want
    assert got == want
