"""Differential test of the block, loop, nsfs, inotify, nbd, MTD, UBI, SCSI, modem-line
and socket ioctls (decoders/ioctl_block.py, ioctl_loop.py, ioctl_nsfs.py,
ioctl_inotify.py, ioctl_nbd.py, ioctl_mtd.py, ioctl_ubi.py, ioctl_scsi.py, the request
names built from the number (_ioctl_number.py), the
TIOCM*/TIOC*LCKTRMIOS/TIOC*SOFTCAR requests of ioctl.py, the address-only and ifreq
requests of _sock_ioctl.py) against strace 6.1: the requests on descriptors that fail
them harmlessly (or answer them, for nsfs, inotify and the pty), with valid, NULL,
unreadable and page-cut pointers and odd values, in each xlat style; with an injected
success, what the getters' buffers hold.  Warnings are compared apart from the trace."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

# program -> a piece of strace's default output showing the family was decoded
FAMILIES = {
    "ioctl_block": 'devname="sda3", volname="VVVV',
    "ioctl_loop": "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR",
    "ioctl_nsfs_inotify": "(CLONE_NEWNET)",
    "ioctl_tty_modem": "TIOCMBIS, [TIOCM_DTR|TIOCM_RTS|TIOCM_CAR]",
    "ioctl_sock_more": 'SIOCBRADDBR, "0123456789abcdef"...',
    "ioctl_nbd_mtd": "MIXER_WRITE(2) or MEMERASE, {start=0xdeadbeef, length=0x1000}",
    "ioctl_ubi": 'name_len=4, name="root"...}',
    "ioctl_scsi": 'dxfer_len=5, timeout=1000, flags=SG_FLAG_DIRECT_IO|0x40000, dxferp="\\x',
}


OPTS = [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"], ["-e", "inject=ioctl:retval=0"],
        ["-v", "-e", "inject=ioctl:retval=3"]]


# -y on the socket program would compare the inode numbers of two different sockets
@pytest.mark.parametrize(("program", "opts"), [
    (p, o) for p in sorted(FAMILIES) for o in OPTS if not (p == "ioctl_sock_more" and "-y" in o)])
def test_ioctl_blk_family(program: str, opts: list[str]) -> None:
    exe = build(SYSCALLS / f"{program}.c")
    args = [*opts, "-e", "trace=ioctl", "-o", "{out}"]
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if not opts:
        assert FAMILIES[program] in normalise(want.trace, DEFAULT_NORMALISERS)
    compare(want, got, DEFAULT_NORMALISERS)
    assert normalise(got.stderr, DEFAULT_NORMALISERS) == \
        normalise(want.stderr, DEFAULT_NORMALISERS)
