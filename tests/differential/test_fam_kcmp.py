"""Differential test of kcmp (decoders/kcmp.py) against strace 6.1 (strace's kcmp and
kcmp-y tests found it printed generically): every type and an unknown one, descriptors
of both processes under -y, the KCMP_EPOLL_TFD slot, NULL and bad pointers."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-yy"]])
def test_kcmp(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_kcmp.c")
    args = [*opts, "-e", "trace=kcmp"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "toff=7}" in want and "KCMP_???" in want or "0x1234" in want
    assert got == want
