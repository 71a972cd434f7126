"""Differential tests of -e read=/-e write= at their edges (filters/dump.py,
render.lines.hexdump): failed writes dumped whole, failed reads not dumped, offsets
wider than 5 digits beyond 1 MiB, and buffers that run into an unmapped page
(" | <Cannot fetch N bytes from pid P @ADDR>").  tests/syscalls/io_dump_edges.c.
"""
from __future__ import annotations

import re
from pathlib import Path

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


def _lines(result: harness.Result) -> list[str]:
    text = harness.normalise(result.trace, harness.DEFAULT_NORMALISERS)
    return re.sub(r"from pid \d+", "from pid PID", text).splitlines()


def test_dump_edges() -> None:
    exe = build(SYSCALLS / "io_dump_edges.c")
    args = ["-e", "trace=read,write,pread64,pwrite64,pwritev", "-e", "read=3",
            "-e", "write=3"]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert any("<Cannot fetch" in line for line in expected)
    assert any(line.startswith(" | 100000 ") for line in expected)
    assert actual == expected
