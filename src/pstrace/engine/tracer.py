"""The ptrace loop: wait for stops, classify them, drive decoders, emit events.

One waitpid(-1, __WALL) per stop (blocking, never polling); one PTRACE_GET_SYSCALL_INFO
per syscall stop into a reused buffer, none at the exit of a call neither shown nor
counted (strace skips get_regs there); calls outside the trace set are resumed without decoding.
The engine knows nothing of text: it hands typed events (pstrace.events) to one `emit`
callable, and every view consumes them.  strace counterpart:
next_event()/dispatch_event() in strace.c and syscall_entering_*/syscall_exiting_* in
syscall.c.
"""
from __future__ import annotations

import os
import time

from .._records import positional
from .._sys import consts_gen as K
from .._sys import libc
from .._sys.sigmod import signal
from ..decoders.options import DecodeOptions
from ..errors import PstraceError
from ..events import (
    UNKNOWN_NR,
    Attach,
    Comm,
    Detach,
    End,
    Event,
    Exec,
    Exit,
    IoDump,
    Message,
    Personality,
    Signal,
    Stop,
    Syscall,
    SyscallEntry,
)
from ..filters import consts_gen as F
from ..syscalls.catalog import (
    PERSONALITIES,
    X32_SYSCALL_BIT,
    SyscallInfo,
    by_nr,
    compat_call,
    compat_key,
    known,
    nr_of,
    unknown_name,
)
from ..xlat import signal_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterable, Mapping
    from dataclasses import dataclass, field, replace

    from ..decoders import lookup
    from ..decoders.base import Call, DecoderSpec, generic_args
    from ..decoders.retval import decode_return
    from ..filters.paths import PathFilter  # for -P only
    from ..inject import Injector, InjectTable  # for -e inject=/fault= only
    from ..values import Int, Value
    from .handoff import Continuer
    from .untraced import Undo  # for clone(CLONE_UNTRACED) under the filter only
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field, replace

_SYSCALL_STOP = K.SIGTRAP | 0x80
# waitpid's whole status at a syscall stop, and at a seccomp stop (PTRACE_EVENT_SECCOMP)
_SYSCALL_STATUS = _SYSCALL_STOP << 8 | 0x7F
_SECCOMP_STATUS = (K.PTRACE_EVENT_SECCOMP << 8 | K.SIGTRAP) << 8 | 0x7F
_WALL = K.__WALL
_PEEK = libc.WAIT_PEEK   # see a stop, leave it waiting
_ENTRY = K.PTRACE_SYSCALL_INFO_ENTRY
_EXIT = K.PTRACE_SYSCALL_INFO_EXIT
_SECCOMP = K.PTRACE_SYSCALL_INFO_SECCOMP
_GROUP_STOP_SIGS = frozenset((K.SIGSTOP, K.SIGTSTP, K.SIGTTIN, K.SIGTTOU))
_EXECVE_NAMES = frozenset(("execve", "execveat"))
_ERESTART_RESTARTBLOCK = 516   # include/linux/errno.h (kernel-internal, no UAPI header)
_FORK_EVENTS = frozenset((K.PTRACE_EVENT_FORK, K.PTRACE_EVENT_VFORK, K.PTRACE_EVENT_CLONE))
_CLONES = frozenset((F.__NR_clone, F.__NR_clone3))   # may ask for an untraced child
_U64 = 0xFFFFFFFFFFFFFFFF
_RETURNED = End.RETURNED   # (once: a global loads faster than a class attribute)
_ARCH_X86_64 = F.AUDIT_ARCH_X86_64
_ARCH_I386 = F.AUDIT_ARCH_I386
_NR_PRCTL = K.__NR_prctl
_PR_SET_NAME = K.PR_SET_NAME
_NR_SECCOMP = K.__NR_seccomp
_PR_SET_SECCOMP = K.PR_SET_SECCOMP
_KEEPING = _CLONES | {_NR_SECCOMP, _NR_PRCTL}   # the calls _keep_traced looks at
# the calls after which -Y reads a thread's name again (prctl: PR_SET_NAME only)
_RENAMING = frozenset(nr for nr in map(nr_of, ("execve", "execveat", "prctl"))
                      if nr is not None)
_RENAMES = 1               # _Plan.renames: the call changes the thread's name
_RENAMES_IF_SET_NAME = 2   # ... when its first argument is PR_SET_NAME (prctl)


def _load_decoding() -> None:
    """Import the decoders (and the values they build), binding the names this module
    uses of them, when a run first meets a call it shows or counts: a run that shows
    none (-e trace=none) never loads them (issue #11: start-up).  Once bound, nothing."""
    global Call, Int, decode_return, generic_args, lookup
    if "Call" in globals():
        return
    from ..decoders import lookup
    from ..decoders.base import Call, generic_args
    from ..decoders.retval import decode_return
    from ..values import Int


