"""Differential test of the AIO context calls (decoders/aio.py) against strace 6.1
(strace's aio test found them printed generically): io_setup with a context written
back, NULL, a bad pointer and garbage in the upper 32 bits of its count; io_destroy;
io_getevents with an event, timeouts, bad pointers; io_submit of every kind of request,
io_cancel, io_pgetevents with its signal mask (strace's aio and aio_pgetevents)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
_MAPPED = re.compile(r"\b0x[0-9a-f]{9,}\b")


def _mapped(text: str) -> str:
    """The kernel's context and the program's stack are at addresses ASLR picks."""
    return _MAPPED.sub("ADDR", text)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_aio(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_aio.c")
    args = [*opts, "-e", "trace=io_setup,io_destroy,io_getevents,io_submit,io_cancel,"
                         "io_pgetevents"]
    want, got = (normalise(r.stderr, (*DEFAULT_NORMALISERS, _mapped))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert "io_setup(4, [ADDR]) = 0" in " ".join(want.split()) and "io_destroy(NULL)" in want
    assert "[{data=0x1234, obj=ADDR, res=64, res2=0}]" in want
    assert got == want
