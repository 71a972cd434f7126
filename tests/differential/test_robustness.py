"""Differential tests of what can go wrong around a tracee, against strace 6.1: processes
killed inside a system call (their line, pstrace's exit status), a clone(CLONE_PTRACE)
child nobody follows, signals to the tracer and the fate of the command it launched."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from harness import (DEFAULT_NORMALISERS, build, compare, normalise, pstrace_command,
                     run_pstrace, run_strace)

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


@pytest.mark.parametrize("args", [[], ["-q"]])
def test_clone_ptrace_child_is_let_go(args: list[str]) -> None:
    """clone(CLONE_PTRACE) without -f: the unknown child is detached (with strace's
    message unless -q), nothing hangs.  (With -f it is an ordinary traced child; when
    the "[pid N]" prefixes start then races in strace too.)"""
    exe = build(SYSCALLS / "proc_clone_ptrace.c")
    trace = [*args, "-e", "trace=clone,wait4"]
    expected = run_strace(trace, [str(exe)], timeout=30)
    actual = run_pstrace(trace, [str(exe)], timeout=30)
    assert not actual.timed_out
    # the message comes when the child's stop is seen: before or after clone's exit
    message = re.compile(r"strace: Detached unknown pid \d+\n")
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS).replace("pstrace: ", "strace: ")
                 for r in (expected, actual))   # messages land mid-line too
    assert len(message.findall(got)) == len(message.findall(want)) == (args == [])
    assert message.sub("", got) == message.sub("", want)
    assert actual.returncode == expected.returncode == 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _fate(tracer: list[str], signo: int) -> tuple[int, bool]:
    """Run `tracer sleep 30` (trace on stderr), send the tracer `signo` once the command
    runs; (the tracer's exit status, whether the command outlived it)."""
    proc = subprocess.Popen([*tracer, "sleep", "30"], stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    kids: list[int] = []
    while time.monotonic() < deadline:
        kids = [k for k in _children(proc.pid) if _comm(k) == "sleep"]
        if kids:
            break
        time.sleep(0.02)
    assert kids, "the command did not start"
    time.sleep(0.2)
    proc.send_signal(signo)
    status = proc.wait(timeout=10)
    time.sleep(0.1)
    alive = _alive(kids[0])
    if alive:
        os.kill(kids[0], signal.SIGKILL)
    return status, alive


def _comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return ""


@pytest.mark.parametrize("signo", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
                                   signal.SIGKILL])
def test_tracer_signals_and_the_launched_command(signo: int) -> None:
    """strace 6.1 kills the command it launched with the signal that ends it (SIGTERM,
    SIGHUP, SIGQUIT) and leaves it running when it is itself killed by SIGKILL (no
    PTRACE_O_EXITKILL); pstrace's exit status and the command's fate are the same."""
    want = _fate(["strace"], signo)
    got = _fate([*pstrace_command()], signo)
    assert got == want


def test_write_errors_are_reported_and_tracing_goes_on() -> None:
    """-o /dev/full: strace reports "strace: /dev/full: No space left on device" for
    every line it could not write, traces the command to its end and returns its
    status; so does pstrace.  With -c the table is lost silently (strace 6.1)."""
    for args in (["-o", "/dev/full"], ["-c", "-o", "/dev/full"]):
        expected = run_strace(args, ["sh", "-c", "exit 3"])
        actual = run_pstrace(args, ["sh", "-c", "exit 3"])
        want, got = (normalise(r.stderr, DEFAULT_NORMALISERS) for r in (expected, actual))
        assert got == want
        assert ("No space left on device" in want) == ("-c" not in args)
        assert actual.returncode == expected.returncode == 3


def test_pipe_command_that_quits_early() -> None:
    """-o '|head -1': the lines after head quits are reported as broken-pipe writes
    (how many depends on when head exits), the command runs to its end.  The command
    sleeps after its first calls so that head has quit before the next lines come."""
    cmd = ["sh", "-c", "/bin/true; sleep 1; for i in 1 2 3; do /bin/true; done; exit 4"]
    for run in (run_strace, run_pstrace):
        r = run(["-o", "|head -1 >/dev/null"], cmd)
        errors = r.stderr.decode().replace("pstrace: ", "strace: ").splitlines()
        assert errors and set(errors) == {"strace: |head -1 >/dev/null: Broken pipe"}
        assert r.returncode == 4


def _die_on_closed_pipe(tracer: list[str]) -> int:
    """The tracer's stderr is a pipe nobody reads any more: its status."""
    r, w = os.pipe()
    os.close(r)
    proc = subprocess.Popen([*tracer, "sh", "-c", "exit 5"], stderr=w,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    os.close(w)
    return proc.wait(timeout=30)


def test_broken_stderr_pipe_kills_the_tracer_with_sigpipe() -> None:
    assert _die_on_closed_pipe(["strace"]) == _die_on_closed_pipe(pstrace_command()) \
        == -signal.SIGPIPE


def test_ff_keeps_one_descriptor_per_live_process(tmp_path: Path) -> None:
    """-ff over more processes than the descriptor limit allows open at once: every
    process gets its file (pstrace kept one descriptor per process ever traced)."""
    loop = "i=0; while [ $i -lt 120 ]; do /bin/true; i=$((i+1)); done"
    for name, tracer in (("s", ["strace"]), ("p", pstrace_command())):
        out = tmp_path / name
        out.mkdir()
        cmd = " ".join(tracer) + f" -ff -e trace=execve -o {out}/t sh -c '{loop}'"
        r = subprocess.run(["sh", "-c", f"ulimit -n 48; exec {cmd}"], capture_output=True,
                           timeout=120)
        assert r.returncode == 0, r.stderr
        assert len(list(out.iterdir())) == 121, r.stderr


def _ff_on_a_full_tmpfs(tracer: list[str], where: Path) -> tuple[int, int, set[str]]:
    """-ff into a 16 KiB tmpfs (a mount namespace of its own) that fills up during the
    run: the command's status, the number of files, and the files with failed writes."""
    where.mkdir()
    cmd = " ".join(tracer) + f" -ff -o {where}/x sh -c " + \
        "'for i in 1 2 3 4 5 6; do cat /etc/services >/dev/null; done; exit 3'"
    r = subprocess.run(["unshare", "-m", "sh", "-c",
                        f"mount -t tmpfs -o size=16k none {where} && {cmd}; "
                        f"echo status=$?; ls {where} | wc -l"],
                       capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    status, nfiles = r.stdout.decode().split()
    errors = r.stderr.decode().splitlines()
    pattern = re.compile(rf"\S*strace: {where}/x\.(\d+): No space left on device")
    assert all(pattern.fullmatch(line) for line in errors), errors[:3]
    return int(status.removeprefix("status=")), int(nfiles), \
        {pattern.fullmatch(line).group(1) for line in errors}   # type: ignore[union-attr]


def test_ff_filling_tmpfs(tmp_path: Path) -> None:
    """-ff on a file system that fills up: each failed write is reported against its
    process's file, tracing goes on, every process still gets its file and the
    command's status is returned (strace 6.1)."""
    want = _ff_on_a_full_tmpfs(["strace"], tmp_path / "s")
    got = _ff_on_a_full_tmpfs(pstrace_command(), tmp_path / "p")
    assert want[0] == got[0] == 3
    assert want[1] == got[1] == 7             # sh and its six cat processes
    assert len(want[2]) == len(got[2]) > 0    # the same number of files ran out of space


def _while_blocked(tracer: list[str], log: Path) -> bytes:
    """What a -o file holds while the traced command sleeps in a blocking call."""
    p = subprocess.Popen([*tracer, "-o", str(log), "-e", "trace=clock_nanosleep",
                          "sleep", "1.5"], stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (log.exists() and log.stat().st_size):
            time.sleep(0.02)
        return log.read_bytes()
    finally:
        p.wait(timeout=60)


def test_blocking_call_shows_in_the_file_at_once(tmp_path: Path) -> None:
    """strace flushes each call's entry half: a file followed with tail -f shows the
    call a process is blocked in (and what a killed tracer leaves: strace-DD)."""
    want = _while_blocked(["strace"], tmp_path / "s")
    got = _while_blocked(pstrace_command(), tmp_path / "p")
    assert got == want and want.startswith(b"clock_nanosleep(") and b"\n" not in want


def test_ff_file_that_cannot_be_opened() -> None:
    expected = run_strace(["-ff", "-o", "/nonexistent/x"], ["true"])
    actual = run_pstrace(["-ff", "-o", "/nonexistent/x"], ["true"])
    assert normalise(actual.stderr, DEFAULT_NORMALISERS) == \
        normalise(expected.stderr, DEFAULT_NORMALISERS)
    assert "Can't fopen '/nonexistent/x." in expected.stderr.decode()
    assert actual.returncode == expected.returncode == 1


@pytest.mark.parametrize("opts", [[], ["-s", "8"]])
def test_string_running_into_an_unmapped_page(opts: list[str]) -> None:
    """A path or string with no NUL before an unmapped page prints as its pointer, and
    strace warns "umovestr: short read (N < LIMIT) @ADDR: Bad address" on stderr
    (pstrace printed the readable prefix with "...", as if the string went on)."""
    exe = build(SYSCALLS / "mem_unmapped_string.c")
    args = [*opts, "-e", "trace=openat,chdir,getxattr,writev", "-o", "{out}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert normalise(actual.stderr, DEFAULT_NORMALISERS) == \
        normalise(expected.stderr, DEFAULT_NORMALISERS)
    assert b"short read" in expected.stderr


@pytest.mark.parametrize("opts", [[], ["-q"], ["-e", "trace=getpid"], ["-e", "trace=getpid@64,write@32"],
                                  ["-e", "trace=write@32"]])
def test_calls_of_other_personalities_have_their_names(opts: list[str]) -> None:
    """int $0x80 and x32 calls are named from the i386 and x32 tables, never as the
    x86_64 call of the same number, with strace's personality lines (not under -q).
    Their arguments print generically (hex): strace has i386 decoders, pstrace not."""
    exe = build(SYSCALLS / "misc_personality.c")
    expected = run_strace(opts, [str(exe)])
    actual = run_pstrace(opts, [str(exe)])
    write = re.compile(r"^write\((?:1, NULL, 0|0x1, 0, 0)\) += 0$", re.M)   # i386's write
    want, got = (write.sub("write(1, NULL, 0) = 0", normalise(r.stderr, DEFAULT_NORMALISERS))
                 for r in (expected, actual))
    assert got == want
    assert (b"runs in 32 bit mode" in expected.stderr) == ("-q" not in opts)


def test_personality_lines_quiet_with_output_file() -> None:
    """-o FILE PROG implies -q, which silences the personality lines too (strace's
    int_0x80 test); i386's getgid32 prints getgid's arguments: none."""
    exe = build(SYSCALLS / "misc_personality.c")
    args = ["-e", "trace=getgid32", "-o", "{out}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None and expected.out.startswith(b"getgid32()  ")
    assert b"runs in" not in expected.out + expected.stderr


@pytest.mark.parametrize("opts", [[], ["-v"]])
def test_execve_arrays_running_into_an_unmapped_page(opts: list[str]) -> None:
    exe = build(SYSCALLS / "proc_exec_bad.c")
    args = [*opts, "-e", "trace=execve"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert b"... /* 0x" in expected.stderr


@pytest.mark.parametrize("opts", [[], ["-v"]])
def test_execve_envp_across_page_ends(opts: list[str]) -> None:
    """envp arrays that run from one page into the next, straddle the page end, are
    longer than a page, or run into an unmapped page: the same count (or the same
    strings with -v) and the same "unterminated" as strace."""
    exe = build(SYSCALLS / "proc_exec_envp.c")
    args = [*opts, "-e", "trace=execve", "-o", "{out}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None
    want = [b"/* 12 vars */", b"/* 600 vars */", b"/* 3 vars, unterminated */"] if not opts \
        else [b'"B=2", "B=2"]', b'"D=4", "D=4", "/nonexistent/pstrace", ...']
    assert all(w in expected.out for w in want)


@pytest.mark.parametrize("opts", [[], ["-y"]])
def test_clone_parent_tid(opts: list[str]) -> None:
    """clone's parent_tid=[N] / [3<anon_inode:[pidfd]>] at exit (strace's clone-flags)."""
    exe = build(SYSCALLS / "proc_clone_flags.c")
    args = [*opts, "-e", "trace=clone"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS) for r in (expected, actual))
    assert got == want and "parent_tid=[" in want


@pytest.mark.parametrize("quiet", [[], ["-q"], ["-qq"], ["-e", "quiet=exit"]])
def test_exit_of_unknown_child(quiet: list[str]) -> None:
    """A child of the tracer it never traced (clone(CLONE_PARENT) without -f) ends after
    the traced process: strace waits for it and says "Exit of unknown pid N ignored"
    unless exits are quiet (strace's clone_parent tests)."""
    exe = build(SYSCALLS / "proc_clone_parent.c")
    args = [*quiet, "-e", "trace=clone", "-o", "{out}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    for r in (expected, actual):
        assert r.returncode == 0
    want = normalise(expected.stderr, DEFAULT_NORMALISERS)
    assert ("Exit of unknown pid" in want) == ("-qq" not in quiet and "quiet=exit" not in quiet)
    assert normalise(actual.stderr, DEFAULT_NORMALISERS) == want
    assert normalise(actual.out or b"", DEFAULT_NORMALISERS) == \
        normalise(expected.out or b"", DEFAULT_NORMALISERS)


def test_closed_stderr() -> None:
    """2>&-: the trace cannot be written anywhere; strace still runs the command to its
    end and returns its status (pstrace never ran it)."""
    for tracer in (["strace"], pstrace_command()):
        cmd = " ".join(tracer) + " sh -c 'echo ran; exit 3' 2>&-"
        r = subprocess.run(["sh", "-c", cmd], capture_output=True, stdin=subprocess.DEVNULL,
                           timeout=60)
        assert (r.returncode, r.stdout) == (3, b"ran\n"), tracer
