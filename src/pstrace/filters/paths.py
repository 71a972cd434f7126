"""-P PATH: keep only the syscalls that touch PATH, by name or through a descriptor.

A descriptor matches when /proc/PID/fd/N resolves to a selected path at the call's entry,
as strace does (so dup*, fcntl F_DUPFD*, close and close-on-exec are followed without
state of our own).  strace counterpart: pathtrace.c (pathtrace_select/pathtrace_match).
"""
from __future__ import annotations

import os
import struct

from .._sys.libc import MemReader
from ..syscalls.catalog import SyscallInfo

_POLLFD = struct.Struct("=ihh")


def resolve(paths: list[str]) -> tuple[list[str], list[str]]:
    """The paths to match and the messages strace prints while selecting them
    ("Requested path "X" resolved into "Y"")."""
    out: list[str] = []
    msgs: list[str] = []
    for p in paths:
        if p not in out:
            out.append(p)
        real = os.path.realpath(p, strict=False) if os.path.lexists(p) else None
        if real is not None and real != p:
            msgs.append(f'Requested path "{p}" resolved into "{real}"')
            if real not in out:
                out.append(real)
    return out, msgs


class PathFilter:
    """Decides at syscall entry whether a call touches one of the selected paths."""

    __slots__ = ("paths", "bpaths")

    def __init__(self, paths: list[str]) -> None:
        self.paths = frozenset(paths)
        self.bpaths = frozenset(os.fsencode(p) for p in paths)

    def _fd(self, pid: int, fd: int) -> bool:
        fd &= 0xFFFFFFFF
        if fd & 0x80000000:
            return False
        try:
            return os.readlink(f"/proc/{pid}/fd/{fd}") in self.paths
        except OSError:
            return False

    def _path(self, mem: MemReader, pid: int, addr: int) -> bool:
        if not addr:
            return False
        got = mem.read_cstr(pid, addr, 4096)
        return isinstance(got, tuple) and got[0] in self.bpaths

    def match(self, mem: MemReader, pid: int, name: str, row: SyscallInfo | None,
              args: tuple[int, ...]) -> bool:
        """Whether the call touches a selected path through one of the arguments the
        catalog gives it (descriptors and paths), the descriptors select/poll/
        close_range name in memory (read with the tracer's reader, `mem`), or fsconfig's by
        its command."""
        if name in ("select", "pselect6"):
            return self._fdset(mem, pid, args)
        if name in ("poll", "ppoll"):
            return self._poll(mem, pid, args)
        if name == "close_range":
            return self._range(pid, args)
        if name == "fsconfig":   # by command; never its first argument (strace)
            return self._fsconfig(mem, pid, args)
        if row is None:
            return False
        return (any(self._fd(pid, args[i]) for i in row.fd_args)
                or any(self._path(mem, pid, args[i]) for i in row.path_args))

    def _fsconfig(self, mem: MemReader, pid: int, args: tuple[int, ...]) -> bool:
        """The aux descriptor of FSCONFIG_SET_FD/SET_PATH/SET_PATH_EMPTY, the value of
        the SET_PATH ones (a path resolved against aux)."""
        from ..xlat import FSCONFIG_CMDS  # here: the tables load only when needed
        cmd = FSCONFIG_CMDS.name(args[1] & 0xFFFFFFFF)
        if cmd not in ("FSCONFIG_SET_FD", "FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY"):
            return False
        return self._fd(pid, args[4]) or (cmd != "FSCONFIG_SET_FD"
                                          and self._path(mem, pid, args[3]))

    def _fdset(self, mem: MemReader, pid: int, args: tuple[int, ...]) -> bool:
        nfds = args[0] & 0xFFFFFFFF
        if not nfds or nfds & 0x80000000:   # a C int: the kernel rejects negative ones
            return False
        nfds = min(nfds, 1024 * 1024)       # strace reads no larger set
        size = (nfds + 63) // 64 * 8
        for i in (1, 2, 3):
            if not args[i]:
                continue
            data = mem.read(pid, args[i], size)
            if data is None:
                continue
            bits = int.from_bytes(data, "little") & ((1 << nfds) - 1)
            while bits:
                low = bits & -bits
                if self._fd(pid, low.bit_length() - 1):
                    return True
                bits ^= low
        return False

    def _poll(self, mem: MemReader, pid: int, args: tuple[int, ...]) -> bool:
        n = min(args[1], 4096)
        for i in range(n if args[0] else 0):   # as strace, up to an unreadable one
            one = mem.read(pid, args[0] + i * _POLLFD.size, _POLLFD.size)
            if one is None:
                return False
            if self._fd(pid, _POLLFD.unpack(one)[0]):
                return True
        return False

    def _range(self, pid: int, args: tuple[int, ...]) -> bool:
        lo, hi = args[0] & 0xFFFFFFFF, args[1] & 0xFFFFFFFF
        try:
            fds = [int(x) for x in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            return False
        return any(lo <= fd <= hi and self._fd(pid, fd) for fd in fds)
