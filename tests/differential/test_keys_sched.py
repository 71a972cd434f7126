"""Differential tests of memfd_create, the pkey calls, syslog, add_key/request_key,
the sched_* attribute and policy calls, ioprio_get/ioprio_set, and wait4/waitid's
rusage (decoders memfd.py, pkey.py, syslog.py, keys.py, sched.py, ioprio.py,
process.py): tests/syscalls/misc_keys_sched.c; and of the kernel module calls,
sethostname/setdomainname and lookup_dcookie (kmod.py, misc.py):
tests/syscalls/misc_kmod_names.c; traced by strace 6.1 and by pstrace under default, -v, -X raw, -X verbose and -y.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
TRACED = ("memfd_create pkey_alloc pkey_free pkey_mprotect syslog add_key request_key "
          "sched_getattr sched_setattr sched_getscheduler sched_setscheduler sched_getparam "
          "sched_setparam getrandom wait4 waitid ioprio_get ioprio_set").split()
KMOD = ("init_module finit_module delete_module sethostname setdomainname "
        "lookup_dcookie").split()
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-y": ["-y"]}


def _lines(result: harness.Result) -> list[str]:
    return harness.normalise(result.trace, harness.DEFAULT_NORMALISERS).splitlines()


@pytest.mark.parametrize("opt", OPTIONS)
def test_keys_sched(opt: str) -> None:
    exe = build(SYSCALLS / "misc_keys_sched.c")
    args = [*OPTIONS[opt], "-e", "trace=" + ",".join(TRACED)]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert any(line.startswith("sched_setattr(") for line in expected)
    assert actual == expected


@pytest.mark.parametrize("opt", OPTIONS)
def test_kmod_names(opt: str) -> None:
    exe = build(SYSCALLS / "misc_kmod_names.c")
    args = [*OPTIONS[opt], "-e", "trace=" + ",".join(KMOD)]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert any(line.startswith("finit_module(") for line in expected)
    assert actual == expected
