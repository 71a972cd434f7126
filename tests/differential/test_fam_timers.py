"""Differential test of POSIX timers and timerfd (decoders/timers.py) against strace 6.1
(strace's timer_create, timer_xettime and timerfd_xettime tests found them printed
generically): every sigev_notify kind and an unknown one, relative and absolute
settings, unknown flags, bad pointers, garbage in the upper 32 bits of int arguments."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_LEFT = re.compile(r"(_gettime\(.*it_value=\{tv_sec=)\d+, tv_nsec=\d+")
_TRACE = ("trace=timer_create,timer_settime,timer_gettime,timer_getoverrun,timer_delete,"
          "timerfd_create,timerfd_settime,timerfd_gettime")


def _left(text: str) -> str:
    """How much of a timer is left when it is read varies."""
    return _LEFT.sub(r"\1N, tv_nsec=N", text)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_timers(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_timers.c")
    args = [*opts, "-e", _TRACE]
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, _left))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "sigev_notify_thread_id=" in want and "timerfd_gettime(" in want
    assert got == want
