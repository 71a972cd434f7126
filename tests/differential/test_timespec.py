"""timespec arguments with negative fractions, through the one shared timespec decoder
(clock_nanosleep, ppoll, rt_sigtimedwait): strace prints tv_nsec unsigned."""
from __future__ import annotations

from pathlib import Path

from harness import build, differential

PROG = Path(__file__).resolve().parent.parent / "syscalls" / "time_negative.c"


def test_negative_fraction_prints_unsigned() -> None:
    differential(["-e", "trace=clock_nanosleep,ppoll,rt_sigtimedwait"], [str(build(PROG))])
