"""`pstrace --parse LOG`: prints a strace log's events as strace text (the log itself,
for a log without interleaving); an unreadable log is a message and status 1."""
from __future__ import annotations

import subprocess
from pathlib import Path

from harness import pstrace_command, run_strace


def test_parse_prints_the_log_back(tmp_path: Path) -> None:
    r = run_strace(["-o", "{out}", "-y"], ["ls", "-l", "/"])
    assert r.out is not None and r.out.count(b"\n") > 20
    log = tmp_path / "ls.log"
    log.write_bytes(r.out)
    p = subprocess.run([*pstrace_command(), "--parse", str(log)], capture_output=True)
    assert (p.returncode, p.stderr) == (0, b"")
    assert p.stdout == r.out


def test_parse_missing_log(tmp_path: Path) -> None:
    p = subprocess.run([*pstrace_command(), "--parse", str(tmp_path / "none")],
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert p.stderr.endswith("none: No such file or directory\n")
    assert "Traceback" not in p.stderr
