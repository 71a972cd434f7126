"""Differential test of the socket address families in decoders/sockaddr_more.py against
strace 6.1 (strace's sockaddr_xlat-X* tests found them printed as sa_data): AF_RXRPC,
AF_IEEE802154, AF_ALG, AF_NFC, AF_VSOCK, AF_QIPCRTR, AF_XDP, AF_MCTP given to connect(2),
each also one byte short of its struct, under every -X style, -v and -y."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"]])
def test_sockaddr_families(opts: list[str]) -> None:
    exe = build(SYSCALLS / "net_sockaddr_more.c")
    args = [*opts, "-e", "trace=connect"]
    want, got = (normalise(r.stderr, DEFAULT_NORMALISERS)
                 for r in (run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])))
    assert want.count("connect(-1, {sa_family=") == 100
    assert "sa_data=" in want and "transport={" in want and "service_name_len=15" in want
    assert got == want
