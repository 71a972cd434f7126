"""Where trace text goes: stderr, a -o file, a pipe to a command, or -ff per-process files.

Each complete line is written with one write(2), so nothing is lost if pstrace is killed
between lines and no line is interleaved with another process's output.
strace counterpart: the outf handling of strace.c.
"""
from __future__ import annotations

import os
import subprocess


class Output:
    """A file descriptor that receives whole lines."""

    __slots__ = ("fd", "owned", "proc")

    def __init__(self, fd: int, owned: bool = False,
                 proc: subprocess.Popen[bytes] | None = None) -> None:
        self.fd = fd
        self.owned = owned
        self.proc = proc     # the shell command of -o '|cmd' / -o '!cmd'

    @classmethod
    def open_pipe(cls, command: str) -> Output:
        """-o '|cmd' or '!cmd': the trace goes to a shell command's standard input."""
        proc = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.PIPE)
        assert proc.stdin is not None
        return cls(proc.stdin.fileno(), False, proc)

    @classmethod
    def open_file(cls, path: str) -> Output:
        """Open -o FILE as strace does (create/truncate, mode 0666 & ~umask)."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        return cls(fd, True)

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "surrogateescape")
        fd = self.fd
        while data:
            try:
                n = os.write(fd, data)
            except InterruptedError:
                continue
            except BrokenPipeError:
                return
            data = data[n:]

    def close(self) -> None:
        if self.owned:
            os.close(self.fd)
            self.owned = False
        if self.proc is not None:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait()
            self.proc = None
