"""Differential test of System V IPC (decoders/ipc.py) against strace 6.1 (strace's
ipc_msg, ipc_sem, ipc_shm, ipc_msgbuf, semop, semtimedop and shmxt tests found them
printed generically): tests/syscalls/fam_ipc.c under default, -v, -X raw, -X verbose and
-y.  The program has its own IPC namespace, so ids repeat; the times change."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_TIMES = re.compile(r"(_[acdors]?time)=\d+")


def _times(text: str) -> str:
    return _TIMES.sub(r"\1=T", text)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_sysv_ipc(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_ipc.c")
    args = [*opts, "-e", "trace=%ipc"]
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, _times))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "msgctl(" in want and "semtimedop(" in want and "shmdt(" in want
    assert got == want
