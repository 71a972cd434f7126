"""Apply -e inject=/fault= rules to a running tracee: count invocations, replace the
syscall number on entry, write the return value on exit, deliver signals, poke
memory and delay the tracee.

strace counterpart: tamper_with_syscall_entering()/tamper_with_syscall_exiting() in
syscall.c and the delay timers of delay.c.  As strace does it:

* invocations are counted per syscall and per thread (strace's per-tcb copy of the
  rule table), only for syscalls some rule selects, and not while the launched child
  still runs the tracer's own code (before its first execve); a new tracee (-f)
  starts with fresh counters;
* error=/retval=: on entry the syscall number (orig_rax) becomes -1, or the
  syscall= substitute, so the kernel does nothing; on exit rax gets -errno or the
  value, and the call is printed with " (INJECTED)";
* signal=: the signal is given to the PTRACE_SYSCALL that resumes the entry stop,
  so the kernel sends it to the thread itself (si_code SI_KERNEL, as under strace);
* delay_enter=/delay_exit=: the tracee is left stopped for that long, without
  stalling the others: with one tracee the tracer simply sleeps; with several, a
  forked sleeper process is the timer (its exit wakes the tracer's waitpid(-1), and
  the tracer then resumes the delayed tracee).  Python cannot wait for a child and
  a timer at once without polling; this keeps the loop blocking.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping

from .._sys import consts_gen as S
from .._sys import libc
from ..events import Event, Message
from ..syscalls.catalog import by_nr
from . import consts_gen as K
from .spec import InjectTable, Rule

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from ..decoders.base import Call

_U64 = (1 << 64) - 1


class _ThreadState:
    """One thread's counters and the invocation being tampered with."""

    __slots__ = ("owner", "counts", "active", "poked", "resume_sig", "resume_delay_ns")

    def __init__(self, owner: object) -> None:
        self.owner = owner                 # the engine's tracee object (pid reuse)
        self.counts: dict[int, int] = {}   # syscall number -> invocations seen
        self.active: Rule | None = None    # the rule applied at this call's entry
        self.poked = False                 # the active rule's pokes were written
        self.resume_sig = 0
        self.resume_delay_ns = 0


def _annotation(rule: Rule, poked: bool) -> bool | str:
    """What strace 6.1 prints after the return value: " (INJECTED)" for error=/retval=
    (True), " (INJECTED: args)" when memory was poked, " (INJECTED: args, retval)" for
    both (the string after the colon)."""
    if not poked:
        return True
    return "args, retval" if rule.tampers else "args"


