"""`pstrace --parse LOG`: print the events pstrace.parse() reads from a strace log, as
strace text (one line per event; Unparsed lines as they were).

strace counterpart: none.
"""
from __future__ import annotations

import sys

from ..logs import parse


def parse_log(prog: str, args: list[str]) -> int:
    """Print the events of the log named by args[0]; strace's style of message and
    exit status 1 when it cannot be read."""
    if len(args) != 1:
        sys.stderr.write(f"{prog}: --parse takes one log file\n")
        return 1
    out = sys.stdout
    try:
        for ev in parse(args[0]):
            out.write(str(ev) + "\n")
    except OSError as e:
        sys.stderr.write(f"{prog}: Can't open {args[0]}: {e.strerror}\n")
        return 1
    out.flush()
    return 0
