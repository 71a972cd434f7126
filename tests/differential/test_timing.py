"""Differential tests of the line prefixes and -T (render/prefix.py, views/text.py):
-t, -tt, -ttt, --timestamps=..., -r (with precisions), -T, -i, -n, alone and combined,
with -f, on syscall, signal, unfinished/resumed and exit lines, against strace 6.1.

Time values differ between two runs: every digit of the leading time stamps and of
-T's <...> is replaced by 9, which keeps their format (separators, number of digits,
padding) exact.  Instruction pointers are exact (ASLR is off in the harness) except the
first execve's, made by the tracer's own child.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness
from harness import DEFAULT_NORMALISERS, VOLATILE

PROG_C = r"""
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) { (void)sig; }

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "plain";
    signal(SIGUSR1, on_usr1);
    syscall(SYS_getppid);
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
    kill(getpid(), SIGUSR1);
    if (strcmp(mode, "fork") == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            poll(NULL, 0, 150);   /* not traced: the parent is in wait4 by then */
            nanosleep(&ts, NULL);
            syscall(SYS_getppid);
            _exit(3);
        }
        poll(NULL, 0, 50);        /* not traced: the tracer has seen the child by then */
        waitpid(pid, NULL, 0);
    }
    if (strcmp(mode, "die") == 0)
        kill(getpid(), SIGTERM);
    syscall(SYS_getppid);
    return 0;
}
"""

# Syscalls whose decoders exist today; the comparison keeps their lines and the
# ---/+++ lines (a no-op once every syscall of the program is decoded).
DECODED = frozenset("getppid getpid kill nanosleep clock_nanosleep clone wait4 exit_group "
                    "rt_sigaction rt_sigreturn execve".split())
_NAME = re.compile(r"^(?:\[pid +\d+\] )?[\d:. ()+]*(?:\[[ \d]+\] )?(?:\[[0-9a-f?]+\] )?"
                   r"(?:<\.\.\. )?([a-z_0-9]+)\(?")
_LEAD = re.compile(r"^((?:\[pid +\d+\] )?)([\d:. ()+]+?)(?=[a-z_\[<]|--- |\+\+\+ )", re.M)
_DURATION = re.compile(r" <[\d.]+>$", re.M)
_FIRST_EXEC_IP = re.compile(r"\[[0-9a-f]{16}\] (?=execve\()")


def nines(text: str) -> str:
    return re.sub(r"\d", "9", text)


def mask_times(text: str) -> str:
    """Every digit of the leading time stamps and of the -T suffix becomes 9."""
    text = _LEAD.sub(lambda m: m.group(1) + nines(m.group(2)), text)
    text = _DURATION.sub(lambda m: nines(m.group(0)), text)
    return _FIRST_EXEC_IP.sub("[IP] ", text, count=1)


def decoded_lines(text: str) -> str:
    keep = []
    for line in text.splitlines(keepends=True):
        m = _NAME.match(line)
        if (m is None or m.group(1) in DECODED or "--- " in line or "+++ " in line
                or "Process " in line):
            keep.append(line)
    return "".join(keep)


_ATTACHED = re.compile(r"pstrace: Process \d+ attached\n")


def attach_messages(text: str) -> str:
    """Drop "Process N attached" (on stderr, where it lands depends on which of the new
    child's first stop and the parent's clone exit the tracer sees first; not this
    module's business): a clone line it split becomes whole again."""
    return _ATTACHED.sub("", text)


NORMALISERS = (*DEFAULT_NORMALISERS, *VOLATILE, attach_messages, decoded_lines, mask_times)

OPTIONS = {
    "t": ["-t"],
    "tt": ["-tt"],
    "ttt": ["-ttt"],
    "ts-ms": ["--timestamps=ms"],
    "ts-ns": ["--timestamps=ns"],
    "ts-unix": ["--timestamps=unix"],
    "ts-unix-s": ["--absolute-timestamps=format:unix,precision:s"],
    "ts-time-us": ["--timestamps=time,us"],
    # several: each changes what it names, a bare one the format back to the time
    "ts-ms-unix": ["--absolute-timestamps=precision:ms", "--absolute-timestamps=format:unix"],
    "ts-unix-ns-bare": ["--timestamps=unix,ns", "--timestamps"],
    "ts-unix-ms-empty": ["--timestamps=unix,ms", "--timestamps="],
    "ts-none": ["--timestamps=none"],
    "r": ["-r"],
    "r-s": ["--relative-timestamps=s"],
    "r-ms": ["--relative-timestamps=ms"],
    "r-ns": ["--relative-timestamps=ns"],
    "T": ["-T"],
    "T-s": ["--syscall-times=s"],
    "T-ms": ["--syscall-times=ms"],
    "T-ns": ["--syscall-times=ns"],
    "n": ["-n"],
    "i": ["-i"],
    "t-T": ["-t", "-T"],
    "tt-T": ["-tt", "-T"],
    "ttt-T": ["-ttt", "-T"],
    "r-T": ["-r", "-T"],
    "t-r": ["-t", "-r"],
    "ttt-r-ns": ["-ttt", "--relative-timestamps=ns"],
    "n-i": ["-n", "-i"],
    "all": ["-tt", "-r", "-T", "-n", "-i"],
}


FORK_TRACE = "trace=getppid,kill,wait4,clock_nanosleep,exit_group,rt_sigreturn"


@pytest.fixture(scope="module")
def prog(tmp_path_factory) -> str:
    src = tmp_path_factory.mktemp("timing") / "timing_prog.c"
    src.write_text(PROG_C)
    return str(harness.build(src))


@pytest.mark.parametrize("opt", OPTIONS)
def test_prefixes(prog: str, opt: str, tmp_path: Path) -> None:
    harness.differential(OPTIONS[opt], [prog], cwd=tmp_path, normalisers=NORMALISERS)


@pytest.mark.parametrize("opt", ["tt-T", "r-T", "all", "ttt", "n-i"])
def test_prefixes_follow_forks(prog: str, opt: str, tmp_path: Path) -> None:
    """-f: "[pid N] " first; unfinished/resumed lines and the child's exit.  clone and
    the child's first syscall race (in strace too): the trace set leaves them out."""
    harness.differential(["-f", "-e", FORK_TRACE, *OPTIONS[opt]], [prog, "fork"],
                         cwd=tmp_path, normalisers=NORMALISERS)


@pytest.mark.parametrize("opt", ["tt-T", "all"])
def test_prefixes_output_file(prog: str, opt: str, tmp_path: Path) -> None:
    harness.differential(["-f", "-e", FORK_TRACE, "-o", "{out}", *OPTIONS[opt]],
                         [prog, "fork"], cwd=tmp_path, normalisers=NORMALISERS)


@pytest.mark.parametrize("opt", ["t", "all"])
def test_killed(prog: str, opt: str, tmp_path: Path) -> None:
    harness.differential(OPTIONS[opt], [prog, "die"], cwd=tmp_path, normalisers=NORMALISERS)


def test_mask_keeps_format() -> None:
    a = "11:30:30.123456 (+     0.000212) [  62] kill(1, 0) = 0 <0.000040>\n"
    b = "11:30:30.123 (+     0.000212) [  62] kill(1, 0) = 0 <0.000040>\n"
    c = "21:00:59.000001 (+     7.000001) [  62] kill(1, 0) = 0 <1.000000>\n"
    assert mask_times(a) != mask_times(b)
    assert mask_times(a) == mask_times(c)
