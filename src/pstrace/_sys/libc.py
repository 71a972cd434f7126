"""The only ctypes code: ptrace(2), process_vm_readv(2), execve(2) and friends.

Every function here is a thin, fast wrapper; errors come back as OSError with errno set.
strace counterpart: ptrace.h / ucopy.c.
"""
from __future__ import annotations

import ctypes
import errno
import os
import struct

from . import consts_gen as K

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
_libc = ctypes.CDLL(None, use_errno=True)

_ptrace = _libc.ptrace
_ptrace.restype = ctypes.c_long
_ptrace.argtypes = (ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p)
_get_errno = ctypes.get_errno
_set_errno = ctypes.set_errno


def ptrace(request: int, pid: int, addr: int = 0,
           data: int | ctypes.Array[ctypes.c_char] | None = 0) -> int:
    """ptrace(2); raises OSError on failure."""
    if isinstance(data, ctypes.Array):
        data = ctypes.addressof(data)
    res: int = _ptrace(request, pid, addr, data)
    if res == -1:
        err = _get_errno()
        if err:
            raise OSError(err, os.strerror(err))
    return res


def ptrace_nothrow(request: int, pid: int, addr: int = 0, data: int = 0) -> int:
    """ptrace(2) returning -errno instead of raising (for the hot path)."""
    if _ptrace(request, pid, addr, data) == -1:
        return -_get_errno()
    return 0


# The hot path: other handles on ptrace, without argtypes and without errno capture
# (each costs about a microsecond per call), and through PyDLL: the call keeps the GIL
# instead of letting it go and taking it back (a tenth of a call's cost, for a request
# that returns at once; the blocking waits are os.waitpid's).  glibc's ptrace is
# variadic and reads its addr/data as pointers, so 64-bit values are passed as prebuilt
# c_void_p/c_long objects, never as bare Python ints: those are passed as 32-bit C ints
# (sign-extended in their 64-bit register, which is right for small numbers only:
# signals, sizes, counts, flags).
_fast_ptrace = ctypes.PyDLL(None).ptrace
_fast_ptrace.restype = ctypes.c_long
# ... and one whose result is not even converted: a resume's failure (the tracee is
# gone) shows at the next wait anyway
_resume_ptrace = ctypes.PyDLL(None).ptrace
_resume_ptrace.restype = None
_SYSCALL, _CONT, _GET_INFO = K.PTRACE_SYSCALL, K.PTRACE_CONT, K.PTRACE_GET_SYSCALL_INFO
_INFO_EXIT_OP, _INFO_ENTRY_OP, _INFO_SECCOMP_OP = (
    K.PTRACE_SYSCALL_INFO_EXIT, K.PTRACE_SYSCALL_INFO_ENTRY, K.PTRACE_SYSCALL_INFO_SECCOMP)


def resume_syscall(pid: int, sig: int = 0) -> None:
    """PTRACE_SYSCALL with a signal to deliver (0: none)."""
    _resume_ptrace(_SYSCALL, pid, None, sig)


def resume_cont(pid: int, sig: int = 0) -> None:
    """PTRACE_CONT: run until the next seccomp, signal or event stop."""
    _resume_ptrace(_CONT, pid, None, sig)


# --- PTRACE_GET_SYSCALL_INFO -------------------------------------------------------
# struct ptrace_syscall_info (linux/ptrace.h): u8 op; u8 pad[3]; u32 arch; u64 ip; u64 sp;
# union { entry {u64 nr; u64 args[6]}; exit {s64 rval; u8 is_error}; seccomp {..., u32 ret_data} }
SYSCALL_INFO_SIZE = 88
_INFO_HEAD = struct.Struct("=B3xIQQ")
_INFO_ENTRY = struct.Struct("=B3xIQQQ6Q")
_INFO_EXIT = struct.Struct("=B3xIQQqB")


if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    class InfoReader(Protocol):
        """What the tracer reads at each stop: SyscallInfoReader, or engine.regs'
        fallback."""

        def read(self, pid: int) -> tuple[int, ...] | None: ...


