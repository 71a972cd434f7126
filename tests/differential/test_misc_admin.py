"""Differential tests of the #14 families against strace 6.1: quotactl/quotactl_fd
(decoders/quota.py, tests/syscalls/misc_quota.c), keyctl (keys.py, misc_keyctl.c),
landlock and mount (landlock.py, mount.py, misc_landlock_mount.c), swapon, reboot,
kexec_load, kexec_file_load and _sysctl (sysadmin.py) with pivot_root, uselib and syncfs
(fs.py; misc_admin.c), and remap_file_pages, process_madvise, vmsplice, futex_waitv, fadvise64, the xattr calls,
setitimer/getitimer and membarrier (mem.py, io.py, futex_waitv.py, xattr.py, time.py,
membarrier.py; mem_misc_calls.c), name_to_handle_at and open_by_handle_at
(file_handle.py, fs_file_handle.c); under default, -v, -X raw, -X verbose and -y."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness
from harness import build, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
OPTIONS = {"default": [], "-v": ["-v"], "-Xraw": ["-X", "raw"],
           "-Xverbose": ["-X", "verbose"], "-y": ["-y"]}
XATTR = ("fsetxattr fgetxattr getxattr lsetxattr setxattr listxattr llistxattr "
         "flistxattr removexattr fremovexattr").split()
PROGRAMS = {
    "misc_quota.c": ("quotactl", "quotactl_fd"),
    "misc_keyctl.c": ("keyctl", "add_key"),
    "misc_landlock_mount.c": ("landlock_create_ruleset", "landlock_add_rule",
                              "landlock_restrict_self", "mount"),
    "misc_admin.c": ("swapon", "swapoff", "reboot", "kexec_load", "kexec_file_load",
                     "pivot_root", "uselib", "syncfs", "_sysctl"),
    "fs_file_handle.c": ("name_to_handle_at", "open_by_handle_at"),
    "mem_misc_calls.c": ("remap_file_pages", "process_madvise", "vmsplice", "futex_waitv",
                         "fadvise64", *XATTR, "setitimer", "getitimer", "membarrier"),
}

_SERIAL = re.compile(r"^(?:add_key|keyctl)\(.*\) +=  ?(\d{5,})$", re.M)
_PADDING = re.compile(r"\) +=(?= )")
_PIPE = re.compile(r"pipe:\[\d+\]")
# each run has its own mount namespace (harness.run_traced), whose mounts get fresh ids
_MOUNT_ID = re.compile(r"^(name_to_handle_at\(.*\}, \[)\d+(\], )", re.M)
_SCRATCH = re.compile(r"/tmp/pstrace-xattr-\w{6}")


def _serials(text: str) -> str:
    """Key serial numbers are random: each one the calls returned, wherever it appears,
    becomes <keyN> (N in order of appearance); the padding before " = " (-a), which
    depends on their lengths, becomes one space."""
    for n, serial in enumerate(dict.fromkeys(_SERIAL.findall(text))):
        text = re.sub(rf"\b{serial}\b", f"<key{n}>", text)
    return _PADDING.sub(") =", text)


def _lines(result: harness.Result) -> list[str]:
    text = harness.normalise(result.trace, harness.DEFAULT_NORMALISERS)
    text = _SCRATCH.sub("<scratch>", _PIPE.sub("pipe:[<ino>]", _serials(text)))
    text = _MOUNT_ID.sub(r"\g<1><mnt>\g<2>", text)
    return text.splitlines()


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("program", PROGRAMS)
def test_misc_admin(program: str, opt: str) -> None:
    exe = build(SYSCALLS / program)
    calls = PROGRAMS[program]
    # -o: the trace alone (strace writes its umove warnings in the middle of a line)
    args = [*OPTIONS[opt], "-o", harness.OUT_PLACEHOLDER, "-e", "trace=" + ",".join(calls)]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert any(line.startswith(calls[0] + "(") for line in expected)
    assert actual == expected


def test_vmsplice_write_dump() -> None:
    """-e write= dumps vmsplice's iovecs as writev's."""
    exe = build(SYSCALLS / "mem_misc_calls.c")
    args = ["-o", harness.OUT_PLACEHOLDER, "-e", "trace=vmsplice", "-e", "write=all"]
    expected = _lines(run_strace(args, [str(exe)]))
    actual = _lines(run_pstrace(args, [str(exe)]))
    assert " * 5 bytes in buffer 1" in expected
    assert actual == expected
