"""Differential test of -e kvm=vcpu (decoders/_kvm_vcpu.py): KVM_RUN's exit reason
after each run of a real vcpu (tests/syscalls/ioctl_kvm_vcpu.c), and none where there
is no mapped vcpu to read it from, with and without -y and in each xlat style.  Needs
/dev/kvm (the program exits 77 without it)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

PROGRAM = Path(__file__).resolve().parent.parent / "syscalls" / "ioctl_kvm_vcpu.c"

pytestmark = pytest.mark.skipif(not os.access("/dev/kvm", os.R_OK | os.W_OK),
                                reason="no usable /dev/kvm")


@pytest.mark.parametrize("opts", [["-e", "kvm=vcpu"], ["--kvm=vcpu", "-y"],
                                  ["-e", "kvm=vcpu", "-X", "raw"], ["-X", "verbose"], []])
def test_kvm_run_exit_reason(opts: list[str]) -> None:
    exe = build(PROGRAM)
    args = [*opts, "-e", "trace=ioctl,mmap,munmap"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    text = normalise(want.trace, DEFAULT_NORMALISERS)
    shown = all(f"= 0 ({r})" in text for r in ("KVM_EXIT_HLT", "KVM_EXIT_IO"))
    assert shown == any("kvm" in o for o in opts)
    compare(want, got, DEFAULT_NORMALISERS)
