"""The seccomp-bpf filter: strace's --seccomp-bpf, and pstrace's default use of it
(with a trace set, where it cannot change what is printed; without -f the children
follow unseen)."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from harness import (DEFAULT_ENV, DEFAULT_NORMALISERS, build, compare, normalise,
                     pstrace_command, run_pstrace, run_strace)

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


def test_filter_without_follow_forks(prog: str) -> None:
    """Without -f the filter is on too: the forked child inherits it and is followed
    unseen, so its traced calls work and nothing of it is printed."""
    args = ["-o", "{out}", *TRACE.split()]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    assert b"Seccomp:\t2" in actual.stdout and b"Seccomp:\t0" in expected.stdout
    assert actual.out == expected.out
    assert actual.stderr == expected.stderr == b""
    assert actual.stdout.replace(b"Seccomp:\t2", b"Seccomp:\t0") == expected.stdout
    assert expected.returncode == actual.returncode == 3


@pytest.mark.parametrize("extra", [[], ["-e", "trace=write,getpid"], ["-qq"]])
def test_tree_without_follow_forks(extra: list[str]) -> None:
    """A child and a grandchild under the inherited filter, without -f: their traced and
    untraced calls all work (they say so on stdout), a group-stop of the child works,
    and the trace is strace's line for line."""
    prog = str(build(SYSCALLS / "seccomp_tree.c"))
    args = ["-o", "{out}", *TRACE.split(), *extra]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    assert b"Seccomp:\t2" in actual.stdout       # the filter really was in place
    assert actual.stdout.replace(b"Seccomp:\t2", b"Seccomp:\t0") == expected.stdout
    for who in (b"grandchild ok", b"child ok", b"child continued ok", b"parent ok"):
        assert who in actual.stdout
    assert actual.out == expected.out
    assert actual.stderr == expected.stderr
    assert expected.returncode == actual.returncode == 3


def test_default_can_be_turned_off(prog: str) -> None:
    env = dict(DEFAULT_ENV, PSTRACE_SECCOMP="0")
    args = ["-f", "-o", "{out}", *TRACE.split()]
    actual = run_pstrace(args, [prog], env=env)
    assert b"Seccomp:\t0" in actual.stdout
    compare(run_strace(args, [prog], env=env), actual)


def test_seccomp_bpf_without_f_warns_like_strace(prog: str) -> None:
    """strace disables --seccomp-bpf without -f, with a warning; pstrace says the same,
    then uses its default filter (its children handed over, engine.handoff)."""
    args = ["--seccomp-bpf", "-o", "{out}", *TRACE.split()]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    assert b"disabling" in expected.stderr
    assert actual.stderr.replace(b"pstrace", b"strace") == expected.stderr
    assert b"Seccomp:\t2" in actual.stdout
    assert actual.stdout.replace(b"Seccomp:\t2", b"Seccomp:\t0") == expected.stdout
    assert actual.out == expected.out
    assert expected.returncode == actual.returncode


@pytest.mark.parametrize("args", [
    ["-e", "trace=openat"], ["-e", "trace=openat,clone,clone3"],
    ["-f", "-e", "trace=openat"], ["-f", "-e", "trace=clone,clone3,close"]])
def test_untraced_children_keep_working(args: list[str]) -> None:
    """clone(CLONE_UNTRACED) and clone3 with it, under the default filter: the children
    (which no tracer follows, with -f or without) still make their filtered calls, and
    the flags the parent passed (clone's rdi, clone3's struct) and the child's rdi are
    what they were; the trace is strace's."""
    prog = str(build(SYSCALLS / "seccomp_untraced.c"))
    expected = run_strace(["-o", "{out}", *args], [prog])
    actual = run_pstrace(["-o", "{out}", *args], [prog])
    assert b"FAILED" not in expected.stdout and expected.stdout.count(b" ok\n") == 6
    assert actual.stdout == expected.stdout
    assert normalise(actual.out or b"", DEFAULT_NORMALISERS) == \
        normalise(expected.out or b"", DEFAULT_NORMALISERS)
    assert actual.returncode == expected.returncode == 0


