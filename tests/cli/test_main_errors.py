"""Bad input through the whole program (not just the parser): pstrace must print strace
6.1's message and exit with strace's status, never a Python traceback."""
from __future__ import annotations

import os

import pytest

from harness import differential, run_pstrace, run_strace

CASES = {
    "missing-program": ([], ["nope-not-a-program"]),
    "missing-path": ([], ["./nope"]),
    "not-executable": ([], ["/etc/hostname"]),      # execve fails: EACCES, child says so
    "directory": ([], ["/etc"]),
    "unwritable-output": (["-o", "/nonexistent/dir/trace"], ["true"]),
    "bad-string-limit": (["-s", "abc"], ["true"]),
    "negative-column": (["-a", "-1"], ["true"]),
    "unknown-option": (["-Q"], ["true"]),
    "no-command": ([], []),
    "dead-pid": (["-p", "4000000"], []),
    "pipe-with-ff": (["-ff", "-o", "|cat"], ["true"]),
}


def test_output_to_a_pipe(tmp_path) -> None:
    """-o '|cmd' and -o '!cmd' give the trace to a shell command, as strace does."""
    for mark in "|!":
        got = tmp_path / f"got{ord(mark)}"
        args = ["-e", "trace=exit_group", "-o", f"{mark}cat > {got}"]
        expected = run_strace(args, ["true"])
        strace_text = got.read_bytes()
        actual = run_pstrace(args, ["true"])
        assert got.read_bytes() == strace_text
        assert b"exit_group(0)" in strace_text
        assert (actual.returncode, actual.stderr) == (expected.returncode, expected.stderr)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_matches_strace(name: str, tmp_path) -> None:
    args, cmd = CASES[name]
    differential(args, cmd, cwd=tmp_path)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_has_no_traceback(name: str, tmp_path) -> None:
    args, cmd = CASES[name]
    res = run_pstrace(args, cmd, cwd=tmp_path)
    assert b"Traceback" not in res.stderr, res.stderr.decode(errors="replace")
    assert res.returncode != 0


def test_exit_status_and_signal_death_are_passed_on(tmp_path) -> None:
    """pstrace exits with the tracee's status, or dies by its fatal signal."""
    script = tmp_path / "s.sh"
    script.write_text("#!/bin/sh\nexit 7\n")
    os.chmod(script, 0o755)
    assert run_pstrace(["-o", "/dev/null"], [str(script)]).returncode == 7
    killer = tmp_path / "k.sh"
    killer.write_text("#!/bin/sh\nkill -TERM $$\n")
    os.chmod(killer, 0o755)
    assert run_pstrace(["-o", "/dev/null"], [str(killer)]).returncode == -15
