"""The slowest system calls of a command (wall-clock time between entry and exit).

    python examples/slowest_calls.py sh -c 'sleep 0.2; ls > /dev/null'
"""
from __future__ import annotations

import sys

import pstrace


def main(argv: list[str], top: int = 5) -> int:
    calls: list[pstrace.Syscall] = []
    with pstrace.trace(argv, follow=True, timing=True) as session:
        for ev in session:
            if isinstance(ev, pstrace.Syscall) and ev.duration is not None:
                calls.append(ev)
    calls.sort(key=lambda c: c.duration or 0.0, reverse=True)
    for c in calls[:top]:
        print(f"{c.duration:10.6f}s  [{c.pid}] {c}")
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
