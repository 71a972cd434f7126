"""Differential tests of the I/O and descriptor decoders (decoders/io.py, fcntl.py,
ioctl.py, poll.py): tests/syscalls/io_*.c traced by strace 6.1 and by pstrace with
-e trace=<the family>, default, -v, -s 8 (and -v -s 8, -xx for the buffers), compared
line by line.

The programs are deterministic by construction: they work in a fresh temporary
directory, create their own pty (io_ioctl), and every poll/select timeout that could
come back as "left {...}" is 0.  Stack addresses printed for failed calls are equal on
both sides (ASLR off, same environment, same pid namespace layout).
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import harness
from harness import DEFAULT_NORMALISERS, build, pstrace_command, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

RW = ("read,write,pread64,pwrite64,readv,writev,preadv,pwritev,preadv2,pwritev2,lseek,"
      "sendfile,splice,tee,copy_file_range")
FD = "pipe,pipe2,dup,dup2,dup3,fcntl,write"
IOCTL = "ioctl,write"
POLL = "poll,ppoll,select,pselect6"

PROGRAMS = {"io_rw": RW, "io_fd": FD, "io_ioctl": IOCTL, "io_poll": POLL}
OPTIONS = {"default": [], "-v": ["-v"], "-s8": ["-s", "8"], "-v-s8": ["-v", "-s", "8"],
           "-xx": ["-xx"], "-y": ["-y"]}


_PTY_NUMBER = re.compile(r"^(ioctl\(\d+, (?:TIOCGPTN|TIOCSPTLCK|TIOCGDEV), )\[\d+\]", re.M)


def pty_numbers(text: str) -> str:
    """The pty's index (TIOCGPTN, glibc's ptsname) and device number (TIOCGDEV) depend on
    the ptys other processes of the machine hold open: masked on those lines only."""
    return _PTY_NUMBER.sub(r"\1[N]", text)


_PIPE = re.compile(r"\b(pipe|socket):\[\d+\]")


def pipe_inode_numbers(text: str) -> str:
    """-y: a pipe's inode number is new in every run (pipe:[N])."""
    return _PIPE.sub(r"\1:[N]", text)


def _lines(result: harness.Result, names: str) -> list[str]:
    text = harness.normalise(result.trace, (*DEFAULT_NORMALISERS, pty_numbers,
                                            pipe_inode_numbers))
    return text.splitlines()


CASES = [(p, o) for p in PROGRAMS for o in OPTIONS]


@pytest.mark.parametrize(("prog", "opt"), CASES)
def test_io(prog: str, opt: str, tmp_path: Path) -> None:
    exe = build(SYSCALLS / f"{prog}.c")
    names = PROGRAMS[prog]
    args = [*OPTIONS[opt], "-e", "trace=" + names]
    expected = _lines(run_strace(args, [str(exe), str(tmp_path)], cwd=tmp_path), names)
    actual = _lines(run_pstrace(args, [str(exe), str(tmp_path)], cwd=tmp_path), names)
    assert len(expected) > 20, "strace printed too few lines of the syscalls under test"
    assert actual == expected


@pytest.mark.parametrize("opts", [[], ["-P", "/dev/null"], ["-y"], ["-s", "1"]])
def test_poll_array_into_unmapped_page(opts: list[str], tmp_path: Path) -> None:
    """strace's poll-P: "[{fd=9, ...}, ... /* ADDR */]", and -P looks at the entries it
    could read."""
    exe = build(SYSCALLS / "io_poll_partial.c")
    args = [*opts, "-e", "trace=poll"]
    want = _lines(run_strace(args, [str(exe)], cwd=tmp_path), "poll")
    got = _lines(run_pstrace(args, [str(exe)], cwd=tmp_path), "poll")
    assert any("... /* 0x" in ln for ln in want)
    assert got == want


def _vm_reads(tracer: list[str], exe: str, log: Path) -> int:
    """How many process_vm_readv calls the tracer makes on `exe` (-e trace=writev)."""
    subprocess.run(["strace", "-qq", "-e", "signal=none", "-e", "trace=process_vm_readv",
                    "-z", "-o", str(log), "--", *tracer, "-o", "/dev/null",
                    "-e", "trace=writev", exe], check=True, capture_output=True)
    return sum(ln.startswith("process_vm_readv(") for ln in log.read_text().splitlines())


def test_memory_reads(tmp_path: Path) -> None:
    """Tracee memory is read a page at a time and kept until the tracee runs again, as
    strace's umoven does: as many reads as strace (strace's umovestr_cached tests)."""
    exe = str(build(SYSCALLS / "io_iov_pages.c"))
    want = _vm_reads(["strace"], exe, tmp_path / "s")
    assert _vm_reads(pstrace_command(), exe, tmp_path / "p") == want == 5
