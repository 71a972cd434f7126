"""Differential test of io_uring_setup and io_uring_enter (decoders/uring.py) against
strace 6.1 (strace's io_uring_setup and io_uring_enter tests found them printed
generically): tests/syscalls/fam_uring.c under default, -v, -X raw, -X verbose, -y."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_uring(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_uring.c")
    args = [*opts, "-e", "trace=io_uring_setup,io_uring_enter"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "sq_off={head=" in want and "io_uring_enter(" in want
    assert got == want
