"""What a trace is made of: the typed events the engine emits, one per thing strace
prints a line (or a message) for.

Every view is a consumer of the same stream: the strace text view (views/text.py),
-c (stats.py), the tracer's messages, and the Python API's iterator.  Events are
frozen; a view keeps its own state.  ``str(event)`` is the whole line strace 6.1 prints
for it with default options, as if nothing interleaved (no pid prefix).

Times are integer nanoseconds of CLOCK_REALTIME, 0 where the run did not record them
(the engine stamps events only when a view needs times: -t/-r/-T/-c or the API's
``timing=True``).

strace counterpart: the places in strace.c and syscall.c that print a line
(print_syscall_resume, print_signalled, print_exited, print_stopped ...).
"""
from __future__ import annotations

from .values import Value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field
    from typing import ClassVar

    from .syscalls.catalog import SyscallInfo
else:   # the same classes, faster to import (issue #11)
    from ._records import dataclass, field


class Event:
    """Base class of every event: something happened to thread `pid`."""

    __slots__ = ()
    pid: int

    def __str__(self) -> str:
        from .render.lines import event_line
        return event_line(self)


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of a system call: the kernel's name and C type for it (from the
    syscall tracepoints; None for a value beyond the kernel's arguments) and the
    decoded value.  `keyword`: strace prints it as "name=value" (clone's)."""

    name: str | None
    ctype: str | None
    value: Value
    keyword: bool = False


class End:
    """How a system call's line ended: one of End.RETURNED, End.VANISHED,
    End.SUPERSEDED and End.DETACHED, each with an enum member's `name` and `value`
    (its JSON spelling), repr and pickling (to the same object).  Not an enum.Enum: the
    enum module costs about 2 ms of every start (issue #11)."""

    __slots__ = ("name", "value")
    RETURNED: ClassVar[End]      # the call returned: "= value"
    VANISHED: ClassVar[End]      # the thread died inside it: "<unfinished ...>) = ?"
    SUPERSEDED: ClassVar[End]    # another thread's execve replaced the process: ") = ?"
    DETACHED: ClassVar[End]      # the tracer detached meanwhile: " <detached ...>"

    def __init__(self, name: str) -> None:
        self.name, self.value = name, name.lower()

    def __repr__(self) -> str:
        return f"<End.{self.name}: {self.value!r}>"

    def __hash__(self) -> int:
        return hash(self.name)   # as an Enum member's

    def __reduce__(self) -> tuple[object, tuple[object, str]]:
        return getattr, (End, self.name)


End.RETURNED, End.VANISHED, End.SUPERSEDED, End.DETACHED = (
    End("RETURNED"), End("VANISHED"), End("SUPERSEDED"), End("DETACHED"))


@dataclass(frozen=True, slots=True)
class LineForm:
    """How a line of a strace log was printed around the event pstrace.parse() read from
    it: `prefix` the text before the event's own text as the log had it (the pid, -t/-r
    time, -i and -n prefixes), `timed` whether -T's " <secs>" followed.  The str() of a
    parsed event is then its line again; live events have no form."""

    prefix: str = ""
    timed: bool = False


# The number of a call whose entry stop could not be read: the thread was killed
# (SIGKILL) in between.  Its name is "???", it has no arguments, and it ends when the
# death is reaped (strace's "PID ???( <unfinished ...>" and "<... ??? resumed>) = ?").
UNKNOWN_NR = -1


@dataclass(frozen=True, slots=True)
class SyscallEntry(Event):
    """A traced system call entered.  The arguments decoded at entry are known; the
    rest come with the `Syscall` event of the same thread.  The API yields these only
    when asked (``entries=True``); the text view uses them to show blocking calls live.
    `entry_sep`: the ", " before the arguments decoded at exit belongs to the entry
    half (strace prints "read(0, " before the call blocks).  `complete`: everything
    was decoded at entry (False when the decoder has more to print at exit)."""

    pid: int
    nr: int
    name: str
    values: tuple[Value, ...]
    entry_sep: bool = False
    time: int = 0
    ip: int = 0
    complete: bool = True
    personality: int = 0   # 0 x86_64, 1 i386 (int $0x80), 2 x32: `nr` is that ABI's
    tampered: bool = False   # -e inject=/fault= replaces the call: it returns even if
                             # it never would (exit_group failed with ENOSYS)

    @property
    def n_entry(self) -> int:
        return len(self.values)

    @property
    def args(self) -> tuple[Arg, ...]:
        return name_args(self.nr, self.values, self.personality, self.name)


@dataclass(frozen=True, slots=True)
class Syscall(Event):
    """A system call, merged from its entry and exit.

    values:   the decoded arguments in strace's print order (`args` names them);
              the first `n_entry` were decoded at entry, the rest at exit.
    retval:   the raw return value as a signed long (None when it never returned);
    errno:    the error number (0 for none; injected errors included);
    rvalue:   the decoded return value (a number in its format, an fd with its -y
              decoration, an address...), None on error or when it never returned;
    rcomment: what strace prints in parentheses after it ("Timeout", the flags...);
    fails:    whether -z/-Z/-e status= count it as failed (strace's verdict: modify_ldt's
              zero-extended error fails without an errno);
    injected: -e inject=: True, or strace's "args" / "args, retval" for poked memory;
    t_entry/t_exit: time stamps; stime: the tracee's system CPU time in the call (-c);
    complete: everything was decoded at entry (a call that never returns then ends
    "kill(1, SIGKILL) = ?", otherwise "read(0,  <unfinished ...>) = ?").
    """

    pid: int
    nr: int
    name: str
    values: tuple[Value, ...]
    n_entry: int
    entry_sep: bool
    retval: int | None
    errno: int = 0
    rvalue: Value | None = None
    rcomment: Value | None = None
    end: End = End.RETURNED
    fails: bool = False
    injected: bool | str = False
    delayed: bool = False
    t_entry: int = 0
    t_exit: int = 0
    stime: int = 0
    ip: int = 0
    raw_args: tuple[int, ...] = ()
    complete: bool = True
    personality: int = 0   # 0 x86_64, 1 i386 (int $0x80), 2 x32: `nr` is that ABI's
    form: LineForm | None = field(default=None, compare=False, repr=False)

    @property
    def args(self) -> tuple[Arg, ...]:
        """The arguments with their kernel names and C types."""
        return name_args(self.nr, self.values, self.personality, self.name)

    @property
    def error(self) -> str | None:
        """The error's name ("ENOENT"), or None when the call did not fail."""
        if not self.errno:
            return None
        from .xlat import errno_name
        return errno_name(self.errno) or f"errno {self.errno}"

    @property
    def duration(self) -> float | None:
        """Seconds between entry and exit, when the run recorded times (or a parsed
        log its -T: then t_entry may be 0 where the log gave no -ttt time)."""
        if not self.t_exit or self.end is not End.RETURNED:
            return None
        return (self.t_exit - self.t_entry) / 1e9


@dataclass(frozen=True, slots=True)
class Signal(Event):
    """A signal delivered to a thread: "--- SIGCHLD {si_signo=...} ---".
    siginfo None: strace's bare form.  ip: where the thread stopped (for -i; None
    when not read); last_nr: its last system call, traced or not (for -n)."""

    pid: int
    signo: int
    name: str
    siginfo: Value | None = None
    time: int = 0
    ip: int | None = None
    last_nr: int = 0
    form: LineForm | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Stop(Event):
    """A group-stop: "--- stopped by SIGSTOP ---"."""

    pid: int
    signo: int
    name: str
    time: int = 0
    ip: int | None = None
    last_nr: int = 0
    form: LineForm | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Exit(Event):
    """A thread's end: "+++ exited with 0 +++" (code) or "+++ killed by SIGKILL
    (core dumped) +++" (signo, name, core)."""

    pid: int
    code: int | None = None
    signo: int | None = None
    name: str | None = None
    core: bool = False
    time: int = 0
    last_nr: int = 0
    form: LineForm | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Attach(Event):
    """A thread began to be traced.  how: "launch" (the command pstrace started),
    "daemon" (the same under -D, announced as strace does), "attach" (-p; `threads` is
    how many threads of the process were attached), "fork" (a child or a thread under
    -f; `parent` is the thread that created it)."""

    pid: int
    how: str
    threads: int = 1
    parent: int | None = None


@dataclass(frozen=True, slots=True)
class Detach(Event):
    """The tracer let a thread go (-p at the end, an interrupt, -b execve).  `unknown`:
    a thread the tracer never traced stopped for it (a clone(CLONE_PTRACE) child while
    not following): strace says "Detached unknown pid N"."""

    pid: int
    unknown: bool = False


@dataclass(frozen=True, slots=True)
class Exec(Event):
    """A successful execve in thread `pid`.  When a non-leader thread called it, the
    kernel gave it the leader's pid: `old_pid` is the thread's former pid and strace
    says "+++ superseded by execve in pid OLD +++" for the leader."""

    pid: int
    old_pid: int
    time: int = 0
    last_nr: int = 0


@dataclass(frozen=True, slots=True)
class Personality(Event):
    """A thread's calls switched ABI: "[ Process PID=N runs in 32 bit mode. ]" (mode
    "64 bit", "32 bit" for int $0x80, "x32")."""

    pid: int
    mode: str
    time: int = 0
    last_nr: int = 0


@dataclass(frozen=True, slots=True)
class Comm(Event):
    """--decode-pids=comm (-Y): thread `pid`'s name (/proc/PID/comm), when it is first
    traced and after a call that changes it (execve, execveat, prctl(PR_SET_NAME));
    strace shows it in the line prefix ("1234<name> ").  No line of its own."""

    pid: int
    comm: str


@dataclass(frozen=True, slots=True)
class Message(Event):
    """A message strace prints on stderr about thread `pid`: a decoding warning
    ("umovestr: short read (3 < 4096) @0x7f...: Bad address"), news of a process it
    does not trace ("Exit of unknown pid N ignored"), or -d's lines about the tracer
    itself ("PTRACE_GET_SYSCALL_INFO works": `pid` is then the tracer's).  `quiet`: the
    -e quiet= class that silences it, if any."""

    pid: int
    text: str
    quiet: str | None = None


@dataclass(frozen=True, slots=True)
class IoDump(Event):
    """-e read=/-e write=: the data a call moved through a selected descriptor, per
    buffer (one for read/write, one per iovec for the vectored calls).  `unfetched`:
    the size and address of the piece of a read/write buffer that could not be read
    from the tracee after `buffers[0]` (strace's " | <Cannot fetch N bytes ...>").
    `vectors` (sendmmsg/recvmmsg): per message, its msg_iovlen and how many of
    `buffers` are its own (strace's " = N buffers in vector K")."""

    pid: int
    fd: int
    buffers: tuple[bytes, ...]
    vectored: bool = False
    unfetched: tuple[int, int] | None = None
    vectors: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True, slots=True)