class SyscallInfoReader:
    """Reads PTRACE_GET_SYSCALL_INFO into one reused buffer."""

    __slots__ = ("_buf", "_addr", "_op")

    def __init__(self) -> None:
        self._buf = ctypes.create_string_buffer(SYSCALL_INFO_SIZE)
        self._addr = ctypes.c_void_p(ctypes.addressof(self._buf))
        self._op = ctypes.c_uint8.from_buffer(self._buf)   # a view of info.op

    def read(self, pid: int) -> tuple[int, ...] | None:
        """Return the unpacked info tuple, or None when the tracee is gone.

        Entry: (op, arch, ip, sp, nr, a0..a5); exit: (op, arch, ip, sp, rval, is_error).
        """
        n = _fast_ptrace(_GET_INFO, pid, SYSCALL_INFO_SIZE, self._addr)
        if n <= 0:
            return None
        buf = self._buf
        op = self._op.value
        if op == _INFO_EXIT_OP:
            return _INFO_EXIT.unpack_from(buf)
        if op == _INFO_ENTRY_OP or op == _INFO_SECCOMP_OP:
            return _INFO_ENTRY.unpack_from(buf)
        return _INFO_HEAD.unpack_from(buf)


# --- wait4 with the system time (-c) ----------------------------------------------
# wait4 through a CDLL handle (the GIL let go while it blocks: pstrace.trace() may run
# in a thread), without errno capture (a cost at every call); a failure is retried
# through the errno-capturing handle to learn why (_wait4_failed)
_fast_wait4 = ctypes.CDLL(None).wait4
_wait4 = _libc.wait4
_check_signals = ctypes.pythonapi.PyErr_CheckSignals   # (raises what a handler raised)
_EINTR = errno.EINTR


def _wait_out() -> tuple[ctypes.Structure, int, struct.Struct]:
    """What one wait4 writes (the child's struct rusage and its status), made at the
    first waiter (a run without -c needs none of it): a buffer, the status's offset in
    it, and the Struct that reads its (stime's seconds, microseconds, status)."""
    class Timeval(ctypes.Structure):
        """struct timeval (time_t and suseconds_t are longs on Linux x86_64)."""

        _fields_ = (("tv_sec", ctypes.c_long), ("tv_usec", ctypes.c_long))

    class Rusage(ctypes.Structure):
        """struct rusage (sys/resource.h): two timevals, then fourteen longs."""

        _fields_ = (("ru_utime", Timeval), ("ru_stime", Timeval),
                    *((name, ctypes.c_long) for name in (
                        "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
                        "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
                        "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")))

    class WaitOut(ctypes.Structure):
        _fields_ = (("ru", Rusage), ("status", ctypes.c_int))

    stime, status = Rusage.ru_stime.offset, WaitOut.status.offset
    # "l", "i": the native C long and int, as c_long and c_int
    layout = struct.Struct(
        f"@{stime}xl{Timeval.tv_usec.offset - ctypes.sizeof(ctypes.c_long)}xl"
        f"{status - stime - ctypes.sizeof(Timeval)}xi")
    return WaitOut(), status, layout


def rusage_waiter() -> Callable[[int, int], tuple[int, int, int]]:
    """A wait4(2) for the tracer's loop under -c: `wait(pid, options)` returns (pid,
    status, the child's system time in ns), as os.wait4 with its ru_stime would, but
    exact (no float) and cheaper: os.wait4 looks up resource.struct_rusage and fills
    its sixteen fields at every call (about 1,700 instructions a stop more, with the
    float's conversion).

    As os.wait4: an interrupted wait runs the Python signal handlers, which may raise,
    then waits again (PEP 475); no child to wait for raises ChildProcessError, any
    other failure OSError.  Each waiter writes into its own buffer (a tracer per
    thread is fine; one waiter is not to be shared between threads)."""
    out, status_offset, layout = _wait_out()
    status_at = ctypes.byref(out, status_offset)   # (prebuilt: the ctypes arguments
    rusage_at = ctypes.byref(out)                  # that cost least)
    unpack = layout.unpack_from
    wait4 = _fast_wait4

    def wait(pid: int, options: int) -> tuple[int, int, int]:
        got: int = wait4(pid, status_at, options, rusage_at)
        if got == -1:
            got = _wait4_failed(pid, options, status_at, rusage_at)
        sec, usec, status = unpack(out)
        return got, status, sec * 1_000_000_000 + usec * 1000
    return wait


def _wait4_failed(pid: int, options: int, status_at: object, rusage_at: object) -> int:
    """After a failed wait4 whose errno is unknown: the signal handlers run, then wait4
    again, until it is not interrupted (ECHILD, EINVAL: they fail again, and raise)."""
    while True:
        _check_signals()
        got: int = _wait4(pid, status_at, options, rusage_at)
        if got != -1:
            return got
        err = _get_errno()
        if err != _EINTR:
            raise OSError(err, os.strerror(err))   # (ChildProcessError for ECHILD)


