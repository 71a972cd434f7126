"""Differential test of the input-device ioctl families (decoders/ioctl_evdev.py,
ioctl_gpio.py) against strace 6.1: every request of each family on a descriptor that
is no such device, so the kernel fails them and what is compared is the decoding of the
entry arguments (filled structures, NULL, unmapped and page-cut pointers, counts past
the arrays, unknown codes and flags) and of the request forms; with an injected success
(a return value evdev's bit sets and strings take as their length), what the read
requests "filled" and the line requests' " => {fd=N}" too; in every -X style and with
-v.  strace's warnings (a struct cut by an unmapped page) are compared apart from the
trace."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

# program -> a piece of strace's default output that shows the family was decoded
FAMILIES = {
    "ioctl_evdev": "EVIOCSKEYCODE, [30, KEY_A]",
    "ioctl_gpio": 'consumer_label="evdev-gpio"}',
}


@pytest.mark.parametrize("inject", [[], ["-e", "inject=ioctl:retval=16"]])
@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"]])
@pytest.mark.parametrize("program", sorted(FAMILIES))
def test_ioctl_input(program: str, opts: list[str], inject: list[str]) -> None:
    exe = build(SYSCALLS / f"{program}.c")
    args = [*opts, *inject, "-e", "trace=ioctl", "-o", "{out}"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if not opts:
        assert FAMILIES[program] in normalise(want.trace, DEFAULT_NORMALISERS)
    compare(want, got, DEFAULT_NORMALISERS)
    assert normalise(got.stderr, DEFAULT_NORMALISERS) == \
        normalise(want.stderr, DEFAULT_NORMALISERS)
