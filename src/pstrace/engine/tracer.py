"""The ptrace loop: wait for stops, classify them, drive decoders, feed the sink.

One waitpid(-1, __WALL) per stop (blocking, never polling); one PTRACE_GET_SYSCALL_INFO
per syscall stop into a reused buffer; calls outside the trace set are resumed without
decoding.  strace counterpart: next_event()/dispatch_event() in strace.c and
syscall_entering_*/syscall_exiting_* in syscall.c.
"""
from __future__ import annotations

import os
import signal as _signal
import time
from dataclasses import dataclass, field

from .._sys import consts_gen as K
from .._sys import libc
from ..decoders import REGISTRY, generic_args
from ..decoders.base import Call, DecodeOptions
from ..decoders.siginfo import decode_siginfo
from ..syscalls.catalog import by_nr, unknown_name
from ..xlat import signal_name

_SYSCALL_STOP = K.SIGTRAP | 0x80
_WALL = K.__WALL
_ENTRY = K.PTRACE_SYSCALL_INFO_ENTRY
_EXIT = K.PTRACE_SYSCALL_INFO_EXIT
_GROUP_STOP_SIGS = frozenset((K.SIGSTOP, K.SIGTSTP, K.SIGTTIN, K.SIGTTOU))
_EXECVE_NAMES = frozenset(("execve", "execveat"))


@dataclass
class TraceOptions:
    """What the engine needs to know (built by the CLI or the Python API)."""

    decode: DecodeOptions = field(default_factory=DecodeOptions)
    trace: frozenset[int] | None = None   # syscall numbers to show; None: all
    debug: bool = False
    timing: bool = False    # record call.t_entry/t_exit (ns, CLOCK_REALTIME): -t -r -T -c
    rusage: bool = False    # record call.s_entry/s_exit: the tracee's system time (ns), -c


class Tracee:
    """Per-thread state."""

    __slots__ = ("pid", "call", "hidden", "startup", "in_syscall", "exec_failed")

    def __init__(self, pid: int, startup: bool = False) -> None:
        self.pid = pid
        self.call: Call | None = None     # the traced call in progress
        self.hidden = startup             # before the first execve of a launched child
        self.startup = startup
        self.in_syscall = False
        self.exec_failed = False


class Interrupted(Exception):
    """The tracer got SIGINT/SIGTERM/SIGHUP/SIGQUIT."""

    def __init__(self, signo: int) -> None:
        super().__init__(signo)
        self.signo = signo