class _Plan:
    """What every entry of one syscall number needs, worked out at its first stop
    (strace keeps these in its sysent rows and the qual_flg of each number)."""

    __slots__ = ("pers", "name", "row", "known", "untraced", "execve", "renames",
                 "decode", "raw", "spec", "resolved", "plain", "keeps")

    def __init__(self, pers: int, name: str, row: SyscallInfo | None, known_nr: bool,
                 untraced: bool, renames: int | None, decode: DecodeOptions,
                 raw: bool, plain: bool) -> None:
        self.pers = pers
        self.name = name
        self.row = row
        self.known = known_nr     # strace's table names it (else traced whatever -e says)
        self.untraced = untraced  # outside -e trace=
        self.execve = name in _EXECVE_NAMES
        self.renames = renames    # None (not x86_64: -Y ignores it), 0, or the above
        self.decode = decode      # -e abbrev=/verbose= of this number
        self.raw = raw            # printed undecoded (-e raw=, other personalities)
        self.spec: DecoderSpec | None = None
        self.resolved = False     # spec looked up (at the first traced call: a family
                                  # module is imported only when a call of it is traced)
        self.plain = plain   # an entry needs no check but the tracee's (hidden, other
        # personality): 64-bit, known, traced, and no -Y, -P or -d in the run
        self.keeps = not pers and row is not None and row.nr in _KEEPING   # a filtered
        # tracee's entry may need _keep_traced (clone, clone3, seccomp, prctl)


@dataclass
class TraceOptions:
    """What the engine needs to know (built by pstrace.api from the options)."""

    decode: DecodeOptions = field(default_factory=DecodeOptions)
    trace: Container[int] | None = None   # syscall numbers to trace (a filters NumberSet)
    debug: bool = False
    debug_messages: bool = False   # -d: strace's debug lines that are true of pstrace
    # (the ptrace options, the probe's verdict, "pid N invalid syscall 0x...")
    follow_forks: bool = False   # -f: trace children and threads
    decode_args: bool = True     # False for -c alone: nothing is printed, only counted
    # (no SyscallEntry events, no decoders run, Syscall events without values/rvalue)
    timing: bool = False    # stamp events (ns, CLOCK_REALTIME): -t -r -T -w
    rusage: bool = False    # record the tracee's system time in each call: -c
    want_ip: bool = False   # read the instruction pointer at signal stops (-i)
    detach_on_execve: bool = False   # -b execve
    paths: PathFilter | None = None           # -P: .match(mem, pid, name, row, args)
    raw: Container[int] | None = None         # -e raw=: numbers printed undecoded, in hex
    decode_by_nr: Mapping[int, DecodeOptions] | None = None   # -e abbrev=/verbose=
    dump: Callable[[Call], IoDump | None] | None = None       # -e read=/write= data
    inject: InjectTable | None = None   # -e inject=/fault= rules


class Tracee:
    """Per-thread state."""

    __slots__ = ("pid", "call", "hidden", "startup", "in_syscall", "started",
                 "restart_name", "last_nr", "personality", "stop_sig", "renaming",
                 "first_exec", "filtered", "shadow", "undo", "skip_exit", "stepped")

    def __init__(self, pid: int, startup: bool = False) -> None:
        self.pid = pid
        self.started = startup    # False until the first stop of an auto-attached child
        self.restart_name: str | None = None   # the last call ERESTART_RESTARTBLOCK cut
        self.last_nr = 0    # the number of the last syscall entered, traced or not (-n)
        self.call: Call | None = None     # the traced call in progress
        self.hidden = startup             # before the first execve of a launched child
        self.startup = startup
        self.in_syscall = False
        self.personality = 0   # of its last call: 0 x86_64, 1 i386, 2 x32
        self.stop_sig = 0      # the signal of a signal-delivery stop not yet resumed
        self.renaming = False  # -Y: the call in progress may change its comm
        self.first_exec = startup   # the launched command's own execve is still to come
        self.filtered = False  # runs under our seccomp filter (the launched command and
        # its descendants; never a process attached with -p)
        self.shadow = False    # followed only to keep the filter working: never shown
        self.undo: Undo | None = None   # CLONE_UNTRACED cleared, to put back (untraced.py)
        self.skip_exit = False   # its next syscall stop ends a call neither shown nor
        # counted: nothing to read there (strace's TCB_FILTERED, no get_regs)
        self.stepped = False   # filtered, but may have a seccomp filter of its own:
        # stopped at every call's entry (before any filter runs), as without ours


class Interrupted(BaseException):
    """The tracer got SIGINT/SIGTERM/SIGHUP/SIGQUIT.  A BaseException (as
    KeyboardInterrupt): the decoders' `except Exception` fallback must not swallow it."""

    def __init__(self, signo: int) -> None:
        super().__init__(signo)
        self.signo = signo


