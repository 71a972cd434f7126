"""The per-call fast paths of the output and of -c (issue #11) against their slow cases:
a line that is not valid UTF-8 text (a file name's undecodable bytes, carried as
surrogateescape), a short write, and -c's minimum and maximum whatever the order of the
calls' times.
"""
from __future__ import annotations

import os
import threading

from pstrace.events import Syscall
from pstrace.stats import Stats
from pstrace.views.output import Output


def _written(text: str) -> bytes:
    r, w = os.pipe()
    Output(w).write(text)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        return f.read()


def test_undecodable_bytes_written_as_they_came() -> None:
    name = b"caf\xe9/\xff".decode("utf-8", "surrogateescape")
    assert _written(f"open({name})\n") == b"open(caf\xe9/\xff)\n"


def test_text_written_as_utf8() -> None:
    assert _written("\u00e9\n") == "\u00e9\n".encode()


def test_short_writes_go_on_with_the_rest() -> None:
    # more than a pipe holds: the writes are short until the reader takes some
    text = "x" * (1 << 20) + "\n"
    r, w = os.pipe()
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(os.fdopen(r, "rb").read()))
    reader.start()
    Output(w).write(text)
    os.close(w)
    reader.join()
    assert got == [text.encode()]


def test_stats_minimum_and_maximum() -> None:
    stats = Stats()
    times = [5, 3, 9, 1, 9, 4]
    for t in times:
        stats.add(Syscall(1, 0, "read", (), 0, False, 0, stime=t,
                          errno=2 if t == 9 else 0))
    (row,) = stats.counts()
    assert (row.calls, row.errors, row.total, row.min, row.max) == (
        len(times), 2, sum(times), min(times), max(times))
