"""Differential test of --decode-pids=comm / -Y (decoders/base.py pid_value, the Comm
events and the text view's prefix): tests/syscalls/proc_pid_comm.c under strace 6.1 and
pstrace, with the three prefix forms ("[pid N<comm>] ", "N<comm> " with -o, none)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = "getpid,getppid,gettid,kill,tkill,tgkill,wait4,execve,fork,clone"
# the launched child's name until its execve is the tracer's own ("strace", "python")
_TRACER_NAME = re.compile(r"<(strace|python3?|pstrace)>")


def _attached(text: str) -> str:   # where stderr's "Process N attached" lands races
    return re.sub(r"(p?strace: )?Process \d+ attached\n?", "", text)


@pytest.mark.parametrize("opts", [["-f", "-Y"], ["-f", "--decode-pids=comm", "-o", "{out}"],
                                  ["-Y"], ["-f", "-Y", "-x"], ["-f", "-Y", "-xx"],
                                  ["-f", "--decode-pids=comm", "--seccomp-bpf"]])
def test_decode_pids_comm(opts: list[str]) -> None:
    exe = build(SYSCALLS_DIR / "proc_pid_comm.c")
    args = [*opts, "-e", f"trace={CALLS}", "-e", "signal=none"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    text = "out" if "{out}" in opts else "stderr"
    norm = (*DEFAULT_NORMALISERS, _attached, lambda t: _TRACER_NAME.sub("<TRACER>", t))
    want = normalise(getattr(expected, text), norm)
    if "-f" in opts:
        assert "<foo\\74bar\\76>" in want or "\\x3c" in want, want
    assert normalise(getattr(actual, text), norm) == want
    assert actual.returncode == expected.returncode == 0
