"""Command lines from strace 6.1's own test suite that pstrace refused or misread,
end to end against the installed strace: the same exit status and diagnostics."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import pstrace_command

LINES: list[list[str]] = [
    ["-e", "trace=desc,file,network,mmap2", "-o", "/dev/null", "true"],   # classes sans %
    ["-e", "trace=%file,mmap2", "-o", "/dev/null", "true"],   # an i386 name
    ["-e", "trace=nosuch", "true"],
    ["-e", "read=!!0", "-o", "/dev/null", "true"],   # each "!" inverts
    ["-e", "trace=!!!", "true"],
    ["--interruptible=always", "-o", "/dev/null", "true"],
    ["-Ialways", "-o", "/dev/null", "true"],
    ["--interruptible=5", "true"],
    # -e values are checked as strace reads them, before "must have PROG" or -h
    ["-e", ""], ["-e", ","], ["-etrace="], ["-e", "trace=foo", "-h"],
    ["--write=foo", "--tips"], ["-e", "inject=open:error=FOO"], ["-e", "trace=open,"],
    ["--decode-pids=foo", "true"], ["-e", "decode-pids=", "true"], ["--kvm=x", "true"],
    ["-e", "kvm=", "true"],
    # a number is a syscall when one personality names it (x86_64, i386, x32)
    ["-e415"], ["-e", "460"], ["-e", "511"], ["-e", "416", "-o", "/dev/null", "true"],
    ["-e", "512", "-o", "/dev/null", "true"], ["-e", "335", "-o", "/dev/null", "true"],
    # --seccomp-bpf: -b is checked before -f (strace's bexecve)
    ["-q", "--seccomp-bpf", "-bexecve", "-enone", "true"],
    ["-q", "--seccomp-bpf", "-f", "-bexecve", "-enone", "true"],
    ["-q", "-bexecve", "-enone", "true"],   # the command's own execve, filtered, stays
]


def _run(cmd: list[str]) -> tuple[int, str]:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=30,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stderr


def _link(tmp_path: Path, name: str, target: str) -> str:
    path = tmp_path / name
    if target.endswith("strace"):
        os.symlink(target, path)
    else:   # python -m pstrace: a script of ours named *strace
        path.write_text(f"#!{sys.executable}\nimport sys\nfrom pstrace.cli import main\n"
                        "sys.exit(main())\n")
        path.chmod(0o755)
    return str(path)


@pytest.mark.parametrize("args", LINES, ids=" ".join)
def test_suite_command_line(args: list[str], tmp_path: Path) -> None:
    """Both tracers run by an absolute path outside PATH (as strace's tests run them):
    diagnostics start with that path exactly."""
    s = _link(tmp_path, "ref-strace", "/usr/bin/strace")
    p = _link(tmp_path, "our-strace", pstrace_command()[0])
    (ws, es), (wp, ep) = _run([s, *args]), _run([p, *args])
    assert wp == ws
    assert ep.replace(p, s) == es
