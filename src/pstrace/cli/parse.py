"""Turn pstrace's command line into Options, validating it as strace 6.1 does.

Counterpart of the option loop and the checks after it in strace.c's init().
Every message, its "Try ... -h" line (or its absence), the order in which
the checks run and the exit status were learnt by running strace 6.1.
Expressions given to -e and its long equivalents are kept as raw strings,
(qualifier, value) in command-line order, for the filters to parse.
"""

from __future__ import annotations

import os

from pstrace import filters
from pstrace._lazy_re import compile_lazily
from pstrace.cli import options as opt
from pstrace.cli.getopt import GetoptError, Parsed, getopt_long
from pstrace.errors import PstraceError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field

INT_MAX = 2**31 - 1
# strace 6.1 rejects -s values above this (found by bisection).
STRING_LIMIT_MAX = 2**30 - 1

_C_SPACE = " \t\n\v\f\r"
_INT_RE = compile_lazily(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")
_OVERHEAD_RE = compile_lazily(
    r"[ \t\n\v\f\r]*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(s|ms|us|ns)?")
_PID_DELIMITERS = compile_lazily(r"[, \t\n]")
_UNIT_SECONDS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}


class UsageError(Exception):
    """A command line strace rejects.

    ``text`` is everything to write to stderr (warnings printed before the
    error, the error, and the "Try ..." line when strace prints one), ending
    in a newline; ``status`` is the exit status.
    """

    def __init__(self, text: str, status: int = 1) -> None:
        super().__init__(text)
        self.text = text
        self.status = status

    @property
    def message(self) -> str:
        return self.text

    @property
    def exit_status(self) -> int:
        return self.status


@dataclass
class Options:
    """Everything the command line asks for, with strace's defaults."""

    prog: str = "pstrace"
    action: str | None = None            # -h / -V: text for stdout, exit 0
    command: list[str] = field(default_factory=list)
    column: int = 40                      # -a
    append: bool = False                  # -A
    detach_on_execve: bool = False        # -b execve
    summary_only: bool = False            # -c
    summary: bool = False                 # -C
    debug: int = 0                        # -d count
    daemonize: int = 0                    # -D count / --daemonize: 0..3
    env: list[str] = field(default_factory=list)       # -E, in order
    follow_forks: bool = False            # -f / --follow-forks / -F
    output_separately: bool = False       # -ff / --output-separately
    instruction_pointer: bool = False     # -i
    interruptible: int | None = None      # -I: 1..4 (None: strace's default)
    stack_traces: bool = False            # -k
    syscall_number: bool = False          # -n
    output: str | None = None             # -o (the last one wins)
    overhead: float | None = None         # -O, in seconds
    pids: list[int] = field(default_factory=list)      # -p, in order
    paths: list[str] = field(default_factory=list)     # -P, in order
    quiet: int = 0                        # -q count
    relative_timestamps: bool = False     # -r
    relative_precision: str = "us"
    string_limit: int = 32                # -s
    sort_by: str = "time"                 # -S
    timestamps: str = "none"              # -t: none, time or unix
    timestamp_precision: str = "s"
    syscall_times: bool = False           # -T
    syscall_times_precision: str = "us"
    user: str | None = None               # -u
    summary_columns: list[str] | None = None           # -U
    verbose: bool = False                 # -v
    wall_clock: bool = False              # -w
    xflag: int = 0                        # 0, 1 -x, 2 -xx, 3 non-ascii-chars
    const_print_style: str | None = None  # -X raw|abbrev|verbose
    decode_fds: int = 0                   # -y count
    status_only: str | None = None        # -z successful / -Z failed (last)
    seccomp_bpf: bool = False
    json: bool = False                    # --json: JSON Lines instead of text
    tips: str | None = None               # --tips[=ARG]
    tree: bool = False                    # --tree (pstrace's own, as the three below)
    report: str | None = None             # --report FILE.html
    perfetto: str | None = None           # --perfetto FILE
    color: str = "auto"                   # --color[=auto|always|never]
    # -e EXPR and long equivalents: (canonical qualifier, raw value).
    qualifiers: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # lines for stderr

    @property
    def wants_reports(self) -> bool:
        """Whether it asks for --tree, --report or --perfetto (cli/reports.py)."""
        return self.tree or self.report is not None or self.perfetto is not None


