"""One tracing run: launch or attach, loop, detach on a fatal signal, exit as the
tracee did.

strace counterpart: startup_child(), startup_attach(), cleanup() and main() in strace.c.
"""
from __future__ import annotations

import os
import resource
import signal
import sys

from .._sys import consts_gen as K
from ..engine.launch import (FOLLOW_OPTIONS, SEIZE_OPTIONS, apply_env, find_program,
                             launch, launch_daemonized, lookup_user, original_environ)
from ..engine.probe import probe
from ..engine.tracer import Interrupted, Tracer
from ..errors import PstraceError
from .config import build_trace_options, seccomp_program
from .outputs import build_sinks, open_output
from .parse import Options

_FATAL = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _raise_interrupt(signo: int, _frame) -> None:
    raise Interrupted(signo)



def _interruptible(o: Options) -> int:
    """strace's -I default: 3 (fatal signals always blocked) with -o FILE PROG,
    else 2 (they interrupt the tracer between stops)."""
    if o.interruptible is not None:
        return o.interruptible
    return 3 if o.output is not None and o.command and not o.pids else 2



def trace(o: Options, prog: str) -> int:
    user = (o.user, *lookup_user(o.user)) if o.user is not None else None
    env = apply_env(original_environ(), o.env)
    path = find_program(o.command[0], env) if o.command else None
    out = open_output(o)
    topts = build_trace_options(o)
    if (o.output is not None and o.command and not o.quiet
            and not any(q[0] == "quiet" for q in o.qualifiers)):
        topts.quiet_attach = True   # strace's -q default with -o FILE PROG (strace(1), -q)
    features = probe()
    if not features.syscall_info:
        raise PstraceError("PTRACE_GET_SYSCALL_INFO is not available: "
                           "pstrace needs Linux 5.3 or newer")
    ff = o.output if o.output_separately and o.output is not None else None
    sink, summary = build_sinks(o, out, topts, ff)
    tracer = Tracer(topts, sink, use_vm_readv=features.vm_readv)
    prefixer = getattr(getattr(sink, "text", sink), "pfx", None)
    if prefixer is not None:
        def nr_of(pid: int) -> int | None:
            t = tracer.tracees.get(pid)
            return t.last_nr if t is not None else None
        prefixer.nr_of = nr_of
    topts.detach_on_execve = o.detach_on_execve
    options = SEIZE_OPTIONS | (FOLLOW_OPTIONS if o.follow_forks else 0)
    if path is not None:
        bpf = seccomp_program(o, topts, prog)
        tracer.seccomp = bpf is not None
        if o.daemonize:
            pid = launch_daemonized(path, o.command, env, prog, o.daemonize, options, bpf,
                                    user)
            tracer.add_launched(pid)   # from here on, this process is the tracer only
            if not topts.quiet_attach:
                sink.message(f"{prog}: Process {pid} attached")
        else:
            tracer.add_launched(launch(path, o.command, env, prog, options, bpf, user))
    for pid in o.pids:
        try:
            tracer.attach(pid, options & ~K.PTRACE_O_EXITKILL)
        except PstraceError as e:
            os.write(2, f"{prog}: {e.message}\n".encode())
    if not tracer.tracees:
        sink.close()
        return 1
    level = _interruptible(o)
    blocked = _FATAL + ((signal.SIGTSTP,) if level >= 4 else ())
    if level >= 3:
        signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    elif level == 2:
        for sig in _FATAL:
            signal.signal(sig, _raise_interrupt)
    try:
        tracer.run()
    except (Interrupted, KeyboardInterrupt) as e:
        signo = e.signo if isinstance(e, Interrupted) else signal.SIGINT
        signal.pthread_sigmask(signal.SIG_BLOCK, _FATAL)
        tracer.detach_all()
        summary()
        sink.close()
        _die_by(signo)
    summary()
    sink.close()
    if tracer.exit_signal is not None:
        _die_by(tracer.exit_signal)
    return tracer.exit_status



def _die_by(sig: int) -> None:
    """Exit the way the tracee did: killed by the same signal, without a core file."""
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    os.kill(os.getpid(), sig)
    os._exit(128 + sig)   # a signal that does not kill (e.g. SIGCHLD): fall back
