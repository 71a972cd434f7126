"""Differential test of the device-mapper ioctls (decoders/ioctl_dm.py, _dm_payload.py)
and of SG_IO's bsg struct sg_io_v4 (_sg_io_v4.py) against strace 6.1: the requests on
/dev/null, which fails them, with valid, NULL, unreadable and page-cut structs, bad
sizes and offsets, unknown flags and values; with an injected success, what strace
prints at exit (the answers and the payloads the kernel would have written); with
-v and a small -s, the payloads in full and cut; in each xlat style; outside
-e verbose=.  Warnings are compared apart from the trace."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

# program -> a piece of strace's output with -v and an injected success showing the
# family was decoded
FAMILIES = {
    "ioctl_dm": '{dev=makedev(0xfd, 0), name="vg-a", event_nr=40}',
    "ioctl_bsg": 'din_xferp="\\x98\\x99\\x9a\\x9b\\x9c", driver_status=0x8',
}

OPTS = [[], ["-v"], ["-v", "-s", "2"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
        ["-e", "verbose=none"], ["-e", "inject=ioctl:retval=0"],
        ["-v", "-e", "inject=ioctl:retval=0"], ["-v", "-s", "4", "-e", "inject=ioctl:retval=0"]]


@pytest.mark.parametrize(("program", "opts"), [(p, o) for p in sorted(FAMILIES) for o in OPTS])
def test_ioctl_dm_family(program: str, opts: list[str]) -> None:
    exe = build(SYSCALLS / f"{program}.c")
    args = [*opts, "-e", "trace=ioctl", "-o", "{out}"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if opts == ["-v", "-e", "inject=ioctl:retval=0"]:
        assert FAMILIES[program] in normalise(want.trace, DEFAULT_NORMALISERS)
    compare(want, got, DEFAULT_NORMALISERS)
    assert normalise(got.stderr, DEFAULT_NORMALISERS) == \
        normalise(want.stderr, DEFAULT_NORMALISERS)