class Tracer:
    """Runs the loop over every tracee until none is left, handing each event to
    `emit` (a view, or the API's queue)."""

    def __init__(self, opts: TraceOptions, emit: Callable[[Event], object],
                 emit_calls: Callable[[Event], object] | None = None,
                 emit_entries: Callable[[Event], object] | None = None) -> None:
        self.opts = opts
        self.emit = emit
        # the Syscall and SyscallEntry events, the commonest, may skip the consumers
        # that ignore them (the tracer's messages), and go to a consumer's own handler
        # of their type (emit_entries: the SyscallEntry events)
        self.emit_call = emit_calls if emit_calls is not None else emit
        self.emit_entry = emit_entries if emit_entries is not None else self.emit_call
        self.tracees: dict[int, Tracee] = {}
        self.info: libc.InfoReader = libc.SyscallInfoReader()   # (or engine.regs')
        self.mem = libc.MemReader()
        self.mem_pages = self.mem.pages
        # children whose first stop came before their creator's fork event, until that
        # event: one may even have exited meanwhile, and must not be attached again
        self.before_fork: set[int] = set()
        self.launched: int | None = None
        self.exit_status: int = 0           # the launched command's exit code
        self.exit_signal: int | None = None   # ... or its fatal signal
        self.core_dumped = False
        self.stime_ns = 0     # system time of the last waited-for tracee (with rusage)
        self.wait_rusage = libc.rusage_waiter() if opts.rusage else None
        self.seccomp = False  # the launched command runs under our seccomp filter
        # ... which is pstrace's default, not --seccomp-bpf: a tracee's own filter must
        # not hide its calls (strace without --seccomp-bpf sees them all)
        self.seccomp_default = False
        # Without -f under the filter: the command's children and threads inherit it,
        # and a filtered call of a thread nobody traces fails with ENOSYS; so they are
        # handed over to a notification listener at their first stop (handoff.py,
        # with this packed filter and its length), or else followed as shadows,
        # resumed at once and never shown.
        self.handoff: tuple[bytes, int] | None = None
        self.continuer: Continuer | None = None
        self.adopted: set[int] = set()   # shadows that are the tracer's own children
        # -e inject=/fault= (pstrace.inject): tampering at entry/exit, resumes, timers
        self.injector: Injector | None = None
        if opts.inject:
            from ..inject import Injector
            self.injector = Injector(opts.inject, self.tracees, self.emit)
        self.pid_comm = opts.decode.pid_comm   # -Y: emit Comm events
        self.own_children: set[int] = set()   # the tracer's own (-o '|cmd'), not tracees
        self.attached_any = False   # -p seized a process (it has no filter of ours)
        self.interrupt_signal = 0   # a fatal signal to act on before the next wait
        self.waiting = False        # in handle_fatal_signals()' peek: nothing consumed
        self.peek = False
        self.plans: dict[int, _Plan] = {}   # by x86_64 number
        self.compat_plans: dict[tuple[int, int], _Plan] = {}   # by (audit arch, number)

    # --- setup -----------------------------------------------------------------------
    def add_launched(self, pid: int, how: str = "launch") -> None:
        self.launched = pid
        t = self.tracees[pid] = Tracee(pid, startup=True)
        t.filtered = self.seccomp
        self.emit(Attach(pid, how))
        if self.pid_comm:
            self._comm(pid)

    def _now(self) -> int:
        return time.time_ns() if self.opts.timing else 0

    # --- the loop --------------------------------------------------------------------
    def run(self) -> None:
        while self.tracees:
            if not self.step():
                break

    def reap(self) -> None:
        """After the last tracee: wait until no child is left, as strace does (a child
        it inherited, or one a tracee made with CLONE_PARENT, is its child too), unless
        a child of the tracer's own (-o '|cmd') still runs."""
        while not self.own_children and self.step():
            pass

    def handle_fatal_signals(self, signals: Iterable[int]) -> None:
        """Interrupt the loop on these signals (strace's interrupt()): Interrupted is
        raised where no stop is half handled, in the wait or before the next one.  A
        stop consumed but not resumed would lose its signal on detach, so the loop
        then first waits without consuming (WNOWAIT), then takes the stop it saw."""
        self.peek = True
        for sig in signals:
            signal.signal(sig, self._on_fatal_signal)

    def _on_fatal_signal(self, signo: int, _frame: object) -> None:
        self.interrupt_signal = signo
        if self.waiting:
            raise Interrupted(signo)

    def step(self) -> bool:
        """Wait for one stop and handle it; False when no child is left to wait for."""
        wanted = -1
        if self.continuer is not None and self.continuer.listening():
            self._answer_until_stopped()
        try:
            if self.peek:
                if self.interrupt_signal:
                    raise Interrupted(self.interrupt_signal)
                self.waiting = True
                try:
                    seen = os.waitid(os.P_ALL, 0, _PEEK)
                finally:
                    self.waiting = False
                if seen is not None:
                    wanted = seen.si_pid
            if self.wait_rusage is not None:
                pid, status, self.stime_ns = self.wait_rusage(wanted, _WALL)
            else:
                pid, status = os.waitpid(wanted, _WALL)
        except ChildProcessError:
            return False
        if self.mem_pages:   # whatever ran since may have written its memory
            self.mem_pages.clear()   # (self.mem.invalidate(), without a call per stop)
        t = self.tracees.get(pid)
        if t is None:
            if pid in self.own_children:
                if status & 0xFF != 0x7F:
                    self.own_children.discard(pid)
                return True
            if self.injector is not None and self.injector.timer_done(pid):
                return True   # an injected delay is over
            if status & 0xFF != 0x7F:
                if pid != self.launched:   # (-b execve lets the command go)
                    # a child it inherited or a tracee's clone(CLONE_PARENT) child
                    self.emit(Message(pid, f"Exit of unknown pid {pid} ignored", "exit"))
                return True
            if not self.opts.follow_forks and self.handoff is None:
                # a child its parent made with clone(CLONE_PTRACE) while we do not
                # follow: let it go, as strace does ("Detached unknown pid N")
                libc.ptrace_nothrow(K.PTRACE_DETACH, pid, 0, 0)
                self.emit(Detach(pid, unknown=True))
                return True
            t = self._new_tracee(pid, _parent_of(pid))   # a child's stop before its
            # parent's fork event
            self.before_fork.add(pid)
        if status == _SYSCALL_STATUS:   # (the commonest stops, told by the whole status)
            if t.skip_exit:
                self._unseen_exit(t)
            else:
                self._syscall_stop(t)
        elif status == _SECCOMP_STATUS:   # the entry of a call the filter selected
            self._syscall_stop(t)
        elif status & 0xFF == 0x7F:  # stopped
            sig = (status >> 8) & 0xFF
            if status >> 16:
                self._event_stop(t, sig, status >> 16)
            else:
                self._signal_stop(t, sig)
        else:
            self._gone(t, status)
        return True

    def _resume(self, t: Tracee, sig: int = 0) -> None:
        if self.injector is not None and self.injector.resume(t.pid):
            return   # an injected signal or delay
        # With the seccomp filter, traced calls stop by themselves (PTRACE_EVENT_SECCOMP
        # at entry); only a call in progress needs PTRACE_SYSCALL, for its exit stop,
        # and a tracee whose last call was of another personality (i386, x32): its
        # next call of any kind must stop, for strace's personality line.
        if t.filtered and not (t.in_syscall or t.personality or t.stepped):
            libc.resume_cont(t.pid, sig)
        else:
            libc.resume_syscall(t.pid, sig)

    # --- syscall stops -----------------------------------------------------------
    def _syscall_stop(self, t: Tracee) -> None:
        info = self.info.read(t.pid)
        if info is None:   # killed before the stop could be read
            if not (t.in_syscall or t.hidden or t.shadow):
                self._number_lost(t)
            self._resume(t)
            return
        op = info[0]
        if t.shadow:   # a filtered call of an unseen child: it goes on unseen
            self._shadow_call(t, op, info)
        elif op == _EXIT:
            self._exit_stop(t, info)
        elif op != _ENTRY and op != _SECCOMP:
            self._resume(t)
        elif t.in_syscall and t.filtered:
            # the syscall-entry stop that follows a seccomp stop resumed with
            # PTRACE_SYSCALL, or the seccomp stop that follows a syscall-entry stop (after
            # a call of another personality): the call was handled at the first
            self._resume(t)
        else:
            self._entry_stop(t, info)

    def _entry_stop(self, t: Tracee, info: tuple[int, ...]) -> None:
        """A call entered: decoded and shown, or only counted (-c), or let go unseen."""
        t.in_syscall = True
        nr = t.last_nr = info[4]
        if info[1] == _ARCH_X86_64 and not nr & X32_SYSCALL_BIT:
            plan = self.plans.get(nr)
            if plan is None:
                plan = self.plans[nr] = self._plan(0, nr, by_nr(nr))
        else:   # int $0x80 or an x32 call: named from that ABI's table
            key = (info[1], nr)
            plan = self.compat_plans.get(key)
            if plan is None:
                pers, cname, crow = compat_call(info[1] == _ARCH_I386, nr)
                plan = self.compat_plans[key] = self._plan(pers, nr, crow, cname)
        if (not plan.plain or t.hidden or t.personality) and not self._shown(t, plan, info):
            return
        injector = self.injector
        if injector is None and not self.opts.decode_args:
            # -c alone: nothing is decoded or shown, the call is only counted
            t.call = self._new_call(t, plan, info, None)
            if plan.keeps and t.filtered:
                self._keep_traced(t, info)
            self._resume(t)
            return
        if injector is not None and ((t.startup and plan.execve) or plan.pers):
            injector = None   # traced 64-bit calls are tampered with, not our own exec
        late = injector is not None and injector.needs_decoding(nr)
        if injector is not None and not late:
            injector.enter(t, t.pid, nr, info[5:11])
        if not plan.resolved:
            plan.spec = None if plan.raw else lookup(plan.name)
            plan.resolved = True
        call = self._new_call(t, plan, info, plan.spec)
        self._decode_entry(call, plan.row)
        if call.warnings:
            self._warn(call)
        entry = _entry_event(call)
        if late and injector is not None:   # a rule with a predicate on the call
            if injector.enter(t, t.pid, nr, info[5:11], entry):
                call.gen = None   # memory was poked: decode what the kernel sees
                self.mem.invalidate()
                self._decode_entry(call, plan.row)
                entry = _entry_event(call)
        t.call = call
        if injector is not None and injector.tampering(t.pid):
            entry = replace(entry, tampered=True)
        self.emit_entry(entry)
        if plan.keeps and t.filtered:   # (after decoding clone3's flags)
            self._keep_traced(t, info)
        self._resume(t)

    def _shown(self, t: Tracee, plan: _Plan, info: tuple[int, ...]) -> bool:
        """The checks of an entry that is not plain (see _Plan.plain), or made by a
        tracee still hidden or last seen in another personality: False when the call
        is let go unseen (then resumed here)."""
        pid = t.pid
        pers = plan.pers
        opts = self.opts
        renames = plan.renames
        if renames is not None and self.pid_comm:
            t.renaming = renames == _RENAMES or (renames == _RENAMES_IF_SET_NAME
                                                 and info[5] == _PR_SET_NAME)
        if pers != t.personality:
            t.personality = pers
            self.emit(Personality(pid, PERSONALITIES[pers], self._now(), info[4]))
        if t.hidden:
            if not plan.execve:
                self._unseen(t)
                return False
            t.hidden = False
        if not plan.known and opts.debug_messages:
            self.emit(Message(pid, f"pid {pid} invalid syscall {info[4]:#x}"))
        if plan.untraced or (opts.paths is not None and not opts.paths.match(
                self.mem, pid, plan.name, plan.row, info[5:11])):
            t.call = None
            if t.startup and plan.execve:
                t.startup = False   # filtered out: its failure cannot be shown
            if t.filtered:
                self._keep_traced(t, info)
            self._unseen(t)
            return False
        return True

    def _exit_stop(self, t: Tracee, info: tuple[int, ...]) -> None:
        """A call returned: the one in progress, if shown or counted, ends."""
        t.in_syscall = False
        if t.undo is not None:
            self._put_back(t)
        if t.renaming:   # before the call's end: a "resumed" line shows the new name
            t.renaming = False
            if not info[5]:
                self._comm(t.pid)
        if self.injector is not None:
            info = self.injector.exit(t, t.pid, info, t.call)
        call = t.call
        if call is not None:
            t.call = None
            if self.opts.timing:
                call.t_exit = time.time_ns()
            call.s_exit = self.stime_ns
            rval = call.ret = info[4]
            if info[5]:
                call.error = -rval
            if call.gen is not None:
                self._decode_exit(call)
            if call.warnings:
                self._warn(call)
            if call.error == _ERESTART_RESTARTBLOCK:
                t.restart_name = call.name
            self._finished(call)
            if t.startup and call.name in _EXECVE_NAMES:
                t.startup = False
                if call.error:   # strace hides the failing child's own epilogue
                    t.hidden = True
        self._resume(t)

    def _number_lost(self, t: Tracee) -> None:
        """Killed at a call's entry before its number could be read: a call of unknown
        number (UNKNOWN_NR, strace's "???"), which vanishes when the death is reaped."""
        t.in_syscall = True
        _load_decoding()   # (the run may have shown no call yet)
        call = t.call = Call(t.pid, UNKNOWN_NR, "???", (), self.opts.decode, self.mem,
                             None, t)
        if self.opts.timing:
            call.t_entry = time.time_ns()
        self.emit_entry(SyscallEntry(t.pid, UNKNOWN_NR, "???", (), time=call.t_entry))

    def _plan(self, pers: int, nr: int, row: SyscallInfo | None,
              name: str | None = None) -> _Plan:
        """The plan of number `nr` of personality `pers` (its `name` and `row` from
        that ABI's table for i386 and x32)."""
        opts = self.opts
        if name is None:
            name = row.name if row is not None else unknown_name(nr)
        is_known = known(pers, nr)
        fnr = compat_key(pers, nr) if pers else nr   # -e trace= selects per personality
        trace = opts.trace
        # a number strace's table does not know is traced whatever the set
        untraced = trace is not None and fnr not in trace and is_known
        if not untraced:
            _load_decoding()
        renames: int | None = None
        if not pers:
            renames = (0 if nr not in _RENAMING else
                       _RENAMES_IF_SET_NAME if nr == _NR_PRCTL else _RENAMES)
        decode = opts.decode
        if opts.decode_by_nr is not None:
            decode = opts.decode_by_nr.get(nr, decode)
        raw = bool(pers) or (opts.raw is not None and nr in opts.raw)   # other ABIs: generic
        plain = (not pers and is_known and not untraced and not self.pid_comm
                 and opts.paths is None and not opts.debug_messages)
        return _Plan(pers, name, row, is_known, untraced, renames, decode, raw, plain)

    def _new_call(self, t: Tracee, plan: _Plan, info: tuple[int, ...],
                  spec: DecoderSpec | None) -> Call:
        """The call entered at this stop, stamped with where and when."""
        return Call(t.pid, info[4], plan.name, info[5:11], plan.decode, self.mem, spec, t,
                    plan.pers, info[2], info[3],
                    time.time_ns() if self.opts.timing else 0, self.stime_ns)

    def _keep_traced(self, t: Tracee, info: tuple[int, ...]) -> None:
        """A 64-bit clone entered under our filter that asks for an untraced child: its
        flag is cleared until the call returns (untraced.py).  A seccomp filter of the
        tracee's own that could come under our default one: see _step_own_filter.
        Called for a filtered tracee only (the check is the caller's: the hot path)."""
        if info[1] == _ARCH_X86_64:
            nr = info[4]
            if nr in _CLONES:
                from .untraced import clear_untraced  # (not at every start: issue #11)
                t.undo = clear_untraced(t.pid, nr, info[5:11], self.mem)
            elif self.seccomp_default and not t.stepped and (
                    nr == _NR_SECCOMP or (nr == _NR_PRCTL and info[5] == _PR_SET_SECCOMP)):
                self._step_own_filter(t)

    def _step_own_filter(self, t: Tracee) -> None:
        """The tracee may be installing a seccomp filter of its own, which would answer
        some calls (an error, a user notification, a kill) before our default filter
        could stop them, hiding them from the trace.  So from this call on, the process
        (every thread: SECCOMP_FILTER_FLAG_TSYNC) and its future children stop at every
        call's entry, which comes before any filter runs, as they would without ours."""
        try:
            tids = [int(tid) for tid in os.listdir(f"/proc/{t.pid}/task")]
        except OSError:
            tids = []
        for tid in (t.pid, *tids):
            other = self.tracees.get(tid)
            if other is not None and other.filtered and not other.shadow:
                other.stepped = True

    def _put_back(self, t: Tracee, child: bool = False) -> None:
        """The call returned (or, `child`, its new child stopped first): the flags as
        they were."""
        if t.undo is not None:
            from .untraced import undo  # (loaded with clear_untraced, which made t.undo)
            undo(t.pid, t.undo, child)
            t.undo = None

    def _shadow_call(self, t: Tracee, op: int, info: tuple[int, ...]) -> None:
        """A stop of an unseen child under the filter: only a clone that would make an
        untraced child needs care (untraced.py); everything else goes on at once."""
        if op == _EXIT:
            t.in_syscall = False
            self._put_back(t)
        elif not t.in_syscall:
            if t.filtered:
                self._keep_traced(t, info)
            t.in_syscall = t.undo is not None   # then its exit must stop, to put it back
        self._resume(t)

    def _unseen(self, t: Tracee) -> None:
        """Resume a call entered but neither shown nor counted.  Its exit is the
        tracee's next syscall stop (a seccomp stop in between is a PTRACE_EVENT stop),
        and needs no PTRACE_GET_SYSCALL_INFO unless -Y or an injection looks at it."""
        t.skip_exit = not t.renaming and self.injector is None
        self._resume(t)

    def _unseen_exit(self, t: Tracee) -> None:
        """The syscall-exit stop of an _unseen call: only its clone flags to put back."""
        t.skip_exit = False
        t.in_syscall = False
        if t.undo is not None:
            self._put_back(t)
        self._resume(t)

    def _comm(self, pid: int) -> None:
        """-Y: the thread's name now (strace's maybe_load_task_comm)."""
        from ..decoders.base import comm_of
        self.emit(Comm(pid, comm_of(pid) or ""))

    def _finished(self, call: Call) -> None:
        """Emit a returned call, then any -e read=/write= data it moved."""
        opts = self.opts
        if opts.raw is not None and call.spec is None and not call.error \
                and call.nr in opts.raw:
            call.rval = Int(call.ret & _U64, "x")
        self.emit_call(_syscall_event(call, _RETURNED,
                                 decode_return(call) if opts.decode_args else None))
        if opts.dump is not None:
            dump = opts.dump(call)
            if dump is not None:
                self.emit(dump)
            if call.warnings:   # a buffer that could be read only in part
                self._warn(call)

    def _vanished(self, call: Call, end: End = End.VANISHED) -> None:
        """The call will never return here: the process left during it (exit_group, a
        fatal signal, another thread's execve) or the tracer let it go."""
        if self.opts.timing:
            call.t_exit = time.time_ns()
        self.emit_call(_syscall_event(call, end, None))

    def _warn(self, call: Call) -> None:
        for text in call.warnings or ():
            self.emit(Message(call.pid, text))
        call.warnings = None

    def _decode_entry(self, call: Call, row: SyscallInfo | None) -> None:
        if not self.opts.decode_args:
            return
        spec = call.spec
        try:
            if spec is None:
                call.entry = generic_args(call, row)
            elif spec.two_phase:
                gen = spec.func(call)
                assert not isinstance(gen, list)
                call.entry = next(gen)
                call.gen = gen
            else:
                got = spec.func(call)
                assert isinstance(got, list)
                call.entry = got
        except Exception:
            if self.opts.debug:
                raise
            call.gen = None
            call.entry = generic_args(call, row)

    def _decode_exit(self, call: Call) -> None:
        gen = call.gen
        if gen is None:
            return
        try:
            gen.send(None)
        except StopIteration as stop:
            call.exit = stop.value or []
        except Exception:
            if self.opts.debug:
                raise
            call.exit = []
        else:
            call.exit = []

    # --- other stops -----------------------------------------------------------------
    def _ip(self, pid: int) -> int | None:
        """The instruction pointer of a stopped tracee, for -i (None when not asked
        or not readable)."""
        if not self.opts.want_ip:
            return None
        info = self.info.read(pid)
        return info[2] if info is not None else None

    def _signal_stop(self, t: Tracee, sig: int) -> None:
        pid = t.pid
        if t.hidden and sig in (K.SIGSTOP, K.SIGCONT):
            self._resume(t)   # our own startup SIGSTOP/SIGCONT dance
            return
        t.stop_sig = sig   # an interrupt before the resume hands it back on detach
        if t.shadow:
            self._resume(t, sig)
            t.stop_sig = 0
            return
        raw = libc.get_siginfo(pid)
        if not t.hidden:
            # imported on first use: its tables cost start-up time a run without
            # signals need not pay
            from ..decoders.siginfo import decode_siginfo
            self.emit(Signal(pid, sig, signal_name(sig),
                             decode_siginfo(raw, self.opts.decode, pid) if raw else None,
                             self._now(), self._ip(pid), t.last_nr))
        self._resume(t, sig)
        t.stop_sig = 0

    def _event_stop(self, t: Tracee, sig: int, event: int) -> None:
        pid = t.pid
        if event == K.PTRACE_EVENT_STOP:
            if not t.started:            # an auto-attached child's first stop
                t.started = True
                self._put_back(t, child=True)   # its creator's clone flags, in its rdi
                if t.shadow and not self.opts.follow_forks:
                    from .handoff import made_with_clone_ptrace
                    if made_with_clone_ptrace(pid):
                        # strace, not following, lets a clone(CLONE_PTRACE) child go
                        # with a message at its first stop; pstrace hands it over (or
                        # follows it unseen)
                        self.emit(Detach(pid, unknown=True))
                    if self.handoff is not None and self._hand_over(t):
                        return
                self._resume(t)
                return
            if sig in _GROUP_STOP_SIGS and t.shadow:
                libc.ptrace_nothrow(K.PTRACE_LISTEN, pid, 0, 0)
                return
            if sig in _GROUP_STOP_SIGS and not t.hidden:
                self.emit(Stop(pid, sig, signal_name(sig), self._now(), self._ip(pid),
                               t.last_nr))
                self._listen_after_older_events(pid)
                return
            self._resume(t)
            return
        if event in _FORK_EVENTS:
            child = libc.get_event_msg(pid)
            if child in self.before_fork:
                self.before_fork.discard(child)   # attached already, maybe gone already
            elif child not in self.tracees:
                self._new_tracee(child, pid)
            if child in self.tracees:
                new = self.tracees[child]
                new.filtered = t.filtered   # the creator's filter, inherited
                new.stepped = t.stepped and not new.shadow
        elif event == K.PTRACE_EVENT_EXEC:
            old = libc.get_event_msg(pid)
            if old != pid and old in self.tracees:
                thread = self.tracees[old]
                if thread.shadow and not t.shadow:
                    # an unseen thread's execve took the traced leader's pid: what strace
                    # shows without -f, the leader's call cut short and its new program
                    thread.shadow = False
                self._exec_by_thread(t, thread)
            elif not (t.hidden or t.shadow):
                self.emit(Exec(pid, pid, self._now(), t.last_nr))
            elif t.hidden and t.startup:
                # the command's first execve done, its entry never seen: an outer
                # tracer's seccomp notification took precedence over our filter's stop
                # (pstrace under a pstrace without -f: engine/handoff.py); what follows
                # is the command's own
                t.hidden = t.startup = False
            first, t.first_exec = t.first_exec, False
            if self.opts.detach_on_execve and not first:
                # -b execve: leave it after a successful execve (the command's own
                # first execve excepted), as strace 6.1
                self._detach(t)
                self.tracees.pop(t.pid, None)
                return
        self._resume(t)

    def _hand_over(self, t: Tracee) -> bool:
        """An unseen child's first stop without -f: hand it over to a notification
        listener and let it go (handoff.py); False when it stays followed unseen."""
        from .handoff import Continuer, Gone, hand_over
        assert self.handoff is not None
        if self.continuer is None:
            self.continuer = Continuer()
        try:
            sig = hand_over(t.pid, *self.handoff, self.continuer)
        except Gone as g:
            self._gone(t, g.status)
            return True
        except OSError:
            return False
        if sig is None:
            return False
        libc.ptrace_nothrow(K.PTRACE_DETACH, t.pid, 0, sig)
        del self.tracees[t.pid]
        self.adopted.discard(t.pid)
        return True

    def _answer_until_stopped(self) -> None:
        """Before the wait: answer the notifications of the processes handed over until
        a tracee has a stop (or an exit) to take."""
        assert self.continuer is not None
        while True:
            try:
                if os.waitid(os.P_ALL, 0, _PEEK | os.WNOHANG) is not None:
                    return
            except ChildProcessError:
                return
            if self.interrupt_signal:
                raise Interrupted(self.interrupt_signal)
            self.waiting = True
            try:
                self.continuer.answer()
            finally:
                self.waiting = False

    def end_handoffs(self) -> None:
        """The run is over: processes handed over and still running get a keeper."""
        if self.continuer is not None:
            self.continuer.finish()
            self.continuer = None

    def _listen_after_older_events(self, pid: int) -> None:
        """Let a tracee wait in its group-stop (PTRACE_LISTEN), but first handle the
        stops and exits other tracees have waiting, once each at most.  They happened
        before anything it does once let go, but waitpid reports the newest tracee
        first: a process whose exit orphaned the stopped one's process group (which
        sends it SIGHUP) would be seen exiting after that SIGHUP whenever the tracer
        was still busy with the stop (strace's orphaned_process_group test).  The
        LISTEN happens whatever those raise (Interrupted): no stop is left half handled."""
        try:
            for _ in range(len(self.tracees)):
                try:
                    if os.waitid(os.P_ALL, 0, _PEEK | os.WNOHANG) is None:
                        return
                except ChildProcessError:
                    return
                if not self.step():
                    return
        finally:
            libc.ptrace_nothrow(K.PTRACE_LISTEN, pid, 0, 0)

    def _new_tracee(self, pid: int, parent: int | None) -> Tracee:
        t = Tracee(pid)
        self.tracees[pid] = t
        creator = self.tracees.get(parent) if parent is not None else None
        t.filtered = creator.filtered if creator is not None else \
            self.seccomp and not self.attached_any
        if creator is not None and creator.undo is not None and creator.undo.register:
            t.undo = creator.undo
        if not self.opts.follow_forks or (creator is not None and (
                creator.shadow or creator.undo is not None)):
            # unseen: without -f, or made untraced (CLONE_UNTRACED, which the filter's
            # untraced.py cleared), or by an unseen process
            t.shadow = True
            if creator is not None and (creator.pid == self.launched
                                        or creator.pid in self.adopted):
                # clone(CLONE_PARENT): its exit is reported to the tracer as its parent,
                # which strace, not tracing it, reports as "Exit of unknown pid"
                if _parent_of(pid) == os.getpid():
                    self.adopted.add(pid)
            return t
        t.stepped = creator is not None and creator.stepped
        self.emit(Attach(pid, "fork", parent=parent))
        if self.pid_comm:
            self._comm(pid)
        return t

    def _exec_by_thread(self, leader: Tracee, thread: Tracee) -> None:
        """A non-leader thread called execve: the kernel gives it the leader's pid and
        the old leader vanishes silently.  strace says the leader was superseded."""
        lpid = leader.pid
        call = leader.call
        if call is not None:
            leader.call = None
            self._vanished(call, End.SUPERSEDED)
        del self.tracees[thread.pid]
        self.emit(Exec(lpid, thread.pid, self._now(), leader.last_nr))
        leader.call = thread.call
        if leader.call is not None:
            leader.call.pid = lpid
        leader.in_syscall = thread.in_syscall
        leader.skip_exit = thread.skip_exit

    def _gone(self, t: Tracee, status: int) -> None:
        pid = t.pid
        if t.shadow:
            del self.tracees[pid]
            if pid in self.adopted:
                self.adopted.discard(pid)
                self.emit(Message(pid, f"Exit of unknown pid {pid} ignored", "exit"))
            return
        call = t.call
        if call is not None:
            t.call = None
            self._vanished(call)
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
            self.emit(Exit(pid, code, time=self._now(), last_nr=t.last_nr))
            if pid == self.launched:
                self.exit_status = code
        elif os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            core = os.WCOREDUMP(status)
            self.emit(Exit(pid, None, sig, signal_name(sig), core, self._now(), t.last_nr))
            if pid == self.launched:
                self.exit_signal = sig
                self.core_dumped = core
        del self.tracees[pid]

    # --- attaching and detaching ------------------------------------------------------
    def attach(self, pid: int, options: int) -> None:
        """-p PID: seize the process (every thread with -f) and stop it once; its first
        stop is consumed silently.  Raises PstraceError with strace's message."""
        tids = [pid]
        if self.opts.follow_forks:
            try:
                tids = sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))
                tids.remove(pid)
                tids.insert(0, pid)
            except (OSError, ValueError):
                tids = [pid]
        attached = 0
        self.attached_any = True
        for tid in tids:
            try:
                libc.ptrace(K.PTRACE_SEIZE, tid, 0, options)
            except OSError as e:
                if tid == pid:
                    raise PstraceError(f"attach: ptrace(PTRACE_SEIZE, {pid}): "
                                       f"{os.strerror(e.errno or 0)}") from None
                continue
            libc.ptrace_nothrow(K.PTRACE_INTERRUPT, tid, 0, 0)
            self.tracees[tid] = Tracee(tid)
            attached += 1
        self.emit(Attach(pid, "attach", attached))
        if self.pid_comm:
            for tid in tids:
                if tid in self.tracees:
                    self._comm(tid)

    def detach_all(self) -> None:
        """Leave every tracee running as if never traced (strace's cleanup()).

        The loop may have been interrupted between consuming a stop and resuming it,
        so each tracee is interrupted and then detached from whatever stop it is in:
        PTRACE_DETACH only succeeds on a stopped tracee, otherwise wait for its stop.
        """
        for t in list(self.tracees.values()):
            self._detach(t)
        self.tracees.clear()

    def _detach(self, t: Tracee) -> None:
        pid = t.pid
        # still in the signal-delivery stop the loop was handling: deliver its signal
        if t.stop_sig and libc.ptrace_nothrow(K.PTRACE_DETACH, pid, 0, t.stop_sig) == 0:
            self._detached(t)
            return
        libc.ptrace_nothrow(K.PTRACE_INTERRUPT, pid, 0, 0)
        deadline = time.monotonic() + 2.0
        unreported = 0   # polls that found it in a stop with no status to wait for
        while True:
            # Its stop must be waited for before the detach: PTRACE_DETACH from a
            # signal-delivery stop not yet reported would drop that signal.  Only a
            # stop that stays unreported is one the loop consumed before it was
            # interrupted (a fresh stop's status follows its state within microseconds).
            stopped = _in_tracing_stop(pid)
            try:
                p, status = os.waitpid(pid, _WALL | os.WNOHANG)
            except ChildProcessError:
                break   # already reaped
            unreported = unreported + 1 if stopped and p == 0 else 0
            if unreported >= 2 and libc.ptrace_nothrow(K.PTRACE_DETACH, pid, 0, 0) == 0:
                break
            if p == pid:
                if status & 0xFF != 0x7F:
                    break   # it exited meanwhile
                sig = (status >> 8) & 0xFF
                # a signal-delivery-stop: hand the signal back to it
                inject = sig if not status >> 16 and sig != _SYSCALL_STOP else 0
                libc.ptrace_nothrow(K.PTRACE_DETACH, pid, 0, inject)
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.0005)
        self._detached(t)

    def _detached(self, t: Tracee) -> None:
        pid = t.pid
        call = t.call
        t.call = None
        if t.shadow:
            return
        self.emit(Detach(pid))
        if call is not None:
            self._vanished(call, End.DETACHED)


