"""Differential test of what -y/-yy/--decode-fds= print of a descriptor (decoders/fdinfo.py,
the FdTarget rendering in render/text.py): tests/syscalls/fd_unix_names.c (unix sockets
bound to abstract and path names, a deleted file, /dev/null) under strace 6.1 and pstrace.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = "bind,listen,connect,accept,getsockname,close,fstat,newfstatat,openat"
_INODE = re.compile(r"\d{5,}")   # socket inodes differ from run to run


@pytest.mark.parametrize("opts", [["-y"], ["-yy"], ["-x", "-yy"], ["-xx", "-yy"],
                                  ["--decode-fds=socket"], ["--decode-fds=dev"]])
def test_fd_decoration(opts: list[str], tmp_path: Path) -> None:
    exe = build(SYSCALLS_DIR / "fd_unix_names.c")
    cmd = [str(exe), str(tmp_path)]
    args = [*opts, "-e", f"trace={CALLS}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    norm = (*DEFAULT_NORMALISERS, lambda t: _INODE.sub("N", t))
    want = normalise(expected.stderr, norm)
    assert "getsockname(" in want and "close(" in want, want[-2000:]
    # the dirfd is decorated only when paths are asked for (-y, --decode-fds=path)
    assert ("openat(AT_FDCWD<" in want) == (opts[-1] in ("-y", "-yy")), want[-2000:]
    assert normalise(actual.stderr, norm) == want
    assert actual.returncode == expected.returncode == 0


@pytest.mark.parametrize("opts", [[], ["-x"], ["-xx"], ["--strings-in-hex=non-ascii-chars"]])
def test_path_with_angle_brackets(opts: list[str], tmp_path: Path) -> None:
    """-y paths escape "<" and ">": octal (widened before a digit) while the text stays
    readable, hex once -x turns the whole path to hex (a control character) or with
    -xx (render/quote.py quote_path_text)."""
    names = ["a<b>", "a<1>", "c\x1b<d"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    cmd = ["cat", *(str(tmp_path / n) for n in names)]
    args = [*opts, "-y", "-e", "trace=openat"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    norm = (*DEFAULT_NORMALISERS, lambda t: _INODE.sub("N", t))
    want = normalise(expected.stderr, norm)
    assert "\\74" in want or "\\x3c" in want, want
    assert normalise(actual.stderr, norm) == want


def test_socket_details_kept(tmp_path: Path) -> None:
    """-yy: a unix socket keeps the peer sock_diag showed once, after the peer closed;
    netlink sockets show "NETLINK:[SOCK_DIAG:PORTID]" (port ids are pids: masked)."""
    exe = build(SYSCALLS_DIR / "net_sock_cache.c")
    cmd = [str(exe), str(tmp_path)]
    args = ["-yy", "-e", "trace=close,network"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    port = re.compile(r"(NETLINK:\[\w+:|nl_pid=)\d+")
    norm = (*DEFAULT_NORMALISERS, lambda t: _INODE.sub("N", port.sub(r"\1PID", t)))
    want = normalise(expected.stderr, norm)
    assert "N->N" in want and "NETLINK:[SOCK_DIAG:PID]" in want, want[-2000:]
    assert normalise(actual.stderr, norm) == want
