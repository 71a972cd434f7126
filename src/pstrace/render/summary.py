"""The -c/-C summary table, laid out as strace 6.1 prints it.

Learnt by running strace 6.1: one column per -U name (default: % time, seconds,
usecs/call, calls, errors, syscall; the syscall column is always there, appended last
when -U leaves it out), a rule of dashes under the header and above the "total" row,
numeric columns right-aligned and as wide as their minimum or their widest value, the
syscall column at least 16 wide and one wider than the longest name, left-aligned and
unpadded when last.  Rows are sorted (-S) descending by the key, syscall names
ascending; ties keep syscall-number order; "nothing" is syscall-number order.
Seconds round to microseconds; usecs/call truncates; an empty errors cell is blank; no
table at all when nothing was counted.  strace counterpart: call_summary() in count.c.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..stats import Counts

DEFAULT_COLUMNS = ("time-percent", "total-time", "avg-time", "calls", "errors", "name")
NAME_MIN_WIDTH = 16


@dataclass(frozen=True)
class _Column:
    header: str
    width: int                              # the minimum width
    cell: Callable[[Counts, int], str]      # (row, grand total ns) -> text


def _secs(ns: int) -> str:
    return "%.6f" % (ns / 1e9)


def _percent(row: Counts, grand: int) -> str:
    return "%.2f" % (100.0 * row.total / grand if grand else 0.0)


def _avg(row: Counts, grand: int) -> str:
    return str(row.total // row.calls // 1000) if row.calls else "0"


COLUMNS: dict[str, _Column] = {
    "time-percent": _Column("% time", 6, _percent),
    "total-time": _Column("seconds", 11, lambda r, g: _secs(r.total)),
    "avg-time": _Column("usecs/call", 11, _avg),
    "calls": _Column("calls", 9, lambda r, g: str(r.calls)),
    "errors": _Column("errors", 9, lambda r, g: str(r.errors) if r.errors else ""),
    "min-time": _Column("shortest", 8, lambda r, g: _secs(r.min)),
    "max-time": _Column("longest", 8, lambda r, g: _secs(r.max)),
}

# -S keys: (sort key of a row, descending?)
_SORT_KEYS: dict[str, tuple[Callable[[Counts], float], bool]] = {
    "time": (lambda r: r.total, True),
    "min-time": (lambda r: r.min, True),
    "max-time": (lambda r: r.max, True),
    "avg-time": (lambda r: r.total / r.calls if r.calls else 0.0, True),
    "calls": (lambda r: r.calls, True),
    "errors": (lambda r: r.errors, True),
}


def sort_rows(rows: list[Counts], sort_by: str) -> list[Counts]:
    """Rows in table order; `rows` must come in syscall-number order."""
    if sort_by == "name":
        return sorted(rows, key=lambda r: r.name.encode())
    spec = _SORT_KEYS.get(sort_by)
    if spec is None:          # "nothing"
        return list(rows)
    key, descending = spec
    if descending:   # negated, not reverse=True: ties keep syscall-number order
        return sorted(rows, key=lambda r: -key(r))
    return sorted(rows, key=key)


def total_row(rows: list[Counts]) -> Counts:
    total = Counts(-1, "total")
    for r in rows:
        total.calls += r.calls
        total.errors += r.errors
        total.total += r.total
    total.min = min(r.min for r in rows)
    total.max = max(r.max for r in rows)
    return total


def format_summary(rows: list[Counts], columns: list[str] | tuple[str, ...] | None = None,
                   sort_by: str = "time") -> str:
    """The whole table as text (with its final newline), or "" when nothing was counted.

    `rows`: the counted syscalls (calls > 0) in syscall-number order."""
    rows = [r for r in rows if r.calls]
    if not rows:
        return ""
    cols = list(columns) if columns else list(DEFAULT_COLUMNS)
    if "name" not in cols:
        cols.append("name")
    ordered = sort_rows(rows, sort_by)
    total = total_row(rows)
    grand = total.total
    table: list[list[str]] = []
    for r in ordered:
        table.append([r.name if c == "name" else COLUMNS[c].cell(r, grand) for c in cols])
    last = ["total" if c == "name" else
            ("100.00" if c == "time-percent" else COLUMNS[c].cell(total, grand))
            for c in cols]
    widths = []
    for i, c in enumerate(cols):
        if c == "name":
            widths.append(max(NAME_MIN_WIDTH, max(len(r.name) for r in rows) + 1))
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
