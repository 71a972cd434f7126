"""Differential test of the system calls both strace 6.1 and pstrace print generically
(docs/syscalls.md: "generic"; strace's printargs): tests/syscalls/misc_generic.c calls
each with garbage in every argument and with small numbers, traced by strace 6.1 and
pstrace under default, -v, -X raw, -X verbose and -y."""
from __future__ import annotations

from pathlib import Path

import pytest

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
GENERIC = ("sysfs create_module get_kernel_syms query_module nfsservctl getpmsg putpmsg "
           "afs_syscall tuxcall security epoll_ctl_old epoll_wait_old vserver rseq").split()
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-y": ["-y"]}


def _lines(result: harness.Result) -> list[str]:
    return harness.normalise(result.trace, harness.DEFAULT_NORMALISERS).splitlines()


@pytest.mark.parametrize("opt", OPTIONS)
def test_generic(opt: str) -> None:
    exe = build(SYSCALLS / "misc_generic.c")
    args = [*OPTIONS[opt], "-e", "trace=" + ",".join(GENERIC)]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    # (rseq: the C library's own call at start-up as well)
    assert all(sum(line.startswith(name + "(") for line in expected) >= 2
               for name in GENERIC)
    assert actual == expected
