#!/usr/bin/env python3
"""The floor: the cheapest tracer pstrace's own primitives make, for bench/overhead.py.

It launches the command as pstrace does (engine.launch, with pstrace's seccomp program
for `-e trace=NAMES` as pstrace's default filter or --seccomp-bpf would install it), and
at every stop does only what any ptrace tracer in Python must: wait (under -c with the
tracee's system time, through the engine's own wait4), read PTRACE_GET_SYSCALL_INFO
at syscall stops (through the same reader as the engine), and resume.  It decodes
nothing, counts nothing, prints nothing.  Its overhead next to strace's is the part of
pstrace's that no work on decoding or rendering can remove: the Python loop and the
ctypes calls around the kernel's stops.

Takes the benchmark's options only (strace spelling): -c, -f, --seccomp-bpf,
-e trace=NAME[,NAME...] and -o FILE (ignored: nothing is written), then the command.
A child that is not followed (no -f) is not expected: the benchmark's workloads that
run without -f do not fork.
"""
from __future__ import annotations

import os
import shutil
import sys

from pstrace._sys import consts_gen as K
from pstrace._sys import libc
from pstrace.engine import launch
from pstrace.filters import seccomp
from pstrace.syscalls.catalog import NSYSCALLS, by_name

_SYSCALL_STOP = K.SIGTRAP | 0x80


def main(argv: list[str]) -> int:
    rusage = follow = False
    traced: list[int] | None = None
    args = iter(argv)
    for a in args:
        if a == "-c":
            rusage = True
        elif a == "-f":
            follow = True
        elif a == "--seccomp-bpf":
            pass   # a trace set always gets the filter, as pstrace's default
        elif a == "-o":
            next(args)
        elif a == "-e":
            names = next(args).removeprefix("trace=").split(",")
            # and the execs, which pstrace's filter and strace's always stop
            names += ["execve", "execveat"]
            traced = [row.nr for row in map(by_name, names) if row is not None]
        else:
            command = [a, *args]
            break
    else:
        sys.exit("floor: no command")
    prog = None
    if traced is not None:
        insns = seccomp.program(traced, NSYSCALLS)
        prog = libc.SeccompProgram(seccomp.pack(insns), len(insns), no_new_privs=False)
    options = launch.SEIZE_OPTIONS | K.PTRACE_O_EXITKILL
    if follow:
        options |= launch.FOLLOW_OPTIONS
    path = shutil.which(command[0]) or command[0]
    pid = launch.launch(path, command, [os.fsencode(f"{k}={v}") for k, v in
                                        os.environ.items()], "floor", options, prog)
    # with the filter, a tracee runs to its next filtered call (PTRACE_CONT) except
    # between a call's entry and exit
    filtered = prog is not None
    in_call: dict[int, bool] = {pid: False}
    read = libc.SyscallInfoReader().read
    wait4, waitpid, wall = libc.rusage_waiter(), os.waitpid, K.__WALL
    resume_syscall, resume_cont = libc.resume_syscall, libc.resume_cont
    exit_op = K.PTRACE_SYSCALL_INFO_EXIT
    while in_call:
        try:
            if rusage:
                p, status, _ = wait4(-1, wall)
            else:
                p, status = waitpid(-1, wall)
        except ChildProcessError:
            break
        if status & 0xFF != 0x7F:   # gone
            in_call.pop(p, None)
            continue
        sig = (status >> 8) & 0xFF
        event = status >> 16
        if sig == _SYSCALL_STOP or event == K.PTRACE_EVENT_SECCOMP:
            info = read(p)
            in_call[p] = info is not None and info[0] != exit_op
            sig = 0
        elif event or sig == K.SIGTRAP or p not in in_call:
            sig = 0   # an event (fork, exec, ...) or a new child's first stop
        in_call.setdefault(p, False)
        if filtered and not in_call[p]:
            resume_cont(p, sig)
        else:
            resume_syscall(p, sig)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
