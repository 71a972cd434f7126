"""The pstrace command of the differential tests: ``dual.py SIDE PSTRACE_ARGS...`` runs
pstrace's command line as ``python -m pstrace PSTRACE_ARGS...`` does, and feeds the same
event stream to one more consumer: the --json view (with the run's options and filters),
writing to the file SIDE (SIDE.PID per process with -ff).  So every differential run
also yields its JSON Lines without a second tracer run; tests/jsonout/check.py validates
them and compares them with the events strace's text of the same test shows."""
from __future__ import annotations

import sys

from pstrace.cli import main, outputs
from pstrace.views.json import JsonView
from pstrace.views.output import Output


def _add_json_view(side: str) -> None:
    init = outputs.Views.__init__
    finish = outputs.Views.finish

    def views_init(self: outputs.Views, o: outputs.Options, out: Output,
                   topts: outputs.TraceOptions, vopts: outputs.ViewOptions,
                   ff: str | None) -> None:
        init(self, o, out, topts, vopts, ff)
        if isinstance(self.text, JsonView) or o.summary_only:
            return
        view = JsonView(Output.open_file(side) if ff is None else Output(-1),
                        ff_prefix=side if ff is not None else None,
                        times=bool(o.timestamps or o.relative_timestamps or o.syscall_times),
                        relative=o.relative_timestamps, ips=o.instruction_pointer,
                        status=vopts.status, signals=vopts.signals,
                        quiet_attach=vopts.quiet_attach, quiet_exit=vopts.quiet_exit,
                        quiet_personality=vopts.quiet_personality)
        self.consumers.append(view)
        self.json_side = view   # type: ignore[attr-defined]

    def views_finish(self: outputs.Views) -> None:
        finish(self)
        view = getattr(self, "json_side", None)
        if view is not None:
            view.close()

    outputs.Views.__init__ = views_init   # type: ignore[method-assign]
    outputs.Views.finish = views_finish   # type: ignore[method-assign]


if __name__ == "__main__":
    _add_json_view(sys.argv[1])
    raise SystemExit(main(["pstrace", *sys.argv[2:]]))
