"""Shared by the parser's tests: strace 6.1's logs of tests/syscalls/ programs under
many option sets, and the round-trip measure of pstrace.parse() on them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import harness

from pstrace.events import Unparsed
from pstrace.logs import COUNTS, parse
from pstrace.logs.lines import TIMED, line_text
from pstrace.logs.prefix import read_prefix

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
    """Parse `log` and count the lines whose event prints them back.  Lines and events
    correspond one to one when nothing interleaves; the text after a line's prefix
    must be the event's (str() with the -a column counted from the line's start and
    -T's duration)."""
    before = COUNTS.raw_args
    lines = log.splitlines()
    events = list(parse(lines, pid=pid))
    f = Figures(lines=len(lines), raw_args=COUNTS.raw_args - before)
    f.unparsed = sum(isinstance(e, Unparsed) for e in events)
    bad = []
    if len(events) == len(lines):
        for line, ev in zip(lines, events, strict=True):
            n = read_prefix(line).end
            timed = TIMED.search(line) is not None
            if not isinstance(ev, Unparsed) and line[n:] == line_text(ev, n, timed):
                f.exact += 1
            else:
                bad.append(line)
    f.bad = tuple(bad[:5])
    return f
