"""Differential tests of -p (attach) and of detaching on SIGINT (engine/tracer.py),
against strace 6.1.

Each run happens in a fresh pid namespace whose init (below) starts the targets
(tests/syscalls/proc_attach_target.c: pid 2, 3, ...), waits until they are ready, starts
the tracer with -p, waits until every target task has a tracer, drives the targets one
step at a time, sends SIGINT to the tracer, lets the targets finish and reports every
exit status.  The targets append numbered lines to a file: after the tracer has gone,
the file must be complete and the exit status 7 (nothing lost, nothing harmed).
Traces are compared process by process as in test_follow.py.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

import harness
from differential.test_follow import (Split, VOLATILE_VERBOSE, compare_split, normalise,
                                      split_messages, split_trace, tool_name)

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

_INIT = r"""
import json, os, signal, sys, time
fd = int(sys.argv[1]); cfg = json.loads(sys.argv[2])
env = cfg["env"]
devnull = os.open("/dev/null", os.O_RDWR)

def start(argv, fds):
    pid = os.fork()
    if pid == 0:
        high = [os.dup2(f, 100 + i) for i, f in enumerate(fds)]
        for i, f in enumerate(high):
            os.dup2(f, 3 + i, inheritable=True)
        os.dup2(devnull, 0); os.dup2(devnull, 1)
        os.closerange(3 + len(fds), 1024)
        os.execve(argv[0], argv, env)
    return pid

targets = []
for argv in cfg["targets"]:
    r, w = os.pipe(); cr, cw = os.pipe()
    pid = start(argv, [w, cr])
    os.close(w); os.close(cr)
    assert os.read(r, 5) == b"ready"
    targets.append((pid, cw, argv[1]))
pids = [str(t[0]) for t in targets]
tracer_argv = [a.replace("{pids}", ",".join(pids)).replace("{pid0}", pids[0] if pids else "")
               for a in cfg["tracer"]]
tracer = os.fork()
if tracer == 0:
    for s in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
        signal.signal(s, signal.SIG_DFL)
    os.dup2(devnull, 0)
    os.execve(cfg["exe"], tracer_argv, env)

def traced(pid):
    try:
        tasks = os.listdir(f"/proc/{pid}/task") if cfg["all_tasks"] else [pid]
        for t in tasks:
            with open(f"/proc/{pid}/task/{t}/status") as f:
                if "TracerPid:\t0\n" in f.read():
                    return False
    except OSError:
        return True
    return True

def lines(path):
    with open(path) as f:
        return f.read().count("\n")

deadline = time.monotonic() + 20
while not all(traced(t[0]) for t in targets) and time.monotonic() < deadline:
    time.sleep(0.01)
time.sleep(cfg["settle"])
if cfg["mode"] == "step":
    for pid, cw, path in targets:
        os.write(cw, b"x")
        while lines(path) < 10 and time.monotonic() < deadline:
            time.sleep(0.01)
    time.sleep(cfg["settle"])
if cfg["interrupt"]:
    os.kill(tracer, signal.SIGINT)
    _, tstatus = os.waitpid(tracer, 0)
statuses = []
for pid, cw, path in targets:
    try:
        os.write(cw, b"x")
    except BrokenPipeError:   # "run" mode: it may have finished already
        pass
    statuses.append(os.waitpid(pid, 0)[1])
if not cfg["interrupt"]:
    _, tstatus = os.waitpid(tracer, 0)
