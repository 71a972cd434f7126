"""--tree, --report FILE.html and --perfetto FILE on the command line: one Collector
consumes the run's (or the parsed log's) events; at the end the tree goes to the
trace's output (stderr, or the -o file; with -ff, stderr: there is no one file) and
the two files are written.  The files are opened at the start, so that a path that
cannot be written fails before anything is traced, as -o does.

strace counterpart: none.
"""
from __future__ import annotations

import os

from ..errors import PstraceError
from .parse import Options

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import IO

    from ..reports.model import Collector


def _open(path: str) -> IO[str]:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as e:
        raise PstraceError(f"Can't fopen '{path}': {os.strerror(e.errno or 0)}") from None


class Reports:
    """The reports a command line asks for; `wanted` is False when it asks for none."""

    def __init__(self, o: Options) -> None:
        self.tree = o.tree
        self.report = _open(o.report) if o.report is not None else None
        self.perfetto = _open(o.perfetto) if o.perfetto is not None else None
        self.wanted = o.wants_reports
        self.title = "pstrace " + " ".join(o.command) if o.command else "pstrace"
        self._collector: Collector | None = None

    @property
    def collector(self) -> Collector:
        """What the reports are made from: made on first use, so that a run that asks
        for no report does not import the reports' model (issue #11: start-up; nor
        functools for a cached_property)."""
        if self._collector is None:
            from ..reports.model import Collector
            self._collector = Collector(timeline=self.report is not None
                                        or self.perfetto is not None)
        return self._collector

    def tree_text(self) -> str:
        """The tree, when asked for ("" otherwise)."""
        if not self.tree:
            return ""
        from ..reports.tree import format_tree
        return format_tree(self.collector)

    def write_files(self) -> None:
        """Write and close the report and Perfetto files."""
        if self.report is not None:
            from ..reports.html import report_html
            with self.report as f:
                f.write(report_html(self.collector, self.title))
        if self.perfetto is not None:
            from ..reports.perfetto import perfetto_json
            with self.perfetto as f:
                f.write(perfetto_json(self.collector))
