"""Differential tests of the socket syscall decoders (decoders/net.py, sockaddr.py):
tests/syscalls/net_*.c traced by strace 6.1 and by pstrace, default, -v and -s 8.

The programs use only unix sockets, socketpairs, 127.0.0.1 and ::1, on fixed ports
passed in argv (the same for the strace and the pstrace run, so printed ports match;
connections are reset, leaving no TIME_WAIT behind for the next run).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
NET_CALLS = ("socket,socketpair,bind,connect,listen,accept,accept4,getsockname,getpeername,"
             "shutdown,sendto,recvfrom,sendmsg,recvmsg,sendmmsg,recvmmsg,setsockopt,"
             "getsockopt")
OPTIONS = {"default": [], "-v": ["-v"], "-s8": ["-s", "8"]}
# Each program and option gets its own ports: runs of different tests never share one.
PROGRAMS = {"net_socket": 47300, "net_msg": 47340, "net_sockopt": 47380}


def _ours(text: str) -> list[str]:
    """Every line: -e trace= given to both tracers keeps the output to our syscalls."""
    return text.splitlines()


@pytest.mark.parametrize("opt", list(OPTIONS))
@pytest.mark.parametrize("prog", list(PROGRAMS))
def test_net(prog: str, opt: str, tmp_path: Path) -> None:
    exe = build(SYSCALLS_DIR / f"{prog}.c")
    port = PROGRAMS[prog] + 10 * list(OPTIONS).index(opt)
    cmd = [str(exe), str(tmp_path), str(port), f"{prog}{opt}"]
    args = [*OPTIONS[opt], "-e", f"trace={NET_CALLS}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    want = _ours(normalise(expected.stderr, DEFAULT_NORMALISERS))
    got = _ours(normalise(actual.stderr, DEFAULT_NORMALISERS))
    assert len(want) > 20, expected.stderr.decode(errors="replace")[-2000:]
    assert got == want
    assert actual.returncode == expected.returncode == 0
