"""Differential tests of the memory, time, identity and misc decoders (mem.py, time.py,
misc.py, creds.py, futex.py, prctl.py, caps.py, ns.py, handles.py, fs_space.py, ldt.py,
...): our C programs traced by strace 6.1 and by
pstrace, default, -v and -s 4.

Only the lines of the syscalls under test are compared (filtered in both outputs; to be
switched to -e trace= once the filter is in the CLI).  Values that change between two
runs are masked explicitly and only on their lines: clock readings (clock_gettime,
gettimeofday, time, times) and getrandom's bytes / sysinfo's counters.
"""
from __future__ import annotations

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
    "misc_prctl_caps": ["prctl", "capget", "capset"],
    "mem_process_vm": ["process_vm_readv", "process_vm_writev"],
    "misc_sysadmin": ("unshare setns eventfd eventfd2 userfaultfd umount2 ustat readahead "
                      "sync_file_range process_mrelease landlock_restrict_self "
                      "set_thread_area get_thread_area times").split(),
    "mem_numa": ["move_pages", "migrate_pages", "mbind", "set_mempolicy", "get_mempolicy",
                 "set_mempolicy_home_node", "memfd_secret"],
}
OPTIONS = {"default": [], "-v": ["-v"], "-s4": ["-s", "4"]}



NORMALISERS = (*harness.DEFAULT_NORMALISERS, harness.getrandom_bytes,
               harness.sysinfo_values, harness.clock_readings)


def _lines(result: harness.Result) -> list[str]:
    return harness.normalise(result.trace, NORMALISERS).splitlines()


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_mem_misc(prog: str, opt: str) -> None:
    exe = build(SYSCALLS / f"{prog}.c")
    names = PROGRAMS[prog]
    args = [*OPTIONS[opt], "-e", "trace=" + ",".join(names)]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert expected, "strace printed none of the syscalls under test"
    assert actual == expected
