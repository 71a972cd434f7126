"""pstrace's command line: parse strace's options, run the tracer, exit as strace does.

strace counterpart: init() and main() in strace.c.
"""
from __future__ import annotations

import signal

# A Ctrl-C while pstrace is still starting must end it quietly, not with a traceback.
# (CPython installs its KeyboardInterrupt handler only where SIGINT was not ignored.)
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.SIG_DFL)

import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

from ..decoders.base import DecodeOptions
from ..engine.launch import (FOLLOW_OPTIONS, SEIZE_OPTIONS, apply_env, find_program,
                             launch, launch_daemonized, lookup_user, original_environ)
from ..engine.probe import probe, probe_seccomp
from .._sys import consts_gen as K
from .._sys import libc
from ..syscalls.catalog import ALL as ALL_SYSCALLS
from ..syscalls.catalog import by_name
from ..engine.tracer import Interrupted, TraceOptions, Tracer
from ..errors import PstraceError
from ..render.output import Output
from ..render.prefix import Prefixer, PrefixOptions
from ..render.sink import TextSink
from ..render.summary import format_summary
from ..stats import CountingTextSink, Stats, StatsSink
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
    topts = TraceOptions(
        decode=decode, debug=bool(os.environ.get("PSTRACE_DEBUG")),
        follow_forks=o.follow_forks,
        # strace decides once, at start: with -o FILE, "N " prefixes when following
        # forks or tracing more than one process from the start (several -p, -p + PROG)
        prefix_always=(o.output is not None and not o.output_separately
                       and (o.follow_forks or len(o.pids) + bool(o.command) > 1)),
        quiet_attach=o.quiet > 0,
        progname=o.prog,
    )
    _apply_filters(o, topts)
    _apply_inject(o, topts)
    return topts


def _apply_inject(o: Options, topts: TraceOptions) -> None:
    """-e inject=/fault=: strace's warnings go to stderr as each value is parsed;
    a bad value raises PstraceError with strace's message (see pstrace.inject)."""
    from ..inject import build_table
    topts.inject = build_table(
        o.qualifiers, lambda msg: os.write(2, f"{o.prog}: {msg}\n".encode()))


def _apply_filters(o: Options, topts: TraceOptions) -> None:
    """-e trace/signal/status/quiet/abbrev/verbose/raw/read/write/decode-fds, -P, -y,
    -z/-Z, -q: see pstrace.filters."""
    import dataclasses
    from .. import filters
    f = filters.build(o)
    for msg in f.messages:
        os.write(2, f"{o.prog}: {msg}\n".encode())
    topts.decode = dataclasses.replace(topts.decode, decode_fds=f.decode_fds,
                                       verbose=not filters.abbreviates_all(f),
                                       deref=f.verbose.negated)
    topts.trace = f.trace
    topts.signals = f.signals
    topts.status = f.status
    topts.quiet_attach = "attach" in f.quiet
    topts.quiet_exit = "exit" in f.quiet
    topts.raw = f.raw
    topts.decode_by_nr = filters.decode_by_nr(f, topts.decode)
    if f.paths:
        from ..filters.paths import PathFilter
        topts.paths = PathFilter(f.paths, None)
    if f.read_fds is not None or f.write_fds is not None:
        from ..filters.dump import dump_call
        topts.dump = lambda call: dump_call(call, f.read_fds, f.write_fds)


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


def _has_cap_sys_admin() -> bool:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("CapEff:"):
                    return bool(int(line.split()[1], 16) >> 21 & 1)
    except (OSError, ValueError):
        pass
    return False


