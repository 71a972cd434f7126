"""Differential tests of the netlink protocols decoded outside netlink.py's core
(decoders/netlink_diag.py, netlink_nf.py, netlink_genl.py, netlink_uevent.py):
tests/syscalls/net_netlink_diag.c (NETLINK_SOCK_DIAG requests and replies of every
family) and tests/syscalls/net_netlink_proto.c (NETLINK_NETFILTER, NETLINK_GENERIC,
NETLINK_KOBJECT_UEVENT) traced by strace 6.1 and by pstrace, by default, with -v,
-X raw, -X verbose, -s 4 and -e verbose=none (no structs: the data as strings).

Each program binds its socket to a port id given in argv, the same for both tracers,
so the kernel's answers carry the same nlmsg_pid in both runs.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-s4": ["-s", "4"],
           "verbose=none": ["-e", "verbose=none"]}
# A program, its port ids' base (one per option: concurrent runs never share one) and
# text that only a decoded trace holds.
PROGRAMS = {
    "net_netlink_diag.c": (0x5E7B0000, "udiag_states=1<<TCP_ESTABLISHED|1<<TCP_LISTEN"),
    "net_netlink_proto.c": (0x5E7C0000, "nlmsg_type=NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_NEW"),
}


@pytest.mark.parametrize("opt", list(OPTIONS))
@pytest.mark.parametrize("program", list(PROGRAMS))
def test_netlink_protocol(program: str, opt: str) -> None:
    exe = build(SYSCALLS_DIR / program)
    base, decoded = PROGRAMS[program]
    cmd = [str(exe), str(base + list(OPTIONS).index(opt))]
    args = [*OPTIONS[opt], "-e", "trace=sendto,recvfrom", "-o", "{out}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None
    assert (decoded in expected.out.decode()) == (opt in ("default", "-v", "-s4"))
    assert expected.returncode == actual.returncode == 0
