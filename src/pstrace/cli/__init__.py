"""pstrace's command line: parse strace's options, run the tracer, exit as strace does.

strace counterpart: init() and main() in strace.c.
"""
from __future__ import annotations

import os
import resource
import signal
import sys

from ..decoders.base import DecodeOptions
from ..engine.launch import find_program, launch, original_environ
from ..engine.probe import probe
from ..engine.tracer import Interrupted, TraceOptions, Tracer
from ..errors import PstraceError
from ..render.output import Output
from ..render.sink import TextSink
from ..render.text import TextRenderer
from .parse import Options, UsageError, parse_args, program_name

_FATAL = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def build_trace_options(o: Options) -> TraceOptions:
    """The engine's view of the command line."""
    decode = DecodeOptions(
        max_strlen=o.string_limit,
        verbose=o.verbose,
        decode_fds=frozenset(),
        xflag=o.xflag,
    )
    return TraceOptions(decode=decode, debug=bool(os.environ.get("PSTRACE_DEBUG")))


def _raise_interrupt(signo: int, _frame) -> None:
    raise Interrupted(signo)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    prog = program_name(argv[0] if argv else "pstrace")
    try:
        o = parse_args(argv)
    except UsageError as e:
        sys.stderr.write(e.text)
        sys.stderr.flush()
        return e.status
    if o.action is not None:          # -h / -V
        sys.stdout.write(o.action)
        return 0
    for w in o.warnings:
        os.write(2, f"{prog}: {w}\n".encode())
    try:
        return _trace(o, prog)
    except PstraceError as e:
        sys.stderr.flush()
        os.write(2, f"{prog}: {e.message}\n".encode())
        return e.status


def _trace(o: Options, prog: str) -> int:
    env = original_environ()
    path = find_program(o.command[0], env)
    if o.output is not None:
        try:
            out = Output.open_file(o.output)
        except OSError as e:
            raise PstraceError(f"Can't fopen '{o.output}': {os.strerror(e.errno)}") from None
    else:
        out = Output(2)
    topts = build_trace_options(o)
    features = probe()
    if not features.syscall_info:
        raise PstraceError("PTRACE_GET_SYSCALL_INFO is not available: "
                           "pstrace needs Linux 5.3 or newer")
    sink = TextSink(out, TextRenderer(topts.decode.xflag), column=o.column)
    tracer = Tracer(topts, sink, use_vm_readv=features.vm_readv)
    for sig in _FATAL:
        signal.signal(sig, _raise_interrupt)
    pid = launch(path, o.command, env, prog)
    tracer.add_launched(pid)
    try:
        tracer.run()
    except Interrupted as e:
        for sig in _FATAL:
            signal.signal(sig, signal.SIG_IGN)
        tracer.detach_all(e.signo)
        sink.close()
        return 128 + e.signo
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
