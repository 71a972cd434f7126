"""The seccomp-bpf filter: strace's --seccomp-bpf, and pstrace's default use of it
(with -f and a trace set, where it cannot change what is printed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import (
    DEFAULT_ENV,
    DEFAULT_NORMALISERS,
    build,
    compare,
    normalise,
    run_pstrace,
    run_strace,
)

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
TRACE = "-e trace=openat,close,write,exit_group"


@pytest.fixture(scope="module")
def prog() -> str:
    return str(build(SYSCALLS / "seccomp_mode.c"))


@pytest.mark.parametrize("extra", [[], ["--seccomp-bpf"]])
def test_filtered_trace_matches_strace(prog: str, extra: list[str]) -> None:
    """-f with a trace set: pstrace (filter on by default) prints what strace prints
    without a filter and with --seccomp-bpf."""
    args = ["-f", "-o", "{out}", *TRACE.split(), *extra]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    # The tracee can see the filter in /proc/self/status: the one visible difference
    # of the default filter (documented), so the mode line is checked on its own.
    assert b"Seccomp:\t2" in actual.stdout      # the filter really was in place
    assert (b"Seccomp:\t2" if extra else b"Seccomp:\t0") in expected.stdout
    assert actual.out == expected.out            # the trace itself is identical
    assert actual.stderr == expected.stderr == b""
    assert expected.returncode == actual.returncode == 3


def test_no_filter_without_follow_forks(prog: str) -> None:
    """Without -f a forked child would inherit the filter untraced: no filter then."""
    args = ["-o", "{out}", *TRACE.split()]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    compare(expected, actual)
    assert b"Seccomp:\t0" in actual.stdout


def test_default_can_be_turned_off(prog: str) -> None:
    env = dict(DEFAULT_ENV, PSTRACE_SECCOMP="0")
    args = ["-f", "-o", "{out}", *TRACE.split()]
    actual = run_pstrace(args, [prog], env=env)
    assert b"Seccomp:\t0" in actual.stdout
    compare(run_strace(args, [prog], env=env), actual)


def test_seccomp_bpf_without_f_warns_like_strace(prog: str) -> None:
    args = ["--seccomp-bpf", "-o", "{out}", *TRACE.split()]
    compare(run_strace(args, [prog]), run_pstrace(args, [prog]))


@pytest.mark.parametrize("args", [
    ["-f", "-e", "trace=openat"], ["-f", "-e", "trace=clone,clone3,close"],
    ["-f", "-e", "trace=openat,clone,clone3"]])
def test_untraced_children_keep_working(args: list[str]) -> None:
    """clone(CLONE_UNTRACED) and clone3 with it, under the filter (-f): the children,
    which strace -f does not follow, still make their filtered calls (pstrace follows
    them unseen, untraced.py), the flags the parent passed (clone's rdi, clone3's struct)
    and the child's rdi are what they were, and the trace is strace's."""
    prog = str(build(SYSCALLS / "seccomp_untraced.c"))
    expected = run_strace(["-o", "{out}", *args], [prog])   # strace without a filter
    actual = run_pstrace(["-o", "{out}", *args], [prog])
    assert b"FAILED" not in expected.stdout and expected.stdout.count(b" ok\n") == 6
    assert actual.stdout == expected.stdout
    assert normalise(actual.out or b"", DEFAULT_NORMALISERS) == \
        normalise(expected.out or b"", DEFAULT_NORMALISERS)
    assert actual.returncode == expected.returncode == 0
