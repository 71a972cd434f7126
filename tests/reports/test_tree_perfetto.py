"""--tree and --perfetto on a workload of known shape (fork_tree.c): the tree's shape,
exit statuses and signals, and per process the calls and errors strace 6.1 counts in
its own log of the same run; the Perfetto JSON against the trace-event format's
required fields and the same counts.  Live, from --parse LOG and from the Python API."""
from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from harness import pstrace_command
from shape import Node, program, read_tree, run_both, strace_counts

import pstrace
from pstrace.reports import format_tree, perfetto_json


def _check_shape(nodes: list[Node], calls: Counter[int], errors: Counter[int],
                 timed: bool, root_slack: int = 0) -> None:
    root, thread, a, b, d, c = nodes   # creation order: the thread, A, B (D), C
    assert [n.depth for n in nodes] == [0, 1, 1, 1, 2, 1]
    path = program()[:32]   # as far as -s 32 shows it
    assert root.what in (path, path + "...")
    assert a.what == root.what   # A runs its parent's program
    assert thread.what == "thread"
    assert [n.status for n in nodes] == ["exit 0", "exit 0", "exit 3", "exit 0", "exit 7",
                                         "killed by SIGTERM"]
    assert (thread.errors, a.errors, d.errors) == (2, 5, 1)
    for n in nodes:
        slack = root_slack if n is root else 0
        assert abs(n.calls - calls[n.pid]) <= slack, (n, calls[n.pid])
        assert abs(n.errors - errors[n.pid]) <= slack, (n, errors[n.pid])
        assert (n.time is not None) == timed
    assert set(calls) == {n.pid for n in nodes}


# Between two runs, the root's pthread_join may find the thread gone (no futex call),
# wait on it (a futex call) or find it changing (a futex call failing with EAGAIN): one
# call and one error more or less than strace's run.  The trace printed in the same
# run as the tree counts them exactly.
ROOT_SLACK = 1


def _trace_and_tree(out: bytes) -> tuple[str, list[Node]]:
    lines = out.decode().splitlines(keepends=True)
    trace = "".join(lines[:-6])
    assert read_tree(trace) == []   # the tree follows the trace
    assert lines[-7].endswith("+++ exited with 0 +++\n")
    nodes = read_tree("".join(lines[-6:]))
    assert len(nodes) == 6
    return trace, nodes


def test_tree_live_to_the_output_file() -> None:
    expected, actual = run_both(["--tree"])
    assert expected.out is not None and actual.out is not None
    trace, nodes = _trace_and_tree(actual.out)
    calls, errors = strace_counts(trace)
    _check_shape(nodes, calls, errors, timed=True)
    calls, errors = strace_counts(expected.out.decode())
    _check_shape(nodes, calls, errors, timed=True, root_slack=ROOT_SLACK)


def test_tree_goes_to_stderr_without_o(tmp_path: Path) -> None:
    p = subprocess.run([*pstrace_command(), "-f", "-qq", "--tree", program()],
                       capture_output=True, text=True)
    assert p.returncode == 0
    nodes = read_tree(p.stderr)
    assert len(nodes) == 6 and nodes[-1].status == "killed by SIGTERM"


def test_tree_from_parse_log(tmp_path: Path) -> None:
    expected, _ = run_both([])
    assert expected.out is not None
    log = tmp_path / "fork.log"
    log.write_bytes(expected.out)
    calls, errors = strace_counts(expected.out.decode())
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--tree"],
                       capture_output=True, text=True)
    assert (p.returncode, p.stderr) == (0, "")
    nodes = read_tree(p.stdout)
    assert len(p.stdout.splitlines()) == 6
    _check_shape(nodes, calls, errors, timed=False)
    # the Python API: a function over the same events
    assert format_tree(pstrace.parse(str(log))) == p.stdout


