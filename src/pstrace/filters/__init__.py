"""What is traced and how it is shown: the -e qualifiers, -P, -y, -z/-Z and -q folded
into one `Filters` value (sets.py parses the grammar; paths.py, dump.py, seccomp.py do
the rest).  strace counterpart: filter_qualify.c.

Per qualifier the last -e wins (strace 6.1 clears the set each time).  -v is strace's
"abbrev=none", -z/-Z its "status=successful"/"status=failed", -q/-qq/-qqq its
"quiet=attach,personality" / "+exit" / "all", -y/-yy its "decode-fds=path" / "all".
"""
from __future__ import annotations

from .sets import (
    ALL_SET,
    DECODE_FD_NAMES,
    DECODE_PID_NAMES,
    QUIET_NAMES,
    STATUS_NAMES,
    NameSet,
    NumberSet,
    expand,
    parse_decode_fds,
    parse_decode_pids,
    parse_fd_set,
    parse_kvm,
    parse_quiet_set,
    parse_signal_set,
    parse_status_set,
    parse_syscall_set,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field, replace
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field, replace

if TYPE_CHECKING:
    from ..cli.parse import Options
    from ..decoders.options import DecodeOptions


@dataclass
class Filters:
    """What -e, -P and --quiet select, as parsed from the command line."""

    trace: NumberSet | None = None           # None: every syscall
    signals: NumberSet | None = None         # None: every signal
    status: frozenset[str] | None = None     # None: every finished call
    quiet: frozenset[str] = frozenset()
    abbrev: NumberSet = ALL_SET
    verbose: NumberSet = ALL_SET
    raw: NumberSet | None = None
    read_fds: NumberSet | None = None
    write_fds: NumberSet | None = None
    decode_fds: frozenset[str] = frozenset()
    decode_pids: frozenset[str] = frozenset()
    kvm_vcpu: bool = False                   # -e kvm=vcpu (the only value strace knows)
    paths: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)   # for stderr, "PROG: MSG"


_QUIET_BY_COUNT = {1: frozenset({"attach", "personality"}),
                   2: frozenset({"attach", "personality", "exit"})}


def build(o: Options) -> Filters:
    """Filters from parsed cli Options (o.qualifiers in command-line order)."""
    f = Filters()
    last: dict[str, str] = {}
    for name, value in o.qualifiers:
        last[name] = value
        # parse every occurrence: an invalid earlier one is still an error in strace
        check(name, value)
    if "trace" in last:
        f.trace = _none_if_all(parse_syscall_set(last["trace"]))
    if "signal" in last:
        f.signals = _none_if_all(parse_signal_set(last["signal"]))
    if "status" in last:
        st = expand(parse_status_set(last["status"]), STATUS_NAMES)
        f.status = None if st == frozenset(STATUS_NAMES) else st
    elif o.status_only is not None:
        f.status = frozenset({o.status_only})
    if "quiet" in last:
        f.quiet = expand(parse_quiet_set(last["quiet"]), set(QUIET_NAMES.values()))
    elif o.quiet >= 3:
        f.quiet = frozenset(QUIET_NAMES.values())
    elif o.quiet:
        f.quiet = _QUIET_BY_COUNT[o.quiet]
    if "abbrev" in last:
        f.abbrev = parse_syscall_set(last["abbrev"])
    elif o.verbose:
        f.abbrev = NumberSet()
    if "verbose" in last:
        f.verbose = parse_syscall_set(last["verbose"])
    if "raw" in last:
        raw = parse_syscall_set(last["raw"])
        f.raw = None if raw.is_empty else raw
    if "read" in last:
        rd = parse_fd_set(last["read"])
        f.read_fds = None if rd.is_empty else rd
    if "write" in last:
        wr = parse_fd_set(last["write"])
        f.write_fds = None if wr.is_empty else wr
    if "decode-fds" in last:
        f.decode_fds = expand(parse_decode_fds(last["decode-fds"]), DECODE_FD_NAMES)
    elif o.decode_fds >= 2:
        f.decode_fds = frozenset(DECODE_FD_NAMES)
    elif o.decode_fds == 1:
        f.decode_fds = frozenset({"path"})
    if "decode-pids" in last:
        f.decode_pids = expand(parse_decode_pids(last["decode-pids"]), DECODE_PID_NAMES)
    f.kvm_vcpu = "kvm" in last
    if o.paths:
        from .paths import resolve
        f.paths, msgs = resolve(o.paths)
        if "path-resolution" not in f.quiet:
            f.messages.extend(msgs)
    return f


def _none_if_all(s: NumberSet) -> NumberSet | None:
    return None if s.is_all else s


_PARSERS = {"trace": parse_syscall_set, "abbrev": parse_syscall_set,
            "verbose": parse_syscall_set, "raw": parse_syscall_set,
            "signal": parse_signal_set, "status": parse_status_set,
            "quiet": parse_quiet_set, "read": parse_fd_set, "write": parse_fd_set,
            "decode-fds": parse_decode_fds, "decode-pids": parse_decode_pids,
            "kvm": parse_kvm}


def check(name: str, value: str) -> None:
    """Raise PstraceError (strace's message) for an invalid -e NAME=VALUE, as strace
    does while it reads its options, before it checks anything else."""
    parser = _PARSERS.get(name)
    if parser is not None:
        parser(value)


__all__ = ["Filters", "build", "NumberSet", "NameSet"]


def abbreviates_all(f: Filters) -> bool:
    """True when most syscalls are abbreviated (the -e abbrev= set is a complement):
    the engine's default DecodeOptions.verbose is then False."""
    return f.abbrev.negated


def decode_by_nr(f: Filters, base: DecodeOptions) -> dict[int, DecodeOptions] | None:
    """DecodeOptions of the syscall numbers that differ from ``base``: -e abbrev=SET
    (DecodeOptions.verbose) and -e verbose=SET (DecodeOptions.deref), or None."""
    nrs = f.abbrev.members | f.verbose.members
    if not nrs:
        return None
    return {nr: replace(base, verbose=nr not in f.abbrev, deref=nr in f.verbose)
            for nr in nrs}
