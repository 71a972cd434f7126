"""A tracer on the public API for the parser's -f test: runs
``api_pids.py COMMAND...`` with follow=True and writes "PID TEXT" for every event with a
line (pstrace's live merged events), to stderr."""
from __future__ import annotations

import os
import sys

import pstrace


def main() -> int:
    with pstrace.trace(sys.argv[1:], follow=True) as session:
        for ev in session:
            line = str(ev)
            if line:
                os.write(2, f"{ev.pid} {line}\n".encode("utf-8", "surrogateescape"))
    return session.exit_status or 0


if __name__ == "__main__":
    sys.exit(main())
