"""Shared by the parser's tests: strace 6.1's logs of tests/syscalls/ programs under
many option sets, and the round-trip measure of pstrace.parse() on them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import harness

from pstrace.events import Syscall, Unparsed
from pstrace.logs import parse
from pstrace.values import Verbatim

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
PROGRAMS = ("fs_open", "io_rw", "sig_basic", "proc_tree_forkexec", "net_socket")
OPTION_SETS = {
    "default": [], "-f": ["-f"], "-ff": ["-ff"], "-tt-T": ["-tt", "-T"],
    "-ttt": ["-ttt"], "-r": ["-r"], "-y": ["-y"], "-yy": ["-yy"], "-i": ["-i"],
    "-n": ["-n"], "-x": ["-x"], "-xx": ["-xx"], "-Xraw": ["-X", "raw"],
    "-Xverbose": ["-X", "verbose"], "-v": ["-v"], "-c": ["-c"],
}


@dataclass
class Figures:
    """One log's round trip: lines, lines reproduced exactly, Unparsed events, and
    arguments kept as raw text."""

    lines: int = 0
    exact: int = 0
    unparsed: int = 0
    raw_args: int = 0
    bad: tuple[str, ...] = ()


def strace_logs(prog: str, opts: list[str]) -> dict[int | None, str]:
    """The logs strace 6.1 writes for `prog` under `opts` (-ff: one per pid)."""
    exe = harness.build(SYSCALLS / f"{prog}.c")
    r = harness.run_strace(["-o", "{out}", *opts], [str(exe)])
    logs: dict[int | None, str] = {}
    if r.out is not None:
        logs[None] = r.out.decode("utf-8", "surrogateescape")
    for suffix, data in r.out_files.items():
        logs[int(suffix[1:])] = data.decode("utf-8", "surrogateescape")
    return logs


def round_trip(log: str, pid: int | None = None) -> Figures:
    """Parse `log` and count the lines that the events print back: the log's lines
    against the lines of "".join(str(ev) + "\n" for ev in events), position by
    position (meaningful when nothing interleaves; a -c table is one event of many
    lines)."""
    lines = log.splitlines()
    events = list(parse(lines, pid=pid))
    f = Figures(lines=len(lines))
    f.unparsed = sum(isinstance(e, Unparsed) for e in events)
    f.raw_args = sum(isinstance(v, Verbatim) for e in events if isinstance(e, Syscall)
                     for v in e.values)
    back = "".join(str(e) + "\n" for e in events).splitlines()
    if len(back) == len(lines):
        f.exact = sum(a == b for a, b in zip(lines, back, strict=True))
    f.bad = tuple(a for a, b in zip(lines, back, strict=False) if a != b)[:5]
    return f
