"""parse_args and getopt_long, pure: what a command line turns into.

The diagnostics themselves are compared with strace 6.1 in
tests/cli/test_cli_errors.py; here the parsed values are checked.  Expected
values follow strace 6.1's documented meaning of each option (strace -h).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

try:
    from pstrace.cli.parse import Options, UsageError, parse_args
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from pstrace.cli.parse import Options, UsageError, parse_args

from pstrace.cli import options as table
from pstrace.cli.getopt import GetoptError, Parsed, getopt_long


def parse(*args: str) -> Options:
    return parse_args(["pstrace", *args])


def error(*args: str) -> str:
    with pytest.raises(UsageError) as info:
        parse(*args)
    assert info.value.status == 1
    return info.value.text


def test_defaults() -> None:
    o = parse("ls")
    assert o.command == ["ls"]
    assert (o.string_limit, o.column, o.sort_by, o.xflag, o.quiet) == (32, 40, "time", 0, 0)
    assert o.timestamps == "none" and not o.follow_forks and o.output is None
    assert o.qualifiers == [] and o.warnings == [] and o.action is None


def test_clustering_and_attached_arguments() -> None:
    o = parse("-ffvs64", "-o", "out", "-a20", "ls")
    assert o.follow_forks and o.output_separately and o.verbose
    assert (o.string_limit, o.output, o.column) == (64, "out", 20)
    assert parse("-fos", "ls").output == "s"  # the rest of a cluster is the argument


def test_long_forms_and_abbreviation() -> None:
    assert parse("--output=x", "ls").output == "x"
    assert parse("--output", "x", "ls").output == "x"
    assert parse("--string-limit=7", "ls").string_limit == 7
    assert parse("--string-l", "7", "ls").string_limit == 7
    assert parse("--no-a", "ls").verbose
    assert parse("--dae=pgrp", "ls").daemonize == 2    # daemonize/-ised/-ized: aliases
    assert parse("--sil=exit", "ls").qualifiers == [("quiet", "exit")]
    assert parse("--sig", "!SIGIO", "ls").qualifiers == [("signal", "!SIGIO")]
    assert "ambiguous" in error("--out=x", "ls")
    assert "is ambiguous; possibilities: '--syscall-number' '--syscall-times'" in error("--sys")


def test_optional_arguments() -> None:
    o = parse("--relative-timestamps", "ms", "ls")   # no "=": the argument is not taken
    assert o.relative_timestamps and o.relative_precision == "us" and o.command == ["ms", "ls"]
    o = parse("--relative-timestamps=ms", "--syscall-times=ns", "ls")
    assert (o.relative_precision, o.syscall_times_precision) == ("ms", "ns")
    o = parse("--absolute-timestamps=format:unix,precision:ns", "ls")
    assert (o.timestamps, o.timestamp_precision) == ("unix", "ns")
    assert parse("--timestamps", "ls").timestamps == "time"
    assert parse("--strings-in-hex", "ls").xflag == 2
    assert parse("--strings-in-hex=non-ascii-chars", "ls").xflag == 3
    assert parse("--decode-fds", "ls").qualifiers == [("decode-fds", "path")]
    assert parse("--daemonize", "ls").daemonize == 1


@pytest.mark.parametrize("flags, fmt, precision", [
    ("-t", "time", "s"), ("-tt", "time", "us"), ("-ttt", "unix", "us"),
    ("-tttt", "unix", "us")])
def test_timestamp_counts(flags: str, fmt: str, precision: str) -> None:
    o = parse(flags, "ls")
    assert (o.timestamps, o.timestamp_precision) == (fmt, precision)


def test_repeated_flags_count() -> None:
    o = parse("-qqq", "-xxx", "-yy", "-dd", "-DD", "ls")
    assert (o.quiet, o.xflag, o.decode_fds, o.debug, o.daemonize) == (3, 2, 2, 2, 2)
    o = parse("-f", "ls")
    assert o.follow_forks and not o.output_separately


def test_accumulating_options_keep_order() -> None:
    o = parse("-e", "open", "-e", "signal=!SIGIO", "--trace=close", "-e", "t=read",
              "-e", "write", "-E", "A=1", "-E", "B", "-P", "/a", "-P", "/b",
              "-p", "1,2 3", "-p", "4", "-z", "-Y", "ls")
    assert o.qualifiers == [("trace", "open"), ("signal", "!SIGIO"), ("trace", "close"),
                            ("trace", "read"), ("trace", "write"), ("decode-pids", "comm")]
    assert (o.env, o.paths, o.pids) == (["A=1", "B"], ["/a", "/b"], [1, 2, 3, 4])
    assert o.status_only == "successful"


def test_qualifier_aliases() -> None:
    pairs = [("t", "trace"), ("a", "abbrev"), ("v", "verbose"), ("x", "raw"),
             ("s", "signal"), ("signals", "signal"), ("r", "read"), ("reads", "read"),
             ("w", "write"), ("writes", "write"), ("q", "quiet"), ("silent", "quiet"),
             ("decode-fd", "decode-fds"), ("decode-pid", "decode-pids")]
    for alias, canonical in pairs:
        assert parse("-e", f"{alias}=all", "ls").qualifiers == [(canonical, "all")]
    with pytest.raises(UsageError) as info:   # no "=": a syscall name
        parse("-e", "trace", "ls")
    assert info.value.text == "pstrace: invalid system call 'trace'\n"


def test_plus_stops_at_first_operand() -> None:
    o = parse("-f", "ls", "-l", "--color", "-s", "x")
    assert o.command == ["ls", "-l", "--color", "-s", "x"]
    assert parse("--", "-weird", "-f").command == ["-weird", "-f"]
    assert parse("-", "x").command == ["-", "x"]
    assert parse("-p", "1").command == []


def test_numbers_parse_like_strtol() -> None:
    assert parse("-s", " +5", "ls").string_limit == 5
    assert parse("-s", "010", "ls").string_limit == 10
    assert parse("-s", "1073741823", "ls").string_limit == 1073741823
    assert parse("-a", "2147483647", "ls").column == 2147483647
    assert parse("-I", "Never_TSTP", "ls").interruptible == 4
    assert parse("-O", "1.5ms", "-c", "ls").overhead == pytest.approx(1.5e-3)
    assert parse("-O", "3", "-c", "ls").overhead == pytest.approx(3e-6)


def test_summary_options() -> None:
    o = parse("-c", "-S", "count", "-U", "name,max_time,calls", "-w", "ls")
    assert o.summary_only and o.wall_clock and o.sort_by == "calls"
    assert o.summary_columns == ["name", "max-time", "calls"]


def test_help_and_version() -> None:
    assert parse("-s", "1", "-h", "-s", "x").action.startswith("Usage: pstrace ")
    assert parse("-V").action.startswith("pstrace -- version 0.1.0\n")
    assert "compatible with strace 6.1" in parse("-V", "ls").action


def test_program_name_rule(tmp_path, monkeypatch) -> None:
    """strace names itself by argv[0] as invoked: a script found through PATH by its
    basename (what was typed), one run by another path by that path."""
    script = tmp_path / "pstrace"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert parse_args([str(script), "ls"]).prog == "pstrace"
    assert parse_args(["/nowhere/bin/pstrace", "ls"]).prog == "/nowhere/bin/pstrace"
    assert parse_args(["pstrace", "ls"]).prog == "pstrace"
    assert parse_args(["/x/__main__.py", "ls"]).prog == "pstrace"
    assert error().startswith("pstrace: must have PROG [ARGS] or -p PID\n")


def test_errors() -> None:
    assert error("-Q") == ("pstrace: invalid option -- 'Q'\n"
                           "Try 'pstrace -h' for more information.\n")
    assert error("-s") == ("pstrace: option requires an argument -- 's'\n"
                           "Try 'pstrace -h' for more information.\n")
    assert error("--output") == ("pstrace: option '--output' requires an argument\n"
                                 "Try 'pstrace -h' for more information.\n")
    assert error("--debug=1").startswith("pstrace: option '--debug' doesn't allow")
    assert error("--nope=1").startswith("pstrace: unrecognized option '--nope=1'\n")
    assert error("-s", "abc", "ls").startswith("pstrace: invalid -s argument: 'abc'\n")
    assert error("-p", "x") == "pstrace: Invalid process id: 'x'\n"
    assert error("-p", str(os.getpid())) == (
        "pstrace: I'm sorry, I can't let you do that, Dave.\n")
    assert error("-c", "-C", "ls").startswith("pstrace: -c/--summary-only and -C/--summary")
    assert error("-DDDD", "ls").startswith("pstrace: Too many -D's (4)")
    assert error("-f", "--follow-forks", "ls") == (
        "pstrace: -f and --follow-forks cannot be provided simultaneously\n")


def test_warnings_precede_a_later_error() -> None:
    text = error("--seccomp-bpf", "-ff", "-c", "ls")
    assert text.splitlines()[0] == ("pstrace: --seccomp-bpf cannot be used without "
                                    "-f/--follow-forks, disabling") or "mutually" in text
    o = parse("-c", "-k", "-o", "f", "ls")
    assert o.warnings == ["-k/--stack-traces has no effect with -c/--summary-only"]


def test_getopt_yields_in_order() -> None:
    items = list(getopt_long(["p", "-fs1", "--output=x", "--", "a"],
                             table.SHORT_OPTSTRING, table.LONG_OPTIONS))
    assert items == [Parsed("f", "", None), Parsed("s", "", "1"),
                     Parsed("o", "output", "x"), 4]
    with pytest.raises(GetoptError):
        list(getopt_long(["p", "--o"], table.SHORT_OPTSTRING, table.LONG_OPTIONS))


def test_table_is_consistent() -> None:
    names = [row.name for row in table.LONG_OPTIONS]
    strace_names = [row.name for row in table.LONG_OPTIONS if not row.exact]
    assert len(names) == len(set(names)) and len(strace_names) == 57
    assert names[57:] == ["tree", "report", "perfetto", "color",   # pstrace's own, last
                          "json", "json-schema"]


def test_own_options_do_not_change_strace_abbreviations() -> None:
    """--col is --columns (strace 6.1), not ambiguous with --color; --tr stays
    ambiguous between strace's own two; pstrace's options need their whole name."""
    def first(*argv: str) -> object:
        return next(iter(getopt_long(["p", *argv], table.SHORT_OPTSTRING,
                                     table.LONG_OPTIONS)))
    assert first("--col=50") == Parsed("a", "columns", "50")
    with pytest.raises(GetoptError) as info:
        first("--tr=x")
    assert info.value.message == ("p: option '--tr=x' is ambiguous; possibilities: "
                                  "'--trace-path' '--trace'")
    for abbrev in ("--tre", "--repo=x", "--perf=x", "--colo"):
        with pytest.raises(GetoptError):
            first(abbrev)
    assert first("--color") == Parsed("color", "color", None)
    assert first("--report", "x.html") == Parsed("report", "report", "x.html")
    letters = set(table.SHORT_OPTSTRING.replace(":", "").lstrip("+"))
    assert letters == set("aAbcCdDeEfFhiIknoOpPqrsStTuUvVwxXyYzZ")


def test_qualifiers_are_checked_as_they_are_read() -> None:
    """strace validates each -e value while it reads the options: the first invalid one
    is reported, before -h is acted on and before "must have PROG"."""
    for argv, message in ((["-e", "foo=bar", "-h"], "invalid system call 'foo=bar'"),
                          (["-e", "trace=open", "--decode-pids=x"], "invalid decode-pids 'x'"),
                          (["--kvm=x", "-e", "trace=foo"], "invalid -e kvm= argument: 'x'")):
        with pytest.raises(UsageError) as info:
            parse(*argv)
        assert info.value.text == f"pstrace: {message}\n"
