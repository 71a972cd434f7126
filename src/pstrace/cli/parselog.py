"""`pstrace --parse LOG [--json] [--tree] [--report FILE.html] [--perfetto FILE]
[--color=WHEN]`: print the events pstrace.parse() reads from a strace log, as strace text
(one line per event; Unparsed lines as they were), or with --json as JSON Lines (the
objects --json writes, with each event's time and ip where the log had them); with
--tree the process tree is printed instead, and --report / --perfetto write their files
from the log's events.

strace counterpart: none.
"""
from __future__ import annotations

import sys

from ..errors import PstraceError
from ..logs import parse
from ..render.color import choose
from ..render.lines import event_line
from ..render.text import TextRenderer
from ..views.json import json_line
from ..views.output import die_of_sigpipe
from . import options as opt
from .getopt import GetoptError, getopt_long
from .parse import Options
from .reports import Reports


def _options(prog: str, args: list[str]) -> Options:
    """The report options after the log's name (pstrace's own long options only)."""
    o = Options(prog=prog)
    table = tuple(x for x in opt.LONG_OPTIONS if x.exact)
    for item in getopt_long([prog, *args], "+", table):
        if isinstance(item, int):
            if item != len(args) + 1:
                raise GetoptError(f"{prog}: --parse takes one log file")
            break
        if item.key == "color":
            if item.arg is not None and item.arg not in opt.COLOR_MODES:
                raise GetoptError(f"{prog}: invalid --color argument: '{item.arg}'")
            o.color = item.arg or "always"
        elif item.key in ("tree", "json"):
            setattr(o, item.key, True)
        elif item.key == "json-schema":
            raise GetoptError(f"{prog}: --parse takes one log file")
        else:
            setattr(o, item.key, item.arg)
    return o


def parse_log(prog: str, args: list[str]) -> int:
    """Print the events of the log named by args[0] (or the reports asked for);
    strace's style of message and exit status 1 when it cannot be read."""
    if not args or args[0].startswith("-"):
        sys.stderr.write(f"{prog}: --parse takes one log file\n")
        return 1
    try:
        o = _options(prog, args[1:])
        reports = Reports(o)
    except GetoptError as e:
        sys.stderr.write(e.message + "\n")
        return 1
    except PstraceError as e:
        sys.stderr.write(f"{prog}: {e.message}\n")
        return 1
    out = sys.stdout
    r = TextRenderer(palette=choose(o.color, out.fileno()))
    try:
        open(args[0], "rb").close()
    except OSError as e:
        sys.stderr.write(f"{prog}: Can't open {args[0]}: {e.strerror}\n")
        return 1
    try:
        for ev in parse(args[0]):
            if reports.wanted:
                reports.collector(ev)
            elif o.json:
                out.write(json_line(ev, None, None))
            else:
                out.write(event_line(ev, r) + "\n")
        out.write(reports.tree_text())
        out.flush()
    except BrokenPipeError:   # a reader that quit early (| head): as cat does
        die_of_sigpipe()
    except OSError as e:   # reading the log or writing the events
        sys.stderr.write(f"{prog}: --parse: {e.strerror}\n")
        return 1
    reports.write_files()
    return 0
