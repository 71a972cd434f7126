"""-n on --- signal --- and +++ exit +++ lines under -e trace=: strace prints the number
of the tracee's last syscall, traced or not."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import build, differential

PROG = Path(__file__).resolve().parent.parent / "syscalls" / "sig_number_prefix.c"


@pytest.mark.parametrize("args", [["-n", "-e", "trace=write"], ["-n"],
                                  ["-n", "-i", "-e", "trace=write"]])
def test_number_prefix_on_event_lines(args: list[str]) -> None:
    differential(args, [str(build(PROG))])