def _in_tracing_stop(pid: int) -> bool:
    """/proc/PID/stat says "t" (tracing stop)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] == b"t"
    except (OSError, IndexError):
        return False


def _parent_of(pid: int) -> int | None:
    """Who created a new tracee whose first stop came before its creator's fork event:
    a thread's group leader, else the parent process (from /proc)."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            text = f.read()
        tgid, ppid = (int(text[start:text.index(b"\n", start)])
                      for start in (text.index(b"\nTgid:") + 6, text.index(b"\nPPid:") + 6))
    except (OSError, ValueError):
        return None
    return tgid if tgid != pid else ppid


# the events of every call, made from all their fields (records.positional: issue #11)
_new_entry = positional(SyscallEntry)
_new_syscall = positional(Syscall)


def _entry_event(c: Call) -> SyscallEntry:
    return _new_entry(c.pid, c.nr, c.name, tuple(c.entry),
                      c.gen is not None and not c.sep_late, c.t_entry, c.ip,
                      c.gen is None, c.personality, False)


def _syscall_event(c: Call, end: End, rvalue: Value | None) -> Syscall:
    entry = c.entry
    exit_ = c.exit
    ret = c.ret
    return _new_syscall(
        c.pid, c.nr, c.name, (*entry, *exit_) if exit_ else tuple(entry),
        len(entry), c.gen is not None and not c.sep_late,
        ret if end is _RETURNED else None, c.error, rvalue, c.rcomment, end,
        (bool(c.error) if c.fails is None else c.fails), c.injected, c.delayed,
        c.t_entry, c.t_exit, c.s_exit - c.s_entry, c.ip, c.args, c.gen is None,
        c.personality, None)
