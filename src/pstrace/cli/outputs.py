"""Where the trace goes and in which views: -o FILE / -o '|cmd' / -ff, the text sink
with its prefixes, and the -c/-C statistics.

strace counterpart: the outf setup of init() and the -c plumbing of count.c.
"""
from __future__ import annotations

import os

from .._sys import libc
from ..engine.tracer import TraceOptions
from ..errors import PstraceError
from ..render.output import Output
from ..render.prefix import Prefixer, PrefixOptions
from ..render.sink import TextSink
from ..render.summary import format_summary
from ..render.text import TextRenderer
from ..stats import CountingTextSink, Stats, StatsSink
from .parse import Options


def open_output(o: Options) -> Output:
    if o.output is None or o.output_separately:
        return Output(2)
    if o.output[:1] in ("|", "!"):   # strace: pipe the trace to a shell command
        return Output.open_pipe(o.output[1:])
    try:
        return Output.open_file(o.output)
    except OSError as e:
        raise PstraceError(f"Can't fopen '{o.output}': {os.strerror(e.errno)}") from None



def build_sinks(o: Options, out: Output, topts: TraceOptions, ff: str | None):
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
        renderer = TextRenderer(topts.decode.xflag, o.const_print_style or "abbrev")
        text = TextSink(out, renderer, column=o.column,
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