class Injector:
    """The tampering state of one tracing session (built by the engine)."""

    def __init__(self, table: InjectTable, tracees: Mapping[int, object],
                 emit: Callable[[Event], object]) -> None:
        self.table = table
        self._emit = emit                           # the tracer's messages
        self._tracees = tracees                     # the engine's live tracees
        self._rules: dict[int, Rule | None] = {}    # syscall number -> rule (cache)
        self._threads: dict[int, _ThreadState] = {}
        self._timers: dict[int, tuple[int, int]] = {}   # sleeper pid -> (tracee, signal)

    def _rule(self, nr: int) -> Rule | None:
        try:
            return self._rules[nr]
        except KeyError:
            rule = self._rules[nr] = self.table.rule_for(nr)
            return rule

    def _state(self, tracee: object, pid: int) -> _ThreadState:
        st = self._threads.get(pid)
        if st is None or st.owner is not tracee:
            st = self._threads[pid] = _ThreadState(tracee)
        return st

    # --- syscall entry and exit -----------------------------------------------------
    def needs_decoding(self, nr: int) -> bool:
        """Whether the rule for `nr` has a predicate on the decoded call (the engine then
        decodes the entry first and passes it to enter())."""
        rule = self._rule(nr)
        return rule is not None and rule.where is not None

    def enter(self, tracee: object, pid: int, nr: int, args: tuple[int, ...],
              decoded: object = None) -> bool:
        """At a syscall-entry stop, before anything is printed.  True when memory was
        poked (a decoded entry must then be decoded again)."""
        rule = self._rule(nr)
        if rule is None:
            return False
        st = self._state(tracee, pid)
        if rule.where is not None and not rule.where(decoded):
            st.active = None
            return False
        n = st.counts.get(nr, 0) + 1
        st.counts[nr] = n
        st.active = None
        if not rule.when.fires(n):
            return False
        st.active = rule
        if rule.tampers:
            scno = -1 if rule.scno is None else rule.scno
            libc.ptrace_nothrow(K.PTRACE_POKEUSER, pid, K.OFFSET_ORIG_RAX, scno & _U64)
        st.poked = False
        if rule.poke_enter:
            st.poked = self._poke(pid, nr, args, rule.poke_enter)
        st.resume_sig = rule.signo or 0
        st.resume_delay_ns = rule.delay_enter_ns or 0
        return st.poked

    def tampering(self, pid: int) -> bool:
        """Whether the call thread `pid` just entered is replaced by an injected result
        (so that it returns, whatever it is)."""
        st = self._threads.get(pid)
        return st is not None and st.active is not None and st.active.tampers

    def exit(self, tracee: object, pid: int, info: tuple[int, ...],
             call: Call | None) -> tuple[int, ...]:
        """At a syscall-exit stop, before the return value is used: writes the injected
        value and returns the syscall info as the tracee now sees it."""
        st = self._threads.get(pid)
        if st is None or st.active is None or st.owner is not tracee:
            return info
        rule = st.active
        st.active = None
        if rule.poke_exit and call is not None:
            st.poked = self._poke(pid, call.nr, call.args, rule.poke_exit) or st.poked
        if rule.tampers:
            value = (-rule.error) & _U64 if rule.error is not None else (rule.retval or 0)
            libc.ptrace_nothrow(K.PTRACE_POKEUSER, pid, K.OFFSET_RAX, value)
            rval = value - (1 << 64) if value >> 63 else value
            # strace prints an injected retval as a success, even one in -4095..-1
            info = (*info[:4], rval, int(rule.error is not None))
        if call is not None and (rule.tampers or st.poked):
            call.injected = _annotation(rule, st.poked)
        if rule.delay_enter_ns is not None or rule.delay_exit_ns is not None:
            if call is not None:
                call.delayed = True   # strace prints " (DELAYED)" after the return value
        st.resume_delay_ns = rule.delay_exit_ns or 0
        return info

    def _poke(self, pid: int, nr: int, args: tuple[int, ...],
              pokes: tuple[tuple[int, bytes], ...]) -> bool:
        row = by_nr(nr)
        nargs = row.nargs if row is not None else len(args)
        failed = f"poke_tcb: Failed to tamper with process {pid}: "
        beyond = [i for i, _ in pokes if i >= nargs]
        if beyond and row is not None:
            self._emit(Message(pid, f"{failed}requested to tamper with argument "
                                    f"#{beyond[0] + 1}, but system call '{row.name}' "
                                    f"has only {nargs} arguments"))
            return False
        if _poke(pid, args, pokes, lambda text: self._emit(Message(pid, text))):
            return True
        self._emit(Message(pid, failed + "couldn't poke"))
        return False

    # --- resuming -----------------------------------------------------------------
    def resume(self, pid: int) -> bool:
        """The engine is about to resume `pid` from a syscall stop: True when this
        took it over (a signal to deliver, or a delay)."""
        st = self._threads.get(pid)
        if st is None or not (st.resume_sig or st.resume_delay_ns):
            return False
        sig, delay = st.resume_sig, st.resume_delay_ns
        st.resume_sig = st.resume_delay_ns = 0
        if delay:
            if len(self._tracees) > 1:
                self._timers[_sleeper(delay)] = (pid, sig)
                return True
            time.sleep(min(delay / 1e9, _MAX_SLEEP_S))
        libc.ptrace_nothrow(S.PTRACE_SYSCALL, pid, 0, sig)
        return True

    def timer_done(self, child: int) -> bool:
        """`child` was reaped by the engine: if it was one of our sleepers, resume the
        tracee it delayed; True when it was ours."""
        entry = self._timers.pop(child, None)
        if entry is None:
            return False
        libc.ptrace_nothrow(S.PTRACE_SYSCALL, entry[0], 0, entry[1])
        return True


_MAX_SLEEP_S = 2**31   # time.sleep() overflows beyond a C time_t's comfortable range


def _sleeper(delay_ns: int) -> int:
    """Fork a process that sleeps `delay_ns` and exits; return its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(min(delay_ns / 1e9, _MAX_SLEEP_S))
        finally:
            os._exit(0)
    return pid


def _poke(pid: int, args: tuple[int, ...], pokes: tuple[tuple[int, bytes], ...],
          warn: Callable[[str], object]) -> bool:
    """Overwrite tracee memory at the addresses some arguments hold (strace's poke):
    False when nothing could be written at one of them (the pokes after it are not
    tried); a part written is strace's "short write" warning, and counts."""
    try:
        fd = os.open(f"/proc/{pid}/mem", os.O_RDWR)
    except OSError:
        return False
    try:
        for index, data in pokes:
            if index < len(args):
                try:
                    n = os.pwrite(fd, data, args[index])
                except OSError:
                    return False
                if n < len(data):
                    warn(f"upoken: pid:{pid} short write ({n} < {len(data)}) "
                         f"@{args[index]:#x}")
        return True
    finally:
        os.close(fd)
