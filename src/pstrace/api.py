"""The library under the command line: a tracing session as an iterator of events.

    import pstrace
    with pstrace.trace(["ls", "-l"], follow=True, trace="%file") as session:
        for ev in session:
            if isinstance(ev, pstrace.Syscall) and ev.error is None:
                print(ev.pid, ev.name, ev.args[1].value, ev.retval)

`trace(argv, **options)` launches a command, `attach(pids, **options)` attaches to
running processes.  Options are keyword arguments named after strace's long options,
with strace's -e spellings accepted as strings (``trace="%file,!close"``).  Leaving the
iteration early, an exception (a predicate's too) or closing the session kills the
processes it launched and detaches the ones it attached to: nothing is left stopped.

The command line (pstrace.cli) builds the same `Session` from its parsed options and
hands every event to its views.  strace counterpart: startup_child(),
startup_attach() and the main loop of strace.c.
"""
from __future__ import annotations

import os
import sys

from ._sys import consts_gen as K
from ._sys import libc
from ._sys.sigmod import signal as _signal
from .decoders.options import DecodeOptions
from .engine.launch import (
    FOLLOW_OPTIONS,
    SEIZE_OPTIONS,
    apply_env,
    find_program,
    launch,
    launch_daemonized,
    lookup_user,
    original_environ,
)
from .engine.probe import can_hand_over, probe
from .engine.tracer import TraceOptions, Tracer
from .errors import PstraceError
from .events import Event, Message, Signal, Stop, Syscall, SyscallEntry
from .filters.sets import (
    NumberSet,
    expand,
    parse_decode_fds,
    parse_signal_set,
    parse_status_set,
    parse_syscall_set,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping
    from dataclasses import dataclass, replace
    from types import TracebackType

    from .inject import InjectTable  # for inject=/fault= only

    Predicate = Callable[[Syscall], bool]
    EntryPredicate = Callable[[SyscallEntry], bool]
else:   # the same classes, faster to import (issue #11)
    from ._records import dataclass, replace

_WALL = K.__WALL


@dataclass(frozen=True)
class Inject:
    """A tampering rule: strace's -e inject= for `syscalls` (an -e trace= spelling),
    optionally scoped by a Python predicate on the decoded call at entry (`where`), e.g.
    ``Inject("openat", error="EACCES", where=lambda c: str(c.args[1].value).endswith(".conf"))``.
    error/retval/signal/delay_enter/delay_exit/when take strace's spellings; with
    `where`, `when` counts only the invocations the predicate accepts."""

    syscalls: str
    error: str | int | None = None
    retval: int | None = None
    signal: str | int | None = None
    delay_enter: str | int | None = None
    delay_exit: str | int | None = None
    when: str | None = None
    where: EntryPredicate | None = None

    def spec(self) -> str:
        """The rule in strace's -e inject= syntax (without the predicate)."""
        parts = [self.syscalls]
        for key in ("error", "retval", "signal", "delay_enter", "delay_exit", "when"):
            value = getattr(self, key)
            if value is not None:
                parts.append(f"{key}={value}")
        return ":".join(parts)


class Session:
    """One tracing run: launch and/or attach, then the events until no tracee is left.

    Iterate over it (or use it as a context manager and iterate inside).  With `emit`
    given, events go straight to that callable instead (the command line's views) and
    `run()` drives the loop; `emit_calls`, if given too, receives the Syscall and
    SyscallEntry events in its place (the consumers that look at calls: issue #11),
    and `emit_entries`, if given too, the SyscallEntry events.
    """

    def __init__(self, opts: TraceOptions, *, argv: list[str] | None = None,
                 pids: Iterable[int] = (), env: list[bytes] | None = None,
                 user: str | None = None, daemonize: int = 0,
                 seccomp: libc.SeccompProgram | None = None, progname: str = "pstrace",
                 emit: Callable[[Event], object] | None = None,
                 emit_calls: Callable[[Event], object] | None = None,
                 emit_entries: Callable[[Event], object] | None = None,
                 entries: bool = False, where: Predicate | None = None,
                 signals: NumberSet | None = None, status: frozenset[str] | None = None,
                 on_attach_error: Callable[[PstraceError], None] | None = None,
                 exit_kill: bool = True, path: str | None = None) -> None:
        self.opts = opts
        self.argv = list(argv) if argv else None
        self.pids = list(pids)
        self.env = env
        self.user = user
        self.daemonize = daemonize
        self.seccomp = seccomp
        self.progname = progname
        self.entries = entries
        self.where = where
        self.signals = signals
        self.status = status
        self.on_attach_error = on_attach_error
        self.exit_kill = exit_kill   # the launched command dies with this process
        self.path = path             # argv[0] already found in PATH (else found at start)
        # the iterator's events, oldest first: a list, not a deque (a step adds a few at
        # most, and the collections module is not loaded at start-up: issue #11)
        self._queue: list[Event] = []
        self._emit_to = emit
        self._emit_calls = emit_calls   # with emit: where Syscall/SyscallEntry go instead
        self._emit_entries = emit_entries   # ... and where SyscallEntry goes
        self.tracer: Tracer | None = None
        self._attached: set[int] = set()
        self._launched: int | None = None
        self._closed = False

    # --- results ------------------------------------------------------------------
    @property
    def exit_status(self) -> int:
        """The launched command's exit code (0 until it exited)."""
        return self.tracer.exit_status if self.tracer is not None else 0

    @property
    def exit_signal(self) -> int | None:
        """The signal that killed the launched command, if one did."""
        return self.tracer.exit_signal if self.tracer is not None else None

    # --- starting -------------------------------------------------------------------
    def start(self) -> None:
        """Launch the command and attach to the pids (once).  Raises PstraceError
        with strace's message when nothing could be traced."""
        if self.tracer is not None:
            return
        features = probe()
        emit = self._emit_to if self._emit_to is not None else self._enqueue
        own = self._emit_to is not None
        tracer = self.tracer = Tracer(self.opts, emit, self._emit_calls if own else None,
                                      self._emit_entries if own else None)
        if not features.syscall_info:   # (a kernel before 5.3, or a seccomp filter)
            from .engine.regs import RegsReader
            tracer.info = RegsReader(tracer.tracees)
        tracer.seccomp = self.seccomp is not None
        tracer.seccomp_default = self.seccomp is not None and self.seccomp.default
        if self.seccomp is not None and self.seccomp.notifying:   # (only without -f)
            tracer.handoff = (self.seccomp.notifying, self.seccomp.insns)
        options = SEIZE_OPTIONS | (FOLLOW_OPTIONS if self.opts.follow_forks else 0)
        # the filter's inheritors are followed (handed over without -f: tracer.py)
        followed = options | (FOLLOW_OPTIONS if tracer.seccomp else 0)
        launch_options = followed | (K.PTRACE_O_EXITKILL if self.exit_kill else 0)
        if self.opts.debug_messages:   # -d: strace's first lines, as true of pstrace
            seized = launch_options if self.argv and not self.daemonize else options
            if self.argv and self.seccomp is not None:
                seized |= K.PTRACE_O_TRACESECCOMP
            for text in (f"ptrace_setoptions = {seized:#x}", *features.notes):
                emit(Message(os.getpid(), text))
        if self.argv:
            env = self.env if self.env is not None else original_environ()
            path = self.path or find_program(self.argv[0], env)
            user = (self.user, *lookup_user(self.user)) if self.user is not None else None
            if self.daemonize:
                pid = launch_daemonized(path, self.argv, env, self.progname, self.daemonize,
                                        followed, self.seccomp, user)   # never EXITKILL
                tracer.add_launched(pid, "daemon")
            else:
                pid = launch(path, self.argv, env, self.progname, launch_options,
                             self.seccomp, user)
                tracer.add_launched(pid)
            self._launched = pid
        for pid in self.pids:
            try:
                tracer.attach(pid, options)
            except PstraceError as e:
                if self.on_attach_error is None:
                    self.close()
                    raise
                self.on_attach_error(e)
            else:
                self._attached.update(t for t in tracer.tracees if t != self._launched)

    # --- the events -------------------------------------------------------------------
    def _enqueue(self, ev: Event) -> None:
        t = type(ev)
        if t is Syscall:
            assert isinstance(ev, Syscall)
            if self.status is not None and not _status_passes(ev, self.status):
                return
            if self.where is not None and not self.where(ev):
                return
        elif t is SyscallEntry:
            if not self.entries:
                return
        elif t is Signal or t is Stop:
            assert isinstance(ev, (Signal, Stop))
            if self.signals is not None and ev.signo not in self.signals:
                return
        self._queue.append(ev)

    def __iter__(self) -> Iterator[Event]:
        self.start()
        tracer = self.tracer
        assert tracer is not None
        queue = self._queue
        try:
            while True:
                while queue:
                    yield queue.pop(0)
                if not tracer.tracees or not tracer.step():
                    break
            while queue:
                yield queue.pop(0)
        finally:
            self.close()

    def run(self) -> None:
        """Drive the loop until no tracee is left (events go to `emit`)."""
        self.start()
        assert self.tracer is not None
        self.tracer.run()

    def reap(self) -> None:
        """Wait for every child of this process to end, reporting them as strace does
        ("Exit of unknown pid N ignored"): what the command line does after the run
        (strace waits for ECHILD)."""
        assert self.tracer is not None
        self.tracer.reap()
        self.tracer.end_handoffs()

    # --- ending ---------------------------------------------------------------------
    def close(self) -> None:
        """Kill what this session launched, detach what it attached to; idempotent."""
        if self._closed or self.tracer is None:
            self._closed = True
            return
        self._closed = True
        tracer = self.tracer
        tracer.end_handoffs()
        doomed = [pid for pid in tracer.tracees if pid not in self._attached]
        for pid in doomed:
            try:
                os.kill(pid, _signal.SIGKILL)
            except OSError:
                pass
        for pid in list(tracer.tracees):
            if pid in self._attached:
                tracer._detach(tracer.tracees.pop(pid))
        # reap the killed ones so that none is left a zombie or in a stop
        for pid in doomed:
            try:
                os.waitpid(pid, _WALL)
            except ChildProcessError:
                pass
            tracer.tracees.pop(pid, None)

    def detach(self) -> None:
        """Let every tracee go on untraced, the launched command too."""
        if self.tracer is not None:
            self.tracer.detach_all()
        self._closed = True

    def interrupt(self, signo: int) -> None:
        """strace's cleanup() on a fatal signal: the command it launched (not under -D)
        gets the same signal, then every tracee is detached and goes on untraced."""
        tracer = self.tracer
        if tracer is not None:
            pid = self._launched
            if pid is not None and pid in tracer.tracees and not self.daemonize:
                for sig in (_signal.SIGCONT, signo):
                    try:
                        os.kill(pid, sig)
                    except OSError:
                        pass
            tracer.detach_all()
            tracer.end_handoffs()
        self._closed = True

    def __enter__(self) -> Session:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _status_passes(ev: Syscall, status: frozenset[str]) -> bool:
    from .events import End
    if ev.end is End.RETURNED:
        return ("failed" if ev.fails else "successful") in status
    return "unfinished" in status


# --- options as keyword arguments ---------------------------------------------------

def _as_spec(value: str | Iterable[str]) -> str:
    return value if isinstance(value, str) else ",".join(value)


def _build(follow: bool = False, trace: str | Iterable[str] | None = None,
           signal: str | Iterable[str] | None = None, status: str | None = None,
           trace_path: str | Iterable[str] | None = None,
           decode_fds: bool | str = False, decode_pids: str | None = None,
           string_limit: int = 32, verbose: bool = False,
           inject: Inject | str | Iterable[Inject | str] | None = None,
           fault: str | Iterable[str] | None = None, timing: bool = False,
           seccomp_bpf: bool = False, where: Predicate | None = None,
           entries: bool = False, progname: str = "pstrace",
           **unknown: object) -> tuple[TraceOptions, dict[str, object]]:
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    fds: frozenset[str] = frozenset()
    if decode_fds is True:
        fds = frozenset({"path"})
    elif isinstance(decode_fds, str):
        from .filters.sets import DECODE_FD_NAMES
        fds = expand(parse_decode_fds(decode_fds), DECODE_FD_NAMES)
    pids: frozenset[str] = frozenset()
    if decode_pids is not None:
        from .filters.sets import DECODE_PID_NAMES, parse_decode_pids
        pids = expand(parse_decode_pids(decode_pids), DECODE_PID_NAMES)
    opts = TraceOptions(decode=DecodeOptions(max_strlen=string_limit, verbose=verbose,
                                             decode_fds=fds, pid_comm="comm" in pids),
                        follow_forks=follow, timing=timing)
    if trace is not None:
        numbers = parse_syscall_set(_as_spec(trace))
        opts.trace = None if numbers.is_all else numbers
    if trace_path is not None:
        from .filters.paths import PathFilter
        opts.paths = PathFilter([trace_path] if isinstance(trace_path, str)
                                else list(trace_path))
    opts.inject = _inject_table(inject, fault)
    extra: dict[str, object] = {"entries": entries, "where": where, "progname": progname,
                                "seccomp_bpf": seccomp_bpf}
    if signal is not None:
        sigs = parse_signal_set(_as_spec(signal))
        extra["signals"] = None if sigs.is_all else sigs
    if status is not None:
        from .filters.sets import STATUS_NAMES
        extra["status"] = expand(parse_status_set(status), STATUS_NAMES)
    return opts, extra


def _inject_table(inject: Inject | str | Iterable[Inject | str] | None,
                  fault: str | Iterable[str] | None) -> InjectTable | None:
    from .inject import InjectTable, parse_inject
    table = InjectTable()
    rules: list[tuple[Inject | str, bool]] = []
    for value, is_fault in ((inject, False), (fault, True)):
        if value is None:
            continue
        if isinstance(value, (str, Inject)):
            rules.append((value, is_fault))
        else:
            rules.extend((v, is_fault) for v in value)
    for rule, is_fault in rules:
        if isinstance(rule, Inject):
            numbers, parsed = parse_inject(rule.spec(), is_fault)
            if rule.where is not None:
                parsed = replace(parsed, where=rule.where)
        else:
            numbers, parsed = parse_inject(rule, is_fault)
        table = table.add(numbers, parsed)
    return table if table.rules else None


def _session(opts: TraceOptions, extra: dict[str, object], **kw: object) -> Session:
    return Session(opts, entries=bool(extra["entries"]),
                   where=extra["where"],  # type: ignore[arg-type]
                   signals=extra.get("signals"),  # type: ignore[arg-type]
                   status=extra.get("status"),  # type: ignore[arg-type]
                   progname=str(extra["progname"]), **kw)  # type: ignore[arg-type]


def trace(argv: list[str], *, env: Mapping[str, str] | Iterable[str] | None = None,
          user: str | None = None, **options: object) -> Session:
    """Launch `argv` (searched in PATH) under the tracer; returns the session, an
    iterator of events.  `env`: a mapping (the whole environment) or strace -E
    strings ("VAR=VAL" sets, "VAR" removes).  See the module docstring for options."""
    opts, extra = _build(**options)  # type: ignore[arg-type]
    base = original_environ()
    from collections.abc import Mapping  # (here: not at the command line's start-up)
    if env is None:
        environ = base
    elif isinstance(env, Mapping):
        environ = [os.fsencode(f"{k}={v}") for k, v in env.items()]
    else:
        environ = apply_env(base, list(env))
    seccomp = default_seccomp(opts, requested=bool(extra["seccomp_bpf"]), launched=True,
                              as_user=user is not None, progname=str(extra["progname"]))
    return _session(opts, extra, argv=list(argv), env=environ, user=user, seccomp=seccomp)


def attach(pids: int | Iterable[int], **options: object) -> Session:
    """Attach to running processes (with ``follow=True``, all their threads and
    future children); returns the session, an iterator of events."""
    opts, extra = _build(**options)  # type: ignore[arg-type]
    return _session(opts, extra, pids=[pids] if isinstance(pids, int) else list(pids))


def has_cap_sys_admin() -> bool:
    """Whether this process may install a seccomp filter without no_new_privs."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("CapEff:"):
                    return bool(int(line.split()[1], 16) >> 21 & 1)
    except (OSError, ValueError):
        pass
    return False


def _can_hand_over() -> bool:
    """The kernel can (engine.handoff), and this is the main thread: the hand-over's
    wait is woken by SIGCHLD through Python's wakeup descriptor, a main-thread affair."""
    # (threading not imported: no thread was started through it, and importing it would
    # cost the command line 2 ms; a thread of _thread's own is not supported)
    threading = sys.modules.get("threading")
    if threading is not None and threading.current_thread() is not threading.main_thread():
        return False
    return can_hand_over()


def default_seccomp(opts: TraceOptions, *, requested: bool, launched: bool,
                    detach_on_execve: bool = False, numbered: bool = False,
                    as_user: bool = False, progname: str = "pstrace",
                    warn: Callable[[str], None] | None = None) -> libc.SeccompProgram | None:
    """The seccomp filter for the launched command, or None.

    --seccomp-bpf (`requested`) asks for it (strace's rules: only with -f, not with
    -b execve).  pstrace also uses it by default wherever it cannot change what is
    printed or how the command runs (see filters.seccomp.default_applies);
    PSTRACE_SECCOMP=0 in the environment turns the default off.  Injection rules
    reach calls that are not printed, and -n (`numbered`) shows the last call's number
    on signal and exit lines, traced or not: both keep every call stopping."""
    from .engine.probe import probe_seccomp
    from .filters import seccomp as bpf
    from .syscalls.catalog import NAMES, NSYSCALLS, nr_of
    trace_set = opts.trace
    trace_all = trace_set is None or getattr(trace_set, "is_all", False)
    cap_sys_admin = has_cap_sys_admin()   # (read from /proc once)
    if requested:
        if not opts.follow_forks or detach_on_execve:
            return None     # the parser already warned, as strace does
        if trace_all:
            if warn is not None:
                warn("Seccomp filter is requested but there are no syscalls "
                     "to filter.  See -e trace to filter syscalls.")
            return None
    elif (os.environ.get("PSTRACE_SECCOMP") == "0" or opts.inject or numbered
          or not bpf.default_applies(launched=launched, trace_all=trace_all,
                                     follow_forks=opts.follow_forks,
                                     can_hand_over=not as_user and _can_hand_over(),
                                     detach_on_execve=detach_on_execve,
                                     can_skip_nnp=cap_sys_admin)):
        return None
    assert trace_set is not None
    numbers = {nr for nr in NAMES if nr in trace_set}
    # the launched child's first exec ends startup; -Y reads names again after these
    # (strace's COMM_CHANGE calls, which its filter always stops at under -Y)
    renaming = ("prctl",) if opts.decode.pid_comm else ()
    # by default, the calls that may install a filter of the tracee's own, which could
    # then hide calls from ours (the engine stops that process at every call from then on)
    own_filter = () if requested else ("seccomp", "prctl")
    for name in ("execve", "execveat", *renaming, *own_filter):
        nr = nr_of(name)
        if nr is not None:
            numbers.add(nr)
    code = bpf.program(sorted(numbers), NSYSCALLS)
    program = libc.SeccompProgram(bpf.pack(code), len(code),
                                  no_new_privs=not cap_sys_admin,
                                  default=not requested,
                                  notifying=b"" if opts.follow_forks or requested
                                  else bpf.pack(bpf.notifying(code)))
    if requested and not probe_seccomp(program):
        if warn is not None:
            warn("seccomp filter is not supported, disabling")
        return None
    return program
