"""The generated tables: up to date with the headers, agreeing with Python's own
constants (which come from the same libc/kernel), and the lookup helpers."""
from __future__ import annotations

import errno
import fcntl
import mmap
import os
import resource
import select
import signal
import socket
import stat
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from pstrace import xlat  # noqa: E402
from pstrace.arch.x86_64.syscall_nr import SYSCALLS  # noqa: E402
from pstrace.syscalls import catalog  # noqa: E402
from pstrace.xlat import Xlat, split_flags  # noqa: E402

PY_MODULES = (os, errno, signal, mmap, socket, select, resource, time, termios, fcntl, stat)
#: names whose Python (glibc) value legitimately differs from what strace prints
PY_DIFFERENT = {
    "O_LARGEFILE",  # glibc: 0 on 64-bit; strace decodes the kernel's 0100000
    "NCCS",         # kernel struct termios has 19 c_cc slots, glibc's has 32
}


def test_generated_files_up_to_date() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_tables.py"), "--check"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]


def _tables() -> dict[str, Xlat]:
    return {n: getattr(xlat, n) for n in xlat.tables_gen.__all__}


def test_every_table_agrees_with_python_constants() -> None:
    checked = 0
    for tname, table in _tables().items():
        for name, value in table.pairs:
            if name in PY_DIFFERENT:
                continue
            for mod in PY_MODULES:
                py = getattr(mod, name, None)
                if isinstance(py, int) and not isinstance(py, bool):
                    assert int(py) == value, f"{tname}.{name}: {value} != {mod.__name__}.{name}={int(py)}"
                    checked += 1
                    break
    assert checked > 300, checked


@pytest.mark.parametrize("table,name,expected", [
    ("OPEN_FLAGS", "O_CLOEXEC", os.O_CLOEXEC), ("OPEN_FLAGS", "O_TMPFILE", os.O_TMPFILE),
    ("OPEN_ACCESS_MODES", "O_RDWR", os.O_RDWR), ("OPEN_FLAGS", "O_LARGEFILE", 0o100000),
    ("MMAP_PROT", "PROT_READ", mmap.PROT_READ), ("MMAP_TYPE", "MAP_PRIVATE", mmap.MAP_PRIVATE),
    ("MMAP_FLAGS", "MAP_ANONYMOUS", mmap.MAP_ANONYMOUS), ("SOCKET_FAMILIES", "AF_INET6", socket.AF_INET6),
    ("SOCKET_FAMILIES", "AF_UNIX", socket.AF_UNIX), ("SOCKET_TYPE_FLAGS", "SOCK_CLOEXEC", socket.SOCK_CLOEXEC),
    ("IP_PROTOCOLS", "IPPROTO_TCP", socket.IPPROTO_TCP), ("MSG_FLAGS", "MSG_NOSIGNAL", socket.MSG_NOSIGNAL),
    ("SOCKET_LEVELS", "SOL_SOCKET", socket.SOL_SOCKET), ("SOCKET_OPTIONS", "SO_REUSEADDR", socket.SO_REUSEADDR),
    ("WAIT_OPTIONS", "WNOHANG", os.WNOHANG), ("WAIT_OPTIONS", "__WALL", 0x40000000),
    ("WAITID_TYPES", "P_PIDFD", os.P_PIDFD), ("CLOCK_IDS", "CLOCK_MONOTONIC", time.CLOCK_MONOTONIC),
    ("RLIMIT_RESOURCES", "RLIMIT_NOFILE", resource.RLIMIT_NOFILE), ("POLL_EVENTS", "POLLIN", select.POLLIN),
    ("EPOLL_EVENTS", "EPOLLET", select.EPOLLET), ("IOCTL_NAMES", "TCGETS", termios.TCGETS),
    ("IOCTL_NAMES", "TIOCGWINSZ", termios.TIOCGWINSZ), ("IOCTL_NAMES", "FIONREAD", termios.FIONREAD),
    ("FCNTL_CMDS", "F_OFD_SETLKW", fcntl.F_OFD_SETLKW), ("FCNTL_CMDS", "F_GETPIPE_SZ", fcntl.F_GETPIPE_SZ),
    ("FILE_TYPES", "S_IFREG", stat.S_IFREG), ("FD_FLAGS", "FD_CLOEXEC", fcntl.FD_CLOEXEC),
    ("SEEK_WHENCE", "SEEK_HOLE", os.SEEK_HOLE), ("AT_FDS", "AT_FDCWD", -100),
    ("TERMIOS_LFLAGS", "ICANON", termios.ICANON), ("TERMIOS_BAUD", "B38400", termios.B38400),
])
def test_spot_values(table: str, name: str, expected: int) -> None:
    assert getattr(xlat, table).value(name) == expected


