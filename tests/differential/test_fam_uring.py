"""Differential test of io_uring_setup, io_uring_enter (decoders/uring.py) and
io_uring_register (decoders/uring_register.py) against
strace 6.1 (strace's io_uring_setup and io_uring_enter tests found them printed
generically): tests/syscalls/fam_uring.c under default, -v, -X raw, -X verbose, -y."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_uring(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_uring.c")
    args = [*opts, "-e", "trace=io_uring_setup,io_uring_enter"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "sq_off={head=" in want and "io_uring_enter(" in want
    assert got == want


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_uring_register(opts: list[str]) -> None:
    """io_uring_register (decoders/uring_register.py): every opcode on a real ring, with
    the probe and worker counts the kernel writes back, short and oversized structs,
    unmapped and half-mapped arrays (with strace's "umoven: short read" warnings on
    stderr, the trace going to -o)."""
    exe = build(SYSCALLS / "fam_uring_register.c")
    args = [*opts, "-e", "trace=io_uring_register", "-o", "{out}"]
    expected, actual = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert normalise(actual.stderr, DEFAULT_NORMALISERS) == \
        normalise(expected.stderr, DEFAULT_NORMALISERS)
    assert b"umoven: short read" in expected.stderr
    trace = normalise(expected.trace, DEFAULT_NORMALISERS)
    assert trace.count("io_uring_register(") == 75
    assert ", {last_op=" in trace and "] => [" in trace   # the probe, the worker counts
