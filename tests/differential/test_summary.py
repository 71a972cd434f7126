"""Differential tests of -c/-C (stats.py, render/summary.py): the summary table of
strace 6.1 and of pstrace on the same programs, compared byte for byte except the
measured times.

The time cells (% time, seconds, usecs/call, shortest, longest) are checked for their
format (a number with the right decimals, right-aligned in its column) and then masked;
the header, the rules, the column widths, the syscall names, calls and errors stay exact.
Sorting by a time key orders rows by measured values, which differ between two runs:
those tables are compared as sets of rows, and pstrace's own order is checked against
its printed values.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness
from harness import DEFAULT_NORMALISERS, VOLATILE, compare, run_pstrace, run_strace

PROG_C = r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void work(int n)
{
    for (int i = 0; i < n; i++)
        syscall(SYS_getppid);
    for (int i = 0; i < 3; i++)
        openat(AT_FDCWD, "/nonexistent/pstrace", O_RDONLY);   /* ENOENT */
    for (int i = 0; i < 5; i++)
        close(-1);                                           /* EBADF */
    int fd = open("/dev/null", O_WRONLY);
    for (int i = 0; i < 10; i++)
        write(fd, "x", 1);
    close(fd);
    sched_get_priority_max(SCHED_FIFO);                      /* a 22-char name */
    syscall(SYS_process_vm_readv, -1, NULL, 0, NULL, 0, 0);  /* a 16-char name */
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "plain";
    if (strcmp(mode, "plain") == 0) {
        work(argc > 2 ? atoi(argv[2]) : 20);
    } else if (strcmp(mode, "fork") == 0) {
        for (int k = 0; k < 2; k++) {
            pid_t pid = fork();
            if (pid == 0) {
                work(5 + k);
                _exit(k);
            }
            waitpid(pid, NULL, 0);
        }
        work(1);
    } else if (strcmp(mode, "signal") == 0) {
        work(3);
        kill(getpid(), SIGTERM);
    }
    return 0;
}
"""

TIME_CELL = {
    "% time": re.compile(r"\d+\.\d\d"),
    "seconds": re.compile(r"\d+\.\d{6}"),
    "usecs/call": re.compile(r"\d+"),
    "shortest": re.compile(r"\d+\.\d{6}"),
    "longest": re.compile(r"\d+\.\d{6}"),
}
_RULE = re.compile(r"^-+( -+)*$")


def _spans(rule: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"-+", rule)]


def _cell(line: str, span: tuple[int, int], last: bool) -> str:
    return line[span[0]:] if last else line[span[0]:span[1]]


def mask_tables(text: str, unordered: bool = False) -> str:
    """Mask the time cells of every summary table in `text` (format checked: a bad
    cell is left as it is, so the comparison shows it); with `unordered`, sort the
    rows between the two rules."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and "syscall" in line and _RULE.match(lines[i + 1]):
            spans = _spans(lines[i + 1])
            heads = [_cell(line, s, k == len(spans) - 1).strip() for k, s in enumerate(spans)]
            out += [line, lines[i + 1]]
            i += 2
            body: list[str] = []
            while i < len(lines) and not _RULE.match(lines[i]):
                body.append(_mask_row(lines[i], spans, heads))
                i += 1
            out += sorted(body) if unordered else body
            if i < len(lines):          # the second rule and the total row
                out.append(lines[i])
                if i + 1 < len(lines):
                    out.append(_mask_row(lines[i + 1], spans, heads))
                i += 2
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _mask_row(line: str, spans: list[tuple[int, int]], heads: list[str]) -> str:
    chars = list(line)
    for k, (span, head) in enumerate(zip(spans, heads)):
        pattern = TIME_CELL.get(head)
        if pattern is None:
            continue
        cell = _cell(line, span, k == len(spans) - 1)
        if cell[:1] != " " and len(cell.strip()) < span[1] - span[0]:
            continue   # not right-aligned: leave it visible
        if pattern.fullmatch(cell.strip()):
            chars[span[0]:span[1]] = "~" * (span[1] - span[0])
    return "".join(chars)


# Syscalls pstrace does not decode yet: -C drops their lines from the comparison (the
# table still counts them exactly).
UNDECODED = frozenset(("sched_get_priority_max", "process_vm_readv"))
_CALL = re.compile(r"^(?:\[pid +\d+\] |\d+ +)?(?:<\.\.\. )?([a-z_0-9]+)[( ]")


def decoded_lines(text: str) -> str:
    keep = []
    for line in text.splitlines(keepends=True):
        m = _CALL.match(line)
        if m is None or m.group(1) not in UNDECODED:
            keep.append(line)
    return "".join(keep)


def masked(unordered: bool):
    def norm(text: str) -> str:
        return mask_tables(text, unordered)
    return norm


def table_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """(headers, cells of each row) of the first table in text."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        if "syscall" in line and _RULE.match(lines[i + 1]):
            spans = _spans(lines[i + 1])
            heads = [_cell(line, s, k == len(spans) - 1).strip() for k, s in enumerate(spans)]
            rows = []
            for row in lines[i + 2:]:
                if _RULE.match(row):
                    break
                rows.append([_cell(row, s, k == len(spans) - 1).strip()
                             for k, s in enumerate(spans)])
            return heads, rows
    raise AssertionError("no summary table in:\n" + text)


