"""The option table: every short and long option strace 6.1 accepts.

Counterpart of strace's getopt_long tables.  The rows were learnt by probing
strace 6.1 (``strace --=`` lists the whole long-option table in its order; the
order matters because GNU getopt_long reports ambiguities in table order and
takes the first match).  ``key`` identifies what an option does: long options
sharing a key and an argument kind are aliases, which getopt does not consider
ambiguous (``--dae`` picks ``--daemonize``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass


class Arg:
    """Whether an option takes an argument (getopt's has_arg): plain ints, as getopt's
    own constants (no enum module at start-up: issue #11)."""

    NONE = 0
    REQUIRED = 1
    OPTIONAL = 2


@dataclass(frozen=True)
class LongOpt:
    """One row of the long-option table."""

    name: str
    arg: int     # an Arg
    key: str
    exact: bool = False   # pstrace's own options: matched only by their whole name, so
                          # that every abbreviation strace accepts still means the same


# Short options: the leading "+" makes getopt stop at the first non-option.
# A letter followed by ":" takes a required argument.
SHORT_OPTSTRING = "+a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ"

N, R, O = Arg.NONE, Arg.REQUIRED, Arg.OPTIONAL  # noqa: E741 (getopt_long's three kinds)

# In strace 6.1's table order (as listed by `strace --=`).
LONG_OPTIONS: tuple[LongOpt, ...] = (
    LongOpt("columns", R, "a"),
    LongOpt("output-append-mode", N, "A"),
    LongOpt("detach-on", R, "b"),
    LongOpt("summary-only", N, "c"),
    LongOpt("summary", N, "C"),
    LongOpt("debug", N, "d"),
    LongOpt("daemonize", O, "daemonize"),
    LongOpt("daemonised", O, "daemonize"),
    LongOpt("daemonized", O, "daemonize"),
    LongOpt("env", R, "E"),
    LongOpt("follow-forks", N, "follow-forks"),
    LongOpt("output-separately", N, "output-separately"),
    LongOpt("help", N, "h"),
    LongOpt("instruction-pointer", N, "i"),
    LongOpt("interruptible", R, "I"),
    LongOpt("stack-traces", N, "k"),
    LongOpt("syscall-number", N, "n"),
    LongOpt("output", R, "o"),
    LongOpt("summary-syscall-overhead", R, "O"),
    LongOpt("attach", R, "p"),
    LongOpt("trace-path", R, "P"),
    LongOpt("relative-timestamps", O, "relative-timestamps"),
    LongOpt("string-limit", R, "s"),
    LongOpt("summary-sort-by", R, "S"),
    LongOpt("absolute-timestamps", O, "absolute-timestamps"),
    LongOpt("timestamps", O, "absolute-timestamps"),
    LongOpt("syscall-times", O, "syscall-times"),
    LongOpt("user", R, "u"),
    LongOpt("summary-columns", R, "U"),
    LongOpt("no-abbrev", N, "v"),
    LongOpt("version", N, "V"),
    LongOpt("summary-wall-clock", N, "w"),
    LongOpt("strings-in-hex", O, "strings-in-hex"),
    LongOpt("const-print-style", R, "X"),
    LongOpt("pidns-translation", N, "pidns-translation"),
    LongOpt("successful-only", N, "z"),
    LongOpt("failed-only", N, "Z"),
    LongOpt("failing-only", N, "Z"),
    LongOpt("seccomp-bpf", N, "seccomp-bpf"),
    LongOpt("tips", O, "tips"),
    LongOpt("trace", R, "q:trace"),
    LongOpt("abbrev", R, "q:abbrev"),
    LongOpt("verbose", R, "q:verbose"),
    LongOpt("raw", R, "q:raw"),
    LongOpt("signals", R, "q:signal"),
    LongOpt("status", R, "q:status"),
    LongOpt("read", R, "q:read"),
    LongOpt("write", R, "q:write"),
    LongOpt("fault", R, "q:fault"),
    LongOpt("inject", R, "q:inject"),
    LongOpt("kvm", R, "q:kvm"),
    LongOpt("quiet", O, "quiet"),
    LongOpt("silent", O, "quiet"),
    LongOpt("silence", O, "quiet"),
    LongOpt("decode-fds", O, "decode-fds"),
    LongOpt("decode-pids", R, "q:decode-pids"),
    LongOpt("secontext", O, "secontext"),
    # pstrace's own (strace 6.1 has none of these): reports, colour, JSON
    LongOpt("tree", N, "tree", exact=True),
    LongOpt("report", R, "report", exact=True),
    LongOpt("perfetto", R, "perfetto", exact=True),
    LongOpt("color", O, "color", exact=True),
    LongOpt("json", N, "json", exact=True),
    LongOpt("json-schema", N, "json-schema", exact=True),
)

# Qualifier names accepted before "=" in -e EXPR, mapped to their canonical
# name.  Anything else makes the whole EXPR a "trace" set (as strace does:
# `strace -e foo=bar` complains "invalid system call 'foo=bar'").
QUALIFIER_ALIASES: dict[str, str] = {
    "trace": "trace", "t": "trace",
    "abbrev": "abbrev", "a": "abbrev",
    "verbose": "verbose", "v": "verbose",
    "raw": "raw", "x": "raw",
    "signal": "signal", "signals": "signal", "s": "signal",
    "read": "read", "reads": "read", "r": "read",
    "write": "write", "writes": "write", "w": "write",
    "fault": "fault",
    "inject": "inject",
    "status": "status",
    "quiet": "quiet", "silent": "quiet", "silence": "quiet", "q": "quiet",
    "kvm": "kvm",
    "decode-fds": "decode-fds", "decode-fd": "decode-fds",
    "decode-pids": "decode-pids", "decode-pid": "decode-pids",
    "secontext": "secontext",
}

# Value vocabularies of options whose arguments strace checks while parsing.
# These are names in strace's accepted spelling, not kernel constants.
INTERRUPTIBLE_NAMES = ("anywhere", "waiting", "never", "never_tstp")
CONST_PRINT_STYLES = ("raw", "abbrev", "verbose")
DAEMONIZE_MODES = {"grandchild": 1, "pgroup": 2, "pgrp": 2, "session": 3}
STRINGS_IN_HEX_MODES = ("none", "non-ascii-chars", "non-ascii", "all")
TIMESTAMP_FORMATS = ("none", "time", "unix")
TIME_PRECISIONS = ("s", "ms", "us", "ns")
TIPS_FORMATS = ("none", "compact", "full")
COLOR_MODES = ("auto", "always", "never")
# -S sort keys and -U columns, with strace's aliases ("_" is accepted for "-").
SORT_KEYS = {
    "time": "time", "time-total": "time", "total-time": "time",
    "time-percent": "time",
    "min-time": "min-time", "shortest": "min-time", "time-min": "min-time",
    "max-time": "max-time", "longest": "max-time", "time-max": "max-time",
    "avg-time": "avg-time", "time-avg": "avg-time",
    "calls": "calls", "count": "calls",
    "errors": "errors", "error": "errors",
    "name": "name", "syscall": "name", "syscall-name": "name",
    "nothing": "nothing", "none": "nothing",
}
SUMMARY_COLUMNS = {
    "time-percent": "time-percent",
    "time": "time-percent", "total-time": "total-time", "time-total": "total-time",
    "min-time": "min-time", "shortest": "min-time", "time-min": "min-time",
    "max-time": "max-time", "longest": "max-time", "time-max": "max-time",
    "avg-time": "avg-time", "time-avg": "avg-time",
    "calls": "calls", "count": "calls",
    "errors": "errors", "error": "errors",
    "name": "name", "syscall": "name", "syscall-name": "name",
}
DEFAULT_SUMMARY_COLUMNS = ("time-percent", "total-time", "avg-time", "calls",
                           "errors", "name")
