"""A -c/-C table of a strace log back into its Summary event: the header names the
columns (-U), the rule of dashes gives each column's span, then one row per system
call, a second rule and the "total" row.

strace counterpart: call_summary() in count.c (which writes the table).
"""
from __future__ import annotations

import re

from ..events import Summary, SummaryRow
from ..render.summary import HEADERS, summary_text

_HEADER = re.compile(r"(?:% time|seconds|usecs/call|calls|errors|shortest|longest|syscall)"
                     r"(?: +(?:% time|seconds|usecs/call|calls|errors|shortest|longest"
                     r"|syscall))* *$")
_RULE = re.compile(r"-+(?: -+)*$")


def is_header(line: str) -> bool:
    """Whether `line` can begin a -c table (its header)."""
    return "syscall" in line and _HEADER.match(line.strip()) is not None


def _ns(text: str) -> int:
    sec, _, frac = text.partition(".")
    if not sec.isdigit() or len(frac) != 6 or not frac.isdigit():
        raise ValueError(text)
    return int(sec) * 1_000_000_000 + int(frac) * 1000


def _row(cells: dict[str, str]) -> SummaryRow:
    def num(col: str) -> int:
        text = cells.get(col, "")
        return int(text) if text else 0
    percent = cells.get("time-percent")
    return SummaryRow(cells["name"], num("calls"), num("errors"),
                      _ns(cells["total-time"]) if "total-time" in cells else 0,
                      _ns(cells["min-time"]) if "min-time" in cells else 0,
                      _ns(cells["max-time"]) if "max-time" in cells else 0,
                      float(percent) if percent else 0.0, num("avg-time"))


def read_table(lines: list[str]) -> Summary | None:
    """The Summary of a whole table (header, rule, rows, rule, total row), or None when
    the lines are not one that prints back exactly."""
    if len(lines) < 5 or not _RULE.match(lines[1]) or lines[-2] != lines[1]:
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]
    heads = [lines[0][a:b].strip() for a, b in spans]
    if heads and heads[-1] == "" and lines[0][spans[-1][0]:].strip():
        heads[-1] = lines[0][spans[-1][0]:].strip()
    if any(h not in HEADERS for h in heads):
        return None
    columns = tuple(HEADERS[h] for h in heads)

    def cells(line: str) -> dict[str, str]:
        out = {}
        for i, (col, (a, b)) in enumerate(zip(columns, spans, strict=True)):
            out[col] = (line[a:] if i == len(spans) - 1 else line[a:b]).strip()
        return out
    try:
        rows = tuple(_row(cells(line)) for line in lines[2:-2])
        total = _row(cells(lines[-1]))
    except (ValueError, KeyError):
        return None
    table = Summary(0, columns, rows, total)
    return table if summary_text(table) == "".join(x + "\n" for x in lines) else None