def test_names_are_unique_per_table() -> None:
    for tname, table in _tables().items():
        names = [n for n, _ in table.pairs]
        assert len(names) == len(set(names)), tname


def test_errno() -> None:
    for code, name in errno.errorcode.items():
        got = xlat.errno_name(code)
        assert xlat.ERRNO.value(got) == code
    assert xlat.errno_name(errno.ENOENT) == "ENOENT"
    # strace 6.1 prints (observed with -e inject=read:error=N):
    assert xlat.errno_name(errno.EWOULDBLOCK) == "EAGAIN"
    assert xlat.errno_name(errno.EDEADLOCK) == "EDEADLK"
    assert xlat.errno_name(errno.ENOTSUP) == "EOPNOTSUPP"
    assert xlat.errno_name(512) == "ERESTARTSYS"
    assert xlat.errno_name(516) == "ERESTART_RESTARTBLOCK"
    assert xlat.errno_name(530) == "ERECALLCONFLICT"
    assert xlat.errno_name(519) is None and xlat.errno_name(134) is None
    assert xlat.errno_text(512) == "To be restarted if SA_RESTART is set"
    assert xlat.errno_text(513) == "To be restarted"
    assert xlat.errno_text(514) == "To be restarted if no handler"
    assert xlat.errno_text(516) == "Interrupted by signal"
    assert xlat.errno_text(515) == "Unknown error 515"
    assert xlat.errno_text(errno.ENOENT) == "No such file or directory"


def test_signals() -> None:
    for sig in signal.Signals:
        if sig.name in ("SIGRTMIN", "SIGRTMAX"):
            continue
        assert xlat.signal_name(sig.value) == sig.name
        assert xlat.signal_number(sig.name) == sig.value
    assert xlat.signal_name(signal.SIGIOT) == "SIGABRT"
    assert xlat.signal_name(signal.SIGPOLL) == "SIGIO"
    assert xlat.signal_name(32) == "SIGRTMIN"
    assert xlat.signal_name(34) == "SIGRT_2"
    assert xlat.signal_name(64) == "SIGRT_32"
    assert xlat.signal_name(65) == "65"
    assert xlat.signal_name(0) == "0"
    assert xlat.SIGRTMAX == signal.SIGRTMAX
    assert xlat.signal_number("chld") == signal.SIGCHLD
    assert xlat.signal_number("SIGchld") == signal.SIGCHLD
    assert xlat.signal_number("RT_2") == 34
    assert xlat.signal_number("rtmin") == 32
    assert xlat.signal_number("SIGRT_33") is None
    assert xlat.signal_number("SIGIOT") is None
    assert xlat.signal_number("255") == 255
    assert xlat.signal_number("256") is None


def test_split_flags() -> None:
    of = xlat.OPEN_FLAGS
    # O_SYNC = __O_SYNC|O_DSYNC prints alone; O_TMPFILE hides O_DIRECTORY
    assert split_flags(of, os.O_SYNC) == (("O_SYNC",), 0)
    assert split_flags(of, os.O_DSYNC) == (("O_DSYNC",), 0)
    assert split_flags(of, os.O_TMPFILE) == (("O_TMPFILE",), 0)
    # strace 6.1: O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY, O_WRONLY|O_DSYNC|O_PATH|O_DIRECTORY
    assert split_flags(of, os.O_DIRECTORY | os.O_CLOEXEC | os.O_NONBLOCK) == (
        ("O_NONBLOCK", "O_CLOEXEC", "O_DIRECTORY"), 0)
    assert split_flags(of, os.O_DSYNC | os.O_DIRECTORY | os.O_PATH) == (("O_DSYNC", "O_PATH", "O_DIRECTORY"), 0)
    assert split_flags(of, os.O_CREAT | os.O_EXCL | 0x40000000) == (("O_CREAT", "O_EXCL"), 0x40000000)
    assert split_flags(of, 0) == ((), 0)
    t = Xlat((("ZERO", 0), ("A", 1), ("AB", 3), ("B", 2)))
    assert split_flags(t, 3) == (("A", "B"), 0)
    assert split_flags(t, 8) == ((), 8)
    assert t.name(0) == "ZERO" and t.name(3) == "AB" and t.name(4) is None
    assert xlat.STATX_MASKS.name(0x7ff) == "STATX_BASIC_STATS"
    assert split_flags(xlat.STATX_MASKS, 0x3fff) == (("STATX_ALL", "STATX_MNT_ID", "STATX_DIOALIGN"), 0)
    with pytest.raises(AttributeError):
        t.pairs = ()  # type: ignore[misc]