# (the parent's SIGCHLDs are left out: when each comes, before or after the wait4 that
# takes it, differs from run to run; and the thread's clone3, whose parent_tid reads 0
# or the thread's id depending on whether the thread has ended by then)
@pytest.mark.parametrize("args", [["-e", "trace=openat,close,wait4"],
                                  ["-e", "trace=ptrace,openat"],
                                  ["-e", "trace=execve,clone,wait4,kill,exit_group", "-qq"]])
def test_child_traced_by_its_parent_without_f(args: list[str]) -> None:
    """Without -f, the command's children and threads are handed over (engine.handoff):
    nobody traces them, so a child can be traced by its parent (PTRACE_TRACEME, then
    PTRACE_SYSCALL through its calls); their filtered calls still work; the trace is
    strace's."""
    prog = str(build(SYSCALLS / "seccomp_handoff.c", ["-pthread"]))
    args = ["-o", "{out}", "-e", "signal=none", *args]
    expected = run_strace(args, [prog])
    actual = run_pstrace(args, [prog])
    assert b"thread ok\nchild stopped\ntraced by its parent\n" in expected.stdout
    assert b"syscall stops, child ok\n" in expected.stdout
    assert actual.stdout == expected.stdout
    assert normalise(actual.out or b"", DEFAULT_NORMALISERS) == \
        normalise(expected.out or b"", DEFAULT_NORMALISERS)
    assert actual.stderr == expected.stderr
    assert expected.returncode == actual.returncode == 0


def _wait_for(what: object, seconds: float = 60) -> None:
    """Poll until what() is true (a wait for another process, not a time limit on it)."""
    end = time.monotonic() + seconds
    while not what():   # type: ignore[operator]
        assert time.monotonic() < end, "gave up waiting"
        time.sleep(0.05)


def test_background_child_outlives_pstrace(tmp_path: Path) -> None:
    """pstrace ends with the command, as strace does, while a child the command left
    behind (handed over, engine.handoff) still runs: that child's calls of the trace set
    still work afterwards (a keeper answers them), and the keeper ends with the child."""
    go, out = tmp_path / "go", tmp_path / "out"
    os.mkfifo(go)
    script = (f"(read x < {go}; cat /etc/hostname > {out} && echo ok >> {out}) "
              ">/dev/null 2>&1 & echo started")
    p = subprocess.run([*pstrace_command(), "-qq", "-e", "trace=openat", "-o", os.devnull,
                        "sh", "-c", script], capture_output=True, timeout=120)
    assert (p.returncode, p.stdout, p.stderr) == (0, b"started\n", b"")
    assert not out.exists()       # the child still waits: pstrace did not wait for it
    go.write_text("go\n")
    _wait_for(lambda: out.exists() and out.read_bytes().endswith(b"ok\n"))
    assert out.read_bytes() == Path("/etc/hostname").read_bytes() + b"ok\n"

    def keeper_gone() -> bool:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if str(go).encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return False
            except OSError:
                pass
        return True
    _wait_for(keeper_gone)


def test_pstrace_under_pstrace_without_f(tmp_path: Path) -> None:
    """pstrace traced by pstrace, neither with -f: the outer hands the inner's command
    over, and its notifying filter answers the calls both filters stop (execve) before
    the inner's filter can: the inner still shows its command's calls, as strace
    shows them, and the outer sees the inner's memory reads."""
    outer_log = tmp_path / "outer"
    cmd = ["ls", "-d", "/", "/etc"]
    want = subprocess.run(["strace", "-qq", "-e", "trace=openat,statx,newfstatat,lstat",
                           *cmd], capture_output=True, timeout=60)
    got = subprocess.run([*pstrace_command(), "-qq", "-e", "trace=process_vm_readv", "-o",
                          str(outer_log), *pstrace_command(), "-qq", "-e",
                          "trace=openat,statx,newfstatat,lstat", *cmd],
                         capture_output=True, timeout=120)
    assert (got.returncode, got.stdout) == (want.returncode, want.stdout) == (0, b"/\n/etc\n")
    assert got.stderr == want.stderr and b"/etc" in got.stderr
    assert outer_log.read_bytes().count(b"process_vm_readv(") >= 1