# --- siginfo ----------------------------------------------------------------------
SIGINFO_SIZE = 128
# waitid() flags that see any child's next stop or death and leave it to be waited for
WAIT_PEEK = K.__WALL | K.WEXITED | K.WSTOPPED | K.WNOWAIT


def get_siginfo(pid: int) -> bytes | None:
    """PTRACE_GETSIGINFO: the raw 128-byte siginfo_t, or None (group-stop: EINVAL)."""
    buf = ctypes.create_string_buffer(SIGINFO_SIZE)
    if _ptrace(K.PTRACE_GETSIGINFO, pid, 0, ctypes.addressof(buf)) == -1:
        return None
    return buf.raw


def get_event_msg(pid: int) -> int:
    val = ctypes.c_ulong(0)
    _ptrace(K.PTRACE_GETEVENTMSG, pid, 0, ctypes.addressof(val))
    return val.value


# --- memory -----------------------------------------------------------------------
class _IoVec(ctypes.Structure):
    _fields_ = (("base", ctypes.c_void_p), ("len", ctypes.c_size_t))


_pvr = _libc.process_vm_readv
_pvr.restype = ctypes.c_ssize_t
_pvr.argtypes = (ctypes.c_int, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p,
                 ctypes.c_ulong, ctypes.c_ulong)
# The hot path: no argtypes, no errno capture (the iovec pointers are prebuilt
# c_void_p objects; the counts and flags, small ints, go as ints), the GIL kept (as
# _fast_ptrace); a failed read is retried through _pvr to learn its errno.
_fast_pvr = ctypes.PyDLL(None).process_vm_readv
_fast_pvr.restype = ctypes.c_ssize_t


_PAGE = os.sysconf("SC_PAGE_SIZE")
_CACHED_PAGES = 4   # strace's umove cache: reads spanning up to 4 pages go through it


