"""--color=auto|always|never: with always, names, errors, signals and exits carry
colour codes and the text without them is strace 6.1's byte for byte (the -a column
included); auto colours a terminal only, and not when NO_COLOR is set; a pipe or a file
gets strace's plain text."""
from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from pathlib import Path

from harness import (
    DEFAULT_ENV,
    DEFAULT_NORMALISERS,
    compare,
    getrandom_bytes,
    pstrace_command,
    run_pstrace,
    run_strace,
)

_SGR = re.compile(rb"\x1b\[[0-9;]*m")
_NORM = (*DEFAULT_NORMALISERS, getrandom_bytes)   # malloc's arena key (the thread)


def test_always_colours_and_strips_to_strace() -> None:
    # single processes, whose lines cannot interleave differently from run to run
    out = b""
    for cmd in (["cat", "/nonexistent"], ["sh", "-c", "kill -TERM $$"], ["true"]):
        expected = run_strace(["-o", "{out}"], cmd)
        actual = run_pstrace(["--color=always", "-o", "{out}"], cmd)
        assert actual.out is not None
        out += actual.out
        compare(expected, dataclasses.replace(actual, out=_SGR.sub(b"", actual.out)), _NORM)
    assert b"\x1b[1;36mopenat\x1b[0m(AT_FDCWD, " in out                  # a name
    assert b"= \x1b[1;31m-1 ENOENT (No such file or directory)\x1b[0m\n" in out  # an error
    assert b"--- \x1b[1;35mSIGTERM\x1b[0m {" in out                       # a signal
    assert b"\x1b[1;31m+++ killed by SIGTERM +++\x1b[0m\n" in out         # exits
    assert b"\x1b[1;31m+++ exited with 1 +++\x1b[0m\n" in out
    assert b"\x1b[1;32m+++ exited with 0 +++\x1b[0m\n" in out


def test_auto_and_never_to_a_pipe_are_plain() -> None:
    cmd = ["cat", "/nonexistent"]   # one process: an error, exit 1
    expected = run_strace([], cmd)
    for opt in ([], ["--color=auto"], ["--color=never"], ["--color"]):
        actual = run_pstrace(opt, cmd)
        if opt == ["--color"]:   # no value: always (as GNU ls)
            assert b"\x1b[" in actual.stderr
            actual = dataclasses.replace(actual, stderr=_SGR.sub(b"", actual.stderr))
        else:
            assert b"\x1b" not in actual.stderr
        compare(expected, actual, _NORM)


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """pstrace's stderr when it is a terminal (a pty)."""
    master, slave = os.openpty()
    try:
        p = subprocess.run([*pstrace_command(), *args, "/bin/true"], stderr=slave,
                           stdout=subprocess.DEVNULL, env={**DEFAULT_ENV, **env})
        os.close(slave)
        slave = -1
        assert p.returncode == 0
        data = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:   # EIO: the other end is closed and drained
                break
            if not chunk:
                break
            data += chunk
        return data
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


def test_auto_on_a_terminal_and_no_color() -> None:
    term = {"TERM": "xterm"}
    assert b"\x1b[1;36mexecve\x1b[0m(" in _on_a_terminal([], term)
    assert b"\x1b[" not in _on_a_terminal([], {**term, "NO_COLOR": "1"})
    assert b"\x1b[" not in _on_a_terminal(["--color=never"], term)
    assert b"\x1b[" not in _on_a_terminal([], {"TERM": "dumb"})
    # an explicit --color=always wins over NO_COLOR
    assert b"\x1b[1;36m" in _on_a_terminal(["--color=always"], {**term, "NO_COLOR": "1"})


def test_parse_log_with_colour(tmp_path: Path) -> None:
    r = run_strace(["-o", "{out}"], ["cat", "/nonexistent"])   # --parse prints no pids
    assert r.out is not None
    log = tmp_path / "cat.log"
    log.write_bytes(r.out)
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--color=always"],
                       capture_output=True)
    assert p.returncode == 0 and b"\x1b[1;31m-1 ENOENT" in p.stdout
    assert _SGR.sub(b"", p.stdout) == r.out
    p = subprocess.run([*pstrace_command(), "--parse", str(log)], capture_output=True)
    assert p.stdout == r.out


def test_bad_color_value() -> None:
    for argv in (["--color=rainbow", "true"], ["--parse", "x.log", "--color=rainbow"]):
        p = subprocess.run([*pstrace_command(), *argv], capture_output=True, text=True)
        assert p.returncode == 1 and p.stdout == ""
        assert p.stderr.startswith("pstrace: invalid --color argument: 'rainbow'\n")
        assert "Traceback" not in p.stderr
