"""Differential test of POSIX message queues (decoders/mqueue.py) against strace 6.1
(strace's mq and mq_sendrecv* tests found them printed generically):
tests/syscalls/fam_mq.c under default, -v, -X raw, -X verbose, -y and with the -e
read=/write= dumps of the messages."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = "mq_open,mq_unlink,mq_timedsend,mq_timedreceive,mq_notify,mq_getsetattr"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-e", "read=all", "-e", "write=all"]])
def test_mqueue(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_mq.c")
    args = [*opts, "-e", f"trace={CALLS}"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "mq_getsetattr(" in want and "sigev_notify=" in want
    assert got == want
