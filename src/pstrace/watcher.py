"""pstrace.watch(): trace the calling process itself (every thread) and every process it
starts inside a ``with`` block, then answer questions about what they did.

    with pstrace.watch() as w:
        subprocess.run(["my-tool", "--offline"], check=True)
    assert not w.connections()
    assert w.files_written() <= {tmp_path / "out.txt"}

A process cannot trace itself, so watch() starts a helper tracer (``python -m
pstrace.watcher``) that attaches back to every thread of the caller (allowed by
prctl(PR_SET_PTRACER) where Yama's ptrace_scope asks for it), follows forks and keeps
the events.  The block ends with a marker call the helper recognises (a write to a
pipe of the watch's own); the helper then detaches from everything (children still
running go on untraced) and hands the events over.  The watch's own calls (waiting for
the helper, the marker) are left out.

What a watched program can notice: every thread stops at each system call for the
helper (slower), /proc/self/status shows a TracerPid, a second tracer cannot attach,
and a debugger inside the block fails as under strace.

strace counterpart: none (strace -f -p on one's own process).  The package module is
pstrace.watcher (pstrace.watch is the function).
"""
from __future__ import annotations

import os
import pickle
import stat
import struct
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .errors import PstraceError
from .events import End, Event, Exec, Exit, Signal, Syscall
from .values import (
    AbstractPath,
    Array,
    Const,
    Fd,
    FdTarget,
    Func,
    Int,
    Named,
    Str,
    Struct,
    Sym,
    Value,
)
from .values import Path as PathValue

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)

if TYPE_CHECKING:
    from dataclasses import dataclass, field
else:   # the same classes, faster to import (issue #11)
    from ._records import dataclass, field

_OPENS = frozenset(("open", "openat", "openat2", "creat"))
_READS = frozenset(("read", "pread64", "readv", "preadv", "preadv2"))
_WRITES = frozenset(("write", "pwrite64", "writev", "pwritev", "pwritev2", "ftruncate",
                     "fallocate", "sendfile", "copy_file_range"))
_DELETES = frozenset(("unlink", "unlinkat", "rmdir"))
_CONNECTS = frozenset(("connect", "sendto", "sendmsg"))
_EXECS = frozenset(("execve", "execveat"))
_WRITE_MODES = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
_PID = struct.Struct("<i")


@dataclass(frozen=True, slots=True)
class Connection:
    """An address a watched process connected or sent to: `family` ("AF_INET",
    "AF_INET6", "AF_UNIX", ...), `address` (an IP address, or a unix socket's path,
    "@name" for an abstract one), `port` (None for unix sockets)."""

    family: str
    address: str
    port: int | None = None


@dataclass
class Watched:
    """What the helper saw: the events, and the paths it resolved while the processes
    were alive (a relative path against its process's working directory then)."""

    events: list[Event] = field(default_factory=list)
    paths: dict[int, Path] = field(default_factory=dict)   # event index -> its path


