"""Differential tests of the file/path decoders (decoders/fs.py, fs_stat.py, fs_dir.py):
tests/syscalls/fs_*.c and real commands (cat, ls -l, stat) traced by strace 6.1 and by
pstrace with -e trace=<the fs syscalls>, default, -v and -s 8, compared byte for byte.

Stat results hold inode numbers and time stamps: the programs that print them take a
"setup" step (run once, untraced) that builds a fixed tree with fixed times; both traced
runs then only look at it.  Access times lie in the future, so relatime never updates them.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

import harness
from harness import (DEFAULT_NORMALISERS, VOLATILE, VOLATILE_VERBOSE, build, mount_ids,
                     run_pstrace, run_strace)

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

FS_SYSCALLS = (
    "open,openat,openat2,creat,access,faccessat,faccessat2,close,stat,lstat,fstat,"
    "newfstatat,statx,statfs,fstatfs,readlink,readlinkat,getcwd,chdir,fchdir,mkdir,"
    "mkdirat,rmdir,unlink,unlinkat,rename,renameat,renameat2,symlink,symlinkat,link,"
    "linkat,chmod,fchmod,fchmodat,chown,fchown,lchown,fchownat,umask,truncate,ftruncate,"
    "getdents64,getdents,utimensat,fsync,fdatasync"
)
TRACE = ["-e", "trace=" + FS_SYSCALLS]

# program -> does it need the untraced "setup" step
PROGRAMS = {"fs_open": False, "fs_stat": True, "fs_dir": True, "fs_attr": False}

OPTIONS = {"default": [], "-v": ["-v"], "-s8": ["-s", "8"], "-v-s8": ["-v", "-s", "8"],
           "-s0": ["-s", "0"], "-s1": ["-s", "1"], "-xx": ["-xx"]}

# mount_ids: each traced run has its own mount namespace (the harness's unshare
# --mount-proc), where statx's stx_mnt_id numbers differ.
NORMALISERS = (*DEFAULT_NORMALISERS, mount_ids)

_FREE = re.compile(r"\b(f_bfree|f_bavail|f_ffree)=\d+")


def free_counts(text: str) -> str:
    """For real commands (find fstatfs's the test's own, busy file system): mask the
    free block and inode counts, which other processes change between the two runs."""
    return _FREE.sub(r"\1=<n>", text)

MTIME = 1_600_000_000
ATIME = 4_000_000_000


def _prepare(prog: str, cwd: Path) -> Path:
    exe = harness.build(SYSCALLS / f"{prog}.c")
    if PROGRAMS[prog]:
        subprocess.run([str(exe), "setup"], cwd=cwd, check=True)
    return exe


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_fs_program(prog: str, opt: str, tmp_path: Path) -> None:
    exe = _prepare(prog, tmp_path)
    harness.differential([*TRACE, *OPTIONS[opt]], [str(exe)], cwd=tmp_path,
                         normalisers=NORMALISERS)


@pytest.mark.parametrize("tz", ["UTC", "America/New_York", "XST-5:30", "Asia/Kathmandu"])
def test_fs_stat_time_zones(tz: str, tmp_path: Path) -> None:
    """-v prints times in the tracer's local time: strace follows TZ, so must we."""
    exe = _prepare("fs_stat", tmp_path)
    env = {**harness.DEFAULT_ENV, "TZ": tz}
    harness.differential([*TRACE, "-v"], [str(exe)], cwd=tmp_path, env=env,
                         normalisers=NORMALISERS)


def _tree(root: Path) -> None:
    (root / "dir").mkdir()
    (root / "dir" / "notes.txt").write_bytes(b"some notes\n" * 20)
    (root / "dir" / "empty").write_bytes(b"")
    (root / "dir" / "sub").mkdir()
    (root / "dir" / "link").symlink_to("notes.txt")
    (root / "dir" / "dangling").symlink_to("nowhere")
    (root / "dir" / "odd \x01 name").write_bytes(b"x")
    os.mkfifo(root / "dir" / "fifo")
    for p in sorted(root.rglob("*"), key=lambda p: -len(p.parts)):
        os.utime(p, (ATIME, MTIME), follow_symlinks=False)
    os.utime(root, (ATIME, MTIME))


