"""Without -f, under pstrace's default seccomp filter: the command's children and threads
handed over to a seccomp user-notification listener, so that nobody traces them and
their filtered calls still run (pstrace's own; strace has no counterpart: it refuses
--seccomp-bpf without -f).

Every process the command makes inherits the filter, which returns SECCOMP_RET_TRACE for
the traced calls; in a process no tracer follows they would fail with ENOSYS.  So at a
child's first stop (it was attached by the kernel, PTRACE_O_TRACE{FORK,VFORK,CLONE})
pstrace makes it call

    mmap (one page for the program), seccomp(SET_MODE_FILTER, NEW_LISTENER, prog),
    close (the listener, once pstrace has its own copy with pidfd_getfd), munmap

from the `syscall` instruction it has just returned from (its clone), with its registers
put back afterwards, and detaches it.  The second filter returns SECCOMP_RET_USER_NOTIF for
the calls the first one traces; user notification takes precedence over TRACE, and each
notification is answered SECCOMP_USER_NOTIF_FLAG_CONTINUE (the Continuer, in pstrace's
wait for the next stop): the call runs as if there were no filter.  The child's own
children and threads inherit both filters and the listener.  A child that cannot take
the filter (no CAP_SYS_ADMIN any more, no `syscall` instruction before its ip, a thread
with a descriptor table of its own) stays followed unseen (engine.tracer).

When the traced command is gone and pstrace ends while such processes live on, a keeper
process (pstrace's child, in a session of its own, holding nothing but the listeners)
answers them until they end, and pstrace exits with the command, as strace does."""
from __future__ import annotations

import ctypes
import os
import select
import struct

from .._sys import consts_gen as K
from .._sys import libc
from .._sys.sigmod import signal
from ..filters import consts_gen as F
from . import handoff_gen as H
from . import regs_gen as R
from .regs import ARGS_64, ORIG_RAX, RAX, REGS, RIP, signed, word_before

_SYSCALL_INSN = 0x050F   # x86_64 `syscall` (0f 05) as a little-endian word
_SYSCALL_STOP = K.SIGTRAP | 0x80
_MASK = (1 << 64) - 1
_PAGE = 4096
_FPROG = struct.Struct("<H6xQ")   # struct sock_fprog: len, (padding), filter pointer
_U32 = struct.Struct("<I")
_QUIET_MS = 100
_U64 = struct.Struct("<Q")
_WALL = K.__WALL
_PEEK = libc.WAIT_PEEK

_ioctl = ctypes.CDLL(None, use_errno=True).ioctl
_ioctl.restype = ctypes.c_int
_ioctl.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p)


class Gone(Exception):
    """The child ended while it was being handed over; `status` is its wait status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Child:
    """A stopped child's registers and the calls made in it."""

    def __init__(self, pid: int, continuer: Continuer) -> None:
        self.pid = pid
        self.continuer = continuer
        self.buf = ctypes.create_string_buffer(R.USER_REGS_SIZE)
        libc.ptrace(R.PTRACE_GETREGS, pid, 0, ctypes.addressof(self.buf))
        self.saved = REGS.unpack_from(self.buf)
        self.signal = 0   # a signal that came meanwhile, given back when detached

    def set_regs(self, regs: tuple[int, ...]) -> None:
        REGS.pack_into(self.buf, 0, *regs)
        libc.ptrace(H.PTRACE_SETREGS, self.pid, 0, ctypes.addressof(self.buf))

    def call(self, nr: int, *args: int) -> int:
        """Make the child run system call `nr` from the `syscall` instruction before its
        ip; its return value (a negative errno on failure)."""
        regs = list(self.saved)
        regs[RIP] = self.saved[RIP] - 2
        regs[RAX] = nr
        regs[ORIG_RAX] = _MASK    # (-1: not in a call, no restart)
        for i, a in zip(ARGS_64[:len(args)], args, strict=True):
            regs[i] = a & _MASK
        self.set_regs(tuple(regs))
        stops = 0
        libc.ptrace(K.PTRACE_SYSCALL, self.pid, 0, 0)
        while True:
            status = self.continuer.wait(self.pid)
            if status & 0xFF != 0x7F:
                raise Gone(status)
            sig = (status >> 8) & 0xFF
            if sig == _SYSCALL_STOP:
                stops += 1
                if stops == 2:   # the exit stop
                    break
            elif sig != K.SIGTRAP and not status >> 16:
                self.signal = sig   # a signal-delivery stop: delivered when detached
            libc.ptrace(K.PTRACE_SYSCALL, self.pid, 0, 0)
        libc.ptrace(R.PTRACE_GETREGS, self.pid, 0, ctypes.addressof(self.buf))
        return signed(REGS.unpack_from(self.buf)[RAX], 64)


