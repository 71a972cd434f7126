"""Differential test of getsockopt(SO_GET_FILTER) (decoders/net.py) against strace 6.1
(strace's sock_filter-v tests found it printed as SO_ATTACH_FILTER with raw bytes): the
name getsockopt gives option 26, the classic BPF filter read back with -v."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw", "-v"], ["-X", "verbose", "-v"]])
def test_get_filter(opts: list[str]) -> None:
    exe = build(SYSCALLS / "net_get_filter.c")
    args = [*opts, "-e", "trace=getsockopt,setsockopt"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "[4 => 4]" in want or "[8 => 4]" in want
    assert got == want
