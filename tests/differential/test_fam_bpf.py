"""Differential test of bpf(2) (decoders/bpf_cmd.py) against strace 6.1 (strace's bpf
and kernel_version tests found it printed generically): BPF_PROG_LOAD with every field,
sizes ending at each field strace stops at, nonzero bytes past the struct, zero and
oversized sizes, NULL and bad pointers, an unknown command, unknown types and flags, a
name without its NUL, garbage in the upper 32 bits of cmd and size."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-s", "4"]])
def test_bpf_prog_load(opts: list[str]) -> None:
    exe = build(SYSCALLS / "fam_bpf.c")
    args = [*opts, "-e", "trace=bpf"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert sum(ln.startswith("bpf(") for ln in want.splitlines()) == 23
    assert "attach_btf_id=77" in want
    assert got == want


# The objects the program makes differ between the two runs: their ids (which
# BPF_*_GET_NEXT_ID walks to) and a program's load time.  Only these are masked.
_OBJ_ID = re.compile(r"(\bid|next_id)=\d+(?: => \d+)?")
_LOAD_TIME = re.compile(r"load_time=\d+(?: /\* [^*]* \*/)?")


def _objects(text: str) -> str:
    return _LOAD_TIME.sub("load_time=<t>", _OBJ_ID.sub(r"\1=<id>", text))


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_bpf_commands(opts: list[str]) -> None:
    """Every other command: zeroed and garbage attributes at each size, short reads,
    unmapped pointers, and real maps and programs (OBJ_GET_INFO_BY_FD, queries, batch
    and GET_NEXT_ID calls the kernel answers, LINK_CREATE's union members)."""
    exe = build(SYSCALLS / "fam_bpf_cmds.c")
    args = [*opts, "-e", "trace=bpf"]
    want, got = (_objects(normalise(r.stderr, DEFAULT_NORMALISERS))
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert sum(ln.startswith("bpf(") for ln in want.splitlines()) > 900
    assert "link_create={" in want and "task_fd_query={" in want
    assert got == want