def hand_over(pid: int, program: bytes, insns: int, continuer: Continuer) -> int | None:
    """Give the stopped child `pid` the notifying filter `program` (packed sock_filter)
    and detach it; the signal it is left to handle, or None when it cannot take the
    filter (it is still stopped and traced, its registers as they were).  Raises Gone."""
    child = _Child(pid, continuer)
    if word_before(pid, child.saved[RIP]) != _SYSCALL_INSN or \
            len(program) + _FPROG.size > _PAGE:
        return None
    pidfd = _pidfd_open(pid)   # first: without it the listener could not be taken
    if pidfd < 0:
        return None
    try:
        return _install(child, pidfd, program, insns)
    finally:
        os.close(pidfd)


def made_with_clone_ptrace(pid: int) -> bool:
    """Whether a clone or clone3 asking for CLONE_PTRACE made the new child `pid`, from
    its registers at its first stop, which are its creator's at the call (clone's flags
    in rdi, clone3's struct clone_args at rdi, whose first field is the flags)."""
    buf = ctypes.create_string_buffer(R.USER_REGS_SIZE)
    try:
        libc.ptrace(R.PTRACE_GETREGS, pid, 0, ctypes.addressof(buf))
        regs = REGS.unpack_from(buf)
        flags = regs[ARGS_64[0]]
        if regs[ORIG_RAX] == F.__NR_clone3:
            flags = libc.ptrace(K.PTRACE_PEEKDATA, pid, flags, 0) & _MASK
        elif regs[ORIG_RAX] != F.__NR_clone:
            return False
    except OSError:
        return False
    return bool(flags & K.CLONE_PTRACE)


def _install(child: _Child, pidfd: int, program: bytes, insns: int) -> int | None:
    page = child.call(H.__NR_mmap, 0, _PAGE, H.PROT_READ | H.PROT_WRITE,
                      H.MAP_PRIVATE | H.MAP_ANONYMOUS, -1, 0)
    if page < 0:
        child.set_regs(child.saved)
        return None
    taken = False
    try:
        fd = os.open(f"/proc/{child.pid}/mem", os.O_RDWR)
        try:
            os.pwrite(fd, _FPROG.pack(insns, page + _FPROG.size) + program, page)
        finally:
            os.close(fd)
    except OSError:
        theirs = -1
    else:
        theirs = child.call(H.__NR_seccomp, H.SECCOMP_SET_MODE_FILTER,
                            H.SECCOMP_FILTER_FLAG_NEW_LISTENER, page)
    if theirs >= 0:
        ours = libc.syscall(H.__NR_pidfd_getfd, pidfd, theirs, 0)
        # (it cannot fail: the pidfd is the child's, which holds the descriptor)
        taken = ours >= 0
        if taken:
            child.continuer.add(int(ours))
        child.call(H.__NR_close, theirs)
    child.call(H.__NR_munmap, page, _PAGE)
    child.set_regs(child.saved)
    return child.signal if taken else None


def _pidfd_open(tid: int) -> int:
    """A pidfd through which thread `tid`'s descriptors can be taken: its thread
    group's, when the thread shares the group leader's descriptor table (kcmp); -1
    otherwise (this machine's headers have no PIDFD_THREAD)."""
    tgid = _tgid(tid)
    if tgid != tid and libc.syscall(H.__NR_kcmp, tgid, tid, H.KCMP_FILES, 0, 0) != 0:
        return -1
    return max(libc.syscall(H.__NR_pidfd_open, tgid, 0), -1)


