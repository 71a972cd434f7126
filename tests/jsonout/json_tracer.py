"""A tracer built on the public API, for the JSON tests: runs
``json_tracer.py JSON_OPTIONS COMMAND...`` and writes each event the API yields as the
object --json writes for it (pstrace.jsonform), one line each, to stderr; exits with the
command's status."""
from __future__ import annotations

import json
import os
import sys

import pstrace
from pstrace.jsonform import event_json


def main() -> int:
    options = json.loads(sys.argv[1])
    with pstrace.trace(sys.argv[2:], **options) as session:
        for ev in session:
            line = json.dumps(event_json(ev), ensure_ascii=False, separators=(",", ":"))
            os.write(2, (line + "\n").encode())
    if session.exit_signal is not None:
        return 128 + session.exit_signal
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main())
