"""Differential tests of the socket ioctls (decoders/ioctl.py, _sock_ioctl.py), the
socket options (sockopt.py, bpf.py), control messages and message vectors (cmsg.py,
net.py, filters/dump.py) and modify_ldt (ldt.py): tests/syscalls/net_ioctl.c,
net_sockopt_struct.c, net_sockopt_levels.c, net_cmsg_mmsg.c, net_sockaddr_families.c
(sockaddr.py, sockaddr_legacy.py) and misc_ldt.c traced by
strace 6.1 and pstrace, default, -v, -s 8 and -X raw/verbose (-v too: the BPF
instructions); net_cmsg_mmsg.c also with -e read=/write= dumps.

The programs touch only the loopback interface and names that do not exist
("nosuchif0"); the interface list SIOCGIFCONF prints is this machine's, the same for both
tracers.  -c is compared too: strace counts modify_ldt's zero-extended error values
("= 4294967258 ENOSYS") as successes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
PROGRAMS = {"net_ioctl": "ioctl,socketpair,write",
            "net_sockopt_struct": "setsockopt",
            "net_sockopt_levels": "getsockopt,setsockopt",
            "net_cmsg_mmsg": "sendmsg,sendmmsg,recvmmsg",
            "net_sockaddr_families": "connect",
            "misc_ldt": "modify_ldt"}
OPTIONS = {"default": [], "-v": ["-v"], "-s8": ["-s", "8"], "raw": ["-X", "raw"],
           "verbose": ["-X", "verbose"], "raw-v": ["-X", "raw", "-v"],
           "verbose-v": ["-X", "verbose", "-v"]}


def _lines(prog: str, opts: list[str]) -> tuple[list[str], list[str]]:
    """strace's and pstrace's lines for the program, options and its trace= set."""
    exe = build(SYSCALLS_DIR / f"{prog}.c")
    args = [*opts, "-e", f"trace={PROGRAMS[prog]}"]
    expected = run_strace(args, [str(exe)])
    actual = run_pstrace(args, [str(exe)])
    assert actual.returncode == expected.returncode == 0
    return (normalise(expected.stderr, DEFAULT_NORMALISERS).splitlines(),
            normalise(actual.stderr, DEFAULT_NORMALISERS).splitlines())


@pytest.mark.parametrize("opt", list(OPTIONS))
@pytest.mark.parametrize("prog", list(PROGRAMS))
def test_net_extra(prog: str, opt: str) -> None:
    want, got = _lines(prog, OPTIONS[opt])
    assert len(want) > 10, want
    assert got == want


@pytest.mark.parametrize("opt", [["-e", "read=4", "-e", "write=3"],
                                 ["-e", "read=4", "-e", "write=3", "-v"]])
def test_mmsg_dumps(opt: list[str]) -> None:
    """-e read=/write= of sendmmsg/recvmmsg: " = N buffers in vector K", then each
    buffer up to its msg_len."""
    want, got = _lines("net_cmsg_mmsg", opt)
    assert sum(" buffers in vector " in line for line in want) == 4
    assert got == want


def test_mmsg_not_verbose() -> None:
    """-e verbose=none: the vectors and the timeout as addresses, all at entry."""
    want, got = _lines("net_cmsg_mmsg", ["-e", "verbose=none"])
    assert any(line.startswith("sendmmsg(3, 0x") for line in want), want
    assert got == want


def test_modify_ldt_summary() -> None:
    """-c: no errors counted for the zero-extended values, as strace."""
    want, got = _lines("misc_ldt", ["-c"])
    cut = [line.split()[3:] for line in want if "modify_ldt" in line]
    assert cut and cut == [line.split()[3:] for line in got if "modify_ldt" in line]


@pytest.mark.parametrize("opt", ["-z", "-Z"])
def test_modify_ldt_status_filter(opt: str) -> None:
    """-z hides and -Z shows a zero-extended error (c.fails), as strace 6.1 does."""
    want, got = _lines("misc_ldt", [opt])
    assert want and got == want
    assert any("ENOSYS" in line for line in want) == (opt == "-Z")