def _tgid(tid: int) -> int:
    try:
        with open(f"/proc/{tid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Tgid:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return tid


class Continuer:
    """Answers the listeners' notifications with "continue": in pstrace's own wait for
    the next stop (no thread: a thread would take a pid, and the pids the command's
    children get would no longer be strace's) and, once pstrace is done, in a keeper
    process (see the module docstring).  A SIGCHLD (a tracee stopped or ended) wakes
    the wait through Python's wakeup descriptor."""

    def __init__(self) -> None:
        self._fds: set[int] = set()
        self._wake_r, self._wake_w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
        self._old_wakeup = signal.set_wakeup_fd(self._wake_w, warn_on_full_buffer=False)
        self._old_handler = signal.signal(signal.SIGCHLD, _no_op)
        self._poll = select.poll()
        self._poll.register(self._wake_r, select.POLLIN)
        self._notif = ctypes.create_string_buffer(H.SIZEOF_SECCOMP_NOTIF)
        self._resp = ctypes.create_string_buffer(H.SIZEOF_SECCOMP_NOTIF_RESP)

    def add(self, fd: int) -> None:
        self._fds.add(fd)
        self._poll.register(fd, select.POLLIN)

    def listening(self) -> bool:
        return bool(self._fds)

    def wait(self, pid: int) -> int:
        """waitpid(pid)'s status, answering notifications meanwhile: a call the child
        is made to run after it has its listener may be one its filter notifies."""
        while self._fds and os.waitid(os.P_PID, pid, _PEEK | os.WNOHANG) is None:
            self.answer()
        return os.waitpid(pid, _WALL)[1]

    def answer(self) -> None:
        """Wait until a signal comes (SIGCHLD: a stop to take), answering whatever
        notifications come meanwhile.  (Also back after a while without one: a tracee
        whose exit signal is not SIGCHLD ends without waking anybody.)"""
        while True:
            ready = self._poll.poll(_QUIET_MS)
            if not ready:
                return
            for fd, ev in ready:
                if fd == self._wake_r:
                    try:
                        os.read(self._wake_r, 256)
                    except BlockingIOError:
                        pass
                    return
                if ev & select.POLLIN:
                    _answer(fd, self._notif, self._resp)
                else:   # every process of its filter is gone
                    self._poll.unregister(fd)
                    self._fds.discard(fd)
                    os.close(fd)

    def finish(self) -> None:
        """pstrace is done: the processes still holding a listener get a keeper."""
        signal.set_wakeup_fd(self._old_wakeup)
        signal.signal(signal.SIGCHLD, self._old_handler)
        os.close(self._wake_r)
        os.close(self._wake_w)
        if self._fds and os.fork() == 0:
            try:
                _keep(sorted(self._fds))
            finally:
                os._exit(0)
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()


def _no_op(_signo: int, _frame: object) -> None:
    """SIGCHLD's handler while listeners are open: it only wakes Continuer.answer."""


def _answer(fd: int, notif: ctypes.Array[ctypes.c_char],
            resp: ctypes.Array[ctypes.c_char]) -> None:
    """Receive one notification and let its call go on."""
    ctypes.memset(notif, 0, len(notif))
    if _ioctl(fd, H.SECCOMP_IOCTL_NOTIF_RECV, notif) < 0:
        return   # (the caller was killed meanwhile: ENOENT)
    ctypes.memset(resp, 0, len(resp))
    _U64.pack_into(resp, H.RESP_ID, _U64.unpack_from(notif, H.NOTIF_ID)[0])
    _U32.pack_into(resp, H.RESP_FLAGS, H.SECCOMP_USER_NOTIF_FLAG_CONTINUE)
    _ioctl(fd, H.SECCOMP_IOCTL_NOTIF_SEND, resp)   # (ENOENT likewise)


def _keep(fds: list[int]) -> None:
    """The keeper: nothing of pstrace's but the listeners, until their processes end."""
    os.setsid()
    for sig in (K.SIGHUP, K.SIGINT, K.SIGQUIT, K.SIGTERM, K.SIGPIPE):
        signal.signal(sig, signal.SIG_IGN)
    keep = set(fds)
    for name in os.listdir("/proc/self/fd"):
        n = int(name)
        if n not in keep:
            try:
                os.close(n)
            except OSError:
                pass
    notif = ctypes.create_string_buffer(H.SIZEOF_SECCOMP_NOTIF)
    resp = ctypes.create_string_buffer(H.SIZEOF_SECCOMP_NOTIF_RESP)
    poll = select.poll()
    for fd in fds:
        poll.register(fd, select.POLLIN)
    while keep:
        for fd, ev in poll.poll():
            if ev & select.POLLIN:
                _answer(fd, notif, resp)
            elif fd in keep:
                poll.unregister(fd)
                keep.discard(fd)