def program_name(argv0: str) -> str:
    """The name diagnostics start with: strace prints its argv[0] as invoked.  A
    console script sees the path the shell found it at, so a script found through
    PATH is named by its basename (what was typed), one run by a path elsewhere by
    that path ("/abs/bin/pstrace: ..."), and "pstrace" under ``python -m pstrace``."""
    if not argv0 or argv0.endswith("__main__.py") or argv0 == "-m":
        return "pstrace"
    base = os.path.basename(argv0)
    if "/" not in argv0 or _which(base) == argv0:
        return base
    return argv0


def _which(name: str) -> str | None:
    """shutil.which(name) for a bare name, without importing shutil (and with it bz2,
    lzma, fnmatch: issue #11, start-up): the first executable file of that name in
    PATH (the system's default path when PATH is unset)."""
    path = os.environ.get("PATH")
    if path is None:
        try:
            path = os.confstr("CS_PATH")
        except (AttributeError, ValueError):
            path = os.defpath
    seen = set()
    for d in (path or "").split(os.pathsep):
        if d in seen:
            continue
        seen.add(d)
        found = os.path.join(d, name)
        if os.path.exists(found) and os.access(found, os.X_OK) and not os.path.isdir(found):
            return found
    return None


def _c_int(text: str, low: int, high: int) -> int | None:
    """strtol(text, 10) that must consume everything and land in [low, high]."""
    m = _INT_RE.fullmatch(text)
    if m is None:
        return None
    value = int(m.group(1))
    return value if low <= value <= high else None


@dataclass
class _State:
    """What the option loop saw, beyond Options, for the checks after it."""

    t_count: int = 0
    abs_long: bool = False
    x_count: int = 0
    hex_long: bool = False
    y_count: int = 0
    decode_fds_long: bool = False
    f_count: int = 0
    follow_long: bool = False
    separately_long: bool = False
    d_count: int = 0
    daemonize_long: bool = False
    quiet_qualifier: bool = False
    big_f: int = 0
    z_seen: int = 0
    summary_columns_set: bool = False
    sort_by_set: bool = False


