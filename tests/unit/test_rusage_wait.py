"""libc.rusage_waiter, the -c loop's wait4: the status and the system time os.wait4
would give (against /proc/PID/stat, which the kernel computes from the same times), and
os.wait4's behaviour on EINTR (PEP 475: the handlers run, then the wait goes on) and
ECHILD."""
from __future__ import annotations

import errno
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from pstrace._sys import libc

_NS_PER_TICK = 1_000_000_000 // os.sysconf("SC_CLK_TCK")


def _times(pid: int) -> tuple[int, int]:
    """(utime, stime) of a process in clock ticks (proc(5): fields 14 and 15)."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return int(fields[11]), int(fields[12])


def _burn_and_stop(rounds: int) -> None:
    """In a forked child: `rounds` times, spend system time (much more than user time)
    and stop; then exit."""
    try:
        with open("/dev/zero", "rb", buffering=0) as zero:
            for _ in range(rounds):
                start = _times(os.getpid())[1]
                while True:
                    zero.read(1 << 20)
                    utime, stime = _times(os.getpid())
                    if stime >= start + 3 and stime >= utime + 3:
                        break
                os.kill(os.getpid(), signal.SIGSTOP)
    finally:
        os._exit(0)


def test_stime_of_a_stopped_child_matches_proc_and_os_wait4() -> None:
    """At three stops of a child: os.wait4's ru_stime, then the waiter's, then
    os.wait4's again agree with /proc's system time of the stopped child (in ticks: the
    kernel rounds both down from the same nanoseconds), and grow."""
    wait = libc.rusage_waiter()
    pid = os.fork()
    if pid == 0:
        _burn_and_stop(3)
    try:
        _, status, ru = os.wait4(pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status)
        before = round(ru.ru_stime * 1e6) * 1000
        assert before // _NS_PER_TICK == _times(pid)[1]
        os.kill(pid, signal.SIGCONT)

        got, status, stime = wait(pid, os.WUNTRACED)
        assert got == pid and os.WIFSTOPPED(status)
        assert os.WSTOPSIG(status) == signal.SIGSTOP
        utime_ticks, stime_ticks = _times(pid)
        assert stime // _NS_PER_TICK == stime_ticks != utime_ticks
        assert stime % 1000 == 0 and stime > before
        os.kill(pid, signal.SIGCONT)

        _, status, ru = os.wait4(pid, os.WUNTRACED)
        assert round(ru.ru_stime * 1e6) * 1000 > stime
        os.kill(pid, signal.SIGCONT)
        got, status, _ = wait(pid, 0)
        assert got == pid and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


@contextmanager
def _alarm(handler: Callable[[int, object], None]) -> Iterator[None]:
    """SIGALRM to `handler`, due a little later (most likely while the test waits)."""
    old = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_interrupted_wait_runs_the_handler_then_waits_on() -> None:
    """The handler kills the child: the wait can only end after it ran."""
    wait = libc.rusage_waiter()
    pid = os.posix_spawnp("sleep", ["sleep", "1000"], os.environ)
    handled = []

    def kill_child(signo: int, _frame: object) -> None:
        handled.append(signo)
        os.kill(pid, signal.SIGKILL)

    try:
        with _alarm(kill_child):
            got, status, _ = wait(pid, 0)
        assert got == pid and os.WIFSIGNALED(status)
        assert os.WTERMSIG(status) == signal.SIGKILL
        assert handled == [signal.SIGALRM]
    finally:
        _reap(pid)


class _Alarmed(Exception):
    pass


def test_interrupted_wait_raises_what_the_handler_raises() -> None:
    wait = libc.rusage_waiter()
    pid = os.posix_spawnp("sleep", ["sleep", "1000"], os.environ)

    def interrupt(signo: int, _frame: object) -> None:
        raise _Alarmed(signo)

    try:
        with _alarm(interrupt), pytest.raises(_Alarmed):
            wait(pid, 0)
        assert os.waitpid(pid, os.WNOHANG) == (0, 0)   # still running, not reaped
    finally:
        _reap(pid)


def test_no_such_child_raises_child_process_error() -> None:
    wait = libc.rusage_waiter()
    with pytest.raises(ChildProcessError):
        wait(os.getpid(), 0)
    with pytest.raises(OSError) as err:
        wait(-1, -1)   # no such options
    assert err.value.errno == errno.EINVAL
