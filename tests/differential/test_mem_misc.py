"""Differential tests of the memory, time, identity and misc decoders (mem.py, time.py,
misc.py, creds.py, futex.py, prctl.py): our C programs traced by strace 6.1 and by
pstrace, default, -v and -s 4.

Only the lines of the syscalls under test are compared (filtered in both outputs; to be
switched to -e trace= once the filter is in the CLI).  Values that change between two
runs are masked explicitly and only on their lines: clock readings (clock_gettime,
gettimeofday, time, times) and getrandom's bytes / sysinfo's counters.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

MEM = ("brk mmap mprotect munmap mremap madvise msync mlock munlock mlock2 mlockall "
       "munlockall mincore").split()
IDS = ("getpid getppid gettid getuid geteuid getgid getegid getpgrp getpgid getsid setsid "
       "setuid setgid setreuid setregid setresuid setresgid setfsuid setfsgid getresuid "
       "getresgid getgroups setgroups").split()
TIME = ("clock_gettime clock_getres clock_settime clock_nanosleep nanosleep getitimer "
        "setitimer alarm sched_yield time gettimeofday times").split()
MISC = ("arch_prctl set_tid_address set_robust_list get_robust_list rseq getrlimit "
        "setrlimit prlimit64 getrandom uname sysinfo sched_getaffinity sched_setaffinity "
        "getcpu personality prctl futex").split()

PROGRAMS = {
    "mem_basic": MEM, "mem_flags": MEM, "mem_fail": MEM,
    "misc_ids": IDS, "misc_groups": IDS + ["mincore", "arch_prctl", "set_robust_list"],
    "misc_time": TIME, "misc_clock": TIME,
    "misc_limits": MISC, "misc_sched_prctl": MISC, "misc_futex": MISC,
}
OPTIONS = {"default": [], "-v": ["-v"], "-s4": ["-s", "4"]}

_CLOCK_LINE = re.compile(r"^(clock_gettime|gettimeofday|time|times)\(")
_NUMBER = re.compile(r"(tv_sec|tv_nsec|tv_usec|tms_\w+)=\d+|\b\d{9,}\b|\(\d{4}-\d\d-\d\dT[^)]*\)"
                     r"|/\* \d{4}-[^*]*\*/|= \d+$")


def clock_values(text: str) -> str:
    """Mask the readings on clock lines only (clock_gettime, gettimeofday, time, times):
    they change between the two runs."""
    out = []
    for line in text.splitlines(keepends=True):
        if _CLOCK_LINE.match(line) and "= -1 " not in line:
            line = _NUMBER.sub(lambda m: (m.group(1) + "=N") if m.group(1) else "N", line)
        out.append(line)
    return "".join(out)


NORMALISERS = (*harness.DEFAULT_NORMALISERS, harness.getrandom_bytes,
               harness.sysinfo_values, clock_values)


def _lines(result: harness.Result, names: list[str]) -> list[str]:
    pat = re.compile(r"^(%s)\(" % "|".join(names))
    text = harness.normalise(result.trace, NORMALISERS)
    return [line for line in text.splitlines() if pat.match(line)]


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_mem_misc(prog: str, opt: str) -> None:
    exe = build(SYSCALLS / f"{prog}.c")
    args = OPTIONS[opt]
    names = PROGRAMS[prog]
    expected = _lines(run_strace(args, [str(exe)]), names)
    actual = _lines(run_pstrace(args, [str(exe)]), names)
    assert expected, "strace printed none of the syscalls under test"
    assert actual == expected
