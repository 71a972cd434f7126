"""Differential test of ptrace(2) (decoders/ptrace.py, ptrace_regs.py) against strace
6.1 (strace's ptrace, ptrace-y and ptrace_syscall_info tests found it printed
generically): requests on a stopped child of the program and on a missing pid, register
sets of every size, syscall info at a signal stop, a syscall entry and exit."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_ptrace(opts: list[str]) -> None:
    exe = build(SYSCALLS / "proc_ptrace.c")
    args = [*opts, "-e", "trace=ptrace", "-e", "signal=none"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "r15=" in want and "cwd=" in want and "exit={rval=" in want
    assert got == want
