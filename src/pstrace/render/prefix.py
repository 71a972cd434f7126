"""The line prefixes strace prints before each trace line, and the -T suffix.

In strace 6.1's order: "[pid N] " (owned by the sink), the absolute time stamp (-t,
-tt, -ttt, --timestamps=FORMAT,PRECISION), the relative time stamp (-r, written
"(+S.FRAC) " when an absolute one precedes it), the syscall number (-n, "[ NR] ") and
the instruction pointer (-i, "[%016x] ", "[????????????????] " for a process that is
gone).  strace counterpart: printleader() and the -T part of syscall_exiting_trace().

Times come in as integer nanoseconds of CLOCK_REALTIME (the engine's stamps); fractions
are truncated to the precision, as strace truncates its timespec.
"""
from __future__ import annotations

import time

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass

# digits after the point for each precision word the parser accepts
_DIGITS = {"s": 0, "ms": 3, "us": 6, "ns": 9}
_UNKNOWN_IP = "[????????????????] "


def fmt_seconds(ns: int, precision: str) -> str:
    """"S.FRAC" of a non-negative duration, truncated to the precision ("S" for s)."""
    digits = _DIGITS[precision]
    sec, rest = divmod(ns, 1_000_000_000)
    if not digits:
        return str(sec)
    return f"{sec}.{rest // 10 ** (9 - digits):0{digits}d}"


def duration_suffix(ns: int, precision: str) -> str:
    """-T: " <0.000012>" (clamped at 0 for a clock that stepped back)."""
    return f" <{fmt_seconds(max(ns, 0), precision)}>"


@dataclass(frozen=True)
class PrefixOptions:
    """The command line's prefix options (a view of cli Options)."""

    timestamps: str = "none"        # none | time | unix
    timestamp_precision: str = "s"
    relative: bool = False          # -r
    relative_precision: str = "us"
    numbers: bool = False           # -n
    ips: bool = False               # -i
    durations: bool = False         # -T
    durations_precision: str = "us"

    @property
    def any_prefix(self) -> bool:
        return self.timestamps != "none" or self.relative or self.numbers or self.ips

    @property
    def needs_time(self) -> bool:
        """Whether the engine must stamp each call (TraceOptions.timing)."""
        return self.timestamps != "none" or self.relative or self.durations


class Prefixer:
    """Builds the time/number/ip part of a line's prefix; keeps -r's previous stamp."""

    __slots__ = ("o", "_prev", "_digits")

    def __init__(self, opts: PrefixOptions) -> None:
        self.o = opts
        self._prev: int | None = None     # -r: the stamp of the previous prefix
        self._digits = _DIGITS[opts.timestamp_precision]

    def syscall(self, t_ns: int, nr: int, ip: int) -> str:
        """The prefix of a syscall line (entry, unfinished or resumed)."""
        return self._build(t_ns, nr, "[%016x] " % ip if self.o.ips else "")

    def event(self, t_ns: int, nr: int, ip: int | None) -> str:
        """The prefix of a --- signal --- or +++ exit +++ line: the process's last
        syscall of any kind for -n, its instruction pointer for -i (None: gone)."""
        text = ""
        if self.o.ips:
            text = _UNKNOWN_IP if ip is None else "[%016x] " % ip
        return self._build(t_ns, nr, text)

    def _build(self, t_ns: int, nr: int, ip: str) -> str:
        o = self.o
        parts = []
        if o.timestamps != "none":
            parts.append(self._absolute(t_ns))
        if o.relative:
            prev = self._prev
            self._prev = t_ns
            rel = fmt_seconds(max(t_ns - prev, 0) if prev is not None else 0,
                              o.relative_precision)
            sec, dot, frac = rel.partition(".")
            text = f"{int(sec):6d}{dot}{frac}"
            parts.append(f"(+{text}) " if o.timestamps != "none" else text + " ")
        if o.numbers:
            parts.append(f"[{nr:4d}] ")
        if o.ips:
            parts.append(ip)
        return "".join(parts)

    def _absolute(self, t_ns: int) -> str:
        sec, rest = divmod(t_ns, 1_000_000_000)
        digits = self._digits
        frac = f".{rest // 10 ** (9 - digits):0{digits}d}" if digits else ""
        if self.o.timestamps == "unix":
            return f"{sec}{frac} "
        return time.strftime("%H:%M:%S", time.localtime(sec)) + frac + " "
