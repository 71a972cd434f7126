"""-e inject=/fault= parsing (src/pstrace/inject/spec.py) against strace 6.1.

Each value is given to strace 6.1 (`-e trace=none -o /dev/null`, so its stderr holds only
what the option parsing says) and to pstrace.inject.parse_inject in-process: the
warnings and the error message (with strace's name replaced) and the exit status must
be the same.  Then the when= semantics, checked against the invocation numbers strace
6.1 actually tampers with.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

try:
    from pstrace.inject import When, parse_inject
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from pstrace.inject import When, parse_inject
from pstrace.errors import PstraceError

from harness import tool_name

SPECS = [
    # accepted
    "close:error=22:when=3", "close:error=EINVAL", "close:error=einval", "close:error=+1",
    "close:error= 1", "close:error=010", "close:error=4095", "close:error=ERESTARTSYS",
    "close:error=ENOTSUPP", "close:error=EOPNOTSUPP", "close:retval=0", "close:retval=-0",
    "close:retval=0x10", "close:retval=010", "close:retval=+5", "close:retval= 5",
    "close:signal=SIGKILL", "close:signal=kill", "close:signal=sigkill", "close:signal=64",
    "close:signal=05", "close:signal=RTMIN", "close:signal=SIGRT_1", "close:signal=SIGRT_32",
    "close:syscall=getpid:error=1", "close:syscall=getpid:retval=1",
    "close:syscall=getpid:signal=1", "close:delay_enter=1", "close:delay_enter=1.5",
    "close:delay_enter=1e3", "close:delay_enter=.5ms", "close:delay_enter=1.",
    "close:delay_enter=1s", "close:delay_enter=1ns", "close:delay_enter= 1",
    "close:delay_enter=0", "close:delay_exit=4294967296s", "close:delay_enter=1e19",
    "close:poke_enter=@arg1=00", "close:poke_enter=@arg7=00",
    "close:poke_enter=@arg1=00,@arg2=0102", "close:poke_enter=@arg1=00,",
    "close:poke_enter=@arg1=00,,@arg2=00", "close:poke_enter=,@arg1=00",
    "close:poke_enter=@arg1=0x00", "close:poke_exit=@arg1=0A0b",
    "close:poke_enter=@arg1=00:poke_exit=@arg1=00", "close::error=1", "close:error=1:",
    "close:error=1::when=2", "!close:error=1", "all:error=1", "none:error=1",
    "close:error=1:when=2:when=3", "close:when=2:error=1:when=3",
    "close:signal=1:error=1", "%file:error=ENOENT", "/^clo:error=1", "?nosuch,close:error=1",
    # when=
    *(f"close:error=1:when={w}" for w in (
        "1", "2", "65534", "65535", "1..2", "1..1", "1..65534", "1+", "1+1", "1+65535",
        "65535+", "1..2+", "1..2+3", "+1", "01", " 1", "2+2", "1..65534+", "3..3", "1+ 2",
        "2..1", "1..", "..2", "1...2", "0x10", "1 ", "1..0", "-1", "2+2+", "10..5+1", "0",
        "65536", "1..65535", "2+0", "2+65536", "x", "", "1..2+0", "1..2+65536", "+", "+0")),
    # warnings
    "close:retval=-1", "close:retval=-4095", "close:retval=-4096", "close:retval=4294967295",
    "close:retval=4294967296", "close:retval=0xFFFFF001", "close:retval=0xFFFFF000",
    "close:retval=0x7fffffffffffffff", "close:retval=0x8000000000000000",
    "close:retval=18446744073709551615", "foo:retval=-1",
    # rejected
    "close", "close:", "", ":", ":foo", ":error=1", "close:error=FOO", "close:error=0",
    "close:error=4096", "close:error=", "close:error=EINVAL ", "close:error=0x10",
    "close:error=-1", "close:error=EWOULDBLOCK", "close:error=ENOTSUP",
    "close:error=EDEADLOCK", "close:error=EINVAL:retval=1", "close:retval=1:error=EINVAL",
    "close:error=1:error=2", "close:retval=1:retval=2", "close:signal=1:signal=2",
    "close:foo=1", "close:foo", "close:when=2", "close:retval=x", "close:retval=",
    "close:retval= ", "close:retval=1.5", "close:retval=1e3",
    "close:retval=18446744073709551616", "close:retval=99999999999999999999999",
    "close:signal=FOO", "close:signal=0", "close:signal=65", "close:signal= 5",
    "close:signal=+5", "close:signal=SIGRTMAX", "close:signal=SIGIOT", "close:signal=SIGPOLL",
    "close:signal=SIGRT_33", "close:signal=0x5", "close:signal=SIGRTMIN+1",
    "close:syscall=getpid", "close:syscall=write:error=1", "close:syscall=foo:error=1",
    "close:syscall=GETPID:error=1", "close:syscall=39:error=1",
    "close:syscall=getpid:syscall=getppid:error=1", "close:delay_enter=x",
    "close:delay_enter=-1", "close:delay_enter=1m", "close:delay_enter=1 ms",
    "close:delay_enter=", "close:delay_enter=inf", "close:delay_enter=nan",
    "close:delay_enter=infinity", "close:delay_enter=1e400", "close:delay_enter=0x10",
    "close:delay_enter=1S", "close:delay_enter=1:delay_enter=2",
    "close:delay_exit=1:delay_exit=2", "close:poke_enter=@arg0=00",
    "close:poke_enter=@arg8=00", "close:poke_enter=@arg1=0", "close:poke_enter=@arg1=",
    "close:poke_enter=@arg1=zz", "close:poke_enter=arg1=00", "close:poke_enter=@ARG1=00",
    "close:poke_enter=@arg1=00:poke_enter=@arg1=00", "close:poke_enter=@arg1=00,@arg1=00",
    "close:poke_enter=@arg1=00 ", "close:poke_enter=@arg01=00", "close:poke_enter=@arg1",
    "close:poke_enter=@arg1=" + "ab" * 1024, "close:poke_enter=@arg1=" + "ab" * 1025,
    "foo:error=1", "foo:when=2", "foo:error=FOO", "close,foo:error=1", "/(:error=1",
]

FAULT_SPECS = [
    "close", "close:error=1", "close:when=2", "close:error=EIO:when=2+", "close:retval=1",
    "close:signal=1", "close:delay_enter=1", "close:foo", "foo", ":x",
    "close:error=1:error=2", "close:syscall=getpid", "close:poke_enter=@arg1=00",
    "close:syscall=getpid:error=EIO", "close:syscall=write", "close:syscall=getpid:when=2",
]


def _strace(qualifier: str, value: str) -> tuple[str, int]:
    p = subprocess.run(["strace", "-qq", "-o", "/dev/null", "-e", "trace=none",
                        "-e", f"{qualifier}={value}", "true"],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return tool_name(p.stderr), p.returncode


def _ours(qualifier: str, value: str) -> tuple[str, int]:
    lines: list[str] = []
    status = 0
    try:
        parse_inject(value, qualifier == "fault", lambda m: lines.append(m))
    except PstraceError as e:
        lines.append(e.message)
        status = e.status
    return "".join(f"pstrace: {m}\n" for m in lines), status


@pytest.mark.parametrize("value", SPECS)
def test_inject_spec_like_strace(value: str) -> None:
    assert _ours("inject", value) == _strace("inject", value)


@pytest.mark.parametrize("value", FAULT_SPECS)
def test_fault_spec_like_strace(value: str) -> None:
    assert _ours("fault", value) == _strace("fault", value)


def test_fault_defaults_to_enosys() -> None:
    _, rule = parse_inject("close", fault=True)
    assert rule.error == 38 and rule.retval is None


def test_later_key_values() -> None:
    numbers, rule = parse_inject("close,read:retval=0x10:signal=USR1:when=2..8+3"
                                 ":delay_exit=2ms:poke_exit=@arg2=00ff")
    assert 3 in numbers and 0 in numbers and 1 not in numbers
    assert rule.retval == 16 and rule.signo == 10 and rule.delay_exit_ns == 2_000_000
    assert rule.poke_exit == ((1, b"\x00\xff"),)
    assert rule.when == When(2, 8, 3)


WHEN = ["3", "2+", "2+2", "2..5", "2..5+", "2..7+3", "1..1", "3..3+", "1+5", "8", "9",
        "7..8+", "+1", "2+ 3"]


@pytest.fixture(scope="module")
def writer() -> str:
    """tests/syscalls/inject_calls.c: 8 write() calls to /dev/null."""
    import harness
    return str(harness.build(Path(__file__).resolve().parents[1] / "syscalls"
                             / "inject_calls.c"))


@pytest.mark.parametrize("text", WHEN)
def test_when_fires_like_strace(text: str, writer: str) -> None:
    """The write() invocations strace 6.1 tampers with are the ones When.fires picks."""
    p = subprocess.run(["strace", "-qq", "-e", "trace=write",
                        "-e", f"inject=write:retval=7:when={text}", writer],
                       capture_output=True, text=True, stdin=subprocess.DEVNULL)
    lines = [ln for ln in p.stderr.splitlines() if ln.startswith("write(")]
    assert len(lines) == 8
    observed = [i + 1 for i, ln in enumerate(lines) if ln.endswith("(INJECTED)")]
    _, rule = parse_inject(f"write:retval=7:when={text}")
    assert [n for n in range(1, 9) if rule.when.fires(n)] == observed
