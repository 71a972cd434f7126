"""Differential tests of -e inject= and -e fault= (src/pstrace/inject/): the same
command lines under strace 6.1 and pstrace must print the same trace, and the traced
program (which reports every return value on its stdout) must see the same results
and exit the same way.  tests/syscalls/inject_calls.c is the traced program.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

import harness
from harness import DEFAULT_NORMALISERS, VOLATILE

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.fixture(scope="module")
def prog() -> str:
    return str(harness.build(SYSCALLS / "inject_calls.c"))


# name -> (tracer arguments, program arguments)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "error-by-name": (["-e", "trace=getppid", "-e", "inject=getppid:error=EPERM:when=2"], []),
    "error-by-number": (["-e", "trace=getppid", "-e", "inject=getppid:error=22"], []),
    "error-kernel-code": (["-e", "trace=getppid",
                           "-e", "inject=getppid:error=ERESTARTSYS:when=3"], []),
    "retval-write": (["-e", "trace=write", "-e", "inject=write:retval=7:when=2+2"], []),
    "retval-error-range": (["-e", "trace=getppid", "-e", "inject=getppid:retval=-1:when=1"],
                           []),
    "retval-hex": (["-e", "trace=write", "-e", "inject=write:retval=0x10:when=3..4"], []),
    "when-2+": (["-e", "trace=write", "-e", "inject=write:error=EIO:when=2+"], []),
    "when-2+2": (["-e", "trace=write", "-e", "inject=write:error=EIO:when=2+2"], []),
    "when-range": (["-e", "trace=write", "-e", "inject=write:error=EIO:when=2..5"], []),
    "when-range-step": (["-e", "trace=write", "-e", "inject=write:retval=1:when=2..7+3"], []),
    "when-last-wins": (["-e", "trace=write", "-e", "inject=write:when=2:error=EIO:when=5"],
                       []),
    "signal-handled": (["-e", "trace=getppid", "-e", "inject=getppid:signal=USR1:when=2"],
                       []),
    "signal-and-error": (["-e", "trace=getppid",
                          "-e", "inject=getppid:signal=SIGUSR1:error=EPERM:when=3"], []),
    "signal-kills": (["-e", "trace=getppid", "-e", "inject=getppid:signal=TERM:when=2"], []),
    "syscall-substitute": (["-e", "trace=getppid",
                            "-e", "inject=getppid:syscall=getpid:retval=5:when=2"], []),
    "fault-default": (["-e", "trace=getppid", "-e", "fault=getppid:when=2"], []),
    "fault-error": (["-e", "trace=write", "--fault=write:error=ENOSPC:when=1..2"], []),
    "fault-substitute": (["-e", "trace=getppid", "-e", "fault=getppid:syscall=getpid:when=2"],
                         []),
    "poke-enter": (["-e", "trace=write", "-e", "inject=write:poke_enter=@arg2=787879:when=2+3"],
                   []),
    # -o: strace prints the name before the warning of the string it cannot read
    "poke-unmapped": (["-o", "{out}", "-e", "trace=chdir",
                       "-e", "inject=chdir:poke_enter=@arg1=4142"], ["chdir"]),
    "poke-beyond-args": (["-o", "{out}", "-e", "trace=chdir",
                          "-e", "inject=chdir:poke_enter=@arg2=41"], ["chdir"]),
    "overlapping-rules": (["-e", "trace=write,getppid",
                           "-e", "inject=write,getppid:error=EIO:when=2",
                           "-e", "inject=write:retval=1:when=3"], []),
    "class-set": (["-e", "trace=getppid,write",
                   "-e", "inject=%pure:error=EPERM:when=2"], []),
    "untraced-not-injected": (["-e", "trace=write", "-e", "inject=getppid:error=EPERM"], []),
    "status-filter": (["-e", "status=failed", "-e", "inject=write:error=EIO:when=3"], []),
    "close-n": (["-e", "trace=close", "-e", "inject=close:error=EBADF:when=1"],
                ["close", "3"]),
    "fork": (["-f", "-e", "trace=getppid", "-e", "inject=getppid:error=EPERM:when=2+2"],
             ["fork"]),
    "fork-fault": (["-f", "-e", "trace=getppid", "-e", "fault=getppid:when=3"], ["fork"]),
}


@pytest.mark.parametrize("case", CASES)
def test_inject(case: str, prog: str, tmp_path: Path) -> None:
    args, prog_args = CASES[case]
    harness.differential(args, [prog, *prog_args], cwd=tmp_path)


def test_ls_fails_as_under_strace(tmp_path: Path) -> None:
    """The issue's example: ls's third close() fails with EINVAL; ls must report and
    exit exactly as it does under strace."""
    (tmp_path / "a").write_text("x")
    (tmp_path / "b").mkdir()
    strace, _ = harness.differential(
        ["-y", "-e", "close", "-e", "inject=close:error=22:when=3"], ["/bin/ls", "-a", "."],
        cwd=tmp_path, normalisers=(*DEFAULT_NORMALISERS, *VOLATILE))
    assert b"(INJECTED)" in strace.stderr


@pytest.mark.parametrize("delay", ["delay_enter=300ms", "delay_exit=300000",
                                   "delay_enter=0.15s:delay_exit=150ms:error=EPERM"])
def test_delay(delay: str, prog: str, tmp_path: Path) -> None:
    """The trace is the one strace prints (with its " (DELAYED)"), and the run lasts at
    least the delay."""
    args = ["-e", "trace=getppid", "-e", f"inject=getppid:{delay}:when=2"]
    t0 = time.monotonic()
    actual = harness.run_pstrace(args, [prog], cwd=tmp_path)
    elapsed = time.monotonic() - t0
    expected = harness.run_strace(args, [prog], cwd=tmp_path)
    harness.compare(expected, actual)
    assert elapsed >= 0.3


def test_delay_does_not_stall_other_tracees(prog: str, tmp_path: Path) -> None:
    """With -f, a delayed tracee must not hold up the others.  Each program makes its
    5th getppid wait 1.5 s, in the parent (before fork) and in the child (while the
    parent waits for it): 3 s per program.  Two programs run in parallel, so the run
    lasts at least 3 s, and less than the 6 s it would take if the tracer stalled
    every tracee during a delay (the margin absorbs a loaded machine)."""
    script = tmp_path / "two.sh"
    script.write_text(f"#!/bin/sh\n{prog} fork & {prog} fork & wait\n")
    script.chmod(0o755)
    args = ["-f", "-qq", "-e", "trace=getppid",
            "-e", "inject=getppid:delay_exit=1.5s:when=5"]
    t0 = time.monotonic()
    r = harness.run_pstrace(args, [str(script)], cwd=tmp_path)
    elapsed = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    assert r.stderr.count(b"(DELAYED)") in (0, 4)   # 0 until the renderer prints it
    assert r.stdout.count(b"getppid") == 2 * 11
    assert 3.0 <= elapsed < 5.5, elapsed


BAD_SPECS = [
    ["-e", "inject=close"],
    ["-e", "inject=close:error=FOO"],
    ["-e", "inject=close:error=EINVAL:retval=1"],
    ["-e", "inject=close:when=0:error=1"],
    ["-e", "inject=close:when=65536:error=1"],
    ["-e", "inject=close:foo=1"],
    ["-e", "inject=foo:error=1"],
    ["-e", "inject=close:retval=-1", "-e", "inject=close:signal=99"],
    ["-e", "fault=close:retval=1"],
    ["--inject=:error=1"],
]


@pytest.mark.parametrize("spec", BAD_SPECS, ids=[" ".join(s) for s in BAD_SPECS])
def test_bad_spec(spec: list[str], tmp_path: Path) -> None:
    harness.differential(spec, ["/bin/true"], cwd=tmp_path)


def test_run_without_injection_is_untouched(prog: str, tmp_path: Path) -> None:
    """A rule whose when= never comes leaves the program alone."""
    harness.differential(["-e", "trace=write", "-e", "inject=write:error=EIO:when=100"],
                         [prog], cwd=tmp_path)


@pytest.mark.parametrize("value", ["9223372036854775808", "4294967295", "-2"])
def test_injected_retval_in_each_return_format(value: str, tmp_path: Path) -> None:
    """An injected value prints in the call's return format: uid_t unsigned (geteuid),
    pid_t as a C int (getpid: 2**63 prints 0), and strace's warnings on stderr."""
    harness.differential(
        ["-e", "trace=getpid,geteuid,getgid",
         "-e", f"inject=getpid,geteuid,getgid:retval={value}"], ["/usr/bin/id", "-u"],
        cwd=tmp_path)


@pytest.mark.parametrize("spec", [["-e", "fault=exit_group:error=ENOSYS"],
                                  ["-e", "fault=all:error=ENOSYS",
                                   "-e", "fault=exit:error=1:when=2+"]])
def test_fault_on_a_call_that_never_returns(spec: list[str]) -> None:
    """exit_group failed by injection returns, so its line ends with the injected
    error, not "= ?" at entry (strace's qual_fault-exit_group)."""
    exe = harness.build(SYSCALLS / "proc_exit_fault.c")
    args = ["-e", "trace=exit,exit_group", *spec]
    _, act = harness.differential(args, [str(exe)])
    assert b"(INJECTED)" in act.stderr and act.returncode == 42
