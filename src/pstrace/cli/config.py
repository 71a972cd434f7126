"""The engine's options from the command line: filters, tampering, and whether the
launched command runs under pstrace's seccomp filter.

strace counterpart: the option post-processing of init() in strace.c.
"""
from __future__ import annotations

import os

from .._sys import libc
from ..decoders.base import DecodeOptions
from ..engine.probe import probe_seccomp
from ..engine.tracer import TraceOptions
from ..syscalls.catalog import ALL as ALL_SYSCALLS
from ..syscalls.catalog import by_name
from .parse import Options


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



def _has_cap_sys_admin() -> bool:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("CapEff:"):
                    return bool(int(line.split()[1], 16) >> 21 & 1)
    except (OSError, ValueError):
        pass
    return False



def seccomp_program(o: Options, topts: TraceOptions, prog: str):
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
