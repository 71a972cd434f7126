"""pstrace.parse() on strace 6.1's own logs: the programs of tests/syscalls/ traced by
the real strace under many option sets; "".join(str(ev) + "\n" for ev in parse(log))
must give the log back byte for byte, with no Unparsed event (-c tables included); -f
logs merge the unfinished/resumed halves into the events pstrace's live trace gives per
process."""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import harness
import pytest
from parse_logs import OPTION_SETS, PROGRAMS, SYSCALLS, round_trip, strace_logs

from pstrace import Syscall, Unparsed, parse
from pstrace.events import Summary

API_PIDS = Path(__file__).resolve().parent / "api_pids.py"
INTERLEAVED = ("-f",)   # merged pairs: one event for two lines
NORMALISERS = (*harness.DEFAULT_NORMALISERS, harness.getrandom_bytes)


@pytest.mark.parametrize("opt", list(OPTION_SETS))
def test_strace_logs_round_trip(opt: str) -> None:
    total = 0
    for prog in PROGRAMS:
        logs = strace_logs(prog, OPTION_SETS[opt])
        assert logs, prog
        for pid, log in logs.items():
            f = round_trip(log, pid)
            total += f.lines
            assert f.unparsed == 0, (prog, pid, f.bad)
            if opt not in INTERLEAVED:
                assert f.exact == f.lines, (prog, pid, f.bad)
    assert total > (50 if opt == "-c" else 300)


def test_summary_table_is_one_event() -> None:
    """A -c table is a Summary event whose rows are the table's, in its order."""
    log = strace_logs("fs_open", ["-c"])[None]
    events = list(parse(log.splitlines()))
    assert len(events) == 1 and isinstance(events[0], Summary)
    table = events[0]
    body = log.splitlines()[2:-2]
    assert [r.name for r in table.rows] == [ln.split()[-1] for ln in body]
    assert table.total.calls == sum(r.calls for r in table.rows) > 0
    assert table.columns[-1] == "name"
    assert str(table) + "\n" == log


def test_summary_columns_come_back() -> None:
    """-U with the min/max columns and the name first, -S calls, -C after the trace."""
    log = strace_logs("fs_open", ["-C", "-U", "name,calls,max-time,min-time,errors",
                                  "-S", "calls"])[None]
    events = list(parse(log.splitlines()))
    assert isinstance(events[-1], Summary) and not any(isinstance(e, Unparsed) for e in events)
    assert events[-1].columns == ("name", "calls", "max-time", "min-time", "errors")
    assert all(r.max >= r.min for r in events[-1].rows)
    assert "".join(str(e) + "\n" for e in events) == log


def test_ff_files_are_tagged_with_their_pid(tmp_path: Path) -> None:
    logs = strace_logs("proc_tree_forkexec", ["-ff"])
    assert len(logs) >= 2
    for pid, log in logs.items():
        assert pid is not None
        path = tmp_path / f"trace.{pid}"
        path.write_text(log, encoding="utf-8", errors="surrogateescape")
        events = list(parse(path))
        assert events and {e.pid for e in events} == {pid}


def _per_process(pairs: list[tuple[int, str]]) -> list[tuple[list[str], list[str]]]:
    """Lines grouped by process, processes in order of first appearance (the pids of the
    two runs need not be equal): per process its lines in order, SIGCHLD deliveries
    apart (a child's exit may come before or after its parent enters wait4, so where
    that line falls differs from run to run; the lines themselves must not)."""
    by_pid: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for pid, text in pairs:
        by_pid[pid][text.startswith("--- SIGCHLD ")].append(text)
    return list(by_pid.values())


@pytest.mark.parametrize("prog", ["proc_tree_forkexec", "proc_tree_signals"])
def test_follow_log_events_equal_live_events(prog: str) -> None:
    exe = harness.build(SYSCALLS / f"{prog}.c")
    r = harness.run_strace(["-f", "-o", "{out}"], [str(exe)])
    assert r.out is not None
    log = harness.normalise(r.out, NORMALISERS)
    parsed = [(e.pid, str(replace(e, form=None))) for e in parse(log.splitlines())
              if str(e) and not isinstance(e, (Unparsed, Summary))]
    assert not [e for e in parse(log.splitlines()) if isinstance(e, Unparsed)]
    assert any(isinstance(e, Syscall) for e in parse(log.splitlines()))
    live = harness.run_traced([sys.executable, str(API_PIDS)], [], [str(exe)], name="api")
    assert not live.timed_out
    text = harness.normalise(live.stderr, NORMALISERS)
    lines = [ln.split(" ", 1) for ln in text.splitlines()]
    live_pairs = [(int(p), t) for p, t in lines]
    assert _per_process(parsed) == _per_process(live_pairs)