class MemReader:
    """Reads tracee memory with process_vm_readv into a reused buffer; falls back to
    /proc/PID/mem where process_vm_readv is unavailable.

    As strace's umoven (ucopy.c), a read that spans at most four pages reads whole
    pages and keeps the last four until the tracee runs again (`invalidate()` at every
    stop): decoding an iovec array of 32 small buffers in one page is two reads."""

    __slots__ = ("_buf", "_size", "_local", "_remote", "_lp", "_rp", "_use_pvr", "_lpv",
                 "_rpv", "_bufaddr", "_view", "pages", "_len", "_page_buf", "_page_remote",
                 "_page_lpv", "_page_rpv", "_page_view", "_page_iovecs")

    def __init__(self, size: int = 1 << 16) -> None:
        self._size = size
        self._buf = ctypes.create_string_buffer(size)
        self._local = _IoVec(ctypes.addressof(self._buf), 0)
        self._remote = _IoVec(0, 0)
        self._len = 0   # the length both iovecs hold (ctypes field stores are not cheap:
        # done only when it changes, which whole-page reads seldom do)
        self._lp = ctypes.addressof(self._local)
        self._rp = ctypes.addressof(self._remote)
        self._lpv = ctypes.c_void_p(self._lp)
        self._rpv = ctypes.c_void_p(self._rp)
        self._bufaddr = ctypes.addressof(self._buf)
        # copies out of the buffer: memoryview.tobytes() costs a quarter of string_at
        self._view = memoryview(self._buf).cast("B")
        self._use_pvr = True   # until the kernel says ENOSYS
        # (pid, page) -> its bytes; emptying it is invalidate() (the tracer's loop
        # does so inline at every stop)
        self.pages: dict[tuple[int, int], bytes] = {}
        # whole pages, the commonest read, have a buffer and iovecs of their own: only
        # the remote base changes from one to the next (issue #11)
        self._page_buf = ctypes.create_string_buffer(_PAGE)
        local = _IoVec(ctypes.addressof(self._page_buf), _PAGE)
        self._page_remote = _IoVec(0, _PAGE)
        self._page_iovecs = (local, self._page_remote)   # (kept alive with the pointers)
        self._page_lpv = ctypes.c_void_p(ctypes.addressof(local))
        self._page_rpv = ctypes.c_void_p(ctypes.addressof(self._page_remote))
        self._page_view = memoryview(self._page_buf).cast("B")

    def invalidate(self) -> None:
        """Forget the cached pages (a tracee ran: its memory may have changed)."""
        if self.pages:
            self.pages.clear()

    def _grow(self, size: int) -> None:
        while self._size < size:
            self._size *= 2
        self._buf = ctypes.create_string_buffer(self._size)
        self._bufaddr = ctypes.addressof(self._buf)
        self._view = memoryview(self._buf).cast("B")
        self._local.base = self._bufaddr

    def read(self, pid: int, addr: int, size: int) -> bytes | None:
        """Exactly `size` bytes at `addr`, or None when any of them is unreadable."""
        if size <= 0:
            return b""
        if not addr:
            return None
        first = addr & -_PAGE
        pages = self.pages
        off = addr - first
        if off + size <= _PAGE:   # within one page (the common case)
            data = pages.get((pid, first)) or self._page(pid, first)
            return None if data is None else data[off:off + size]
        end = (addr + size + _PAGE - 1) & -_PAGE
        if end - first > _CACHED_PAGES * _PAGE:
            return self._read(pid, addr, size)
        parts = []
        for page in range(first, end, _PAGE):
            data = pages.get((pid, page)) or self._page(pid, page)
            if data is None:
                return None
            parts.append(data)
        return b"".join(parts)[off:off + size]

    def _page(self, pid: int, page: int) -> bytes | None:
        """A page not in the cache: read, and kept in place of the oldest."""
        self._page_remote.base = page
        if self._use_pvr and _fast_pvr(pid, self._page_lpv, 1, self._page_rpv, 1, 0) == _PAGE:
            data: bytes | None = self._page_view.tobytes()
        else:   # (again through _read: its errno, /proc/PID/mem without process_vm_readv)
            data = self._read(pid, page, _PAGE)
        if data is not None:
            pages = self.pages
            if len(pages) >= _CACHED_PAGES:
                del pages[next(iter(pages))]
            pages[pid, page] = data
        return data

    def _read(self, pid: int, addr: int, size: int) -> bytes | None:
        if size > self._size:
            self._grow(size)
        if self._use_pvr:
            if size != self._len:
                self._local.len = self._remote.len = self._len = size
            self._remote.base = addr
            if _fast_pvr(pid, self._lpv, 1, self._rpv, 1, 0) == size:
                return self._view[:size].tobytes()
            n = _pvr(pid, self._lp, 1, self._rp, 1, 0)   # again, to learn errno
            if n == size:
                return self._view[:size].tobytes()
            if n < 0 and _get_errno() == 38:  # ENOSYS: kernel without CONFIG_CROSS_MEMORY_ATTACH
                self._use_pvr = False
            elif n >= 0 or _get_errno() != 1:  # partial read or EFAULT
                return None
        return _read_proc_mem(pid, addr, size)

    def read_upto(self, pid: int, addr: int, size: int) -> bytes | None:
        """Up to `size` bytes at `addr`, stopping at the first unreadable page
        (process_vm_readv never splits an iovec, so read page by page past the first)."""
        data = self.read(pid, addr, size)
        if data is not None:
            return data
        out = bytearray()
        while size > 0:
            chunk = min(size, 4096 - (addr & 4095))
            part = self.read(pid, addr, chunk)
            if part is None:
                break
            out += part
            addr += chunk
            size -= chunk
        return bytes(out) if out else None

    def read_cstr(self, pid: int, addr: int, limit: int) -> tuple[bytes, bool] | int | None:
        """A NUL-terminated string of at most `limit` bytes (excluding the NUL).

        Returns (bytes before the NUL, True), or (up to limit+1 bytes, False) when no
        NUL came first, None when the first byte is unreadable, or the number of bytes
        read when an unreadable page came before the NUL (strace's "umovestr: short
        read": the string is not printed).  Reads page-aligned chunks so a string ending
        just before an unmapped page is still read, as strace's umovestr does.
        """
        if not addr:
            return None
        out = b""
        want = limit + 1
        pages = self.pages
        while want > 0:   # page by page, through the cache (as read() would)
            page = addr & -_PAGE
            off = addr - page
            end = min(_PAGE, off + want)
            data = pages.get((pid, page)) or self._page(pid, page)
            if data is None:
                return len(out) if out else None
            nul = data.find(b"\0", off, end)   # (no copy of the page's rest to scan)
            if nul >= 0:
                return out + data[off:nul], True
            out += data[off:end]
            addr += end - off
            want -= end - off
        return out, False


def _read_proc_mem(pid: int, addr: int, size: int) -> bytes | None:
    try:
        fd = os.open(f"/proc/{pid}/mem", os.O_RDONLY)
    except OSError:
        return None
    try:
        data = os.pread(fd, size, addr)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) == size else None


