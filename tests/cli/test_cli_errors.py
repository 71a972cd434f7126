"""pstrace's command-line diagnostics against the real strace 6.1.

Each command line is given to strace 6.1 (the oracle) and to parse_args
in-process.  strace's stderr, with its name replaced by pstrace's, must equal
what pstrace would print (UsageError.text, or the warnings of a command line
that parses), and the exit status must be the same.  Command lines that parse
run ``true`` with ``-o /dev/null`` so strace's stderr holds only its warnings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

try:
    from pstrace.cli.parse import UsageError, parse_args
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from pstrace.cli.parse import UsageError, parse_args

from harness import tool_name

T = ["-o", "/dev/null", "true"]  # a command line that traces, quietly

ERRORS: list[list[str]] = [
    # getopt_long
    ["-Q", "true"], ["-g"], ["-0"], ["-+"], ["-:"], ["-fQ", "true"],
    ["-s"], ["-e"], ["-o"], ["-p"], ["-fo"],
    ["--foo"], ["--foo=bar"], ["--no-such-option", "true"],
    ["--trace"], ["--output"], ["--detach"], ["--signal"], ["--sig"],
    ["--ab=zz", "true"], ["--de"], ["--in"], ["--out=x", "true"], ["--st"],
    ["--sum"], ["--sy"], ["--syscall"], ["--tr=x"], ["--ve"], ["--si"], ["--ti"],
    ["--se"], ["--re"], ["--="], ["--=x"], ["--=", "true"],
    ["--debug=1"], ["--fail=x"], ["--follow-forks=yes"], ["--help=x"],
    ["--version=1"], ["--no=x"], ["--seccomp=1"], ["--pid=1"], ["--summary-only=x"],
    # option arguments
    ["-s", "abc", "true"], ["-s", "-1", "true"], ["-s", "", "true"],
    ["-s", "5x", "true"], ["-s", "0x10", "true"], ["-s", "5 ", "true"],
    ["-s", "1073741824", "true"], ["-s", "99999999999", "true"],
    ["--string-limit=x", "true"], ["--string=1"], ["-s1x"],
    ["-a", "-1", "true"], ["-a", "abc", "true"], ["-a", "2147483648", "true"],
    ["--columns=x"], ["--col", "y"],
    ["-I", "0", "true"], ["-I", "5", "true"], ["-I", "abc", "true"],
    ["-I", "-0", "true"], ["-I", "0x1", "true"], ["--interruptible=9"],
    ["-O", "abc", "true"], ["-O", "-1", "true"], ["-O", "", "true"],
    ["-O", "10xs", "true"], ["-O", "0x10", "true"], ["-O", "inf"], ["-O", "1 "],
    ["-O", "10S"], ["--summary-syscall-overhead=x"],
    ["-S", "foo", "true"], ["-S", "", "true"], ["-S", "Calls"], ["--summary-sort-by=x"],
    ["-U", "foo", "true"], ["-U", ""], ["-U", "calls,"], ["-U", "calls,zz,name"],
    ["-U", "calls,calls", "-c", "true"], ["-U", "calls,name,calls,errors"],
    ["-U", "Calls"], ["--summary-columns=x"],
    ["-X", "foo", "true"], ["-X", "RAW"], ["--const-print-style=x"],
    ["-b", "open", "true"], ["-b", "EXECVE"], ["--detach-on=x"],
    ["-p", "x"], ["-p", "0"], ["-p", "-1"], ["-p", "1,2x"], ["-p", " 5"],
    ["-p", ",5"], ["-p", "1,,2x"], ["-p", "1;2"], ["-p", "2147483648"],
    ["--attach=x"], ["-p", "1", "-p", "1x"],
    ["--daemonize=zz"], ["--daemonized=x"], ["--da=x"],
    ["--absolute-timestamps=zz"], ["--timestamps=format:ms"],
    ["--timestamps=precision:unix"], ["--time=x"],
    ["--relative-timestamps=zz"], ["--relative-timestamps="],
    ["--relative-timestamps=precision:ms"], ["--syscall-times=x"],
    ["--strings-in-hex=zz"], ["--strings-in-hex=", "true"], ["--strings-in-hex=", "-s", "x", "true"],
    ["--strings-in-hex=NONE"],
    ["--tips=zz"], ["--tips=-1"], ["--tips=id:x"],
    ["--secontext"], ["--secontext=full"], ["-e", "secontext=full"],
    # checks after the option loop, alone and in combination (strace's order)
    [], ["-c"], ["-f"], ["-o", "x"], ["-P", ""], ["-u", ""], ["-E", ""],
    ["-D"], ["-DDDD"], ["-p", ""], ["-V", "-s", "x"], ["-s", "x", "-h"],
    ["-c", "-C", "true"], ["-C", "-c", "true"], ["-c", "-C", "-V"],
    ["-c", "-C", "-DDDD"], ["-DDDD", "true"], ["-D", "-p", "1"],
    ["-D", "-DDDD", "-p", "1"], ["-DDDD", "-p", "1"], ["--daemonize", "-p", "1"],
    ["-D", "--daemonize", "true"], ["--daemonize=grandchild", "-D", "true"],
    ["-D", "--daemonize", "-p", "1"], ["-DDDD", "--daemonize=pgroup", "true"],
    ["-t", "--absolute-timestamps=us", "true"], ["--timestamps", "-t", "true"],
    ["-x", "--strings-in-hex=all", "true"], ["-y", "--decode-fds=all", "true"],
    ["-y", "-e", "decode-fds=path", "true"],
    ["-f", "--follow-forks", "true"], ["-ff", "--output-separately", "true"],
    ["-q", "--quiet=all", "true"], ["-q", "-e", "quiet=all", "true"],
    ["--silent=exit", "-qq", "true"],
    ["-t", "--timestamps", "-x", "--strings-in-hex", "true"],
    ["-y", "--decode-fds", "-f", "--follow-forks", "true"],
    ["-f", "--follow-forks", "-ff", "--output-separately", "true"],
    ["-t", "--timestamps", "-D", "-p", "1"], ["-t", "--timestamps", "-DDDD", "true"],
    ["-ff", "-c", "true"], ["--output-separately", "-C", "true"],
    ["-w", "true"], ["-U", "calls", "true"], ["-w", "-U", "calls", "true"],
    ["-t", "--timestamps", "-ff", "-c", "true"], ["-D", "-ff", "-c", "true"],
    ["-ff", "-c", "-w", "-U", "calls", "true"],
    ["-c", "-k", "-A", "-w", "-ff", "true"],
    ["--seccomp-bpf", "-p", "1", "-q", "--quiet"],
    ["-F", "-ff", "-c", "true"], ["-F", "-U", "calls", "true"],
    ["-c", "-i", "-z", "-Z", "-S", "calls", "-A", "--output-separately", "-F", "-k", "true"],
    ["-q", "--quiet", "-z", "-Z", "true"], ["-q", "--quiet", "-A", "true"],
    ["-F", "-q", "--quiet", "true"],
    ["-c", "-n", "-y", "-T", "-t", "-r", "-i", "-k", "-S", "calls", "-A",
     "--output-separately", "-z", "-Z", "--seccomp-bpf", "true"],
    # "+" in the optstring: options stop at the first operand
    ["-c", "true", "-C"],  # parses: -C belongs to true (kept as a warning-free success)
]

WARNINGS: list[list[str]] = [
    ["-k", "-c", *T], ["-A", *T[2:]], ["-c", "-i", *T], ["-c", "-r", *T],
    ["-c", "-t", *T], ["-c", "-T", *T], ["-c", "-y", *T], ["-n", "-c", *T],
    ["-z", "-Z", *T], ["-z", "--failed-only", *T], ["-z", "-z", *T],
    ["-S", "calls", *T], ["--output-separately", "true"], ["-F", *T], ["-FF", *T],
    ["-F", "-f", *T], ["-F", "--follow-forks", *T], ["-ff", "-F", *T],
    ["-F", "--seccomp-bpf", *T], ["--seccomp-bpf", *T], ["-f", "--seccomp-bpf", "-b", "execve", *T],
    ["-c", "-n", "-y", "-T", "-t", "-r", "-i", "-k", "-S", "calls", "-A", "-z", "-Z", *T],
    ["-F", "-S", "calls", "-A", "--output-separately", "-z", "-Z", "true", "-o", "/dev/null"],
    ["-C", "-k", "-i", "-r", "-t", "-T", "-y", "-n", *T],
    ["-c", "-a", "10", "-s", "10", "-X", "raw", "-e", "read=1", "-P", "/x", "-Y", "-yy",
     "-x", "-v", *T],
    ["--timestamps=", *T], ["--absolute-timestamps=unix,", *T], ["--tips=3,full", *T],
    ["-s", " 5", *T], ["-s", "+5", *T], ["-s", "-0", *T], ["-s", "1073741823", *T],
    ["-I", "Anywhere", *T], ["-I", " 1", *T], ["-O", ".5", *T], ["-O", "1e3", *T],
    ["-O", "-0", *T], ["-S", "avg_time", "-c", *T], ["-U", "time_percent,calls", "-c", *T],
    ["--dae", *T], ["--fail", *T], ["--sil=exit", *T], ["--", *T[2:]],
]


def _strace(args: list[str]) -> tuple[str, int]:
    proc = subprocess.run(["strace", *args], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=30)
    return tool_name(proc.stderr), proc.returncode


def _pstrace(args: list[str]) -> tuple[str, int]:
    try:
        opts = parse_args(["pstrace", *args])
    except UsageError as e:
        return e.text, e.status
    return "".join(f"pstrace: {w}\n" for w in opts.warnings), 0


@pytest.mark.parametrize("args", ERRORS, ids=lambda a: " ".join(a) or "<none>")
def test_error_matches_strace(args: list[str]) -> None:
    if args == ["-c", "true", "-C"]:
        args = ["-o", "/dev/null", *args]
    expected = _strace(args)
    assert _pstrace(args) == expected


@pytest.mark.parametrize("args", WARNINGS, ids=lambda a: " ".join(a))
def test_accepted_line_matches_strace(args: list[str]) -> None:
    stderr, status = _strace(args)
    # Keep strace's own diagnostics; drop anything the traced command printed.
    diag = "".join(line for line in stderr.splitlines(keepends=True)
                   if line.startswith("pstrace: "))
    assert status == 0
    assert _pstrace(args) == (diag, 0)


def test_help_matches_strace() -> None:
    proc = subprocess.run(["strace", "-h"], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0
    assert parse_args(["/usr/bin/strace", "-h"]).action == proc.stdout
    assert parse_args(["pstrace", "--help"]).action.startswith("Usage: pstrace [-ACd")


@pytest.mark.parametrize("opt", ["-h", "-V"])
def test_help_and_version_to_a_full_disk(opt: str) -> None:
    """strace 6.1 lets a failed write of its help or version go: status 0, nothing on
    stderr (and never a Python traceback)."""
    from harness import pstrace_command
    for cmd in (["strace", opt], [*pstrace_command(), opt]):
        with open("/dev/full", "w") as full:
            p = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, timeout=30)
        assert (p.returncode, p.stderr) == (0, b""), cmd
