"""Start the traced command: find it as strace does, fork, seize, exec.

The child stops itself with SIGSTOP before execve; the parent seizes it
(PTRACE_SEIZE, so group-stops can later be handled with PTRACE_LISTEN) and continues
it.  Everything the child does before execve is hidden from the trace, as in strace.
The child gets exactly pstrace's own environment (/proc/self/environ, not os.environ,
which CPython edits) and default SIGPIPE/SIGXFSZ dispositions (CPython ignores them).
strace counterpart: startup_child() in strace.c.
"""
from __future__ import annotations

import ctypes
import os
import stat

from .._sys import consts_gen as K
from .._sys import libc
from .._sys.sigmod import signal
from ..errors import PstraceError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Iterable


def original_environ() -> list[bytes]:
    """The environment pstrace was started with, in order, entries as they were."""
    try:
        with open("/proc/self/environ", "rb") as f:
            data = f.read()
    except OSError:
        return [k + b"=" + v for k, v in os.environb.items()]
    return [e for e in data.split(b"\0") if e]


def find_program(name: str, env: list[bytes]) -> str:
    """strace's lookup: a name with "/" is used as is; otherwise the first PATH entry
    holding a regular, executable file.  Raises PstraceError("Can't stat ...")."""
    if "/" not in name:
        path_var = b"/usr/local/bin:/usr/bin:/bin"
        for e in env:
            if e.startswith(b"PATH="):
                path_var = e[5:]
                break
        for d in os.fsdecode(path_var).split(":"):
            cand = os.path.join(d or ".", name)
            try:
                st = os.stat(cand)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and st.st_mode & 0o111:
                name = cand if d else name
                break
        else:  # strace does not fall back to the current directory
            raise PstraceError(f"Can't stat '{name}': {os.strerror(2)}")
    try:
        os.stat(name)
    except OSError as e:
        raise PstraceError(f"Can't stat '{name}': {os.strerror(e.errno or 0)}") from None
    return name


def apply_env(env: list[bytes], changes: list[str]) -> list[bytes]:
    """-E VAR=VAL / -E VAR, in order, as strace applies them (putenv/unsetenv on its
    own environment): a set variable keeps its place, a new one goes last, -E VAR
    removes it."""
    env = list(env)
    for change in changes:
        item = os.fsencode(change)
        name = item.split(b"=", 1)[0]
        pos = next((i for i, e in enumerate(env) if e.split(b"=", 1)[0] == name), None)
        if b"=" not in item:
            env = [e for e in env if e.split(b"=", 1)[0] != name]
        elif pos is None:
            env.append(item)
        else:
            env[pos] = item
    return env


def lookup_user(name: str) -> tuple[int, int]:
    """-u USER: (uid, gid) from the user database; strace 6.1 takes names only."""
    import pwd
    try:
        pw = pwd.getpwnam(name)
    except KeyError:
        raise PstraceError(f"Cannot find user '{name}'") from None
    return pw.pw_uid, pw.pw_gid


# No PTRACE_O_EXITKILL: strace 6.1 sets none, so a launched command outlives a tracer
# killed by SIGKILL (the Python API asks for it: see pstrace.api.Session's exit_kill).
SEIZE_OPTIONS = K.PTRACE_O_TRACESYSGOOD | K.PTRACE_O_TRACEEXEC
FOLLOW_OPTIONS = K.PTRACE_O_TRACEFORK | K.PTRACE_O_TRACEVFORK | K.PTRACE_O_TRACECLONE


def _become_command(c_path: bytes, c_argv: ctypes.Array[ctypes.c_char_p],
                    c_env: ctypes.Array[ctypes.c_char_p], progname: str,
                    user: tuple[str, int, int] | None,
                    seccomp: libc.SeccompProgram | None) -> None:
    """In the process that turns into the command, once the tracer holds it: restore
    the dispositions CPython changed, install the filter, take -u's ids, exec.
    Never returns.  (The filter first: without no_new_privs, installing it needs the
    CAP_SYS_ADMIN that -u's ids give up.)"""
    try:
        if seccomp is not None:
            err = seccomp.install()
            if err:
                os.write(2, f"{progname}: seccomp filter: ".encode()
                         + os.strerror(err).encode() + b"\n")
                os._exit(1)
        if user is not None:
            os.initgroups(user[0], user[2])
            os.setgid(user[2])
            os.setuid(user[1])
        err = libc.execve(c_path, c_argv, c_env)
        os.write(2, f"{progname}: exec: ".encode() + os.strerror(err).encode() + b"\n")
    finally:
        os._exit(1)


