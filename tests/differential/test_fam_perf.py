"""Differential test of perf_event_open (decoders/perf.py) against strace 6.1 (strace's
perf_event_open tests found it printed generically): NULL and bad pointers, every size
class (below VER0, zero, each published size, between them, larger than known, E2BIG),
every event type and an unknown one, hardware and cache configs, sample_freq, clockid,
breakpoints, branch stacks, reserved bits, unknown flags, garbage in the upper 32 bits
of pid, cpu and group_fd, a counter that opens; -e verbose=none prints addresses."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-e", "verbose=none"],
                                  ["-v", "-X", "raw"], ["-v", "-X", "verbose"]])
def test_perf_event_open(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_perf.c")
    args = [*opts, "-e", "trace=perf_event_open"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert want.count("perf_event_open(") > 100 and "= 3" in want
    assert got == want
