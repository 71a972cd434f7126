"""A tracer built on the public API only, for the tests: runs
``api_tracer.py JSON_OPTIONS COMMAND...`` and writes ``str(event)`` of every event, one
line each, to stderr (events strace prints no line for are skipped); exits with the
command's status.  The differential API tests run it where they run strace."""
from __future__ import annotations

import json
import os
import sys

import pstrace


def main() -> int:
    options = json.loads(sys.argv[1])
    with pstrace.trace(sys.argv[2:], **options) as session:
        for ev in session:
            line = str(ev)
            if line:
                os.write(2, (line + "\n").encode("utf-8", "surrogateescape"))
    if session.exit_signal is not None:
        return 128 + session.exit_signal
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main())
