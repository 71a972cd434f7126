"""Process options against strace 6.1 (tests/harness.py, fresh pid namespaces):
-E VAR=VAL / -E VAR, -u USER (strace 6.1 takes no numeric UID:GID), -b execve, -D/-DD/-DDD,
-I N: the trace, the program's own output (its environment, ids, pid and parent) and
the exit status."""
from __future__ import annotations

from pathlib import Path

import pytest

import harness
from differential.test_follow import compare_split, run_both, trace_of

ENV_TRACE = ["-v", "-e", "trace=execve"]


@pytest.mark.parametrize("changes", [
    ["-E", "ONE=1", "-E", "TWO=2"],                   # appended, in order
    ["-E", "HOME=/elsewhere"],                        # replaced in place
    ["-E", "LANG", "-E", "NOPE"],                     # removed; unknown: no-op
    ["-E", "X=1", "-E", "X=2", "-E", "TERM", "-E", "X"],
    ["-E", "EMPTY=", "-E", "A=b=c"],
    ["-E", "PATH=/nowhere"],   # the command is still found in the tracer's own PATH
])
def test_env(changes: list[str], tmp_path: Path) -> None:
    exp, act = harness.differential([*ENV_TRACE, *changes], ["env"], cwd=tmp_path)
    assert act.stdout == exp.stdout


@pytest.mark.parametrize("follow", [[], ["-f"]])
@pytest.mark.parametrize("user", ["nobody", "root", "65534:65534", "no-such-user", "1"])
def test_user(user: str, follow: list[str], tmp_path: Path) -> None:
    """-u: with a trace set the default seccomp filter is installed too, before the
    command gives up root's CAP_SYS_ADMIN (which installing it needs)."""
    tmp_path.chmod(0o755)
    harness.differential([*follow, "-u", user, "-e", "trace=execve,getuid,getgid,getgroups"],
                         ["/usr/bin/id"], cwd=tmp_path)


def test_detach_on_execve(tmp_path: Path) -> None:
    """-b execve: the child is left at its execve; the command's own first execve is
    not a reason to detach.  Whether the child's execve line is still open (" <detached
    ...>") or was cut by the parent's line ("<unfinished ...>") is timing: both count."""
    exe = harness.build(Path(__file__).resolve().parent.parent / "syscalls" /
                        "proc_tree_forkexec.c")
    args = ["-f", "-b", "execve", "-e", "trace=execve,wait4,exit_group", "-o", "{out}"]
    exp, act = run_both(args, [str(exe)], cwd=tmp_path)
    splits = []
    for r in (exp, act):
        sp = trace_of(r)
        for lines in sp.procs.values():
            lines[:] = [ln.replace(" <detached ...>", " <unfinished ...>") for ln in lines]
        splits.append(sp)
    compare_split(*splits)
    assert splits[1].procs[6][-1].startswith('execve("/bin/echo"')
    assert exp.stdout == act.stdout == b"hello world\n"
    assert exp.returncode == act.returncode == 0


@pytest.mark.parametrize("level", ["-I1", "-I2", "-I3", "-I4"])
def test_interruptible(level: str, tmp_path: Path) -> None:
    harness.differential([level, "-e", "trace=execve"], ["/bin/true"], cwd=tmp_path)


@pytest.mark.parametrize("d", ["-D", "-DD", "-DDD"])
def test_daemonize(d: str, tmp_path: Path) -> None:
    """-D: the tracee keeps the original pid (pid 2 here, its parent the namespace's init)
    and the tracer runs as a detached descendant."""
    harness.differential([d, "-e", "trace=execve,exit_group"],
                         ["/bin/sh", "-c", "echo $$ $PPID"], cwd=tmp_path)
