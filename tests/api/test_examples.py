"""The scripts of examples/ (which use only the public API) run on real commands and
print what they promise."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / script), *args],
                          capture_output=True, text=True, timeout=60)


def test_files_opened(tmp_path: Path) -> None:
    f = tmp_path / "input.txt"
    f.write_text("x")
    r = run("files_opened.py", "cat", str(f), str(tmp_path / "missing"))
    assert r.returncode == 1, r.stderr
    assert re.search(rf"^\s+1  {re.escape(str(f))}$", r.stdout, re.M), r.stdout
    assert f"--  {tmp_path / 'missing'}  (ENOENT)" in r.stdout


def test_connections() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = threading.Thread(target=lambda: server.accept()[0].close(), daemon=True)
    accepted.start()
    client = ("import socket; s = socket.socket(); "
              f"s.connect(('127.0.0.1', {port})); s.close()")
    try:
        r = run("connections.py", sys.executable, "-c", client)
    finally:
        server.close()
    assert r.returncode == 0, r.stderr
    assert re.search(rf"^\d+ AF_INET 127\.0\.0\.1 {port} ok$", r.stdout, re.M), r.stdout


def test_slowest_calls() -> None:
    r = run("slowest_calls.py", "sh", "-c", "sleep 0.3; true")
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    seconds = float(first.split("s", 1)[0])
    assert seconds >= 0.3 and ("wait4(" in first or "nanosleep(" in first), first


def test_process_tree() -> None:
    r = run("process_tree.py", "sh", "-c", "/bin/true; /bin/echo hi >/dev/null; exit 2")
    assert r.returncode == 2, r.stderr
    lines = r.stdout.splitlines()
    assert re.match(r"^\d+ sh -c /bin/true; /bin/echo hi >/dev/null; exit 2  "
                    r"\[exited with 2\]$", lines[0]), lines
    assert re.match(r"^  \d+ /bin/true  \[exited with 0\]$", lines[1]), lines
    assert re.match(r"^  \d+ /bin/echo hi  \[exited with 0\]$", lines[2]), lines


def test_fail_on_predicate(tmp_path: Path) -> None:
    conf, data = tmp_path / "a.conf", tmp_path / "b.data"
    conf.write_text("1")
    data.write_text("2")
    r = run("fail_on_predicate.py", ".conf", "cat", str(data), str(conf))
    assert r.returncode == 0, r.stderr
    assert (f'failed on purpose: openat(AT_FDCWD, "{conf}", O_RDONLY) = -1 EACCES '
            "(Permission denied) (INJECTED)") in r.stdout
    assert str(data) not in r.stdout.split("exit status")[0]
    assert "exit status: 1" in r.stdout
