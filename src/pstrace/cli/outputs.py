"""Where the trace goes and in which views: -o FILE / -o '|cmd' / -ff, the text view
with its prefixes, the tracer's messages, the -c/-C statistics and pstrace's reports
(--tree, --report, --perfetto).

strace counterpart: the outf setup of init() and the -c plumbing of count.c.
"""
from __future__ import annotations

import os

from ..engine.tracer import TraceOptions
from ..errors import PstraceError
from ..events import Event, Syscall, SyscallEntry
from ..render.color import choose
from ..render.prefix import Prefixer, PrefixOptions
from ..render.text import TextRenderer
from ..views.messages import TracerMessages
from ..views.output import Output
from ..views.text import TextView
from .config import ViewOptions
from .parse import Options

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable

    from ..stats import Stats  # loaded for -c / -C only
    from ..views.json import JsonView  # and for --json (json and its encoder cost start-up)
    from .reports import Reports  # and for --tree, --report, --perfetto


def open_output(o: Options) -> Output:
    if o.output is None or o.output_separately:
        return Output(2)
    if o.output[:1] in ("|", "!"):   # strace: pipe the trace to a shell command
        return Output.open_pipe(o.output, o.prog)
    try:
        return Output.open_file(o.output, o.prog)
    except OSError as e:
        raise PstraceError(f"Can't fopen '{o.output}': {os.strerror(e.errno or 0)}") from None


class Views:
    """The consumers of one run's event stream, in the order they receive each event,
    and what ends them (the -c table, closing the outputs)."""

    def __init__(self, o: Options, out: Output, topts: TraceOptions, vopts: ViewOptions,
                 ff: str | None) -> None:
        self.out = out
        self.consumers: list[Callable[[Event], object]] = []
        self.text: TextView | JsonView | None = None
        self.stats: Stats | None = None
        self.o = o
        self.consumers.append(TracerMessages(o.prog, quiet=vopts.quiet_attach,
                                              quiet_exit=vopts.quiet_exit))
        popts = PrefixOptions(
            timestamps=o.timestamps, timestamp_precision=o.timestamp_precision,
            relative=o.relative_timestamps, relative_precision=o.relative_precision,
            numbers=o.syscall_number, ips=o.instruction_pointer,
            durations=o.syscall_times, durations_precision=o.syscall_times_precision)
        if o.json and not o.summary_only:
            from ..views.json import JsonView
            self.text = JsonView(
                out, ff_prefix=ff, prog=o.prog, times=popts.needs_time,
                relative=o.relative_timestamps, ips=o.instruction_pointer,
                status=vopts.status, signals=vopts.signals,
                quiet_attach=vopts.quiet_attach, quiet_exit=vopts.quiet_exit,
                quiet_personality=vopts.quiet_personality,
                quiet_thread_execve=vopts.quiet_thread_execve)
            self.consumers.append(self.text)
            topts.timing = popts.needs_time
        elif not o.summary_only:
            renderer = TextRenderer(topts.decode.xflag, o.const_print_style or "abbrev",
                                    choose(o.color, out.fd if ff is None else None))
            self.text = TextView(
                out, renderer, column=o.column, ff_prefix=ff, prog=o.prog,
                prefixer=Prefixer(popts) if popts.any_prefix else None,
                durations=o.syscall_times_precision if o.syscall_times else None,
                status=vopts.status, signals=vopts.signals, quiet_exit=vopts.quiet_exit,
                prefix_always=vopts.prefix_always, quiet_personality=vopts.quiet_personality,
                quiet_thread_execve=vopts.quiet_thread_execve)
            self.consumers.append(self.text)
            topts.timing = popts.needs_time
        if o.summary_only or o.summary:
            from ..stats import Stats
            from ..views.stats import StatsView
            self.stats = Stats(wall_clock=o.wall_clock,
                               overhead_ns=round((o.overhead or 0) * 1e9))
            self.consumers.append(StatsView(self.stats))
            if o.wall_clock:
                topts.timing = True
            else:
                topts.rusage = True
        self.reports: Reports | None = None
        if o.wants_reports:
            from .reports import Reports
            self.reports = Reports(o)
            self.consumers.append(self.reports.collector)
            topts.timing = True   # the reports place every call in time
        elif o.summary_only:
            topts.decode_args = False   # -c prints no arguments: count without decoding

    def emit(self) -> Callable[[Event], object]:
        """One callable that hands an event to every consumer."""
        return _fan_out(tuple(self.consumers))

    def emit_calls(self) -> Callable[[Event], object]:
        """The same for the Syscall events: the tracer's messages, which ignore them,
        left out, and a consumer's own handler of them where it has one."""
        return self._emit_typed(Syscall)

    def emit_entries(self) -> Callable[[Event], object]:
        """emit_calls() for the SyscallEntry events."""
        return self._emit_typed(SyscallEntry)

    def _emit_typed(self, cls: type[Event]) -> Callable[[Event], object]:
        return _fan_out(tuple(c.handler(cls) if isinstance(c, TextView) else c
                              for c in self.consumers if not isinstance(c, TracerMessages)))

    def finish(self) -> None:
        """Print the -c table (if any) and close every output."""
        if self.stats is not None:
            from ..render.summary import summary_text
            from ..stats import summary
            table = summary(self.stats.counts(), self.o.summary_columns, self.o.sort_by,
                            self.o.wall_clock)
            if table is not None:
                if self.o.json:
                    from ..views.json import json_line
                    text = json_line(table)
                else:
                    text = summary_text(table)
                self.out.write(text, report=False)   # strace says nothing of a lost table
        if self.reports is not None:
            tree = self.reports.tree_text()
            if tree:
                self.out.write(tree, report=False)
            self.reports.write_files()
        if self.text is not None:
            self.text.close()
        else:
            self.out.close()


def _fan_out(consumers: tuple[Callable[[Event], object], ...]) -> Callable[[Event], object]:
    consumers = tuple(map(_bound, consumers))
    if len(consumers) == 1:
        return consumers[0]

    def fan_out(ev: Event) -> None:
        for consume in consumers:
            consume(ev)
    return fan_out


def _bound(consume: Callable[[Event], object]) -> Callable[[Event], object]:
    """A consumer object's __call__ as a bound method, which Python calls faster than
    the object itself (through its type's __call__ slot): the engine calls it once or
    twice per system call (issue #11).  Other callables stay as they are."""
    from types import FunctionType, MethodType  # (loaded at start-up anyway)
    call = type(consume).__call__
    if not isinstance(call, FunctionType):   # a function, a bound method, a C type's
        return consume
    method: Callable[[Event], object] = MethodType(call, consume)
    return method
