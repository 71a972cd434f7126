"""Per-syscall facts of strace's behaviour (not of any header): which calls block, which
never return, which arguments are descriptors and paths (-P), which buffers -e read=/
-e write= dump, and the format of the return value.  The catalog (catalog.py) folds
them into its rows; nothing else keeps such sets.

strace counterpart: the SEN()/TRACE_* columns of syscallent.h, pathtrace.c's
per-syscall cases, dumpio() in syscall.c, and the RVAL_* formats of the decoders.
"""
from __future__ import annotations

# Calls that never return: strace prints their whole line, " = ?" included, at entry.
NEVER_RETURNS = frozenset(("exit", "exit_group"))

# Calls that can block for long: the text view writes their entry half at entry, as
# strace shows it ("read(0, " while the call waits).
MAY_BLOCK = frozenset("""
read readv pread64 preadv preadv2 recvfrom recvmsg recvmmsg write writev sendto sendmsg
sendmmsg pwrite64 pwritev pwritev2 wait4 waitid poll ppoll select pselect6 epoll_wait
epoll_pwait epoll_pwait2 futex nanosleep clock_nanosleep accept accept4 connect pause
rt_sigsuspend rt_sigtimedwait msgrcv msgsnd semop semtimedop flock fcntl ioctl
io_getevents io_uring_enter splice tee sendfile open openat openat2 mq_timedreceive
mq_timedsend execve execveat vfork fork clone clone3 sync fsync fdatasync syncfs copy_file_range
""".split())

# -P: the role of each argument, by position: "f" a descriptor, "p" a path, "." neither.
# Calls not listed follow strace's default: a %file call's first argument is a path, a
# %desc call's first argument a descriptor.  select/pselect6/poll/ppoll/close_range
# name their descriptors in memory, fsconfig's depend on its command (filters/paths.py
# decides those).
_AT = "fp"
ROLES: dict[str, str] = {
    **{n: "ff" for n in ("dup2", "dup3", "sendfile", "tee", "kexec_file_load")},
    **{n: "fpfp" for n in ("linkat", "renameat", "renameat2", "move_mount")},
    "mmap": "....f",
    "symlinkat": "pfp",
    **{n: "f.f" for n in ("splice", "epoll_ctl", "copy_file_range")},
    "fanotify_mark": "f..fp",
    **{n: _AT for n in ("execveat", "faccessat", "faccessat2", "fchmodat", "fchownat",
                        "fspick", "futimesat", "mknodat", "name_to_handle_at", "newfstatat",
                        "open_tree", "openat", "openat2", "readlinkat", "statx", "unlinkat",
                        "utimensat", "mkdirat", "mount_setattr")},
    "inotify_add_watch": ".p",
    "quotactl": ".p",
    **{n: "pp" for n in ("link", "rename", "mount", "pivot_root")},
    "symlink": ".p",
    **{n: "" for n in ("accept", "accept4", "bpf", "epoll_create", "epoll_create1",
                       "eventfd", "eventfd2", "fanotify_init", "inotify_init",
                       "inotify_init1", "memfd_create", "perf_event_open", "pipe", "pipe2",
                       "signalfd", "signalfd4", "socket", "socketpair", "timerfd_create",
                       "timerfd_gettime", "timerfd_settime", "userfaultfd", "fsmount",
                       "fsopen", "io_uring_enter", "io_uring_register", "io_uring_setup",
                       "landlock_add_rule", "landlock_create_ruleset",
                       "landlock_restrict_self", "memfd_secret", "mq_getsetattr",
                       "mq_notify", "mq_open", "mq_timedreceive", "mq_timedsend",
                       "pidfd_open", "fsconfig")},
}

# -e read= / -e write=: (direction, buffer argument, length argument or None for "the
# return value", kind: "buf" one buffer, "iov" an iovec array, "msghdr" the iovecs of a
# struct msghdr, "mmsghdr" those of each struct mmsghdr of a vector)
DUMPS: dict[str, tuple[str, int, int | None, str]] = {
    "read": ("read", 1, None, "buf"), "pread64": ("read", 1, None, "buf"),
    "mq_timedreceive": ("read", 1, None, "buf"), "mq_timedsend": ("write", 1, 2, "buf"),
    "recvfrom": ("read", 1, None, "buf"),
    "readv": ("read", 1, 2, "iov"), "preadv": ("read", 1, 2, "iov"),
    "preadv2": ("read", 1, 2, "iov"),
    "write": ("write", 1, 2, "buf"), "pwrite64": ("write", 1, 2, "buf"),
    "sendto": ("write", 1, 2, "buf"),
    "writev": ("write", 1, 2, "iov"), "pwritev": ("write", 1, 2, "iov"),
    "pwritev2": ("write", 1, 2, "iov"), "vmsplice": ("write", 1, 2, "iov"),
    "sendmsg": ("write", 1, None, "msghdr"), "recvmsg": ("read", 1, None, "msghdr"),
    "sendmmsg": ("write", 1, None, "mmsghdr"), "recvmmsg": ("read", 1, None, "mmsghdr"),
}

# The format of a decoded call's return value: "d" signed (the default), "u" unsigned,
# "x" hex, "o" octal, "fd" a new descriptor (decorated by -y), "tid"/"tgid"/"pgid"/"sid"
# a thread, process, process group or session id (the low 32 bits, signed; named by -Y,
# translated by --pidns-translation).
RETURNS: dict[str, str] = {
    **{n: "fd" for n in ("dup", "dup2", "dup3", "open", "openat", "creat", "openat2",
                         "socket", "accept", "accept4", "signalfd", "signalfd4",
                         "inotify_init", "inotify_init1", "epoll_create", "epoll_create1",
                         "pidfd_open", "memfd_create", "pidfd_getfd", "timerfd_create",
                         "memfd_secret", "fsopen", "fsmount", "fspick", "open_tree",
                         "mount_setattr", "mq_open", "perf_event_open", "fanotify_init",
                         "io_uring_setup", "eventfd", "eventfd2", "userfaultfd")},
    **{n: "x" for n in ("brk", "mmap", "mremap", "personality")},
    **{n: "u" for n in ("times", "alarm", "getuid", "geteuid", "getgid", "getegid")},
    # a pid_t naming a thread, process, group or session (strace's RVAL_TID/TGID/PGID/SID)
    **{n: "tid" for n in ("gettid", "clone", "clone3")},
    **{n: "tgid" for n in ("getpid", "getppid", "fork", "vfork", "wait4")},
    **{n: "pgid" for n in ("getpgrp", "getpgid")},
    "getsid": "sid",
}
