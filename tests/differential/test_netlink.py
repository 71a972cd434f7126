"""Differential tests of netlink message decoding (decoders/netlink.py):
tests/syscalls/net_netlink.c traced by strace 6.1 and by pstrace, by default, with -v,
-X raw, -X verbose, -s 4 (which caps nothing here: messages are not strings) and
-e verbose=none (no messages: strings).

The program binds its NETLINK_ROUTE socket to a port id given in argv, the same for
both tracers, so the kernel's answers carry the same nlmsg_pid in both runs.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, run_pstrace, run_strace

SYSCALLS_DIR = Path(__file__).resolve().parent.parent / "syscalls"
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-s4": ["-s", "4"],
           "verbose=none": ["-e", "verbose=none"]}   # no decoding: the data as strings
PORT_BASE = 0x5E7A0000   # a port id per option: concurrent runs never share one


@pytest.mark.parametrize("opt", list(OPTIONS))
def test_netlink_route(opt: str) -> None:
    exe = build(SYSCALLS_DIR / "net_netlink.c")
    port = PORT_BASE + list(OPTIONS).index(opt)
    cmd = [str(exe), str(port)]
    args = [*OPTIONS[opt], "-e", "trace=sendto,recvfrom,sendmsg,recvmsg", "-o", "{out}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None
    text = expected.out.decode()
    decoded = "nlmsg_type=NLMSG_ERROR" in text or "nlmsg_type=0x2" in text
    assert decoded == (opt != "verbose=none")
    assert expected.returncode == actual.returncode == 0


@pytest.mark.parametrize("opt", ["default", "-v", "-Xraw", "-Xverbose", "-s4"])
def test_netlink_attributes(opt: str) -> None:
    """Netlink attributes (decoders/nlattr.py): the extended ACK of NLMSG_ERROR."""
    exe = build(SYSCALLS_DIR / "net_nlattr.c")
    port = PORT_BASE + 0x100 + list(OPTIONS).index(opt)
    cmd = [str(exe), str(port)]
    args = [*OPTIONS[opt], "-e", "trace=sendto,recvfrom", "-o", "{out}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None
    assert "NLMSGERR_ATTR_MSG" in expected.out.decode() or opt == "-Xraw"
    assert expected.returncode == actual.returncode == 0


@pytest.mark.parametrize("opt", ["default", "-v", "-Xraw", "-Xverbose", "-s4"])
def test_netlink_route_payloads(opt: str) -> None:
    """NETLINK_ROUTE payload structs and their attributes (decoders/netlink_route.py),
    links' kinds (IFLA_LINKINFO) and virtual functions (IFLA_VFINFO_LIST) among them."""
    exe = build(SYSCALLS_DIR / "net_netlink_route.c")
    port = PORT_BASE + 0x200 + list(OPTIONS).index(opt)
    cmd = [str(exe), str(port)]
    args = [*OPTIONS[opt], "-e", "trace=sendto,recvfrom", "-o", "{out}"]
    expected = run_strace(args, cmd)
    actual = run_pstrace(args, cmd)
    compare(expected, actual, DEFAULT_NORMALISERS)
    assert expected.out is not None
    text = expected.out.decode()
    assert "ifi_family=" in text and "rtm_family=" in text and "nh_family=" in text
    assert "{vf=7, rate=5}" in text and "bus_error=1" in text   # decoded by the kinds
    assert expected.returncode == actual.returncode == 0
