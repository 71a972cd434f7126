"""Where trace text goes: stderr, a -o file, a pipe to a command, or -ff per-process files.

Each complete line is written with one write(2), so nothing is lost if pstrace is killed
between lines and no line is interleaved with another process's output.  The start of a
line that must show before its end (a blocking call's "read(0, ") is written at once,
to a file or a pipe too, as strace flushes each call's entry half (a failure there is
silent: the end of the line reports it, one error per line).  A failed write
is strace's: on a broken pipe that is our stderr or a -o file, pstrace dies of SIGPIPE as
strace does (its default disposition); to a -o '|cmd' pipe, and on any other error
(ENOSPC, EIO...), the line is lost and "PROG: NAME: error" goes to stderr, and tracing
goes on.  strace counterpart: the outf handling and flush_tcp_output() of strace.c.
"""
from __future__ import annotations

import os

from .._sys.sigmod import signal
from ..errors import PstraceError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:   # subprocess (and selectors) load only for -o '|cmd': start-up
    import subprocess


class Output:
    """A file descriptor that receives whole lines.  `name` is what strace calls it in
    an error message (the -o argument; None for stderr, whose errors cannot be told)."""

    __slots__ = ("fd", "owned", "proc", "name", "prog")

    def __init__(self, fd: int, owned: bool = False,
                 proc: subprocess.Popen[bytes] | None = None, name: str | None = None,
                 prog: str = "pstrace") -> None:
        self.fd = fd
        self.owned = owned
        self.proc = proc     # the shell command of -o '|cmd' / -o '!cmd'
        self.name = name
        self.prog = prog

    @classmethod
    def open_pipe(cls, spec: str, prog: str = "pstrace") -> Output:
        """-o '|cmd' or '!cmd': the trace goes to a shell command's standard input."""
        import subprocess  # here, not at the top: only -o "|cmd" needs it (start-up)
        proc = subprocess.Popen(["/bin/sh", "-c", spec[1:]], stdin=subprocess.PIPE)
        assert proc.stdin is not None
        return cls(proc.stdin.fileno(), False, proc, spec, prog)

    @classmethod
    def open_file(cls, path: str, prog: str = "pstrace") -> Output:
        """Open -o FILE as strace does (create/truncate, mode 0666 & ~umask)."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        return cls(fd, True, None, path, prog)

    @classmethod
    def open_process_file(cls, prefix: str, pid: int, prog: str = "pstrace") -> Output:
        """-ff -o PREFIX: the file PREFIX.PID of a process, opened when it is first
        traced; a failure ends the run with strace's message."""
        path = f"{prefix}.{pid}"
        try:
            return cls.open_file(path, prog)
        except OSError as e:
            raise PstraceError(f"Can't fopen '{path}': {os.strerror(e.errno or 0)}") from None

    def write(self, text: str, report: bool = True) -> None:
        """Write text; `report`: say so on stderr when it fails (strace is silent about
        its -c table, and about the start of a line written ahead of its end)."""
        try:
            data = text.encode()   # UTF-8: the codec's fast path, without an error handler
        except UnicodeEncodeError:   # a name with undecodable bytes (surrogateescape)
            data = text.encode("utf-8", "surrogateescape")
        while data:
            try:
                n = os.write(self.fd, data)
            except InterruptedError:
                continue
            except BrokenPipeError as e:
                if self.proc is None:
                    die_of_sigpipe()
                if report:
                    self._report(e)
                return
            except OSError as e:
                if report:
                    self._report(e)
                return
            if n == len(data):   # the usual case: the whole text at once
                return
            data = data[n:]

    def _report(self, e: OSError) -> None:
        if self.name is None:
            return   # stderr itself failed: there is nowhere to say so
        msg = f"{self.prog}: {self.name}: {os.strerror(e.errno or 0)}\n"
        try:
            os.write(2, msg.encode("utf-8", "surrogateescape"))
        except OSError:
            pass

    def close(self) -> None:
        if self.owned:
            os.close(self.fd)
            self.owned = False
        if self.proc is not None:
            if self.proc.stdin is not None:
                try:
                    self.proc.stdin.close()
                except OSError:
                    pass
            self.proc.wait()
            self.proc = None


def die_of_sigpipe() -> None:
    """What a write to a broken pipe does to strace (Python ignores SIGPIPE)."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGPIPE])
    os.kill(os.getpid(), signal.SIGPIPE)
