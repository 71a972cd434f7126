"""Differential test of --pidns-translation / --decode-pids=pidns (decoders/pidns.py,
the Pid values of decoders/base.py): tests/syscalls/proc_pidns.c, whose processes live
in a pid namespace of their own, under strace 6.1 and pstrace, with -Y too, -o and the
kernel filter."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = ("getpid,gettid,getppid,setpgid,getpgid,getpgrp,getsid,kill,tkill,tgkill,"
         "sched_getparam,sched_getscheduler,sched_getaffinity,get_robust_list,getpriority,"
         "setpriority,ioprio_get,prlimit64,pidfd_open,fcntl,wait4,setsid")


def _attached(text: str) -> str:   # where stderr's "Process N attached" lands races
    return re.sub(r"(p?strace: )?Process \d+ attached\n?", "", text)


@pytest.mark.parametrize("opts", [["-f", "--pidns-translation"],
                                  ["-f", "--decode-pids=pidns,comm", "-o", "{out}"],
                                  ["-f", "--pidns-translation", "--seccomp-bpf"]])
def test_pidns_translation(opts: list[str]) -> None:
    exe = build(SYSCALLS_DIR / "proc_pidns.c")
    args = [*opts, "-e", f"trace={CALLS}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    text = "out" if "{out}" in opts else "stderr"
    norm = (*DEFAULT_NORMALISERS, _attached)
    want = normalise(getattr(expected, text), norm)
    assert want.count("in strace's PID NS */") > 30, want
    assert normalise(getattr(actual, text), norm) == want
    assert actual.returncode == expected.returncode == 0