COMMANDS = {
    "cat": ["cat", "dir/notes.txt"],
    "ls-l": ["ls", "-l", "dir"],
    "ls-la": ["ls", "-la", "--time-style=full-iso", "dir", "dir/sub"],
    "stat": ["stat", "dir/notes.txt", "dir/link", "dir/fifo", "/dev/null"],
    "stat-L": ["stat", "-L", "dir/link"],
    # not /proc (each run mounts its own) nor the test's file system (free blocks change)
    "stat-f": ["stat", "-f", "/sys", "/dev/pts"],
    "readlink": ["readlink", "dir/link", "dir/dangling"],
    "pwd": ["/bin/pwd", "-P"],
    "find": ["find", "dir", "-newer", "dir/empty"],
    "ls-dev": ["ls", "-l", "/dev/full", "/dev/loop7"],
}

# Commands that change the tree: rebuilt before each run (so new inode numbers: no -v).
MUTATING = {
    "cp-a": ["cp", "-a", "dir", "copy"],
    "mv": ["mv", "dir/notes.txt", "dir/sub/moved"],
    "rm-r": ["rm", "-rf", "dir"],
    "mkdir-p": ["mkdir", "-p", "-m", "0700", "a/b/c"],
    "ln": ["ln", "-s", "target", "dir/new-link"],
    "touch": ["touch", "-d", "@1600000000.5", "dir/notes.txt", "dir/new"],
    "chmod-R": ["chmod", "-R", "go-w,u+s", "dir"],
    "truncate": ["truncate", "-s", "100", "dir/notes.txt"],
    "sync": ["sync", "dir/notes.txt"],
}


@pytest.mark.parametrize("opt", ["default", "-v"])
@pytest.mark.parametrize("cmd", COMMANDS)
def test_fs_commands(cmd: str, opt: str, tmp_path: Path) -> None:
    _tree(tmp_path)
    args = [*TRACE, *OPTIONS[opt]]
    # -v: the stdout pipe and the files made here have fresh inodes and times
    volatile = VOLATILE_VERBOSE if opt == "-v" else VOLATILE
    harness.differential(args, COMMANDS[cmd], cwd=tmp_path,
                         normalisers=(*NORMALISERS, free_counts, *volatile))


@pytest.mark.parametrize("cmd", MUTATING)
def test_fs_mutating_commands(cmd: str, tmp_path: Path) -> None:
    def rebuild() -> None:
        subprocess.run(["rm", "-rf", "--", *map(str, tmp_path.iterdir())], check=True)
        _tree(tmp_path)

    harness.differential(TRACE, MUTATING[cmd], cwd=tmp_path, prepare=rebuild,
                         normalisers=(*NORMALISERS, free_counts, *VOLATILE))


@pytest.mark.parametrize("opts", [["-y"], ["-yy"], ["-x", "-y"], ["-xx", "-y"]])
def test_odd_path_in_fd_decoration(opts: list[str], tmp_path: Path) -> None:
    """-y escapes a path's control characters, quotes, backslashes, "<" and ">" as
    strace 6.1 does (strace's fsync-y test); -x/-xx turn it to hex."""
    exe = build(SYSCALLS / "fs_odd_name.c")
    expected = run_strace([*opts, "-e", "trace=fsync,close"], [str(exe)], cwd=tmp_path)
    actual = run_pstrace([*opts, "-e", "trace=fsync,close"], [str(exe)], cwd=tmp_path)
    harness.compare(expected, actual, DEFAULT_NORMALISERS)
    assert b"\\74" in expected.stderr or b"\\x3c" in expected.stderr
