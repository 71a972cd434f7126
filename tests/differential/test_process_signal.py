"""Differential tests of the process and signal decoders (decoders/process.py,
signal.py, siginfo.py): tests/syscalls/proc_*.c and sig_*.c traced by strace 6.1 and by
pstrace, default, -v and -s 8, compared byte for byte.

Without -f only the parent is traced: SIGCHLD lines are made deterministic by the
programs themselves (SIGCHLD stays blocked and is let in after a known syscall).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import harness
from harness import DEFAULT_NORMALISERS

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

PROC_SYSCALLS = ("execve,execveat,exit,exit_group,wait4,waitid,fork,vfork,clone,clone3,"
                 "getpriority,setpriority")
SIG_SYSCALLS = ("kill,tkill,tgkill,rt_sigaction,rt_sigprocmask,rt_sigreturn,sigaltstack,"
                "rt_sigsuspend,rt_sigpending,rt_sigtimedwait,rt_sigqueueinfo,"
                "rt_tgsigqueueinfo,pause,signalfd,signalfd4")
ALL = PROC_SYSCALLS + "," + SIG_SYSCALLS
NORMALISERS = DEFAULT_NORMALISERS
OPTIONS = {"default": [], "-v": ["-v"], "-s8": ["-s", "8"]}
PROGRAMS = {
    "proc_wait": [],
    "proc_exec": [],
    "sig_basic": [],
    "sig_siginfo": [],
    "sig_fault": [],
    "sig_fault-segv": ["segv"],
    "sig_fault-core": ["core"],
}


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_process_signal_program(prog: str, opt: str, tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / f"{prog.split('-')[0]}.c")
    harness.differential(["-e", "trace=" + ALL, *OPTIONS[opt]], [str(exe), *PROGRAMS[prog]],
                         cwd=tmp_path, normalisers=NORMALISERS)


def test_execve_environment_sizes(tmp_path: Path) -> None:
    """The "/* N vars */" comment (singular at 1) and -v's full envp of the first execve."""
    for env in ({"A": "1"}, {}, {f"V{i}": "x" * i for i in range(40)}):
        for opt in ([], ["-v"], ["-s", "3"]):
            harness.differential(["-e", "trace=" + ALL, *opt], ["/bin/true", "a", "b"],
                                 cwd=tmp_path, env=env, normalisers=NORMALISERS)


@pytest.mark.parametrize("xflag", [[], ["-X", "raw"], ["-X", "verbose"]])
@pytest.mark.parametrize("args", [[], ["garbage"]])
def test_wait_status_of_ptrace_stops(args: list[str], xflag: list[str],
                                     tmp_path: Path) -> None:
    """wait4's status of ptrace stops ("SIGTRAP | 0x80", "}|PTRACE_EVENT_EXEC<<16") and,
    through an injected return that leaves the status unwritten, every other bit."""
    exe = harness.build(SYSCALLS / "proc_wait_status.c")
    inject = ["-e", "inject=wait4:retval=1"] if args else []
    harness.differential(["-e", "trace=wait4", "-e", "signal=none", *xflag, *inject],
                         [str(exe), *args], cwd=tmp_path, normalisers=NORMALISERS)
