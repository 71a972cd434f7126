"""The engine's options and the views' filters from the command line.

strace counterpart: the option post-processing of init() in strace.c.
"""
from __future__ import annotations

import os

from ..decoders.options import DecodeOptions
from ..engine.tracer import TraceOptions
from .parse import Options

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Container
    from dataclasses import dataclass, replace
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, replace


@dataclass
class ViewOptions:
    """What the views filter (what is *shown*, not what is traced)."""

    signals: Container[int] | None = None     # -e signal=: signals to show
    status: frozenset[str] | None = None      # -e status= / -z / -Z: which calls to print
    quiet_attach: bool = False                # -q: no "Process N attached/detached"
    quiet_exit: bool = False                  # -qq, -e quiet=exit: no "+++ exited with"
    quiet_personality: bool = False           # -q, -e quiet=personality
    quiet_thread_execve: bool = False         # -qqq, -e quiet=thread-execve: no
                                              # "+++ superseded by execve in pid N +++"
    prefix_always: bool = False  # -o FILE with -f or several tracees: "N " on every line


def build_options(o: Options) -> tuple[TraceOptions, ViewOptions]:
    """The engine's and the views' view of the command line."""
    decode = DecodeOptions(
        max_strlen=o.string_limit,
        verbose=o.verbose,
        decode_fds=frozenset(),
        xflag=o.xflag,
    )
    topts = TraceOptions(
        decode=decode, debug=bool(os.environ.get("PSTRACE_DEBUG")),
        debug_messages=o.debug > 0,
        follow_forks=o.follow_forks, detach_on_execve=o.detach_on_execve,
        want_ip=o.instruction_pointer,
    )
    vopts = ViewOptions(
        # strace decides once, at start: with -o FILE, "N " prefixes when following
        # forks or tracing more than one process from the start (several -p, -p + PROG)
        prefix_always=(o.output is not None and not o.output_separately
                       and (o.follow_forks or len(o.pids) + bool(o.command) > 1)),
        quiet_attach=o.quiet > 0,
    )
    _apply_filters(o, topts, vopts)
    _apply_inject(o, topts)
    if (o.output is not None and o.command and not o.quiet
            and not any(q[0] == "quiet" for q in o.qualifiers)):
        # strace's -q default with -o FILE PROG (strace(1), -q): -q's attach,personality
        vopts.quiet_attach = vopts.quiet_personality = True
    return topts, vopts


def _apply_inject(o: Options, topts: TraceOptions) -> None:
    """-e inject=/fault=: the values were checked (and strace's warnings collected) as
    the command line was read (cli/parse.py); see pstrace.inject (imported only then:
    issue #11, start-up)."""
    if any(name in ("inject", "fault") for name, _ in o.qualifiers):
        from ..inject import build_table
        topts.inject = build_table(o.qualifiers)


def _apply_filters(o: Options, topts: TraceOptions, vopts: ViewOptions) -> None:
    """-e trace/signal/status/quiet/abbrev/verbose/raw/read/write/decode-fds, -P, -y,
    -z/-Z, -q: see pstrace.filters."""
    from .. import filters
    f = filters.build(o)
    for msg in f.messages:
        os.write(2, f"{o.prog}: {msg}\n".encode())
    topts.decode = replace(topts.decode, decode_fds=f.decode_fds,
                           verbose=not filters.abbreviates_all(f),
                           deref=f.verbose.negated,
                           pid_comm="comm" in f.decode_pids,
                           pidns="pidns" in f.decode_pids,
                           kvm_vcpu=f.kvm_vcpu)
    topts.trace = f.trace
    topts.raw = f.raw
    topts.decode_by_nr = filters.decode_by_nr(f, topts.decode)
    vopts.signals = f.signals
    vopts.status = f.status
    vopts.quiet_attach = "attach" in f.quiet
    vopts.quiet_exit = "exit" in f.quiet
    vopts.quiet_personality = "personality" in f.quiet
    vopts.quiet_thread_execve = "thread-execve" in f.quiet
    if f.paths:
        from ..filters.paths import PathFilter
        topts.paths = PathFilter(f.paths)
    if f.read_fds is not None or f.write_fds is not None:
        from ..filters.dump import dump_call
        topts.dump = lambda call: dump_call(call, f.read_fds, f.write_fds)
