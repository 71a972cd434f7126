"""The -c/-C summary table, laid out as strace 6.1 prints it.

Learnt by running strace 6.1: one column per -U name (default: % time, seconds,
usecs/call, calls, errors, syscall; the syscall column is always there, appended last
when -U leaves it out), a rule of dashes under the header and above the "total" row,
numeric columns right-aligned and as wide as their minimum or their widest value, the
syscall column at least 16 wide and one wider than the longest name, left-aligned and
unpadded when last.  Rows are sorted (-S) descending by the key, syscall names
ascending; ties keep syscall-number order; "nothing" is syscall-number order.
Seconds round to microseconds; usecs/call truncates; an empty errors cell is blank
(stats.py builds the Summary event with the rows in order).  strace counterpart:
call_summary() in count.c.
"""
from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass

if TYPE_CHECKING:
    from ..events import Summary, SummaryRow

NAME_MIN_WIDTH = 16


@dataclass(frozen=True)
class _Column:
    """One column of the -c table: its header, minimum width and cell text."""

    header: str
    width: int                          # the minimum width
    cell: Callable[[SummaryRow], str]


def _secs(ns: int) -> str:
    return "%.6f" % (ns / 1e9)


COLUMNS: dict[str, _Column] = {
    "time-percent": _Column("% time", 6, lambda r: "%.2f" % r.percent),
    "total-time": _Column("seconds", 11, lambda r: _secs(r.total)),
    "avg-time": _Column("usecs/call", 11, lambda r: str(r.per_call)),
    "calls": _Column("calls", 9, lambda r: str(r.calls)),
    "errors": _Column("errors", 9, lambda r: str(r.errors) if r.errors else ""),
    "min-time": _Column("shortest", 8, lambda r: _secs(r.min)),
    "max-time": _Column("longest", 8, lambda r: _secs(r.max)),
}
HEADERS = {c.header: name for name, c in COLUMNS.items()} | {"syscall": "name"}


def summary_text(summary: Summary) -> str:
    """The whole table as text, with its final newline."""
    cols = summary.columns
    table = [[r.name if c == "name" else COLUMNS[c].cell(r) for c in cols]
             for r in summary.rows]
    last = [summary.total.name if c == "name" else COLUMNS[c].cell(summary.total)
            for c in cols]
    widths = []
    for i, c in enumerate(cols):
        if c == "name":
            widths.append(max(NAME_MIN_WIDTH, max(len(r.name) for r in summary.rows) + 1))
        else:
            widths.append(max(COLUMNS[c].width, len(last[i]), *(len(t[i]) for t in table)))
    name_last = cols[-1] == "name"

    def line(cells: list[str]) -> str:
        out = []
        for i, (c, text) in enumerate(zip(cols, cells, strict=False)):
            if c == "name":
                out.append(text if name_last and i == len(cols) - 1 else text.ljust(widths[i]))
            else:
                out.append(text.rjust(widths[i]))
        return " ".join(out) + "\n"

    header = line(["syscall" if c == "name" else COLUMNS[c].header for c in cols])
    rule = " ".join("-" * w for w in widths) + "\n"
    return header + rule + "".join(line(t) for t in table) + rule + line(last)