class _Parser:
    def __init__(self, prog: str) -> None:
        self.prog = prog
        self.o = Options(prog=prog)
        self.s = _State()
        self.version = False

    # -- diagnostics -------------------------------------------------------
    def _text(self, *lines: str) -> str:
        return "".join(f"{self.prog}: {w}\n" for w in self.o.warnings) + "".join(lines)

    def usage_error(self, message: str) -> UsageError:
        """error_msg_and_help: the message, then the "Try" line."""
        return UsageError(self._text(
            f"{self.prog}: {message}\n",
            f"Try '{self.prog} -h' for more information.\n"))

    def fatal(self, message: str) -> UsageError:
        """error_msg_and_die: the message alone."""
        return UsageError(self._text(f"{self.prog}: {message}\n"))

    def invalid(self, option: str, value: str) -> UsageError:
        return self.usage_error(f"invalid {option} argument: '{value}'")

    def warn(self, message: str) -> None:
        self.o.warnings.append(message)

    # -- the option loop ---------------------------------------------------
    def run(self, argv: list[str]) -> Options:
        try:
            for item in getopt_long(argv, opt.SHORT_OPTSTRING, opt.LONG_OPTIONS):
                if isinstance(item, int):
                    self.o.command = list(argv[item:])
                    break
                self.option(item)
                if self.o.action is not None:
                    return self.o
        except GetoptError as e:
            raise UsageError(self._text(
                e.message + "\n", f"Try '{self.prog} -h' for more information.\n")) from None
        return self.finish()

    def option(self, p: Parsed) -> None:
        o, s, a = self.o, self.s, p.arg
        key = p.key
        if key.startswith("q:"):
            self.qualifier(key[2:], a or "")
            return
        handler = getattr(self, "opt_" + key.replace("-", "_"), None)
        if handler is not None:
            handler(p)
            return
        flags = {"A": "append", "c": "summary_only", "C": "summary",
                 "i": "instruction_pointer", "k": "stack_traces",
                 "n": "syscall_number", "v": "verbose", "w": "wall_clock",
                 "seccomp-bpf": "seccomp_bpf", "json": "json"}
        if key in flags:
            setattr(o, flags[key], True)
        elif key == "d":
            o.debug += 1
        elif key == "f":
            s.f_count += 1
        elif key == "F":
            s.big_f += 1
        elif key == "follow-forks":
            s.follow_long = True
        elif key == "output-separately":
            s.separately_long = True
        elif key == "h":
            from .usage import help_text  # (-h, -V and --json-schema only: issue #11)
            o.action = help_text(self.prog)
        elif key == "V":
            self.version = True
        elif key == "json-schema":
            from ..schema import schema_text
            o.action = schema_text()
        elif key == "q":
            o.quiet += 1
        elif key == "r":
            o.relative_timestamps = True
        elif key == "t":
            s.t_count += 1
        elif key == "T":
            o.syscall_times = True
        elif key == "x":
            s.x_count += 1
        elif key == "y":
            s.y_count += 1
        elif key == "Y":
            o.qualifiers.append(("decode-pids", "comm"))
        elif key == "pidns-translation":
            o.qualifiers.append(("decode-pids", "pidns"))
        elif key in ("z", "Z"):
            s.z_seen += 1
            o.status_only = "successful" if key == "z" else "failed"
        elif key == "D":
            s.d_count += 1
        elif key == "E":
            o.env.append(a or "")
        elif key == "o":
            o.output = a
        elif key == "P":
            o.paths.append(a or "")
        elif key == "u":
            o.user = a
        else:  # pragma: no cover - the table and the handlers disagree
            raise AssertionError(f"unhandled option {key!r}")

    # options with arguments
    def opt_a(self, p: Parsed) -> None:
        value = _c_int(p.arg or "", 0, INT_MAX)
        if value is None:
            raise self.invalid(self._name(p, "-a"), p.arg or "")
        self.o.column = value

    def opt_b(self, p: Parsed) -> None:
        if p.arg != "execve":
            raise self.fatal(f"Syscall '{p.arg}' for -b isn't supported")
        self.o.detach_on_execve = True

    def opt_e(self, p: Parsed) -> None:
        expr = p.arg or ""
        name, sep, value = expr.partition("=")
        canonical = opt.QUALIFIER_ALIASES.get(name) if sep else None
        if canonical is None:
            self.qualifier("trace", expr)
        else:
            self.qualifier(canonical, value)

    def qualifier(self, name: str, value: str) -> None:
        if name == "secontext":
            self.secontext()
        if name == "quiet":
            self.s.quiet_qualifier = True
        if name == "decode-fds":
            self.s.decode_fds_long = True
        try:
            if name in ("inject", "fault"):
                from pstrace.inject.spec import parse_inject
                parse_inject(value, name == "fault", self.warn)
            else:
                filters.check(name, value)
        except PstraceError as e:
            raise UsageError(self._text(f"{self.prog}: {e.message}\n"), e.status) from None
        self.o.qualifiers.append((name, value))

    def secontext(self) -> None:
        raise self.fatal("SELinux context printing (--secontext option) is not "
                         "supported by this build of strace")

    def opt_secontext(self, p: Parsed) -> None:
        self.secontext()

    def opt_I(self, p: Parsed) -> None:
        text = p.arg or ""
        names = {n: i + 1 for i, n in enumerate(opt.INTERRUPTIBLE_NAMES)}
        names["always"] = 1   # strace 6.1's other word for "anywhere"
        value = names.get(text.lower())
        if value is None:
            value = _c_int(text, 1, len(opt.INTERRUPTIBLE_NAMES))
        if value is None:
            raise self.invalid(self._name(p, "-I"), text)
        self.o.interruptible = value

    def opt_O(self, p: Parsed) -> None:
        import math  # a C extension to load: -O only (issue #11, start-up)
        text = p.arg or ""
        m = _OVERHEAD_RE.fullmatch(text)
        value = float(m.group(1)) if m else math.nan
        if not m or not math.isfinite(value) or value < 0:
            raise self.invalid(self._name(p, "-O"), text)
        self.o.overhead = value * _UNIT_SECONDS[m.group(2) or "us"]

    def opt_p(self, p: Parsed) -> None:
        text = p.arg or ""
        tokens = _PID_DELIMITERS.split(text)
        if tokens and tokens[-1] == "" and len(tokens) > 1:
            tokens.pop()            # "5," is fine, ",5" and "" are not
        if text == "":
            return                  # strace ignores an empty -p ''
        for token in tokens:
            pid = _c_int(token, 1, INT_MAX) if token.strip(_C_SPACE) == token else None
            if pid is None:
                raise self.fatal(f"Invalid process id: '{token}'")
            if pid == os.getpid():
                raise self.fatal("I'm sorry, I can't let you do that, Dave.")
            self.o.pids.append(pid)

    def opt_s(self, p: Parsed) -> None:
        value = _c_int(p.arg or "", 0, STRING_LIMIT_MAX)
        if value is None:
            raise self.invalid(self._name(p, "-s"), p.arg or "")
        self.o.string_limit = value

    def opt_S(self, p: Parsed) -> None:
        text = p.arg or ""
        key = opt.SORT_KEYS.get(text.replace("_", "-"))
        if key is None:
            raise self.usage_error(f"invalid sortby: '{text}'")
        self.o.sort_by = key
        self.s.sort_by_set = True

    def opt_U(self, p: Parsed) -> None:
        text = p.arg or ""
        tokens = text.split(",")
        columns: list[str] = []
        for i, token in enumerate(tokens):
            column = opt.SUMMARY_COLUMNS.get(token.replace("_", "-"))
            if column is None:
                raise self.usage_error(f"unknown column name: '{token}'")
            if column in columns:
                residual = ",".join(tokens[i:])
                raise self.usage_error(
                    f"call summary column has been provided more than once: "
                    f"'{token}' (-U option residual: '{residual}')")
            columns.append(column)
        self.o.summary_columns = columns
        self.s.summary_columns_set = True

    def opt_X(self, p: Parsed) -> None:
        if p.arg not in opt.CONST_PRINT_STYLES:
            raise self.invalid(self._name(p, "-X"), p.arg or "")
        self.o.const_print_style = p.arg

    # long options with optional arguments
    def opt_daemonize(self, p: Parsed) -> None:
        if p.arg is None:
            mode = 1
        elif p.arg.lower() in opt.DAEMONIZE_MODES:
            mode = opt.DAEMONIZE_MODES[p.arg.lower()]
        else:
            raise self.invalid(f"--{p.name}", p.arg)
        self.s.daemonize_long = True
        self.o.daemonize = mode

    def opt_absolute_timestamps(self, p: Parsed) -> None:
        # each occurrence changes only what it names (strace); without "=" the format
        # is the time of day again
        fmt, precision = (self.o.timestamps, self.o.timestamp_precision) \
            if self.s.abs_long else ("time", "s")
        if p.arg is None:
            fmt = "time"
        for token in (p.arg or "").split(","):
            kind, sep, word = token.partition(":")
            if not sep:
                kind, word = "", token
            word = word.lower()
            if word == "" and not sep:
                continue
            if kind in ("", "format") and word in opt.TIMESTAMP_FORMATS:
                fmt = word
            elif kind in ("", "precision") and word in opt.TIME_PRECISIONS:
                precision = word
            else:
                raise self.invalid(f"--{p.name}", p.arg or "")
        self.s.abs_long = True
        self.o.timestamps, self.o.timestamp_precision = fmt, precision

    def _precision(self, p: Parsed) -> str:
        if p.arg is None:
            return "us"
        if p.arg.lower() not in opt.TIME_PRECISIONS:
            raise self.invalid(f"--{p.name}", p.arg)
        return p.arg.lower()

    def opt_relative_timestamps(self, p: Parsed) -> None:
        self.o.relative_precision = self._precision(p)
        self.o.relative_timestamps = True

    def opt_syscall_times(self, p: Parsed) -> None:
        self.o.syscall_times_precision = self._precision(p)
        self.o.syscall_times = True

    def opt_strings_in_hex(self, p: Parsed) -> None:
        modes = {"none": 0, "non-ascii": 1, "all": 2, "non-ascii-chars": 3}
        mode = ("all" if p.arg is None else p.arg).lower()   # "--strings-in-hex=" is not
        if mode not in modes:                                   # its absence (strace)
            raise self.invalid(f"--{p.name}", p.arg or "")
        self.s.hex_long = True
        self.o.xflag = modes[mode]

    def opt_decode_fds(self, p: Parsed) -> None:
        self.qualifier("decode-fds", "path" if p.arg is None else p.arg)

    def opt_quiet(self, p: Parsed) -> None:
        self.qualifier("quiet", "attach,personality" if p.arg is None else p.arg)

    def opt_tips(self, p: Parsed) -> None:
        for token in (p.arg or "").split(","):
            kind, sep, word = token.lower().partition(":")
            if not sep:
                kind, word = "", token.lower()
            is_id = word == "random" or _c_int(word, 0, INT_MAX) is not None
            if not sep and word == "":
                continue
            if kind in ("", "id") and is_id:
                continue
            if kind in ("", "format") and word in opt.TIPS_FORMATS:
                continue
            raise self.invalid(f"--{p.name}", p.arg or "")
        self.o.tips = p.arg if p.arg is not None else ""

    def opt_tree(self, p: Parsed) -> None:
        self.o.tree = True

    def opt_report(self, p: Parsed) -> None:
        self.o.report = p.arg

    def opt_perfetto(self, p: Parsed) -> None:
        self.o.perfetto = p.arg

    def opt_color(self, p: Parsed) -> None:
        if p.arg is not None and p.arg not in opt.COLOR_MODES:
            raise self.invalid("--color", p.arg)
        self.o.color = p.arg or "always"

    def _name(self, p: Parsed, short: str) -> str:
        return f"--{p.name}" if p.name else short

    # -- the checks after the loop, in strace 6.1's order -------------------
    def finish(self) -> Options:
        o, s = self.o, self.s
        if o.summary_only and o.summary:
            raise self.usage_error(
                "-c/--summary-only and -C/--summary are mutually exclusive")
        if self.version:
            from .usage import version_text
            o.action = version_text(self.prog)
            return o
        if not o.command and not o.pids:
            raise self.usage_error("must have PROG [ARGS] or -p PID")
        if s.d_count and s.daemonize_long:
            raise self.fatal("-D and --daemonize cannot be provided simultaneously")
        if s.d_count:
            o.daemonize = s.d_count
        if o.daemonize and not o.command:
            raise self.usage_error("PROG [ARGS] must be specified with -D/--daemonize")
        if s.d_count > 3:
            raise self.usage_error(
                f"Too many -D's ({s.d_count}), maximum supported -D count is 3")
        if o.seccomp_bpf and o.detach_on_execve:
            self.warn("--seccomp-bpf is not enabled because it is not compatible with -b")
            o.seccomp_bpf = False
        for short_given, long_given, pair in (
                (s.t_count, s.abs_long, "-t and --absolute-timestamps"),
                (s.x_count, s.hex_long, "-x and --strings-in-hex"),
                (s.y_count, s.decode_fds_long, "-y and --decode-fds"),
                (s.f_count, s.follow_long, "-f and --follow-forks"),
                (s.f_count >= 2, s.separately_long, "-ff and --output-separately")):
            if short_given and long_given:
                raise self.fatal(f"{pair} cannot be provided simultaneously")
        if s.t_count:
            o.timestamps = "unix" if s.t_count >= 3 else "time"
            o.timestamp_precision = "s" if s.t_count == 1 else "us"
        if s.x_count:
            o.xflag = min(s.x_count, 2)
        o.decode_fds = s.y_count
        o.follow_forks = bool(s.f_count) or s.follow_long
        o.output_separately = s.f_count >= 2 or s.separately_long
        if o.seccomp_bpf:
            self._seccomp_warnings()
        if s.big_f:
            if o.follow_forks:
                self.warn("deprecated option -F ignored")
            else:
                self.warn("option -F is deprecated, please use -f/--follow-forks instead")
                o.follow_forks = True
        if (o.summary_only or o.summary) and o.output_separately:
            raise self.usage_error("(-c/--summary-only or -C/--summary) and "
                                   "-ff/--output-separately are mutually exclusive")
        if o.output_separately and o.output is not None and o.output[:1] in ("|", "!"):
            raise self.usage_error("piping the output and -ff/--output-separately are "
                                   "mutually exclusive")
        for flag, what in ((o.wall_clock, "-w/--summary-wall-clock"),
                           (s.summary_columns_set, "-U/--summary-columns")):
            if flag and not (o.summary_only or o.summary):
                raise self.usage_error(
                    f"{what} must be given with (-c/--summary-only or -C/--summary)")
        self._late_warnings()
        if o.quiet and s.quiet_qualifier:
            raise self.fatal("-q and -e quiet/--quiet cannot be provided simultaneously")
        return o

    def _seccomp_warnings(self) -> None:
        """After -b's (see finish): -p, then -f, as strace 6.1 checks them."""
        o = self.o
        if o.pids and (not o.command or o.debug):
            self.warn("--seccomp-bpf is not enabled for processes attached with -p")
        if not o.follow_forks:
            self.warn("--seccomp-bpf cannot be used without -f/--follow-forks, disabling")
            o.seccomp_bpf = False

    def _late_warnings(self) -> None:
        o, s = self.o, self.s
        if o.summary_only:
            for flag, what in ((o.instruction_pointer, "-i/--instruction-pointer"),
                               (o.stack_traces, "-k/--stack-traces"),
                               (o.syscall_number, "-n/--syscall-number"),
                               (o.relative_timestamps, "-r/--relative-timestamps"),
                               (o.timestamps != "none", "-t/--absolute-timestamps"),
                               (o.syscall_times, "-T/--syscall-times"),
                               (s.y_count or s.decode_fds_long, "-y/--decode-fds")):
                if flag:
                    self.warn(f"{what} has no effect with -c/--summary-only")
        elif s.sort_by_set and not o.summary:
            self.warn("-S/--summary-sort-by has no effect without "
                      "(-c/--summary-only or -C/--summary)")
        if o.output is None:
            if o.append:
                self.warn("-A/--output-append-mode has no effect without -o/--output")
            if s.separately_long and not (s.f_count or s.follow_long or s.big_f):
                self.warn("--output-separately has no effect without -o/--output")
        if s.z_seen > 1:
            self.warn("Only the last of -z/--successful-only/-Z/--failed-only options "
                      "will take effect. See status qualifier for more complex filters.")


def parse_args(argv: list[str]) -> Options:
    """Parse argv (argv[0] is the program name as invoked) like strace 6.1.

    Returns Options (``action`` set for -h/-V: print it to stdout, exit 0;
    ``warnings``: lines to print to stderr as "PROG: LINE"), or raises
    UsageError with strace's message and exit status.
    """
    parser = _Parser(program_name(argv[0] if argv else ""))
    return parser.run(argv)