class Watch:
    """The context manager pstrace.watch() returns; the queries work after the block."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._paths: dict[int, Path] = {}
        self._helper: int | None = None   # the helper tracer's pid
        self._fds: tuple[int, ...] = ()
        self._marker = -1

    # --- the block ----------------------------------------------------------------
    def __enter__(self) -> Watch:
        res_r, res_w = os.pipe()
        rdy_r, rdy_w = os.pipe()
        mark_r, mark_w = os.pipe()
        os.close(mark_r)   # the marker write fails with EPIPE: nobody reads it
        self._marker = mark_w
        argv = [sys.executable, "-m", "pstrace.watcher", str(os.getpid()), str(res_w),
                str(rdy_w), str(rdy_r), str(mark_w)]
        env = dict(os.environ)
        src = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        # the helper forks and its first process exits at once: the tracer is no child
        # of this process, so a wait() inside the block never sees it
        starter = subprocess.Popen(argv, stdin=subprocess.PIPE, pass_fds=(res_w, rdy_w),
                                   env=env)
        os.close(res_w)
        os.close(rdy_w)
        self._fds = (res_r, rdy_r, mark_w)
        starter.wait()
        got = os.read(rdy_r, _PID.size)
        if len(got) != _PID.size:
            self._abort()
            raise PstraceError("watch: the helper tracer did not start")
        self._helper = _PID.unpack(got)[0]
        try:
            _allow(self._helper)
        except OSError as e:
            self._abort()
            raise PstraceError(f"watch: prctl(PR_SET_PTRACER): {e.strerror}") from None
        assert starter.stdin is not None
        starter.stdin.write(b"g")
        starter.stdin.close()
        if os.read(rdy_r, 1) != b"r":   # the helper has attached to every thread
            self._abort()
            raise PstraceError("watch: the helper tracer could not attach")
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        res_r, rdy_r, mark_w = self._fds
        try:
            os.write(mark_w, b"x")
        except BrokenPipeError:
            pass
        chunks = []
        while True:
            data = os.read(res_r, 1 << 16)
            if not data:
                break
            chunks.append(data)
        for fd in self._fds:
            os.close(fd)
        if not chunks:
            if exc_type is None:
                raise PstraceError("watch: the helper tracer failed")
            return
        self.events, self._paths = pickle.loads(b"".join(chunks))

    def _abort(self) -> None:
        if self._helper is not None:
            try:
                os.kill(self._helper, 9)
            except OSError:
                pass
        for fd in self._fds:
            os.close(fd)
        self._fds = ()

    # --- the questions --------------------------------------------------------------
    def calls(self, *names: str) -> list[Syscall]:
        """The finished system calls (of these names, when given), in order."""
        want = frozenset(names)
        return [e for e in self.events if isinstance(e, Syscall)
                and (not want or e.name in want)]

    def syscall_counts(self) -> Counter[str]:
        """How many times each system call was made."""
        return Counter(e.name for e in self.calls())

    def failed_calls(self) -> list[Syscall]:
        """The calls that returned an error."""
        return [e for e in self.calls() if e.errno]

    def files_opened(self) -> set[Path]:
        """The files opened successfully (absolute paths, as the kernel names them)."""
        return {p for _, p in self._opened()}

    def files_read(self) -> set[Path]:
        """The files read from (through a descriptor naming a file)."""
        return {p for e in self.calls(*_READS) if not e.errno
                for p in _fd_paths(e.values[:1])}

    def files_written(self) -> set[Path]:
        """The files opened for writing (or created, truncated) or written to."""
        written = {p for e, p in self._opened() if _opened_for_writing(e)}
        written |= {p for e in self.calls(*_WRITES) if not e.errno
                    for p in _fd_paths(e.values[:1])}
        return written

    def files_deleted(self) -> set[Path]:
        """The files and directories removed (unlink, unlinkat, rmdir)."""
        return {self._paths[i] for i, e in enumerate(self.events)
                if i in self._paths and isinstance(e, Syscall) and e.name in _DELETES}

    def connections(self) -> list[Connection]:
        """The addresses connected or sent to (connect, sendto, sendmsg), in order,
        each once."""
        seen: dict[Connection, None] = {}
        for e in self.calls(*_CONNECTS):
            for v in e.values:
                c = _connection(v)
                if c is not None:
                    seen.setdefault(c)
        return list(seen)

    def processes(self) -> list[list[str]]:
        """The argv of every program executed (successful execve/execveat; one still
        under way when the block ended counts: the block saw it begin)."""
        out = []
        for e in self.calls(*_EXECS):
            if e.errno or e.end is End.SUPERSEDED:
                continue
            argv = e.values[1] if e.name == "execve" else e.values[2]
            if isinstance(argv, Array):
                out.append([os.fsdecode(v.data) for v in argv.items
                            if isinstance(v, (Str, PathValue))])
        return out

    def _opened(self) -> Iterable[tuple[Syscall, Path]]:
        for e in self.calls(*_OPENS):
            if not e.errno and isinstance(e.rvalue, Fd) and _is_file(e.rvalue.target):
                assert e.rvalue.target is not None
                yield e, Path(e.rvalue.target.path)


def watch() -> Watch:
    """Trace this process and what it starts inside the ``with`` block (see the module's
    docstring)."""
    return Watch()


# --- reading the events ---------------------------------------------------------------

def _is_file(target: FdTarget | None) -> bool:
    """A file or directory still in the filesystem (not a device such as /dev/null or a
    terminal, nor a deleted file such as pytest's capture file)."""
    if target is None or target.kind != "file" or target.deleted:
        return False
    try:
        mode = os.stat(target.path).st_mode
    except OSError:
        return True   # gone since: it was a file
    return not (stat.S_ISCHR(mode) or stat.S_ISBLK(mode))


def _fd_paths(vals: Iterable[Value]) -> Iterable[Path]:
    for v in vals:
        if isinstance(v, Fd) and _is_file(v.target):
            assert v.target is not None
            yield Path(v.target.path)


def _flag_names(v: Value) -> set[str]:
    from .values import Flags
    if isinstance(v, Flags):
        return set(v.names)
    if isinstance(v, Const):
        return {v.name}
    if isinstance(v, Struct):   # openat2's open_how
        return {n for name, x in v.fields if name == "flags" for n in _flag_names(x)}
    return set()


def _opened_for_writing(e: Syscall) -> bool:
    if e.name == "creat":
        return True
    i = {"open": 1, "openat": 2, "openat2": 2}[e.name]
    return bool(_flag_names(e.values[i]) & set(_WRITE_MODES))


def _unsym(v: Value) -> Value:
    return v.sym if isinstance(v, Sym) else v


def _connection(v: Value) -> Connection | None:
    """The endpoint a sockaddr value names (a Struct with sa_family first)."""
    if not isinstance(v, Struct) or not v.fields or v.fields[0][0] != "sa_family":
        return None
    fam = v.fields[0][1]
    family = fam.name if isinstance(fam, Const) else str(getattr(fam, "value", fam))
    fields = {n: _unsym(x) for n, x in v.fields[1:] if n is not None}
    if family == "AF_UNIX":
        p = fields.get("sun_path")
        if isinstance(p, AbstractPath):
            return Connection(family, "@" + os.fsdecode(p.data))
        if isinstance(p, Str):
            return Connection(family, os.fsdecode(p.data))
        return None
    port_v = fields.get("sin_port", fields.get("sin6_port"))
    port = None
    if isinstance(port_v, Func) and port_v.args and isinstance(port_v.args[0], Int):
        port = port_v.args[0].value
    for _, x in v.fields[1:]:   # sin_addr, or inet_pton()'s unnamed sin6_addr
        sym = _unsym(x)
        if isinstance(sym, Named):
            sym = sym.value
        if isinstance(sym, Func) and sym.name in ("inet_addr", "inet_pton"):
            addr = [a for a in sym.args if isinstance(a, Str)]
            if addr:
                return Connection(family, os.fsdecode(addr[0].data), port)
    return None


# --- the helper tracer ------------------------------------------------------------------

def _allow(pid: int) -> None:
    """Let `pid` trace this process where Yama restricts ptrace to descendants."""
    try:
        with open("/proc/sys/kernel/yama/ptrace_scope") as f:
            scope = int(f.read())
    except (OSError, ValueError):
        return   # no Yama: any process of the same user may attach
    if scope >= 1:
        from ._sys.libc import set_ptracer
        set_ptracer(pid)


def _resolve(pid: int, e: Syscall) -> Path | None:
    """The path an unlink/unlinkat/rmdir removed, made absolute against the process's
    working directory (or unlinkat's directory descriptor) now, at the call's exit."""
    i = 1 if e.name == "unlinkat" else 0
    p = e.values[i] if i < len(e.values) else None
    if not isinstance(p, (Str, PathValue)):
        return None
    name = os.fsdecode(p.data)
    if os.path.isabs(name):
        return Path(name)
    base = None
    if e.name == "unlinkat" and isinstance(e.values[0], Fd) and e.values[0].target:
        base = e.values[0].target.path
    if base is None:
        try:
            base = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            return None
    return Path(os.path.normpath(os.path.join(base, name)))


def _helper_main(argv: list[str]) -> int:
    """python -m pstrace.watcher PID RESULT_FD READY_FD PARENT_READY_FD PARENT_MARK_FD"""
    from .api import attach
    target, res_w, rdy_w, own_rdy, own_mark = (int(a) for a in argv)
    if os.fork():
        os._exit(0)   # the watched process reaps this one; the tracer is its grandchild
    os.write(rdy_w, _PID.pack(os.getpid()))
    if sys.stdin.buffer.read(1) != b"g":
        return 1
    watched = Watched()
    session = attach(target, follow=True, decode_fds=True, string_limit=4096)
    try:
        session.start()
    except PstraceError as e:
        sys.stderr.write(f"pstrace.watch: {e}\n")
        return 1
    os.write(rdy_w, b"r")
    os.close(rdy_w)
    threads = set(session.tracer.tracees) if session.tracer is not None else {target}
    own = frozenset((own_rdy, own_mark))
    ended = False
    for ev in session:
        if not ended and isinstance(ev, Syscall) and ev.pid in threads and ev.values \
                and isinstance(ev.values[0], Fd) and ev.values[0].num in own:
            if ev.values[0].num == own_mark:
                # the end of the block: every thread and child goes on untraced
                # (before the loop ends: closing the session would kill children);
                # the loop then ends with the calls the detach cut (a child's execve
                # whose exec the block already saw happen)
                session.detach()
                ended = True
            continue     # the watch's own wait for this helper
        if isinstance(ev, Syscall) and ev.name in _DELETES and not ev.errno:
            path = _resolve(ev.pid, ev)
            if path is not None:
                watched.paths[len(watched.events)] = path
        if isinstance(ev, (Syscall, Exec, Exit, Signal)):
            watched.events.append(ev)
    # a tuple: the class Watched lives in __main__ here (python -m)
    data = pickle.dumps((watched.events, watched.paths))
    with open(res_w, "wb", closefd=True) as out:
        out.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(_helper_main(sys.argv[1:]))
