"""Kernel feature probes, run once before tracing starts.

Like strace 6.1, pstrace forks two throwaway children before it starts the traced
command (keeping pid numbering identical to strace's, which the differential tests rely
on): on the first it checks PTRACE_SEIZE + PTRACE_GET_SYSCALL_INFO on a syscall stop
(Linux >= 5.3); the second only stops and is killed, as strace's second probe is for
pstrace's purposes.  What the probe found is also said in strace's own words, for
-d ("PTRACE_GET_SYSCALL_INFO works").  Whether process_vm_readv works
(CONFIG_CROSS_MEMORY_ATTACH) is learnt on first use: the memory reader falls back to
/proc/PID/mem (reading the probe would be one process_vm_readv more than strace makes:
its umovestr_cached test counts).
strace counterpart: test_ptrace_get_syscall_info() and friends in strace.c.
"""
from __future__ import annotations

import ctypes
import errno
import os

from .._sys import consts_gen as K
from .._sys import libc
from .._sys.sigmod import signal

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass


@dataclass(frozen=True, slots=True)
class Features:
    """What the kernel offers: PTRACE_GET_SYSCALL_INFO (else the tracer reads the
    registers: engine.regs); `notes`: what strace -d says of it, line by line."""

    syscall_info: bool
    notes: tuple[str, ...] = ()


def _child_stop_then_exit() -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            libc.die_with_parent(parent)   # not left stopped if the tracer is killed
            libc.raise_stop()
        finally:
            os._exit(0)
    return pid


def _reap(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    while True:
        try:
            p, st = os.waitpid(pid, K.__WALL)
        except ChildProcessError:
            return
        if p == pid and (os.WIFEXITED(st) or os.WIFSIGNALED(st)):
            return


def probe_syscall_info() -> tuple[bool, str | None]:
    """Whether PTRACE_GET_SYSCALL_INFO works at a syscall stop, and why not when the
    request itself failed (strace's perror-style line)."""
    pid = _child_stop_then_exit()
    try:
        _, st = os.waitpid(pid, K.WSTOPPED)
        libc.ptrace(K.PTRACE_SEIZE, pid, 0, K.PTRACE_O_TRACESYSGOOD | K.PTRACE_O_EXITKILL)
        os.kill(pid, signal.SIGCONT)
        for _ in range(8):
            _, st = os.waitpid(pid, K.__WALL)
            if not os.WIFSTOPPED(st):
                return False, None
            if os.WSTOPSIG(st) == (K.SIGTRAP | 0x80):
                buf = ctypes.create_string_buffer(libc.SYSCALL_INFO_SIZE)
                try:
                    libc.ptrace(K.PTRACE_GET_SYSCALL_INFO, pid, len(buf), buf)
                except OSError as e:
                    return False, f"PTRACE_GET_SYSCALL_INFO: {os.strerror(e.errno or 0)}"
                return buf.raw[0] in (K.PTRACE_SYSCALL_INFO_ENTRY,
                                      K.PTRACE_SYSCALL_INFO_EXIT), None
            libc.ptrace_nothrow(K.PTRACE_SYSCALL, pid, 0, 0)
        return False, None
    except OSError:
        return False, None
    finally:
        _reap(pid)


def _second_child() -> None:
    pid = _child_stop_then_exit()
    try:
        os.waitpid(pid, K.WSTOPPED)
    finally:
        _reap(pid)


def probe() -> Features:
    works, failure = probe_syscall_info()
    _second_child()
    verdict = "PTRACE_GET_SYSCALL_INFO " + ("works" if works else "does not work")
    return Features(works, (failure, verdict) if failure else (verdict,))


def can_hand_over() -> bool:
    """Whether this kernel has what a hand-over (engine/handoff.py) needs: pidfd_getfd
    (5.6), and with it SECCOMP_USER_NOTIF_FLAG_CONTINUE (5.5).  Here, not in handoff.py:
    a run whose command makes no child never imports that (issue #11: start-up)."""
    return libc.syscall(K.__NR_pidfd_getfd, -1, 0, 0) == -errno.EBADF


def probe_seccomp(program: libc.SeccompProgram) -> bool:
    """--seccomp-bpf: can a child install the filter?  (strace 6.1 also checks this on a
    throwaway child before it starts the command.)"""
    pid = os.fork()
    if pid == 0:
        try:
            os._exit(0 if program.install() == 0 else 1)
        finally:
            os._exit(1)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return False
        if os.WIFEXITED(status) or os.WIFSIGNALED(status):
            return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
