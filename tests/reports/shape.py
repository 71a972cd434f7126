"""The fork tree of fork_tree.c traced by strace 6.1 (the oracle for the counts) and by
pstrace with the reports; helpers that read the tree's text back."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from harness import Result, build, run_pstrace, run_strace

SOURCE = Path(__file__).with_name("fork_tree.c")
_NODE = re.compile(r"^(?P<lead>[│├└─ ]*)(?P<pid>\d+) (?P<what>.*?)  \[(?P<start>\S+) \.\. "
                   r"(?P<end>\S+)\]  (?P<status>.*?)  calls=(?P<calls>\d+) "
                   r"errors=(?P<errors>\d+)(?: time=(?P<time>\d+\.\d+)s)?$")
_PID = re.compile(r"^(\d+) +")


def program() -> str:
    return str(build(SOURCE, ["-pthread"]))


@dataclass(frozen=True)
class Node:
    depth: int
    pid: int
    what: str
    status: str
    calls: int
    errors: int
    time: str | None


def read_tree(text: str) -> list[Node]:
    """The tree's lines (after the trace in an -o file: the lines that match)."""
    nodes = []
    for line in text.splitlines():
        m = _NODE.match(line)
        if m:
            nodes.append(Node(len(m.group("lead")) // 3, int(m.group("pid")), m.group("what"),
                              m.group("status"), int(m.group("calls")),
                              int(m.group("errors")), m.group("time")))
    return nodes


def strace_counts(log: str) -> tuple[Counter[int], Counter[int]]:
    """Per pid, the calls and failed calls in a strace -f -o log (a call cut by
    "<unfinished ...>" counted once, at its resumed half)."""
    calls: Counter[int] = Counter()
    errors: Counter[int] = Counter()
    for line in log.splitlines():
        m = _PID.match(line)
        assert m, line
        body = line[m.end():]
        if body.startswith(("+++", "---")) or body.endswith("<unfinished ...>"):
            continue
        calls[int(m.group(1))] += 1
        errors[int(m.group(1))] += " = -1 E" in body
    return calls, errors


def run_both(args: list[str]) -> tuple[Result, Result]:
    """strace -f -o LOG and pstrace -f ARGS -o LOG on the program, each in a fresh pid
    namespace (so that the pids agree)."""
    prog = program()
    expected = run_strace(["-f", "-o", "{out}"], [prog])
    actual = run_pstrace(["-f", *args, "-o", "{out}"], [prog])
    assert expected.returncode == actual.returncode == 0
    return expected, actual
