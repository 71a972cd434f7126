"""Differential tests of what can go wrong around a tracee: processes killed inside a
system call (their line, pstrace's exit status), against strace 6.1."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

KILLED = {
    "self": ["-e", "trace=kill,pause,read,exit_group"],
    "pause": ["-f", "-e", "trace=kill,pause,read,wait4,exit_group"],
    "read": ["-f", "-e", "trace=kill,pause,read,wait4,exit_group"],
    "thread": ["-f", "-e", "trace=pause,exit_group"],
}


@pytest.mark.parametrize("mode", list(KILLED))
def test_killed_inside_a_call(mode: str) -> None:
    """kill(P, SIGKILL) = ? (decoded at entry: no "<unfinished ...>"), read(0,
    <unfinished ...>) = ? (more to print at exit), and pstrace dies of the tracee's
    SIGKILL as strace does (exit status 137 from a shell)."""
    exe = build(SYSCALLS / "proc_killed.c", ["-pthread"])
    expected = run_strace(KILLED[mode], [str(exe), mode])
    actual = run_pstrace(KILLED[mode], [str(exe), mode])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert actual.returncode == expected.returncode
    if mode == "self":
        assert expected.returncode == -9