SORT_COLUMN = {"time": "seconds", "min-time": "shortest", "max-time": "longest",
               "avg-time": "usecs/call"}


def check_time_order(text: str, sort_by: str) -> None:
    """pstrace's rows sorted by a time key: the printed key column never increases
    (printed values are rounded, so equal neighbours are fine)."""
    heads, rows = table_rows(text)
    col = SORT_COLUMN[sort_by]
    if col not in heads:
        return
    k = heads.index(col)
    values = [float(r[k]) for r in rows]
    assert all(a >= b for a, b in zip(values, values[1:])), (sort_by, values)


@pytest.fixture(scope="module")
def prog(tmp_path_factory) -> str:
    src = tmp_path_factory.mktemp("summary") / "stats_prog.c"
    src.write_text(PROG_C)
    return str(harness.build(src))


def table_only(text: str) -> str:
    """From the table's header on (the trace of a fork tree interleaves by chance)."""
    m = re.search(r"^.*syscall\n-", text, re.M)
    return text[m.start():] if m else text


def _run(args: list[str], cmd: list[str], cwd: Path, unordered: bool,
         sort_by: str = "time", check_order: bool = True, only_table: bool = False) -> None:
    expected = run_strace(args, cmd, cwd=cwd)
    actual = run_pstrace(args, cmd, cwd=cwd)
    extra = (decoded_lines,) if "-C" in args else ()
    if only_table:
        extra = (table_only,)
    compare(expected, actual, (*DEFAULT_NORMALISERS, *VOLATILE, *extra, masked(unordered)))
    if unordered and check_order and sort_by in SORT_COLUMN:
        check_time_order(actual.trace.decode(), sort_by)


SORTS = ["time", "min-time", "max-time", "avg-time", "calls", "errors", "name", "nothing",
         "count", "syscall", "time_total", "shortest", "longest", "none", "error"]
TIME_SORTS = {"time", "min-time", "max-time", "avg-time", "time_total", "shortest",
              "longest"}


@pytest.mark.parametrize("sort", SORTS)
def test_sort_keys(prog: str, sort: str, tmp_path: Path) -> None:
    canonical = {"time_total": "time", "shortest": "min-time", "longest": "max-time"}
    unordered = sort in TIME_SORTS
    _run(["-c", "-w", "-S", sort], [prog], tmp_path, unordered, canonical.get(sort, sort))


@pytest.mark.parametrize("sort", ["time", "calls", "name"])
def test_system_time(prog: str, sort: str, tmp_path: Path) -> None:
    """-c without -w: the tracee's system time per call."""
    _run(["-c", "-S", sort], [prog], tmp_path, sort == "time", sort, check_order=False)


COLUMN_SETS = [
    "calls",
    "name,calls",
    "time-percent,name",
    "max-time,name",
    "name,max-time",
    "errors",
    "name,errors,time-percent",
    "avg-time,min-time",
    "min-time,max-time,avg-time,total-time,calls,errors,name",
    "name,calls,errors,min-time,max-time,avg-time,total-time,time-percent",
    "syscall,count,error,shortest,longest,time-avg,time-total,time_percent",
]


@pytest.mark.parametrize("cols", COLUMN_SETS)
def test_columns(prog: str, cols: str, tmp_path: Path) -> None:
    _run(["-c", "-w", "-S", "calls", "-U", cols], [prog], tmp_path, False)


def test_many_calls(prog: str, tmp_path: Path) -> None:
    """Five-digit call counts."""
    _run(["-c", "-w", "-S", "calls"], [prog, "plain", "20000"], tmp_path, False)


def test_default(prog: str, tmp_path: Path) -> None:
    _run(["-c"], [prog], tmp_path, True, check_order=False)


def test_overhead(prog: str, tmp_path: Path) -> None:
    """-O larger than any call: every time is 0 (rows in syscall-number order)."""
    _run(["-c", "-w", "-O", "10s"], [prog], tmp_path, False)
    _run(["-c", "-O", "1ms", "-S", "name"], [prog], tmp_path, False)