def _seccomp_program(o: Options, topts: TraceOptions, prog: str):
    """The seccomp filter for the launched command, or None.

    --seccomp-bpf asks for it (strace's rules: only with -f, not with -b execve).
    pstrace also uses it by default wherever it cannot change what is printed or how
    the command runs (see filters.seccomp.default_applies); PSTRACE_SECCOMP=0 in the
    environment turns the default off.  Injection rules reach calls that are not
    printed, so they keep every call stopping (no default filter)."""
    from ..filters import seccomp as bpf
    trace = topts.trace
    trace_all = trace is None or trace.is_all
    if o.seccomp_bpf:
        if not o.follow_forks or o.detach_on_execve:
            return None     # the parser already warned, as strace does
        if trace_all:
            os.write(2, f"{prog}: Seccomp filter is requested but there are no syscalls "
                        "to filter.  See -e trace to filter syscalls.\n".encode())
            return None
    elif (os.environ.get("PSTRACE_SECCOMP") == "0" or getattr(topts, "inject", None)
          or not bpf.default_applies(launched=True, trace_all=trace_all,
                                     follow_forks=o.follow_forks,
                                     detach_on_execve=o.detach_on_execve,
                                     can_skip_nnp=_has_cap_sys_admin())):
        return None
    numbers = {row.nr for row in ALL_SYSCALLS if row.nr in trace}
    for name in ("execve", "execveat"):   # the launched child's first exec ends startup
        row = by_name(name)
        if row is not None:
            numbers.add(row.nr)
    code = bpf.program(sorted(numbers))
    program = libc.SeccompProgram(bpf.pack(code), len(code),
                                  no_new_privs=not _has_cap_sys_admin())
    if o.seccomp_bpf and not probe_seccomp(program):
        os.write(2, f"{prog}: seccomp filter is not supported, disabling\n".encode())
        return None
    return program


def _open_output(o: Options) -> Output:
    if o.output is None or o.output_separately:
        return Output(2)
    if o.output[:1] in ("|", "!"):   # strace: pipe the trace to a shell command
        return Output.open_pipe(o.output[1:])
    try:
        return Output.open_file(o.output)
    except OSError as e:
        raise PstraceError(f"Can't fopen '{o.output}': {os.strerror(e.errno)}") from None


def _interruptible(o: Options) -> int:
    """strace's -I default: 3 (fatal signals always blocked) with -o FILE PROG,
    else 2 (they interrupt the tracer between stops)."""
    if o.interruptible is not None:
        return o.interruptible
    return 3 if o.output is not None and o.command and not o.pids else 2


def _trace(o: Options, prog: str) -> int:
    user = (o.user, *lookup_user(o.user)) if o.user is not None else None
    env = apply_env(original_environ(), o.env)
    path = find_program(o.command[0], env) if o.command else None
    out = _open_output(o)
    topts = build_trace_options(o)
    if (o.output is not None and o.command and not o.quiet
            and not any(q[0] == "quiet" for q in o.qualifiers)):
        topts.quiet_attach = True   # strace's -q default with -o FILE PROG (strace(1), -q)
    features = probe()
    if not features.syscall_info:
        raise PstraceError("PTRACE_GET_SYSCALL_INFO is not available: "
                           "pstrace needs Linux 5.3 or newer")
    ff = o.output if o.output_separately and o.output is not None else None
    sink, summary = _build_sinks(o, out, topts, ff)
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
        bpf = _seccomp_program(o, topts, prog)
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


def _build_sinks(o: Options, out: Output, topts: TraceOptions, ff: str | None):
    """The sinks for the text view and -c/-C, and the function printing the summary
    table (a no-op without -c/-C); turns on the engine's time stamps they need."""
    popts = PrefixOptions(
        timestamps=o.timestamps, timestamp_precision=o.timestamp_precision,
        relative=o.relative_timestamps, relative_precision=o.relative_precision,
        numbers=o.syscall_number, ips=o.instruction_pointer,
        durations=o.syscall_times, durations_precision=o.syscall_times_precision)
    counting = o.summary_only or o.summary
    text = None
    if not o.summary_only:
        prefixer = None
        if popts.any_prefix:
            reader = libc.SyscallInfoReader()

            def ip_of(pid: int) -> int | None:
                info = reader.read(pid)
                return info[2] if info is not None else None

            prefixer = Prefixer(popts, ip_of)
        text = TextSink(out, TextRenderer(topts.decode.xflag, o.const_print_style or "abbrev"), column=o.column,
                        ff_prefix=ff, prefixer=prefixer,
                        durations=o.syscall_times_precision if o.syscall_times else None)
        topts.timing = popts.needs_time
    if not counting:
        return text, lambda: None
    if o.summary_only:
        topts.decode_args = False   # -c prints no arguments: count without decoding
    stats = Stats(wall_clock=o.wall_clock,
                  overhead_ns=round((o.overhead or 0) * 1e9))
    if o.wall_clock:
        topts.timing = True
    else:
        topts.rusage = True

    def summary() -> None:
        table = format_summary(stats.counts(), o.summary_columns, o.sort_by)
        if table:
            out.write(table)

    sink = StatsSink(stats) if text is None else CountingTextSink(text, stats)
    return sink, summary


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