class Tracer:
    """Runs the loop over every tracee until none is left."""

    def __init__(self, opts: TraceOptions, sink, use_vm_readv: bool = True) -> None:
        self.opts = opts
        self.sink = sink
        self.tracees: dict[int, Tracee] = {}
        self.info = libc.SyscallInfoReader()
        self.mem = libc.MemReader(use_vm_readv=use_vm_readv)
        self.launched: int | None = None
        self.exit_status: int = 0           # the launched command's exit code
        self.exit_signal: int | None = None   # ... or its fatal signal
        self.core_dumped = False
        self.stime_ns = 0     # system time of the last waited-for tracee (with rusage)

    # --- setup -----------------------------------------------------------------------
    def add_launched(self, pid: int) -> None:
        self.launched = pid
        self.tracees[pid] = Tracee(pid, startup=True)

    # --- the loop --------------------------------------------------------------------
    def run(self) -> None:
        tracees = self.tracees
        waitpid = os.waitpid
        wait4 = os.wait4
        use_rusage = self.opts.rusage
        while tracees:
            try:
                if use_rusage:
                    pid, status, ru = wait4(-1, _WALL)
                    self.stime_ns = int(ru.ru_stime * 1e9)
                else:
                    pid, status = waitpid(-1, _WALL)
            except ChildProcessError:
                break
            t = tracees.get(pid)
            if t is None:
                continue
            if status & 0xFF == 0x7F:  # stopped
                sig = (status >> 8) & 0xFF
                if sig == _SYSCALL_STOP:
                    self._syscall_stop(t)
                elif status >> 16:
                    self._event_stop(t, sig, status >> 16)
                else:
                    self._signal_stop(t, sig)
            else:
                self._gone(t, status)

    def _resume(self, pid: int, sig: int = 0) -> None:
        libc.ptrace_nothrow(K.PTRACE_SYSCALL, pid, 0, sig)

    # --- syscall stops -----------------------------------------------------------
    def _syscall_stop(self, t: Tracee) -> None:
        pid = t.pid
        info = self.info.read(pid)
        if info is None:
            self._resume(pid)
            return
        op = info[0]
        if op == _ENTRY:
            t.in_syscall = True
            nr = info[4]
            row = by_nr(nr)
            name = row.name if row is not None else unknown_name(nr)
            if t.hidden:
                if name not in _EXECVE_NAMES:
                    self._resume(pid)
                    return
                t.hidden = False
            trace = self.opts.trace
            if trace is not None and nr not in trace:
                t.call = None
                self._resume(pid)
                return
            call = Call(pid, nr, name, info[5:11], self.opts.decode, self.mem,
                        REGISTRY.get(name), t)
            call.ip = info[2]
            if self.opts.timing:
                call.t_entry = time.time_ns()
                call.s_entry = self.stime_ns
            self._decode_entry(call, row)
            t.call = call
            self.sink.syscall_entry(call)
        elif op == _EXIT:
            t.in_syscall = False
            call = t.call
            if call is not None:
                t.call = None
                if self.opts.timing:
                    call.t_exit = time.time_ns()
                    call.s_exit = self.stime_ns
                rval = info[4]
                call.ret = rval
                if info[5]:
                    call.error = -rval
                self._decode_exit(call)
                self.sink.syscall_exit(call)
                if t.startup and call.name in _EXECVE_NAMES:
                    t.startup = False
                    if call.error:   # strace hides the failing child's own epilogue
                        t.hidden = True
        self._resume(pid)

    def _decode_entry(self, call: Call, row) -> None:
        spec = call.spec
        try:
            if spec is None:
                call.entry = generic_args(call, row)
            elif spec.two_phase:
                gen = spec.func(call)
                call.entry = next(gen)
                call.gen = gen
            else:
                call.entry = spec.func(call)
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
    def _signal_stop(self, t: Tracee, sig: int) -> None:
        pid = t.pid
        if t.hidden and sig in (K.SIGSTOP, K.SIGCONT):
            self._resume(pid)   # our own startup SIGSTOP/SIGCONT dance
            return
        raw = libc.get_siginfo(pid)
        if not t.hidden:
            self.sink.signal(pid, signal_name(sig),
                             decode_siginfo(raw, self.opts.decode) if raw else None)
        self._resume(pid, sig)

    def _event_stop(self, t: Tracee, sig: int, event: int) -> None:
        pid = t.pid
        if event == K.PTRACE_EVENT_STOP:
            if sig in _GROUP_STOP_SIGS and not t.hidden:
                self.sink.stopped(pid, signal_name(sig))
                libc.ptrace_nothrow(K.PTRACE_LISTEN, pid, 0, 0)
                return
            self._resume(pid)
            return
        # PTRACE_EVENT_EXEC and the rest: nothing to print in the default mode
        self._resume(pid)

    def _gone(self, t: Tracee, status: int) -> None:
        pid = t.pid
        call = t.call
        if call is not None:
            t.call = None
            self.sink.syscall_vanished(call)
        del self.tracees[pid]
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
            self.sink.exited(pid, code)
            if pid == self.launched:
                self.exit_status = code
        elif os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            core = os.WCOREDUMP(status)
            self.sink.killed(pid, signal_name(sig), core)
            if pid == self.launched:
                self.exit_signal = sig
                self.core_dumped = core

    # --- interruption --------------------------------------------------------------
    def detach_all(self, signo: int) -> None:
        """Leave every tracee running; a launched command gets the tracer's signal,
        as strace does for its own child."""
        for t in list(self.tracees.values()):
            pid = t.pid
            if pid == self.launched:
                try:
                    os.kill(pid, signo)
                    os.kill(pid, _signal.SIGCONT)
                except OSError:
                    pass
            libc.ptrace_nothrow(K.PTRACE_DETACH, pid, 0, 0)
