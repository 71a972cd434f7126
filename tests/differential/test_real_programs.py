"""Differential tests: real programs (true, cat, ls -l, sh, python3) traced by strace 6.1
and by pstrace, with common output options; plus self-checks of the harness itself
(strace against strace must be identical, statuses and signals must come through)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import harness
from harness import (DEFAULT_NORMALISERS, VOLATILE, VOLATILE_VERBOSE, compare,
                     run_pstrace, run_strace)

# Fixed time stamps for the files the tests create. The access time lies in the future so
# that, under relatime, reading a file or listing a directory never updates it (the kernel
# updates atime only when it is older than mtime/ctime or more than a day old): the first
# run then leaves nothing behind that the second run could see.
MTIME = 1_600_000_000  # 2020-09-13
ATIME = 4_000_000_000  # 2096-10-02

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

# name -> (command, extra environment)
PROGRAMS: dict[str, tuple[list[str], dict[str, str]]] = {
    "true": (["/bin/true"], {}),
    "cat": (["cat", "data/small.txt"], {}),
    "ls-l": (["ls", "-l", "dir"], {}),
    "ls-l-empty": (["ls", "-l", "empty"], {}),
    "sh-echo": (["sh", "-c", "echo hi"], {}),
    "python3-pass": ([PYTHON, "-c", "pass"], {"PYTHONDONTWRITEBYTECODE": "1"}),
}

OPTIONS: dict[str, list[str]] = {
    "default": [],
    "-v": ["-v"],
    "-s8": ["-s", "8"],
    "-s0": ["-s", "0"],
    "-a20": ["-a", "20"],
    "-o": ["-o", "{out}"],
}


def _make_tree(root: Path) -> None:
    """The files the programs read: a small text file, a directory with a few entries, and
    an empty directory. All time stamps fixed (directories last: adding entries changes
    their mtime)."""
    (root / "data").mkdir()
    (root / "data" / "small.txt").write_bytes(b"hello\nworld\n\tnon-ascii: \xc3\xa9\x01\n")
    d = root / "dir"
    d.mkdir()
    (d / "empty-file").write_bytes(b"")
    (d / "notes.txt").write_bytes(b"some notes\n" * 20)
    (d / "script.sh").write_bytes(b"#!/bin/sh\necho hi\n")
    (d / "script.sh").chmod(0o755)
    (d / "subdir").mkdir()
    (d / "link").symlink_to("notes.txt")
    (root / "empty").mkdir()
    for path in sorted(root.rglob("*"), key=lambda p: -len(p.parts)):
        os.utime(path, (ATIME, MTIME), follow_symlinks=False)
    os.utime(root, (ATIME, MTIME))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    _make_tree(tmp_path)
    return tmp_path


def _normalisers(args: list[str]) -> tuple:
    return (*DEFAULT_NORMALISERS, *(VOLATILE_VERBOSE if "-v" in args else VOLATILE))


def _env(extra: dict[str, str]) -> dict[str, str]:
    return {**harness.DEFAULT_ENV, **extra}


@pytest.mark.parametrize("opt", OPTIONS)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_real_program(tree: Path, prog: str, opt: str) -> None:
    cmd, extra = PROGRAMS[prog]
    args = OPTIONS[opt]
    expected = run_strace(args, cmd, cwd=tree, env=_env(extra))
    assert expected.returncode == 0, expected.stderr.decode(errors="replace")
    actual = run_pstrace(args, cmd, cwd=tree, env=_env(extra))
    compare(expected, actual, _normalisers(args))


# --- the harness itself ----------------------------------------------------------------

@pytest.mark.parametrize("opt", ["default", "-v", "-o"])
@pytest.mark.parametrize("prog", PROGRAMS)
def test_harness_deterministic(tree: Path, prog: str, opt: str) -> None:
    """strace twice under the harness must give the same trace, or differential tests
    would compare noise."""
    cmd, extra = PROGRAMS[prog]
    args = OPTIONS[opt]
    first = run_strace(args, cmd, cwd=tree, env=_env(extra))
    second = run_strace(args, cmd, cwd=tree, env=_env(extra))
    assert first.returncode == 0, first.stderr.decode(errors="replace")
    assert len(first.trace.splitlines()) > 10
    compare(first, second, _normalisers(args))


def test_harness_pids_and_env_fixed(tree: Path) -> None:
    """The tracee sees exactly DEFAULT_ENV, runs with ASLR off, and gets the same pid in
    each run (fresh pid namespace)."""
    runs = [run_strace(["-v", "-e", "trace=execve,set_tid_address,brk"], ["/bin/true"],
                       cwd=tree) for _ in range(2)]
    for r in runs:
        lines = r.stderr.decode().splitlines()
        env = ", ".join(f'"{k}={v}"' for k, v in harness.DEFAULT_ENV.items())
        assert lines[0] == f'execve("/bin/true", ["/bin/true"], [{env}]) = 0', lines[0]
        tid = [ln for ln in lines if ln.startswith("set_tid_address(")]
        assert tid and tid[0].endswith("= 5"), tid  # strace forks two probes first: 3, 4
    assert runs[0].stderr == runs[1].stderr


def test_harness_exit_status(tree: Path) -> None:
    r = run_strace(["-e", "trace=exit_group"], ["sh", "-c", "exit 3"], cwd=tree)
    assert r.returncode == 3
    assert r.stderr.decode().splitlines()[-1] == "+++ exited with 3 +++"


def test_harness_signal_death(tree: Path) -> None:
    """A tracee killed by SIGSEGV: strace kills itself with the same signal, and the
    harness reports it as -11 (not 139, which an exit(139) would give)."""
    src = tree / "segv.c"
    src.write_text("int main(void) { *(volatile int *)0 = 1; return 0; }\n")
    prog = harness.build(src)
    r = run_strace([], [str(prog)], cwd=tree)
    assert r.returncode == -11
    assert r.stderr.decode().splitlines()[-1] == "+++ killed by SIGSEGV +++"
    r = run_strace([], ["sh", "-c", "exit 139"], cwd=tree)
    assert r.returncode == 139


def test_harness_compare_detects_differences(tree: Path) -> None:
    """compare() must fail, with a diff, on a real difference."""
    a = run_strace([], ["/bin/true"], cwd=tree)
    b = run_strace([], ["/bin/false"], cwd=tree)
    with pytest.raises(AssertionError) as info:
        compare(a, b)
    msg = str(info.value)
    assert "exit status: strace 0, pstrace 1" in msg
    assert '-execve("/bin/true"' in msg and '+execve("/bin/false"' in msg


def test_harness_diagnostics_normalised(tree: Path) -> None:
    r = run_strace([], ["/nonexistent/program"], cwd=tree)
    assert r.returncode == 1
    assert harness.tool_name(r.stderr.decode()).startswith(
        "pstrace: Can't stat '/nonexistent/program': No such file or directory")


def test_harness_build_cached(tmp_path: Path) -> None:
    src = tmp_path / "hello.c"
    src.write_text('#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n')
    first = harness.build(src)
    assert first == harness.build(src)
    assert first.parent == harness.BUILD_DIR and os.access(first, os.X_OK)
    r = run_strace(["-e", "trace=write"], [str(first)], cwd=tmp_path)
    assert r.stdout == b"hi\n" and r.returncode == 0
