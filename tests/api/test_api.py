"""The public API on real traces: events and their values, process trees, attach and
detach, early exits that must leave nothing stopped, Python predicates for filtering
and for injection."""
from __future__ import annotations

import os
import socket
import sys
import signal
import subprocess
import time

import pytest

import pstrace
from pstrace import values as V


def _events(argv: list[str], **options: object) -> list[pstrace.Event]:
    with pstrace.trace(argv, **options) as session:
        return list(session)


def _syscalls(evs: list[pstrace.Event], name: str) -> list[pstrace.Syscall]:
    return [e for e in evs if isinstance(e, pstrace.Syscall) and e.name == name]


def test_openat_values(tmp_path) -> None:
    target = tmp_path / "data.txt"
    target.write_text("hello\n")
    evs = _events(["cat", str(target)], trace="openat")
    (ev,) = [e for e in _syscalls(evs, "openat")
             if isinstance(e.values[1], V.Path) and e.values[1].data == os.fsencode(target)]
    assert ev.error is None and ev.errno == 0
    assert isinstance(ev.retval, int) and ev.retval >= 3
    dirfd, path, flags = ev.values
    assert dirfd == V.Const("AT_FDCWD", -100, "d")
    assert isinstance(flags, V.Flags) and "O_RDONLY" in flags.names
    assert ev.rvalue == V.Fd(ev.retval)
    assert str(ev) == f'openat(AT_FDCWD, "{target}", O_RDONLY) = {ev.retval}'
    assert ev.end is pstrace.End.RETURNED
    assert isinstance(evs[-1], pstrace.Exit) and evs[-1].code == 0


def test_failed_call_and_exit_status() -> None:
    evs = _events(["cat", "/nonexistent/pstrace"], trace="openat")
    (ev,) = [e for e in _syscalls(evs, "openat")
             if e.values[1] == V.Path(b"/nonexistent/pstrace")]
    assert ev.error == "ENOENT" and ev.errno == 2 and ev.retval == -2
    assert ev.rvalue is None
    assert str(ev).endswith("= -1 ENOENT (No such file or directory)")
    assert isinstance(evs[-1], pstrace.Exit) and evs[-1].code == 1


def test_read_is_merged_from_entry_and_exit(tmp_path) -> None:
    (tmp_path / "f").write_bytes(b"0123456789")
    # head, not cat: cat copies with copy_file_range when stdout is a file (pytest's)
    evs = _events(["head", "-c", "100", str(tmp_path / "f")], trace="read")
    ev = next(e for e in _syscalls(evs, "read") if e.retval == 10)
    fd, buf, count = ev.values
    assert ev.n_entry == 1          # the fd at entry, the data at exit
    assert buf == V.Str(b"0123456789") and count == V.Int(100, "u")
    entries = [e for e in _events(["head", "-c", "100", str(tmp_path / "f")], trace="read",
                                  entries=True)
               if isinstance(e, pstrace.SyscallEntry)]
    assert entries and all(len(e.values) == 1 for e in entries)


def test_killed_by_signal() -> None:
    evs = _events(["sh", "-c", "kill -TERM $$"], trace="kill")
    sig = [e for e in evs if isinstance(e, pstrace.Signal)]
    assert [s.name for s in sig] == ["SIGTERM"] and sig[0].signo == signal.SIGTERM
    assert isinstance(sig[0].siginfo, V.Struct)
    last = evs[-1]
    assert isinstance(last, pstrace.Exit)
    assert (last.code, last.signo, last.name) == (None, signal.SIGTERM, "SIGTERM")
    assert str(last) == "+++ killed by SIGTERM +++"


def test_follow_tree() -> None:
    evs = _events(["sh", "-c", "/bin/true; /bin/true; exit 3"], follow=True,
                  trace="execve,clone,clone3,fork,vfork,wait4")
    attaches = [e for e in evs if isinstance(e, pstrace.Attach)]
    assert attaches[0].how == "launch"
    children = [a.pid for a in attaches if a.how == "fork"]
    assert len(children) == 2
    exits = {e.pid: e.code for e in evs if isinstance(e, pstrace.Exit)}
    assert exits == {attaches[0].pid: 3, children[0]: 0, children[1]: 0}
    execs = [e for e in _syscalls(evs, "execve") if e.pid in children]
    assert [e.values[0] for e in execs] == [V.Path(b"/bin/true")] * 2
    waits = [e for e in _syscalls(evs, "wait4") if e.retval in children]
    assert len(waits) == 2


def _state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def _gone(pid: int) -> bool:
    try:
        return _state(pid) == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("how", ["break", "exception", "close"])
def test_leaving_early_kills_the_launched_command(how: str) -> None:
    session = pstrace.trace(["sleep", "30"], follow=True)
    pid = None
    try:
        for ev in session:
            if isinstance(ev, pstrace.Attach):
                pid = ev.pid
            if isinstance(ev, pstrace.Syscall) and ev.name == "execve":
                if how == "exception":
                    raise KeyError("stop")
                if how == "close":
                    session.close()
                break
    except KeyError:
        pass
    assert pid is not None and _gone(pid)


def test_attach_and_detach_leaves_it_running() -> None:
    proc = subprocess.Popen(["sleep", "30"])
    try:
        time.sleep(0.1)
        with pstrace.attach(proc.pid) as session:
            for ev in session:
                assert isinstance(ev, pstrace.Attach) and ev.how == "attach"
                break
        time.sleep(0.05)
        assert _state(proc.pid) == "S"      # running (sleeping), not in tracing stop
        assert proc.poll() is None
    finally:
        proc.kill()
        proc.wait()