# --- launching --------------------------------------------------------------------
_execve = _libc.execve
_execve.restype = ctypes.c_int
_execve.argtypes = (ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p)


def make_argv(items: list[bytes]) -> ctypes.Array[ctypes.c_char_p]:
    """A NULL-terminated char*[] for execve; keep the result alive while used."""
    arr = (ctypes.c_char_p * (len(items) + 1))(*items, None)
    return arr


def execve(path: bytes, argv: ctypes.Array[ctypes.c_char_p],
           envp: ctypes.Array[ctypes.c_char_p]) -> int:
    """execve(2) with prebuilt arrays (no allocation in the child); returns errno on failure."""
    _execve(path, argv, envp)
    return _get_errno()


_kill = _libc.kill
_kill.restype = ctypes.c_int
_kill.argtypes = (ctypes.c_int, ctypes.c_int)
_getpid = _libc.getpid


def raise_stop() -> None:
    """kill(getpid(), SIGSTOP) with no Python-level allocation."""
    _kill(_getpid(), K.SIGSTOP)


_prctl = _libc.prctl
_prctl.restype = ctypes.c_int
_prctl.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                   ctypes.c_ulong)
_getppid = _libc.getppid


def die_with_parent(parent: int) -> None:
    """In a fresh child of `parent`: be killed (SIGKILL) when the parent dies, at once
    if it already has (prctl(PR_SET_PDEATHSIG)).  A child about to stop itself for the
    tracer would otherwise stay stopped forever when the tracer is killed first."""
    _prctl(K.PR_SET_PDEATHSIG, K.SIGKILL, 0, 0, 0)
    if _getppid() != parent:
        _kill(_getpid(), K.SIGKILL)


def outlive_parent() -> None:
    """Undo die_with_parent() (the launched command outlives the tracer as in strace)."""
    _prctl(K.PR_SET_PDEATHSIG, 0, 0, 0, 0)


# --- seccomp ----------------------------------------------------------------------
class _SockFprog(ctypes.Structure):
    """struct sock_fprog (linux/filter.h): the BPF program seccomp(2) takes."""

    _fields_ = (("len", ctypes.c_ushort), ("filter", ctypes.c_void_p))


_syscall = _libc.syscall
_syscall.restype = ctypes.c_long
# (module level: inside a class body Python would mangle the "__NR_" names)
_SECCOMP_CALL_ARGS = (K.__NR_prctl, K.PR_SET_NO_NEW_PRIVS, 1, 0, K.__NR_seccomp,
                      K.SECCOMP_SET_MODE_FILTER)


def syscall(nr: int, *args: int) -> int:
    """syscall(2): the call's result, or -errno when it fails."""
    result = int(_syscall(nr, *args))
    return -_get_errno() if result == -1 else result


class SeccompProgram:
    """A BPF filter prepared in the parent, so the child installs it without allocating."""

    def __init__(self, packed: bytes, insns: int, no_new_privs: bool,
                 default: bool = False, notifying: bytes = b"") -> None:
        self.default = default   # pstrace's own choice, not --seccomp-bpf
        self.insns = insns
        # the same program with user notification for TRACE (engine.handoff), without -f
        self.notifying = notifying
        self._code = ctypes.create_string_buffer(packed, len(packed))
        self._fprog = _SockFprog(insns, ctypes.addressof(self._code))
        self._fprog_ptr = ctypes.c_void_p(ctypes.addressof(self._fprog))
        self._nnp = no_new_privs
        self._args = tuple(ctypes.c_long(v) for v in _SECCOMP_CALL_ARGS)

    def install(self) -> int:
        """In the child: (no_new_privs, then) seccomp(SET_MODE_FILTER); errno or 0."""
        nr_prctl, nnp, one, zero, nr_seccomp, mode = self._args
        if self._nnp and _syscall(nr_prctl, nnp, one, zero, zero, zero) == -1:
            return _get_errno()
        if _syscall(nr_seccomp, mode, zero, self._fprog_ptr) == -1:
            return _get_errno()
        return 0


def set_ptracer(pid: int) -> None:
    """prctl(PR_SET_PTRACER, pid): let process `pid` attach to this one where Yama's
    ptrace_scope is 1 (pstrace.watch's helper tracer).  Raises OSError."""
    if _syscall(K.__NR_prctl, K.PR_SET_PTRACER, pid, 0, 0, 0) == -1:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