os.write(fd, json.dumps({"tracer": tstatus, "targets": statuses}).encode())
"""


@dataclass
class AttachRun:
    tracer: str
    stderr: bytes
    out: bytes | None
    returncode: int          # the tracer's, as subprocess reports it
    targets: list[int]       # the targets' exit codes (negative: killed by signal)
    files: list[str]         # what each target wrote


def run_attach(tracer: list[str], args: list[str], targets: list[list[str]], tmp: Path,
               mode: str = "step", interrupt: bool = True, cmd: list[str] = ()) -> AttachRun:
    exe = harness.build(SYSCALLS / "proc_attach_target.c")
    files = []
    argvs = []
    for i, t in enumerate(targets):
        path = tmp / f"counter{i}"
        files.append(path)
        argvs.append([str(exe), str(path), mode, *t])
    out_path = tmp / "trace"
    out_path.unlink(missing_ok=True)
    args = [a.replace("{out}", str(out_path)) for a in args]
    cfg = {"env": dict(harness.DEFAULT_ENV), "targets": argvs, "mode": mode,
           "interrupt": interrupt, "settle": 0.4, "all_tasks": "-f" in args,
           "exe": harness._resolve(tracer[0]), "tracer": [*tracer, *args, *cmd]}
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child", "setarch", "-R",
         sys.executable, "-I", "-S", "-c", _INIT, str(w), json.dumps(cfg)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=tmp, pass_fds=(w,), env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    os.close(w)
    try:
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
        os.close(r)
        raise AssertionError(f"{tracer[0]} run timed out: {stderr!r}")
    report = os.read(r, 4096)
    os.close(r)
    assert report, f"the namespace init failed: {stderr.decode(errors='replace')}"
    rep = json.loads(report)
    out = out_path.read_bytes() if out_path.exists() else None
    return AttachRun(tracer[0], stderr, out, os.waitstatus_to_exitcode(rep["tracer"]),
                     [os.waitstatus_to_exitcode(s) for s in rep["targets"]],
                     [p.read_text() for p in files])


def both(args: list[str], targets: list[list[str]], tmp: Path, **kw) -> tuple[AttachRun, AttachRun]:
    s = run_attach(harness.strace_command(), args, targets, tmp / "s", **kw)
    p = run_attach(harness.pstrace_command(), args, targets, tmp / "p", **kw)
    return s, p


def split_run(r: AttachRun, first_pid: int = 2) -> Split:
    if r.out is not None:
        res = split_trace(normalise(r.out, VOLATILE_VERBOSE), first_pid, file_prefix=True)
        _, res.messages = split_messages(tool_name(r.stderr.decode()))
        return res
    return split_trace(normalise(r.stderr, VOLATILE_VERBOSE), first_pid)


def complete(text: str, n: int = 20) -> bool:
    return text == "".join(f"line {i}\n" for i in range(n))


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    for d in ("s", "p"):
        (tmp_path / d).mkdir()
    return tmp_path


# --- the tests ------------------------------------------------------------------------

@pytest.mark.parametrize("out", ["stderr", "-o"])
def test_attach_one_then_sigint(out: str, tmp: Path) -> None:
    args = ["-p", "{pids}"] + (["-o", "{out}"] if out == "-o" else [])
    s, p = both(args, [[]], tmp)
    compare_split(split_run(s), split_run(p))
    assert p.returncode == s.returncode
    assert p.targets == s.targets == [7]
    assert complete(p.files[0])
    msgs = split_run(p).messages
    assert msgs == Counter({"pstrace: Process 2 attached": 1, "pstrace: Process 2 detached": 1})


@pytest.mark.parametrize("args", [["-p", "{pids}"], ["-p", "2", "-p", "3"], ["-p", "2 3"],
                                  ["-p", "{pids}", "-o", "{out}"]])
def test_attach_two_then_sigint(args: list[str], tmp: Path) -> None:
    s, p = both(args, [[], []], tmp)
    compare_split(split_run(s), split_run(p))
    assert p.returncode == s.returncode
    assert p.targets == s.targets == [7, 7]
    assert all(complete(f) for f in p.files)


def test_attach_threads_follow(tmp: Path) -> None:
    """-p PID -f: every thread (from /proc/PID/task) is attached; all go on after the
    detach."""
    s, p = both(["-f", "-p", "{pids}"], [["2"]], tmp)
    compare_split(split_run(s), split_run(p), frozenset({"futex"}))
    assert "pstrace: Process 2 attached with 3 threads" in split_run(p).messages
    assert p.targets == s.targets == [7]
    assert p.files[0].startswith("line 0\n")
    assert p.files[0].endswith("thread 0\nthread 1\n")


def test_attach_without_follow_threads(tmp: Path) -> None:
    """-p PID without -f attaches the given thread only."""
    s, p = both(["-p", "{pids}"], [["2"]], tmp)
    compare_split(split_run(s), split_run(p), frozenset({"futex"}))
    assert p.targets == s.targets == [7]


@pytest.mark.parametrize("follow", [[], ["-f"]])
def test_sigint_while_running(follow: list[str], tmp: Path) -> None:
    """SIGINT at any moment of a busy target (writes and sleeps): the target goes on
    unharmed and nothing it writes is lost (pstrace only: the trace is timing)."""
    for _ in range(2):
        p = run_attach(harness.pstrace_command(), [*follow, "-p", "{pids}"], [[], ["1"]],
                       tmp / "p", mode="run")
        assert p.targets == [7, 7], p.stderr.decode()[-2000:]
        lines = "".join(f"line {i}\n" for i in range(2000))
        assert p.files[0] == lines and p.files[1] == lines + "thread 0\n"
        assert p.returncode == -2 or p.returncode == 130, p.returncode


@pytest.mark.parametrize("opts", [[], ["-f", "-e", "trace=read,write,execve"]])
def test_attach_with_command(opts: list[str], tmp: Path) -> None:
    """pstrace -p PID PROG: the command and the attached process are traced together;
    the tracer ends when both have ended (no SIGINT here).  With -f and -e trace= the
    command runs under the kernel filter, the attached process does not (strace's
    attach-f-p): its calls must still be seen."""
    s, p = both([*opts, "-p", "{pids}"], [[]], tmp, interrupt=False,
                cmd=["/bin/echo", "hi"])
    ss, sp = split_run(s), split_run(p)
    for sp_ in (ss, sp):   # the command's execve: its envp is in the tracer's memory
        for lines in sp_.procs.values():
            lines[:] = [harness.first_exec_envp(ln) for ln in lines]
    compare_split(ss, sp)
    assert p.returncode == s.returncode == 0
    assert p.targets == s.targets == [7]
    assert complete(p.files[0])


@pytest.mark.parametrize("args", [["-p", "99"], ["-p", "99", "-p", "98"], ["-q", "-p", "99"],
                                  ["-p", "99", "/bin/true"]])
def test_attach_missing_pid(args: list[str], tmp_path: Path) -> None:
    """A pid that does not exist: strace's message and exit status."""
    exp = harness.run_strace(args, [], cwd=tmp_path, timeout=20)
    assert not exp.timed_out, "strace kept running: the case cannot be compared"
    act = harness.run_pstrace(args, [], cwd=tmp_path, timeout=20)
    harness.compare(exp, act)
