"""Differential test of adjtimex/clock_adjtime (decoders/time.py): struct timex, the
ADJ_*/STA_* flags and the TIME_* state, against strace 6.1 (strace's trace_clock and
clock tests found them printed generically)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_NOW = re.compile(r"time=\{tv_sec=\d+, tv_usec=\d+\}")


def _now(text: str) -> str:
    """The kernel clock's time of day is read anew by each run."""
    return _NOW.sub("time={N}", text)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"]])
def test_adjtimex(opts: list[str]) -> None:
    exe = build(SYSCALLS / "misc_adjtimex.c")
    args = [*opts, "-e", "trace=adjtimex,clock_adjtime"]
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, _now))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "status=" in want or "0x" in want
    assert got == want


@pytest.mark.parametrize("opts", [[], ["-X", "verbose"]])
def test_settimeofday(opts: list[str]) -> None:
    """settimeofday's timeval and timezone (strace's trace_clock printed them as
    addresses); every call of the program fails or changes nothing."""
    exe = build(SYSCALLS / "misc_settimeofday.c")
    args = [*opts, "-e", "trace=settimeofday"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "tz_minuteswest=0" in want
    assert got == want


_REM = re.compile(r"(\}, \{tv_sec=)\d+, tv_nsec=\d+(\}\) += \? ERESTART)")


def test_interrupted_sleep_remainder() -> None:
    """The remaining time of an interrupted relative sleep (strace's clock test)."""
    exe = build(SYSCALLS / "misc_sleep_interrupted.c")
    args = ["-e", "trace=clock_nanosleep,restart_syscall"]

    def rem(text: str) -> str:   # how much of the sleep was left varies
        return _REM.sub(r"\1N, tv_nsec=N\2", text)
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, rem))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "{tv_sec=N, tv_nsec=N}) = ? ERESTART_RESTARTBLOCK" in want
    assert got == want
