"""Load under -f against strace 6.1 (issue #13): 1,000 short-lived processes one after
the other, 200 children alive at once, 200 threads making 50 calls each.  No event may
be lost: the number of lines of each system call and of "+++ exited" lines equal
strace's (the order of concurrent processes' lines is the scheduler's)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
# after the pid (-o FILE with -f): a call's first line ("name(", not "<... name resumed>"),
# and exits
LINE = re.compile(r"^(?:\d+ +)?(?:([a-z_0-9]+)\(|(\+\+\+ exited with \d+) \+\+\+)",
                  re.M)
TRACE = "trace=fork,vfork,clone,clone3,getppid,read,wait4,exit,exit_group"


def _counts(trace: bytes) -> Counter[str]:
    return Counter(m[0] or m[1] for m in LINE.findall(trace.decode()))


@pytest.mark.slow
@pytest.mark.parametrize("load", [["serial", "1000"], ["spread", "200"],
                                  ["threads", "200", "50"]])
def test_follow_under_load(load: list[str]) -> None:
    exe = build(SYSCALLS / "proc_load.c", ["-pthread"])
    args = ["-f", "-e", TRACE, "-o", "{out}"]
    expected = run_strace(args, [str(exe), *load], timeout=240)
    actual = run_pstrace(args, [str(exe), *load], timeout=240)
    assert actual.returncode == expected.returncode == 0
    assert not actual.timed_out
    want, got = _counts(expected.out or b""), _counts(actual.out or b"")
    n = int(load[1])
    assert want["+++ exited with 0"] == n + 1
    calls = n * int(load[2]) if load[0] == "threads" else n
    assert want["getppid"] == calls
    assert got == want