def test_where_keeps_what_the_predicate_accepts() -> None:
    evs = _events(["cat", "/etc/hostname", "/nonexistent/x"], trace="openat,close",
                  where=lambda c: c.error is not None)
    calls = [e for e in evs if isinstance(e, pstrace.Syscall)]
    assert calls and all(c.errno for c in calls)
    assert any(c.values[1] == V.Path(b"/nonexistent/x") for c in calls)


def test_a_raising_predicate_stops_the_trace_cleanly() -> None:
    pids: list[int] = []
    with pytest.raises(ZeroDivisionError):
        with pstrace.trace(["sleep", "30"], trace="clock_nanosleep,nanosleep,openat",
                           where=lambda c: 1 / 0 > 0) as session:
            for ev in session:
                if isinstance(ev, pstrace.Attach):
                    pids.append(ev.pid)
    assert pids and all(_gone(p) for p in pids)


def test_inject_on_a_predicate(tmp_path) -> None:
    conf = tmp_path / "app.conf"
    data = tmp_path / "app.data"
    conf.write_text("x")
    data.write_text("y")
    rule = pstrace.Inject("openat", error="EACCES",
                          where=lambda c: c.values[1].data.endswith(b".conf"))
    with pstrace.trace(["cat", str(data), str(conf)], trace="openat", inject=rule) as s:
        evs = list(s)
    assert s.exit_status == 1     # cat could not open the .conf file
    opens = {bytes(e.values[1].data): e for e in _syscalls(evs, "openat")
             if isinstance(e.values[1], V.Path)}
    bad, good = opens[os.fsencode(conf)], opens[os.fsencode(data)]
    assert bad.error == "EACCES" and bad.injected is True
    assert str(bad).endswith("= -1 EACCES (Permission denied) (INJECTED)")
    assert good.error is None and not good.injected


def test_inject_strace_syntax_and_status_filter() -> None:
    evs = _events(["cat", "/etc/hostname"], trace="openat", inject="openat:error=ENOENT:when=3",
                  status="failed")
    calls = [e for e in evs if isinstance(e, pstrace.Syscall)]
    assert calls and all(c.errno for c in calls)
    assert [c.error for c in calls if c.injected] == ["ENOENT"]


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        pstrace.trace(["true"], no_such_option=1)


def _arg(ev: pstrace.Syscall, name: str) -> pstrace.Arg:
    (arg,) = [a for a in ev.args if a.name == name]
    return arg


def test_argument_names_and_types(tmp_path) -> None:
    (tmp_path / "f").write_bytes(b"abc")
    evs = _events(["head", "-c", "9", str(tmp_path / "f")], trace="openat,read,execve",
                  string_limit=4096)
    ex = _syscalls(evs, "execve")[0]
    assert [a.name for a in ex.args] == ["filename", "argv", "envp"]
    assert ex.args[0].ctype == "const char *" and ex.args[0].value == "/usr/bin/head"
    argv = ex.args[1].value
    assert isinstance(argv, V.Array) and argv.items == ("head", "-c", "9", str(tmp_path / "f"))
    op = next(e for e in _syscalls(evs, "openat") if e.args[1].value == str(tmp_path / "f"))
    assert [(a.name, a.ctype) for a in op.args] == [
        ("dfd", "int"), ("filename", "const char *"), ("flags", "int")]
    assert op.args[0].value == "AT_FDCWD" and op.args[2].value == {"O_RDONLY"}
    rd = next(e for e in _syscalls(evs, "read") if e.retval == 3)
    assert [a.name for a in rd.args] == ["fd", "buf", "count"]
    assert _arg(rd, "fd").value == op.retval and _arg(rd, "buf").value == b"abc"


def test_clone_keywords_and_wait_status() -> None:
    evs = _events(["sh", "-c", "/bin/true & wait"], trace="clone,wait4")
    cl = _syscalls(evs, "clone")[0]
    assert [a.name for a in cl.args][:2] == ["child_stack", "flags"]
    assert all(a.keyword for a in cl.args) and "SIGCHLD" in str(cl)
    wt = next(e for e in _syscalls(evs, "wait4") if e.retval == cl.retval)
    assert wt.args[1].name == "stat_addr"
    assert wt.args[1].value == V.WaitStatus("exited", code=0)


def test_clone3_struct() -> None:
    code = "import threading; t = threading.Thread(target=print); t.start(); t.join()"
    evs = _events([sys.executable, "-c", code], trace="clone3")
    (ev,) = _syscalls(evs, "clone3")
    assert [a.name for a in ev.args] == ["uargs", "size"]
    uargs = ev.args[0].value   # the kernel writes the child's tid: before => after
    assert isinstance(uargs, V.Changed)
    fields = dict(uargs.before.fields)
    assert "CLONE_THREAD" in fields["flags"] and ev.retval > 0


def test_connect_with_socket_decoration() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    code = f"import socket; s = socket.socket(); s.connect(('127.0.0.1', {port}))"
    try:
        evs = _events([sys.executable, "-c", code], trace="connect", decode_fds="all")
    finally:
        server.close()
    (ev,) = _syscalls(evs, "connect")
    assert [a.name for a in ev.args] == ["fd", "uservaddr", "addrlen"]
    target = ev.args[0].value.target
    assert target.kind == "socket" and target.protocol == "TCP"
    addr = dict(ev.args[1].value.fields)
    assert addr["sa_family"] == "AF_INET" and ev.error is None
    # decorated at entry, before the connection exists (as strace prints it)
    assert f"connect(3<TCP:[{target.inode}]>" in str(ev)