_released: tuple[int, ...] = ()   # signals hold_signals() blocked that were not before


def hold_signals(signals: Iterable[int]) -> None:
    """Block `signals` in the tracer from now on: one arriving while it starts children
    waits until its handlers exist instead of killing it with children half set up.
    The launched command gets them unblocked again before exec, as they were."""
    global _released
    wanted = tuple(signals)
    before = signal.pthread_sigmask(signal.SIG_BLOCK, wanted)
    _released = tuple(s for s in wanted if s not in before)


def held_signals() -> tuple[int, ...]:
    """The signals hold_signals() blocked that were not blocked before: the ones to let
    through again (a signal blocked when the tracer started stays blocked, as strace
    keeps it)."""
    return _released


def _default_dispositions() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    if signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    if _released:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _released)


def launch(path: str, argv: list[str], env: list[bytes], progname: str,
           options: int = SEIZE_OPTIONS, seccomp: libc.SeccompProgram | None = None,
           user: tuple[str, int, int] | None = None) -> int:
    """Fork and exec argv as a seized tracee; returns its pid (stopped or running).

    With `seccomp`, the child installs the filter after the tracer seized it (a
    SECCOMP_RET_TRACE without a tracer would fail the call with ENOSYS) and before exec.
    With `user` (name, uid, gid: -u), the child takes that user's ids before exec.
    """
    c_path = os.fsencode(path)
    c_argv = libc.make_argv([os.fsencode(a) for a in argv])
    c_env = libc.make_argv(env)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: no Python-level work after the stop but the exec
        try:
            _default_dispositions()
            libc.die_with_parent(parent)   # killed, not left stopped, if we die first
            libc.raise_stop()
            libc.outlive_parent()          # seized now: it outlives us as in strace
            _become_command(c_path, c_argv, c_env, progname, user, seccomp)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, K.WSTOPPED)
    if not os.WIFSTOPPED(status):
        raise PstraceError("Unexpected wait status " + hex(status))
    if seccomp is not None:
        options |= K.PTRACE_O_TRACESECCOMP
    libc.ptrace(K.PTRACE_SEIZE, pid, 0, options)
    os.kill(pid, signal.SIGCONT)
    return pid


def launch_daemonized(path: str, argv: list[str], env: list[bytes], progname: str,
                      level: int, options: int = SEIZE_OPTIONS,
                      seccomp: libc.SeccompProgram | None = None,
                      user: tuple[str, int, int] | None = None) -> int:
    """-D: the tracer runs as a grandchild and this process becomes the command, which
    so keeps pstrace's pid and parent (-DD: the tracer in a new process group, -DDD: in
    a new session).  Returns only in the tracer, with the tracee's pid.
    strace counterpart: the daemonized_tracer paths of startup_child()."""
    original = os.getpid()
    c_path = os.fsencode(path)
    c_argv = libc.make_argv([os.fsencode(a) for a in argv])
    c_env = libc.make_argv(env)
    if seccomp is not None:
        options |= K.PTRACE_O_TRACESECCOMP
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:          # the intermediate child, then the tracer
        try:
            os.close(ready_r)
            if level >= 3:
                os.setsid()
            elif level >= 2:
                os.setpgid(0, 0)
            if os.fork():
                os._exit(0)   # the tracer must not be the command's child
            libc.ptrace(K.PTRACE_SEIZE, original, 0, options)
            libc.ptrace(K.PTRACE_INTERRUPT, original, 0, 0)
            os.write(ready_w, b"+")
            os.close(ready_w)
            return original
        except BaseException:
            os._exit(1)
    os.close(ready_w)     # the original: wait until traced, then become the command
    os.waitpid(pid, 0)
    traced = os.read(ready_r, 1) == b"+"
    os.close(ready_r)
    if not traced:
        raise PstraceError(f"attach: ptrace(PTRACE_SEIZE, {original}) failed")
    _default_dispositions()
    _become_command(c_path, c_argv, c_env, progname, user, seccomp)
    raise AssertionError("unreachable")
