"""-e kvm= / --kvm=: the spellings strace 6.1 accepts (only "vcpu", by -e or the long
option, several times, --kv abbreviated) and the ones it refuses, end to end against the installed
strace: the same exit status and diagnostics, run by an absolute path outside PATH."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_suite_options import _link, _run   # the tracers by absolute path, run

from harness import pstrace_command

VALID = [["-e", "kvm=vcpu"], ["-ekvm=vcpu"], ["--kvm=vcpu"], ["--kvm", "vcpu"],
         ["-e", "kvm=vcpu", "--kvm=vcpu"], ["-e", "kvm=vcpu", "-h"],
         ["--kv=vcpu"]]   # getopt_long's abbreviation
INVALID = [["-e", "kvm=VCPU"], ["-e", "kvm="], ["--kvm="], ["--kvm=vcpu,vcpu"],
           ["-e", "kvm= vcpu"], ["-e", "kvm=!vcpu"], ["-e", "kvm"], ["-e", "kvm=vcpu",
           "-e", "kvm=x"], ["--kvm=x", "-e", "kvm=vcpu"], ["--kvm=x", "-h"], ["--kvm"],
           ["--kv=x"]]


@pytest.mark.parametrize("args", VALID + INVALID, ids=" ".join)
def test_kvm_option(args: list[str], tmp_path: Path) -> None:
    s = _link(tmp_path, "ref-strace", "/usr/bin/strace")
    p = _link(tmp_path, "our-strace", pstrace_command()[0])
    tail = ["-o", "/dev/null", "true"]
    (ws, we), (ps, pe) = _run([s, *args, *tail]), _run([p, *args, *tail])
    assert (ps, pe.replace(p, s)) == (ws, we)
    assert (ws, bool(we)) == ((1, True) if args in INVALID else (0, False))