def test_output_file(prog: str, tmp_path: Path) -> None:
    _run(["-c", "-w", "-S", "calls", "-o", "{out}"], [prog], tmp_path, False)


def test_summary_with_trace(prog: str, tmp_path: Path) -> None:
    """-C: the trace, then the table, on stderr or in the -o file."""
    _run(["-C", "-w", "-S", "calls"], [prog], tmp_path, False)
    _run(["-C", "-w", "-S", "errors", "-o", "{out}"], [prog], tmp_path, False)


def test_killed_tracee(prog: str, tmp_path: Path) -> None:
    """The tracee dies by a signal: the table, then pstrace dies the same way."""
    _run(["-c", "-w", "-S", "name"], [prog, "signal"], tmp_path, False)
    _run(["-C", "-w", "-S", "name"], [prog, "signal"], tmp_path, False)


def test_nothing_counted(prog: str, tmp_path: Path) -> None:
    _run(["-c", "-e", "trace=clone"], [prog], tmp_path, False)


def test_real_programs(tmp_path: Path) -> None:
    _run(["-c", "-w", "-S", "errors"], ["ls", "/nonexistent"], tmp_path, False)
    _run(["-c", "-w", "-S", "calls"], ["sh", "-c", "echo hi; exit 3"], tmp_path, False)


def test_follow_forks(prog: str, tmp_path: Path) -> None:
    """-c -f: one table for the whole tree."""
    _run(["-c", "-f", "-w", "-S", "calls"], [prog, "fork"], tmp_path, False)
    _run(["-C", "-f", "-w", "-S", "name"], [prog, "fork"], tmp_path, False, only_table=True)


# --- the normaliser itself -----------------------------------------------------------
def test_mask_checks_format() -> None:
    good = ("% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            " 12.50    0.000123          12        10         2 openat\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000123          12        10         2 total\n")
    bad = good.replace("    0.000123          12        10         2 openat",
                       "     0.00012          12        10         2 openat")
    assert mask_tables(good) != mask_tables(bad)
    other = good.replace(" 12.50    0.000123          12", " 99.99   10.000001     1000000")
    assert mask_tables(good) == mask_tables(other)


def _interrupted(tracer: list[str], args: list[str], cmd: list[str]) -> tuple[str, int]:
    """Run a tracer, SIGINT it once the tracee sleeps, return (stderr, returncode)."""
    import signal
    import subprocess
    import time

    proc = subprocess.Popen([*tracer, *args, *cmd], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(harness.DEFAULT_ENV),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    text = re.sub(r"Process \d+ detached", "Process N detached", err.decode())
    return harness.tool_name(text), proc.returncode


def test_interrupted(tmp_path: Path) -> None:
    """SIGINT to the tracer: it detaches, prints the table (the call in progress is not
    counted) and dies by SIGINT."""
    cmd = ["sleep", "5"]
    args = ["-c", "-w", "-S", "calls"]
    expected = _interrupted(harness.strace_command(), args, cmd)
    actual = _interrupted(harness.pstrace_command(), args, cmd)
    assert actual[1] == expected[1] == -2
    assert "clock_nanosleep" not in expected[0]
    assert mask_tables(actual[0]) == mask_tables(expected[0])


@pytest.mark.parametrize("filt", [["-z"], ["-Z"], ["-e", "status=failed"],
                                  ["-e", "status=successful,unfinished"],
                                  ["-e", "status=!failed"]])
@pytest.mark.parametrize("mode", ["-c", "-C"])
def test_status_filters_do_not_change_counts(prog: str, mode: str, filt: list[str],
                                             tmp_path: Path) -> None:
    """-c counts every call, whatever -z/-Z/-e status= hide from the trace (strace 6.1);
    with -C the trace lines are filtered and the table is not."""
    _run([mode, "-w", "-S", "name", *filt], [prog], tmp_path, False)


@pytest.mark.parametrize("columns", ["time,time-max,name", "time_percent,calls,name",
                                     "time-total,name"])
def test_time_column_is_the_percentage(columns: str) -> None:
    """-U's "time" is strace's "% time" column (an alias of time-percent), not the
    seconds: the header and the total line's layout as strace's (strace-S)."""
    args = ["-c", "-U", columns, "-S", "name"]
    cmd = ["/bin/true"]
    def layout(text: str) -> list[str]:   # numbers vary from run to run
        lines = text.splitlines()
        return [lines[0], re.sub(r"\d", "9", lines[-1])]
    want = layout(run_strace(args, cmd).stderr.decode())
    assert layout(run_pstrace(args, cmd).stderr.decode()) == want
