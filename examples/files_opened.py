"""The files a command opens, with how often and whether it could.

    python examples/files_opened.py ls /etc
"""
from __future__ import annotations

import sys
from collections import Counter

import pstrace
from pstrace import values as V

OPENS = {"open": 0, "creat": 0, "openat": 1, "openat2": 1}


def main(argv: list[str]) -> int:
    opened: Counter[str] = Counter()
    failed: dict[str, str] = {}
    with pstrace.trace(argv, follow=True, trace=",".join(OPENS)) as session:
        for ev in session:
            if not isinstance(ev, pstrace.Syscall) or ev.name not in OPENS:
                continue
            path = ev.args[OPENS[ev.name]].value
            if not isinstance(path, V.Path):
                continue              # a bad pointer: nothing to name
            name = path.data.decode(errors="backslashreplace")
            if ev.error is None:
                opened[name] += 1
            else:
                failed[name] = ev.error
    for name, count in sorted(opened.items()):
        print(f"{count:4d}  {name}")
    for name, error in sorted(failed.items()):
        print(f"  --  {name}  ({error})")
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
