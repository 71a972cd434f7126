"""`pstrace --parse LOG [--json]`: print the events pstrace.parse() reads from a strace
log, as strace text (one line per event; Unparsed lines as they were), or with --json as
JSON Lines (the objects --json writes, with each event's time where the log had one).

strace counterpart: none.
"""
from __future__ import annotations

import sys

from ..logs import parse
from ..views.json import json_line


def parse_log(prog: str, args: list[str]) -> int:
    """Print the events of the log named in args (with "--json" among them: as JSON);
    strace's style of message and exit status 1 when it cannot be read."""
    as_json = "--json" in args
    files = [a for a in args if a != "--json"]
    if len(files) != 1 or args.count("--json") > 1:
        sys.stderr.write(f"{prog}: --parse takes one log file\n")
        return 1
    out = sys.stdout
    try:
        for ev in parse(files[0]):
            out.write(json_line(ev, None, None) if as_json else str(ev) + "\n")
    except OSError as e:
        sys.stderr.write(f"{prog}: Can't open {files[0]}: {e.strerror}\n")
        return 1
    out.flush()
    return 0
