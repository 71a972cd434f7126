"""One tracing run from the command line: a Session of the public API whose events go
to the views; detach on a fatal signal, exit as the tracee did.

strace counterpart: startup_child(), startup_attach(), cleanup() and main() in strace.c.
"""
from __future__ import annotations

import os
import sys

from .._sys.sigmod import signal
from ..api import Session, default_seccomp
from ..engine.launch import (
    apply_env,
    find_program,
    held_signals,
    hold_signals,
    lookup_user,
    original_environ,
)
from ..engine.tracer import Interrupted
from .config import build_options
from .outputs import Views, open_output
from .parse import Options
from .stdfds import redirect as redirect_standard_fds

_FATAL = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _interruptible(o: Options) -> int:
    """strace's -I default: 3 (fatal signals always blocked) with -o FILE PROG,
    else 2 (they interrupt the tracer between stops)."""
    if o.interruptible is not None:
        return o.interruptible
    return 3 if o.output is not None and o.command and not o.pids else 2


def trace(o: Options, prog: str) -> int:
    if o.user is not None:
        lookup_user(o.user)   # strace's "Cannot find user" before anything else
    environ = original_environ()
    env = apply_env(environ, o.env)
    # strace's "Can't stat" comes before -o is opened; the command is looked up in
    # strace's own PATH, not in the one -E gives the command
    path = find_program(o.command[0], environ) if o.command else None
    out = open_output(o)
    topts, vopts = build_options(o)
    ff = o.output if o.output_separately and o.output is not None else None
    views = Views(o, out, topts, vopts, ff)

    def warn(msg: str) -> None:
        os.write(2, f"{prog}: {msg}\n".encode())

    # Until the handlers exist, a fatal signal waits: dying now would leave the probe
    # children or the command's pre-exec child behind (strace's -I default handles one
    # after start-up: the command gets it, as below).
    hold_signals(_FATAL)

    seccomp = default_seccomp(topts, requested=o.seccomp_bpf, launched=bool(o.command),
                              detach_on_execve=o.detach_on_execve,
                              numbered=o.syscall_number, as_user=o.user is not None,
                              progname=prog,
                              warn=warn) if o.command else None
    session = Session(topts, argv=o.command or None, pids=o.pids, env=env, user=o.user,
                      daemonize=o.daemonize, seccomp=seccomp, progname=prog,
                      emit=views.emit(), emit_calls=views.emit_calls(),
                      emit_entries=views.emit_entries(),
                      on_attach_error=lambda e: warn(e.message),
                      exit_kill=False, path=path)
    session.start()
    assert session.tracer is not None
    if o.command:
        redirect_standard_fds()   # the command has them: let go of ours
    if out.proc is not None:   # -o '|cmd': the tracer's child, not a tracee
        session.tracer.own_children.add(out.proc.pid)
    if not session.tracer.tracees:
        views.finish()
        return 1
    level = _interruptible(o)
    if level >= 4:
        signal.pthread_sigmask(signal.SIG_BLOCK, (signal.SIGTSTP,))
    try:
        if level == 2:
            session.tracer.handle_fatal_signals(_FATAL)
        if level <= 2:   # one that came during start-up is handled here
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held_signals())
        session.run()
        session.reap()
    except (Interrupted, KeyboardInterrupt) as e:
        signo = e.signo if isinstance(e, Interrupted) else signal.SIGINT
        signal.pthread_sigmask(signal.SIG_BLOCK, _FATAL)
        session.interrupt(signo)
        views.finish()
        _die_by(signo)
    views.finish()
    if session.exit_signal is not None:
        _die_by(session.exit_signal)
    return session.exit_status


def _die_by(sig: int) -> None:
    """Exit the way the tracee did: killed by the same signal, without a core file."""
    import resource  # a C extension to load: not at every start (issue #11)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    if sig not in (signal.SIGKILL, signal.SIGSTOP):   # those cannot be caught anyway
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
    os.kill(os.getpid(), sig)
    os._exit(128 + sig)   # a signal that does not kill (e.g. SIGCHLD): fall back
