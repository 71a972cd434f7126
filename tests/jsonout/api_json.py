"""A tracer built on the public API, for the JSON tests: ``api_json.py OPTIONS COMMAND...``
(OPTIONS: pstrace.trace()'s keyword arguments as a JSON object) writes each event the
API yields in its JSON form (pstrace.jsonform), one line each, to stderr, and exits with
the command's status."""
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
