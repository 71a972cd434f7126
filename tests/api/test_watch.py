"""pstrace.watch() and the pytest plugin (src/pstrace/watch.py, pytest_plugin.py): the
test's own process traced by a helper that attaches back, with its threads and the
subprocesses it starts; the plugin run by pytest on sample test files that must pass
or fail for the right reasons."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import pstrace


@pytest.fixture
def server() -> socket.socket:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    yield srv
    srv.close()


def test_files_processes_and_failures(tmp_path: Path) -> None:
    out, gone = tmp_path / "out.txt", tmp_path / "gone"
    gone.write_text("x")
    with pstrace.watch() as w:
        subprocess.run(["sh", "-c", f"echo hi > {out}; cat /etc/hostname >/dev/null;"
                                    f" rm {gone}; ls {tmp_path}/missing 2>/dev/null"])
    assert out in w.files_written() and out in w.files_opened()
    assert Path("/etc/hostname") in w.files_read()
    assert w.files_deleted() == {gone}
    argvs = w.processes()
    assert ["cat", "/etc/hostname"] in argvs and ["rm", str(gone)] in argvs
    assert argvs[0][:2] == ["sh", "-c"]
    assert any(e.name in ("statx", "newfstatat", "lstat") and e.error == "ENOENT"
               for e in w.failed_calls())
    counts = w.syscall_counts()
    assert counts["execve"] >= 4 and counts["write"] >= 1
    assert not w.connections()
    assert not gone.exists()


def test_own_threads_and_connections(server: socket.socket, tmp_path: Path) -> None:
    port = server.getsockname()[1]
    target = tmp_path / "from-thread"

    def work() -> None:
        target.write_text("thread")
    with pstrace.watch() as w:
        socket.create_connection(("127.0.0.1", port)).close()
        t = threading.Thread(target=work)
        t.start()
        t.join()
        os.unlink(target)
    assert pstrace.Connection("AF_INET", "127.0.0.1", port) in w.connections()
    assert target in w.files_written() and target in w.files_deleted()
    assert len({e.pid for e in w.calls()}) >= 2        # the thread's calls are there
    # the watch's own bookkeeping (the helper's "ready", the end marker) is not
    assert not any(e.name == "write" and e.retval == -32 for e in w.calls("write"))


def test_unix_and_ipv6_connections(tmp_path: Path) -> None:
    path = str(tmp_path / "sock")
    srv = socket.socket(socket.AF_UNIX)
    srv.bind(path)
    srv.listen()
    with pstrace.watch() as w:
        socket.socket(socket.AF_UNIX).connect(path)
        s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s6.sendto(b"x", ("::1", 9))
    srv.close()
    assert w.connections() == [pstrace.Connection("AF_UNIX", path),
                               pstrace.Connection("AF_INET6", "::1", 9)]


def test_nothing_left_traced_after_the_block(tmp_path: Path) -> None:
    """A child still running at the end goes on untraced, and so does this process."""
    with pstrace.watch() as w:
        child = subprocess.Popen(["sleep", "1"])
    for pid in (os.getpid(), child.pid):   # the child still sleeps
        status = Path(f"/proc/{pid}/status").read_text()
        assert "TracerPid:\t0\n" in status, pid
        assert "State:\tS" in status or "State:\tR" in status, (pid, status)
    assert child.wait() == 0
    assert ["sleep", "1"] in w.processes()


SAMPLE = '''
import socket, subprocess, sys

def test_offline(syscalls, tmp_path):
    with syscalls.watch() as w:
        subprocess.run([sys.executable, "-c", "open(%r, 'w').write('x')" % str(tmp_path / "out.txt")])
    assert not w.connections()
    assert w.files_written() <= {tmp_path / "out.txt"}

def test_connects(syscalls):
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
    with syscalls.watch() as w:
        socket.create_connection(srv.getsockname()).close()
    assert not w.connections()

def test_writes_elsewhere(syscalls, tmp_path):
    other = tmp_path.parent / "elsewhere.txt"
    with syscalls.watch() as w:
        subprocess.run(["sh", "-c", "echo x > %s" % other])
    assert w.files_written() <= {tmp_path / "out.txt"}
'''


def test_pytest_plugin(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    r = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                        "-p", "no:xdist", "-rA", str(tmp_path / "test_sample.py")],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    out = r.stdout
    assert "PASSED test_sample.py::test_offline" in out, out
    assert "FAILED test_sample.py::test_connects" in out, out
    assert "FAILED test_sample.py::test_writes_elsewhere" in out, out
    assert "Connection(family='AF_INET', address='127.0.0.1'" in out, out   # why
    assert "elsewhere.txt" in out, out
    assert r.returncode == 1


def test_wait_inside_the_block_and_devices(tmp_path: Path) -> None:
    """os.wait() inside the block reaps the program's own child, never the helper; a
    device written to (/dev/null) is no file written."""
    out = tmp_path / "real.txt"
    with pstrace.watch() as w:
        pid = os.fork()
        if pid == 0:
            with open(os.devnull, "w") as null:
                null.write("x")
            out.write_text("y")
            os._exit(3)
        got, status = os.wait()
    assert got == pid and os.waitstatus_to_exitcode(status) == 3
    assert w.files_written() == {out}
