"""Unit tests of the -c table layout (render/summary.py) and accounting (stats.py) on
hand-made counts.  The expected tables are ones strace 6.1 printed (runs of `strace -c
-w` on small programs, and `strace -c -w -U max-time,... sleep 10.5` for a time column
growing past its minimum), with the counts typed in from those runs."""
from __future__ import annotations

from collections.abc import Sequence

from pstrace.events import Syscall
from pstrace.render.summary import summary_text
from pstrace.stats import Counts, Stats, summary

US = 1000
MS = 1_000_000
S = 1_000_000_000


def format_summary(rows: list[Counts], columns: Sequence[str] | None = None,
                   sort_by: str = "time") -> str:
    table = summary(rows, columns, sort_by)
    return summary_text(table) if table is not None else ""


def row(nr: int, name: str, calls: int, total: int, errors: int = 0,
        lo: int | None = None, hi: int | None = None) -> Counts:
    return Counts(nr, name, calls, errors, total,
                  total // calls if lo is None else lo, total // calls if hi is None else hi)


def test_default_layout_strace_sample() -> None:
    # strace 6.1: strace -c -w ./nm 310 146 (times as it printed them)
    rows = [row(9, "mmap", 8, 107 * US), row(146, "sched_get_priority_max", 1, 7 * US, 1),
            row(310, "process_vm_readv", 1, 7 * US, 1)]
    assert format_summary(rows) == (
        "% time     seconds  usecs/call     calls    errors syscall\n"
        "------ ----------- ----------- --------- --------- -----------------------\n"
        " 88.43    0.000107          13         8           mmap\n"
        "  5.79    0.000007           7         1         1 sched_get_priority_max\n"
        "  5.79    0.000007           7         1         1 process_vm_readv\n"
        "------ ----------- ----------- --------- --------- -----------------------\n"
        "100.00    0.000121          12        10         2 total\n")


def test_name_column_is_one_wider_than_the_longest_name() -> None:
    for name, width in (("read", 16), ("set_tid_address", 16), ("process_vm_readv", 17),
                        ("sched_get_priority_max", 23), ("set_mempolicy_home_node", 24)):
        table = format_summary([row(0, name, 1, 0)], ["name", "calls"])
        assert table.splitlines()[1] == "-" * width + " ---------", name


def test_zero_time_percent_and_blank_errors() -> None:
    # strace -c -e trace=read,close cat /dev/null: system time 0 everywhere
    rows = [row(0, "read", 4, 0), row(3, "close", 20, 0)]
    assert format_summary(rows) == (
        "% time     seconds  usecs/call     calls    errors syscall\n"
        "------ ----------- ----------- --------- --------- ----------------\n"
        "  0.00    0.000000           0         4           read\n"
        "  0.00    0.000000           0        20           close\n"
        "------ ----------- ----------- --------- --------- ----------------\n"
        "100.00    0.000000           0        24           total\n")


def test_time_column_grows_past_its_minimum() -> None:
    # strace -c -w -U max-time,min-time,total-time,avg-time,calls,name sleep 10.5
    rows = [row(3, "close", 19, 322 * US, lo=6 * US, hi=186 * US),
            row(230, "clock_nanosleep", 1, 10_500_102 * US)]
    table = format_summary(rows, ["max-time", "min-time", "total-time", "avg-time",
                                  "calls", "name"])
    assert table == (
        "  longest  shortest     seconds  usecs/call     calls syscall\n"
        "--------- --------- ----------- ----------- --------- ----------------\n"
        "10.500102 10.500102   10.500102    10500102         1 clock_nanosleep\n"
        " 0.000186  0.000006    0.000322          16        19 close\n"
        "--------- --------- ----------- ----------- --------- ----------------\n"
        "10.500102  0.000006   10.500424      525021        20 total\n")


def test_wide_numbers_grow_their_columns() -> None:
    rows = [row(0, "read", 1_234_567_890, 123_456 * S, 1_000_000_000)]
    lines = format_summary(rows).splitlines()
    assert lines[1] == "------ ------------- ----------- ---------- ---------- ----------------"
    assert lines[2] == "100.00 123456.000000          99 1234567890 1000000000 read"


def test_name_first_is_padded_and_errors_last_is_padded() -> None:
    rows = [row(9, "mmap", 8, 0), row(146, "sched_get_priority_max", 1, 0, 1)]
    assert format_summary(rows, ["name", "calls", "errors"], "calls") == (
        "syscall                     calls    errors\n"
        "----------------------- --------- ---------\n"
        "mmap                            8          \n"
        "sched_get_priority_max          1         1\n"
        "----------------------- --------- ---------\n"
        "total                           9         1\n")


def test_name_appended_when_missing() -> None:
    table = format_summary([row(0, "read", 1, 0)], ["calls"])
    assert table.splitlines()[0] == "    calls syscall"


def test_usecs_per_call_truncates_seconds_round() -> None:
    # strace printed 0.000008 seconds and 7 usecs/call for a 7.9 us call
    table = format_summary([row(0, "getuid", 1, 7_900)])
    assert "    0.000008           7         1           getuid" in table


def test_sort_orders() -> None:
    rows = [row(0, "read", 7, 84 * US, lo=7 * US, hi=22 * US),
            row(1, "write", 4, 86 * US, lo=8 * US, hi=60 * US),
            row(2, "open", 2, 36 * US, 2, lo=8 * US, hi=28 * US),
            row(3, "close", 2, 20 * US, 2, lo=9 * US, hi=11 * US)]

    def order(key: str) -> list[str]:
        lines = format_summary(rows, ["name"], key).splitlines()[2:-2]
        return [ln.strip() for ln in lines]

    assert order("time") == ["write", "read", "open", "close"]
    assert order("calls") == ["read", "write", "open", "close"]
    assert order("errors") == ["open", "close", "read", "write"]      # ties: nr order
    assert order("name") == ["close", "open", "read", "write"]
    assert order("nothing") == ["read", "write", "open", "close"]
    assert order("min-time") == ["close", "write", "open", "read"]
    assert order("max-time") == ["write", "open", "read", "close"]
    assert order("avg-time") == ["write", "open", "read", "close"]


def test_nothing_counted_prints_nothing() -> None:
    assert format_summary([]) == ""


def _call(nr: int, t0: int, t1: int, s0: int = 0, s1: int = 0, error: int = 0) -> Syscall:
    return Syscall(pid=1, nr=nr, name=f"sys{nr}", values=(), n_entry=0, entry_sep=False,
                   retval=-error if error else 0, errno=error, t_entry=t0, t_exit=t1,
                   stime=s1 - s0)


def test_stats_wall_clock_and_overhead() -> None:
    st = Stats(wall_clock=True, overhead_ns=5 * US)
    st.add(_call(1, 0, 12 * US))
    st.add(_call(1, 0, 3 * US, error=2))      # below the overhead: 0
    st.add(_call(0, 0, 20 * US))
    rows = st.counts()
    assert [(r.nr, r.calls, r.errors, r.total, r.min, r.max) for r in rows] == [
        (0, 1, 0, 15 * US, 15 * US, 15 * US), (1, 2, 1, 7 * US, 0, 7 * US)]


def test_stats_system_time() -> None:
    st = Stats()
    st.add(_call(4, 0, 99 * S, s0=10 * US, s1=14 * US))
    assert st.counts()[0].total == 4 * US