class Unparsed(Event):
    """A line of a strace log that pstrace.parse() could not read back into an event
    (or whose event would not print as the line did): `text` is the line without its
    prefix, `pid` the pid its prefix or file name gave (0 when unknown).  str() gives
    the line back (with its prefix, kept in `form`)."""

    pid: int
    text: str
    form: LineForm | None = field(default=None, compare=False, repr=False)



@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One row of a -c/-C table (a system call's, or the "total" row): times in
    nanoseconds; `percent` (% time) and `per_call` (usecs/call) as the table shows them."""

    name: str
    calls: int
    errors: int
    total: int
    min: int = 0
    max: int = 0
    percent: float = 0.0
    per_call: int = 0


@dataclass(frozen=True, slots=True)
class Summary(Event):
    """The -c/-C table at the end of a run: `columns` are the -U names in print order
    ("time-percent", "total-time", "avg-time", "calls", "errors", "min-time",
    "max-time", "name"), `rows` in print order (-S), `total` the last row.  `wall_clock`
    (-w): the times are wall-clock time, not system CPU time (when known: a parsed table
    does not say).  pid is 0."""

    pid: int
    columns: tuple[str, ...]
    rows: tuple[SummaryRow, ...]
    total: SummaryRow
    wall_clock: bool = False

def name_args(nr: int, vals: tuple[Value, ...], personality: int = 0,
              name: str = "") -> tuple[Arg, ...]:
    """Pair decoded values with the kernel's argument names by position; a value strace
    prints as "name=value" (clone's) keeps strace's name and is a keyword argument."""
    from .syscalls.catalog import by_name, by_nr
    from .values import Named
    row: SyscallInfo | None = by_nr(nr) if not personality else by_name(name)
    specs = row.args if row is not None else ()
    out = []
    for i, v in enumerate(vals):
        if isinstance(v, Named):
            out.append(Arg(v.name, None, v.value, keyword=True))
            continue
        spec = specs[i] if i < len(specs) else None
        out.append(Arg(spec.name if spec else None, spec.ctype if spec else None, v))
    return tuple(out)


__all__ = ["Event", "Arg", "End", "UNKNOWN_NR", "SyscallEntry", "Syscall", "Signal", "Stop", "Exit",
           "Attach", "Detach", "Exec", "IoDump", "Message", "Personality", "Unparsed",
           "name_args"]
