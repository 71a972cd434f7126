"""pstrace's command line: parse strace's options, run the tracer, exit as strace does.

strace counterpart: init() and main() in strace.c.
"""
from __future__ import annotations

from .._sys.sigmod import signal

# A Ctrl-C while pstrace is still starting must end it quietly, not with a traceback.
# (CPython installs its KeyboardInterrupt handler only where SIGINT was not ignored.)
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


import os  # noqa: E402
import sys  # noqa: E402

from ..errors import PstraceError  # noqa: E402
from .parse import UsageError, parse_args, program_name  # noqa: E402
from .run import trace  # noqa: E402
from .stdfds import ensure_opened  # noqa: E402

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import NoReturn


def command(argv: list[str] | None = None) -> NoReturn:
    """The pstrace command (the console script, python -m pstrace): main(), then the
    end of the process.  Once main() has closed its outputs and the standard streams
    are flushed, nothing is left for the interpreter's teardown of every loaded module
    (about 8 ms, issue #11: start-up), so the process ends at once with main's status.
    A stream that cannot be flushed is left to the ordinary exit, which reports it."""
    status = main(argv)
    try:
        for stream in (sys.stdout, sys.stderr):   # None: started with the fd closed
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    prog = program_name(argv[0] if argv else "pstrace")
    ensure_opened()
    if argv[1:2] == ["--parse"] or argv[1:3] == ["--json", "--parse"]:
        from .parselog import parse_log
        if argv[1] == "--json":   # the log's name first, then pstrace's own options
            return parse_log(prog, [*argv[3:4], "--json", *argv[4:]])
        return parse_log(prog, argv[2:])
    try:
        o = parse_args(argv)
    except UsageError as e:
        sys.stderr.write(e.text)
        sys.stderr.flush()
        return e.status
    if o.action is not None:          # -h / -V
        _write_all(1, o.action.encode())
        return 0
    for w in o.warnings:
        os.write(2, f"{prog}: {w}\n".encode())
    try:
        return trace(o, prog)
    except PstraceError as e:
        sys.stderr.flush()
        os.write(2, f"{prog}: {e.message}\n".encode())
        return e.status


def _write_all(fd: int, data: bytes) -> None:
    """Write the help or version text; a write that fails (a full disk, a closed pipe)
    is let go, and the status stays 0, as with strace."""
    try:
        while data:
            data = data[os.write(fd, data):]
    except OSError:
        pass