def _check_trace_events(doc: dict[str, Any], calls: Counter[int],
                        root: int, thread: int) -> None:
    evs = doc["traceEvents"]
    for e in evs:
        assert {"name", "ph", "pid", "tid"} <= e.keys(), e
        assert isinstance(e["pid"], int) and isinstance(e["tid"], int)
        if e["ph"] != "M":
            assert isinstance(e["ts"], (int, float)) and e["ts"] >= 0, e
        if e["ph"] == "X":
            assert isinstance(e["dur"], (int, float)) and e["dur"] >= 0, e
            assert "line" in e["args"]
    per_tid = Counter(e["tid"] for e in evs if e["ph"] == "X")
    assert per_tid == calls
    names = {(e["name"], e["tid"]): e for e in evs if e["ph"] == "M"}
    assert {t for (n, t) in names if n == "thread_name"} == set(calls)
    # one process per thread group: the thread is a track of the root's process
    assert {t for (n, t) in names if n == "process_name"} == set(calls) - {thread}
    assert names[("thread_name", thread)]["pid"] == root
    assert all(e["pid"] == root for e in evs if e["tid"] == thread)
    kills = [e for e in evs if e["ph"] == "i" and e["name"] == "SIGTERM"]
    assert len(kills) == 1


def test_perfetto_live(tmp_path: Path) -> None:
    out = tmp_path / "trace.json"
    expected, actual = run_both(["--tree", "--perfetto", str(out)])
    assert expected.out is not None and actual.out is not None
    trace, nodes = _trace_and_tree(actual.out)
    calls, _ = strace_counts(trace)
    doc = json.loads(out.read_text())
    assert doc["displayTimeUnit"] == "ns"
    _check_trace_events(doc, calls, nodes[0].pid, nodes[1].pid)
    strace_calls, _ = strace_counts(expected.out.decode())
    assert set(strace_calls) == set(calls)
    for pid, n in strace_calls.items():
        assert abs(calls[pid] - n) <= (ROOT_SLACK if pid == nodes[0].pid else 0), pid
    xs = [e for e in doc["traceEvents"] if e["ph"] == "X"]
    assert any(e["dur"] > 0 for e in xs)   # a live run is timed
    fails = [e for e in xs if e["args"].get("failed")]
    assert len(fails) == sum(n.errors for n in nodes)


def test_perfetto_from_timed_log(tmp_path: Path) -> None:
    from harness import run_strace
    r = run_strace(["-f", "-ttt", "-T", "-o", "{out}"], [program()])
    assert r.out is not None
    log = tmp_path / "timed.log"
    log.write_bytes(r.out)
    out = tmp_path / "trace.json"
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--perfetto", str(out)],
                       capture_output=True, text=True)
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    doc = json.loads(out.read_text())
    assert doc == json.loads(perfetto_json(pstrace.parse(str(log))))
    xs = [e for e in doc["traceEvents"] if e["ph"] == "X"]
    # -ttt gives each call's start, -T its duration: the times are the log's
    first = r.out.decode().splitlines()[0].split()
    # (microseconds: "<0.000249>" is 249, whatever 0.000249 * 1e6 rounds to)
    assert xs[0]["ts"] == 0 and xs[0]["dur"] == pytest.approx(float(first[-1].strip("<>")) * 1e6)
    assert all(x["ts"] >= 0 for x in xs)


def test_report_files_that_cannot_be_written(tmp_path: Path) -> None:
    for opt in ("--report", "--perfetto"):
        bad = str(tmp_path / "no" / "such.out")
        p = subprocess.run([*pstrace_command(), opt, bad, "true"], capture_output=True,
                           text=True)
        assert (p.returncode, p.stdout) == (1, "")
        assert p.stderr == f"pstrace: Can't fopen '{bad}': No such file or directory\n"


def test_tree_with_ff_goes_to_stderr() -> None:
    from harness import run_pstrace
    r = run_pstrace(["-ff", "--tree", "-o", "{out}"], [program()])
    assert r.returncode == 0 and len(r.out_files) == 6
    assert all(read_tree(v.decode()) == [] for v in r.out_files.values())
    nodes = read_tree(r.stderr.decode())
    assert len(nodes) == 6 and {f".{n.pid}" for n in nodes} == set(r.out_files)