def test_first_name_wins() -> None:
    assert xlat.FS_MAGIC.name(0xEF53) == "EXT2_SUPER_MAGIC"
    assert xlat.SOCKET_FAMILIES.name(socket.AF_UNIX) == "AF_UNIX"
    assert xlat.WAIT_OPTIONS.name(2) == "WSTOPPED"
    assert xlat.SOCKET_OPTIONS.name(20) == "SO_RCVTIMEO_OLD"
    assert xlat.IP_PROTOCOLS.name(0) == "IPPROTO_IP"


def test_syscall_numbers_match_python_and_catalog() -> None:
    nrs = dict(SYSCALLS)
    assert nrs[0] == "read" and nrs[231] == "exit_group" and max(nrs) < 512
    for nr, name in nrs.items():
        info = catalog.by_nr(nr)
        assert info is not None and info.name == name and catalog.by_name(name) is info
    assert catalog.by_nr(335) is None and catalog.unknown_name(335) == "syscall_0x14f"
    assert catalog.by_nr(-1) is None and catalog.by_nr(10**6) is None
    assert catalog.name_of(512) == "syscall_0x200"
    assert catalog.by_name("openat").classes == frozenset({"desc", "file"})
    assert "stat_like" in catalog.by_name("newfstatat").classes


def test_import_reads_no_files() -> None:
    code = ("import sys, builtins; sys.path.insert(0, %r); opened = []\n"
            "real = builtins.open\n"
            "builtins.open = lambda *a, **k: (opened.append(a[0]), real(*a, **k))[1]\n"
            "import pstrace.xlat, pstrace.syscalls.catalog; print(len(opened))" % str(ROOT / "src"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "0"


# --- print order, checked against strace 6.1 itself ---------------------------------
# (syscall, C arguments, index of the flags argument, table, flag value); every call is
# injected with ENOSYS, so nothing runs; strace prints the value with the table.
_ORDER_CASES = [
    ("openat", "-100, (long)\"x\", 0x7ffffffcUL", 2, "OPEN_FLAGS", 0x7FFFFFFC),
    ("pipe2", "0, 0xffffffffUL", 1, "OPEN_FLAGS", 0xFFFFFFFF),
    ("sendto", "3, 0, 0, 0xffffffffUL, 0", 3, "MSG_FLAGS", 0xFFFFFFFF),
    ("mount", "(long)\"a\", (long)\"b\", 0, 0x3fffffffUL", 3, "MOUNT_FLAGS", 0x3FFFFFFF),
    ("inotify_add_watch", "3, (long)\"x\", 0xffffffffUL", 2, "INOTIFY_MASKS", 0xFFFFFFFF),
    ("inotify_init1", "0xffffffffUL", 0, "INOTIFY_INIT_FLAGS", 0xFFFFFFFF),
    ("wait4", "-1, 0, 0xffffffffUL, 0", 2, "WAIT_OPTIONS", 0xFFFFFFFF),
    ("umount2", "(long)\"x\", 0xffffffffUL", 1, "UMOUNT_FLAGS", 0xFFFFFFFF),
    ("mremap", "0, 0, 0, 0xffffffffUL, 0", 3, "MREMAP_FLAGS", 0xFFFFFFFF),
    ("getrandom", "0, 0, 0xffffffffUL", 2, "GETRANDOM_FLAGS", 0xFFFFFFFF),
    ("renameat2", "-100, (long)\"a\", -100, (long)\"b\", 0xffffffffUL", 4, "RENAME_FLAGS", 0xFFFFFFFF),
    ("eventfd2", "0, 0xffffffffUL", 1, "EVENTFD_FLAGS", 0xFFFFFFFF),
    ("timerfd_create", "0, 0xffffffffUL", 1, "TIMERFD_FLAGS", 0xFFFFFFFF),
    ("epoll_create1", "0xffffffffUL", 0, "EPOLL_CREATE_FLAGS", 0xFFFFFFFF),
    ("accept4", "3, 0, 0, 0xffffffffUL", 3, "SOCKET_TYPE_FLAGS", 0xFFFFFFFF),
    ("unshare", "0xffffffffUL", 0, "UNSHARE_FLAGS", 0xFFFFFFFF),
    ("unlinkat", "-100, (long)\"x\", 0xffffffffUL", 2, "AT_FLAGS", 0xFFFFFFFF),
    ("mlockall", "0xffUL", 0, "MLOCKALL_FLAGS", 0xFF),
    ("msync", "0, 0, 0xffUL", 2, "MSYNC_FLAGS", 0xFF),
    ("close_range", "3, 4, 0xffffffffUL", 2, "CLOSE_RANGE_FLAGS", 0xFFFFFFFF),
    ("flock", "3, 0xffUL", 1, "FLOCK_OPS", 0xFF),
    ("signalfd4", "-1, 0, 8, 0xffffffffUL", 3, "SIGNALFD_FLAGS", 0xFFFFFFFF),
    ("mprotect", "0, 0, 0xffffffffUL", 2, "MMAP_PROT", 0xFFFFFFFF),
    ("clone", "0xffffff00UL, 0, 0, 0, 0", 0, "CLONE_FLAGS", 0xFFFFFF00),
    ("memfd_create", "(long)\"x\", 0x7UL", 1, "MEMFD_FLAGS", 0x7),
]


_NOLIBC = r"""#include <asm/unistd_64.h>
static long sc(long n, long a, long b, long c, long d, long e, long f) {
    long r;
    register long r10 asm("r10") = d, r8 asm("r8") = e, r9 asm("r9") = f;
    asm volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                 : "rcx", "r11", "memory");
    return r;
}
"""


def test_flag_print_order_matches_strace(tmp_path: Path) -> None:
    # libc-free (libc start-up would make injected calls of its own)
    body = "\n".join(f"  sc(__NR_{name}, {args}{', 0' * (6 - args.count(',') - 1)});"
                     for name, args, *_ in _ORDER_CASES)
    src = tmp_path / "order.c"
    src.write_text(_NOLIBC + f"void _start(void) {{\n{body}\n  sc(__NR_exit_group, 0, 0, 0, 0, 0, 0);\n}}\n")
    exe = tmp_path / "order"
    subprocess.run(["gcc", "-O1", "-nostdlib", "-static", "-fno-stack-protector", "-w",
                    "-o", str(exe), str(src)], check=True)
    names = sorted({c[0] for c in _ORDER_CASES})
    r = subprocess.run(["strace", "-qq", "-e", "trace=" + ",".join(names),
                        "-e", "inject=" + ",".join(names) + ":error=ENOSYS", str(exe)],
                       capture_output=True, text=True, timeout=60)
    seen = {l.split("(", 1)[0]: l for l in r.stderr.splitlines() if l.endswith("(INJECTED)")}
    for name, _args, idx, table, value in _ORDER_CASES:
        line = seen[name]
        args = _call_args(line, name)
        if name == "clone":   # clone(child_stack=NULL, flags=...)
            args = [a.split("=", 1)[1] for a in args[1:2]]
        got = args[idx]
        flags, rest = split_flags(getattr(xlat, table), value)
        expected = "|".join(flags + ((f"{rest:#x}",) if rest else ()))
        if name == "openat":
            expected = "O_RDONLY|" + expected
        assert got == expected, f"{name}: strace {got!r} != {expected!r}"


def _call_args(line: str, name: str) -> list[str]:
    """The comma-separated arguments of a one-line strace call (no nested commas)."""
    import re
    end = [m.start() for m in re.finditer(r"\)\s+= ", line)][-1]
    return line[len(name) + 1:end].split(", ")


def _nolibc_exe(tmp_path: Path, body: str) -> Path:
    src = tmp_path / "p.c"
    src.write_text(_NOLIBC + f"void _start(void) {{\n{body}\n  sc(__NR_exit_group, 0, 0, 0, 0, 0, 0);\n}}\n")
    exe = tmp_path / "p"
    subprocess.run(["gcc", "-O1", "-nostdlib", "-static", "-fno-stack-protector", "-w",
                    "-o", str(exe), str(src)], check=True)
    return exe


def test_signal_names_match_strace(tmp_path: Path) -> None:
    exe = _nolibc_exe(tmp_path, "  for (long n = 0; n <= 70; n++) sc(__NR_kill, 0, n, 0, 0, 0, 0);")
    r = subprocess.run(["strace", "-qq", "-e", "trace=kill", "-e", "inject=kill:error=ENOSYS", str(exe)],
                       capture_output=True, text=True, timeout=60)
    printed = [l.split(", ", 1)[1].split(")", 1)[0] for l in r.stderr.splitlines() if l.startswith("kill(0, ")]
    assert len(printed) == 71
    assert printed == [xlat.signal_name(n) for n in range(71)]


def test_errno_names_and_texts_match_strace(tmp_path: Path) -> None:
    import re
    from concurrent.futures import ThreadPoolExecutor
    exe = _nolibc_exe(tmp_path, "  sc(__NR_getppid, 0, 0, 0, 0, 0, 0);")

    def run(n: int) -> str:
        r = subprocess.run(["strace", "-qq", "-e", "trace=getppid", "-e", f"inject=getppid:error={n}",
                            str(exe)], capture_output=True, text=True, timeout=60)
        return r.stderr.splitlines()[0]

    codes = list(range(1, 140)) + list(range(510, 535)) + [4095]
    with ThreadPoolExecutor(8) as pool:
        lines = list(pool.map(run, codes))
    for n, line in zip(codes, lines):
        m = re.search(r"= (?:-1|\?) (\w+) \((.*)\) \(INJECTED\)$", line)
        name = xlat.errno_name(n)
        if name is None:
            assert line.endswith(f"= -1 (errno {n}) (INJECTED)"), line
        else:
            assert m, line
            assert (m.group(1), m.group(2)) == (name, xlat.errno_text(n)), line


# (syscall, C arguments with V for the value, index of that argument, table)
_VALUE_CASES = [
    ("fcntl", "-1, V, 0", 1, "FCNTL_CMDS"),
    ("prctl", "V, 0, 0, 0, 0", 0, "PRCTL_OPTIONS"),
    ("madvise", "0, 0, V", 2, "MADVISE_ADVICE"),
    ("clock_gettime", "V, 0", 0, "CLOCK_IDS"),
    ("getrlimit", "V, 0", 0, "RLIMIT_RESOURCES"),
    ("socket", "V, 1, 0", 0, "SOCKET_FAMILIES"),
    ("socketpair", "1, V, 0, 0", 1, "SOCKET_TYPES"),
    ("socket", "2, 3, V", 2, "IP_PROTOCOLS"),
    ("setsockopt", "-1, 1, V, 0, 0", 2, "SOCKET_OPTIONS"),
    ("getsockopt", "-1, V, 1, 0, 0", 1, "SOCKET_LEVELS"),
    ("arch_prctl", "V, 0", 0, "ARCH_PRCTL_CODES"),
    ("sched_setscheduler", "0, V, 0", 1, "SCHED_POLICIES"),
    ("waitid", "V, 0, 0, 4, 0", 0, "WAITID_TYPES"),
    ("lseek", "-1, 0, V", 2, "SEEK_WHENCE"),
    ("futex", "0, V, 0, 0, 0, 0", 1, "FUTEX_OPS"),
    ("epoll_ctl", "-1, V, -1, 0", 1, "EPOLL_CTL_OPS"),
    ("shutdown", "-1, V", 1, "SHUTDOWN_MODES"),
    ("rt_sigprocmask", "V, 0, 0, 8", 0, "SIGPROCMASK_HOW"),
    ("ioctl", "-1, V, 0", 1, "IOCTL_NAMES"),
    ("getitimer", "V, 0", 0, "ITIMER_WHICH"),
    ("getrusage", "V, 0", 0, "RUSAGE_WHO"),
    ("getpriority", "V, 0", 0, "PRIORITY_WHICH"),
    ("personality", "V", 0, "PERSONALITY_TYPES"),
]
#: values strace 6.1 prints as "OTHER or NAME" (ioctl numbers shared with sound ioctls)
_IOCTL_AMBIGUOUS = {"TCSETS": "SNDCTL_TMR_START", "TCSETSW": "SNDCTL_TMR_STOP",
                    "TCSETSF": "SNDCTL_TMR_CONTINUE",
                    "VT_GETSTATE": "VBG_IOCTL_VMMDEV_REQUEST_BIG"}


def test_value_names_match_strace(tmp_path: Path) -> None:
    calls, expect = [], []
    for name, args, idx, table in _VALUE_CASES:
        for const, value in getattr(xlat, table).pairs:
            if getattr(xlat, table).name(value) != const:
                continue          # an alias: only the first name of a value prints
            a = args.replace("V", f"{value}L")
            calls.append(f"  sc(__NR_{name}, {a}{', 0' * (6 - a.count(',') - 1)});")
            expect.append((name, idx, _IOCTL_AMBIGUOUS.get(const, "") and
                           f"{_IOCTL_AMBIGUOUS[const]} or {const}" or const))
    exe = _nolibc_exe(tmp_path, "\n".join(calls))
    names = sorted({c[0] for c in _VALUE_CASES})
    r = subprocess.run(["strace", "-qq", "-e", "trace=" + ",".join(names),
                        "-e", "inject=" + ",".join(names) + ":error=ENOSYS", str(exe)],
                       capture_output=True, text=True, timeout=60)
    lines = [l for l in r.stderr.splitlines() if l.endswith("(INJECTED)")]
    assert len(lines) == len(expect), r.stderr[-2000:]
    bad = []
    for line, (name, idx, const) in zip(lines, expect):
        assert line.startswith(name + "("), (line, name)
        args = _call_args(line, name)
        if args[idx] != const:
            bad.append((const, line))
    assert not bad, "\n".join(f"{c}: {l}" for c, l in bad)


def test_argument_names_come_from_the_kernel() -> None:
    from pstrace.syscalls.catalog import ArgInfo, by_name
    openat = by_name("openat")
    assert openat is not None and openat.args == (
        ArgInfo("dfd", "int"), ArgInfo("filename", "const char *"),
        ArgInfo("flags", "int"), ArgInfo("mode", "umode_t"))
    fstat = by_name("fstat")   # the kernel's tracepoint is sys_enter_newfstat
    assert fstat is not None and [a.name for a in fstat.args] == ["fd", "statbuf"]
    tuxcall = by_name("tuxcall")   # never implemented: no tracepoint, generic names
    assert tuxcall is not None and tuxcall.args[0] == ArgInfo("arg0", "unsigned long")


def test_catalog_facts() -> None:
    from pstrace.syscalls.catalog import by_name

    def row(name: str):  # noqa: ANN202
        r = by_name(name)
        assert r is not None
        return r
    assert row("read").may_block and not row("getpid").may_block
    assert row("exit_group").never_returns and not row("read").never_returns
    assert (row("dup2").fd_args, row("dup2").path_args) == ((0, 1), ())
    assert (row("linkat").fd_args, row("linkat").path_args) == ((0, 2), (1, 3))
    assert row("access").path_args == (0,)      # %file: the first argument is a path
    assert row("fstat").fd_args == (0,)         # %desc: the first argument is an fd
    assert row("socket").fd_args == row("socket").path_args == ()
    assert row("readv").dump == ("read", 1, 2, "iov")
    assert row("recvmsg").dump == ("read", 1, None, "msghdr")
    assert row("write").dump == ("write", 1, 2, "buf")
    assert (row("openat").ret, row("mmap").ret, row("alarm").ret, row("getpid").ret,
            row("close").ret) == \
        ("fd", "x", "u", "tgid", "d")
    assert (row("gettid").ret, row("getpgrp").ret, row("getsid").ret) == ("tid", "pgid", "sid")
