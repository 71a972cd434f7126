"""The prefixes strace writes before a line: the pid ("[pid N] " under -f, "N " when
-f writes to a file), the time (-t "HH:MM:SS", -tt with microseconds, -ttt seconds
since the epoch, -r relative seconds), -i's "[IP]" and -n's "[ NR]".

strace counterpart: printleader() in strace.c.
"""
from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass

_PREFIX = re.compile(
    r"(?:\[pid +(?P<pid>\d+)\] |(?P<bare>\d+) +(?=\S))?"
    r"(?:(?P<clock>\d\d:\d\d:\d\d(?:\.\d{6})?) |(?P<epoch>\d+\.\d{6}) |"
    r"(?P<rel> *\d+\.\d{6}) )?"
    r"(?:\[(?P<ip>[0-9a-f?]{16}|\?{16})\] )?"
    r"(?:\[ *(?P<nr>\d+)\] )?")


@dataclass(frozen=True, slots=True)
class Prefix:
    """What a line's prefix said; `end` is where the line's own text starts."""

    pid: int | None
    time_ns: int
    ip: int
    end: int


def read_prefix(line: str) -> Prefix:
    """The prefix of `line` (pid None when it has none)."""
    m = _PREFIX.match(line)
    assert m is not None   # every group is optional
    pid = m.group("pid") or m.group("bare")
    t = 0
    if m.group("epoch"):
        sec, usec = m.group("epoch").split(".")
        t = int(sec) * 1_000_000_000 + int(usec) * 1000
    ip = m.group("ip")
    return Prefix(int(pid) if pid else None, t,
                  int(ip, 16) if ip and "?" not in ip else 0, m.end())
