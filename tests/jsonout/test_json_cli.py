"""`pstrace --json` from the command line: -o, -f (a call cut by another thread is one
object; one that never returns says "unfinished"), -ff (one JSON file per process),
-c/-C (the summary as the last object), -p, the show-filters, `--json-schema`, and jq
reading the output as it is.  Every line is validated against the schema
(tests/jsonout/check.py)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import build, pstrace_command, run_pstrace, run_traced

import pstrace
from jsonout.check import objects
from pstrace.events import Syscall

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
SH = ["/bin/sh", "-c", "cat /etc/hostname >/dev/null; ls /nonexistent-dir 2>/dev/null; "
                       "(echo x | cat >/dev/null) ; exit 3"]


def _jq(filter_: str, path: Path) -> list[str]:
    jq = shutil.which("jq")
    assert jq is not None, "jq is not installed: run-tests installs it (apt-get install jq)"
    p = subprocess.run([jq, "-r", filter_, str(path)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout.splitlines()


def test_schema_is_draft_2020_12() -> None:
    from jsonout.check import validator
    text = subprocess.run([*pstrace_command(), "--json-schema"], capture_output=True,
                          check=True, text=True).stdout
    assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator()   # checks the schema itself


def test_follow_with_output_file_read_by_jq(tmp_path: Path) -> None:
    r = run_pstrace(["--json", "-f", "-tt", "-T", "-yy", "-o", "{out}"], SH, cwd=tmp_path)
    assert r.returncode == 3 and r.out is not None
    objs = objects(r.out)
    (tmp_path / "t.json").write_bytes(r.out)
    names = _jq('select(.type == "syscall") | .name', tmp_path / "t.json")
    assert {"execve", "openat", "read", "clone", "wait4", "exit_group"} <= set(names)
    assert len(names) == sum(o["type"] == "syscall" for o in objs)
    # ls's failing stat/openat: the error's name and text
    errors = _jq('select(.type == "syscall" and .error != null) | "\\(.name) \\(.error) '
                 '\\(.strerror)"', tmp_path / "t.json")
    assert any(e.endswith(" ENOENT No such file or directory") for e in errors), errors
    # -tt/-T: times as numbers; -yy: the fd's target as fields
    calls = [o for o in objs if o["type"] == "syscall" and o["end"] == "returned"]
    assert all(isinstance(o["time"], float) and o["duration"] >= 0 for o in calls)
    fds = [a["value"] for o in calls if o["name"] == "read" for a in o["args"]
           if a["name"] == "fd"]
    assert any(v["type"] == "fd" and v["target"] and v["target"]["kind"] == "pipe"
               and isinstance(v["target"]["inode"], int) for v in fds), fds
    pids = {o["pid"] for o in objs}
    assert len(pids) >= 3 and [o["type"] for o in objs].count("exit") == len(pids)
    assert objs[0]["type"] == "attach" and objs[0]["how"] == "launch"
    leader = [o for o in objs if o["type"] == "exit" and o["pid"] == objs[0]["pid"]]
    assert leader == [{"schema": "pstrace/1", "type": "exit", "pid": objs[0]["pid"], "code": 3,
                       "signo": None, "name": None, "core": False,
                       "time": leader[0]["time"]}]


def test_a_call_that_never_returns_is_unfinished(tmp_path: Path) -> None:
    """A thread in pause() when another calls exit_group: one pause object, unfinished."""
    exe = build(SYSCALLS / "thread_exit_group.c")
    r = run_pstrace(["--json", "-f", "-e", "trace=exit_group,pause", "-o", "{out}"],
                    [str(exe)], cwd=tmp_path)
    assert r.returncode == 5 and r.out is not None
    calls = [o for o in objects(r.out) if o["type"] == "syscall"]
    assert sorted((o["name"], o["unfinished"], o["end"], o["retval"]) for o in calls) == [
        ("exit_group", True, "vanished", None), ("pause", True, "vanished", None)]
    exit_group = next(o for o in calls if o["name"] == "exit_group")
    assert exit_group["args"][0]["value"] == {"type": "int", "value": 5, "fmt": "d"}


def test_one_file_per_process(tmp_path: Path) -> None:
    r = run_pstrace(["--json", "-ff", "-o", "{out}"], SH, cwd=tmp_path)
    assert r.returncode == 3 and r.out is None and len(r.out_files) >= 3
    for suffix, data in r.out_files.items():
        objs = objects(data)
        assert {o["pid"] for o in objs} == {int(suffix[1:])}
        assert objs[-1]["type"] == "exit"


@pytest.mark.parametrize("opt", ["-c", "-C"])
def test_summary_is_the_last_object(opt: str, tmp_path: Path) -> None:
    r = run_pstrace(["--json", "-f", opt, "-o", "{out}"], SH, cwd=tmp_path)
    assert r.returncode == 3 and r.out is not None
    objs = objects(r.out)
    summary = objs[-1]
    assert summary["type"] == "summary" and summary["clock"] == "system"
    assert [o["type"] for o in objs].count("summary") == 1
    rows = {row["name"]: row for row in summary["rows"]}
    assert rows["execve"]["calls"] == 4 and summary["total"]["calls"] == sum(
        row["calls"] for row in summary["rows"])
    assert rows["wait4"]["calls"] >= 1 and summary["total"]["errors"] >= 1
    if opt == "-c":
        assert len(objs) == 1
    else:
        names = [o["name"] for o in objs if o["type"] == "syscall"]
        for name in ("openat", "read", "close", "wait4"):
            assert names.count(name) == rows[name]["calls"], name


def test_filters_act_as_on_text(tmp_path: Path) -> None:
    """-e trace= / -z / -e signal=none / -qq: what the text would not show is not there."""
    r = run_pstrace(["--json", "-f", "-z", "-e", "trace=openat,execve,wait4",
                     "-e", "signal=none", "-qq", "-o", "{out}"], SH, cwd=tmp_path)
    objs = objects(r.out or b"")
    kinds = {o["type"] for o in objs}
    assert kinds <= {"attach", "exec", "syscall"} and "syscall" in kinds
    calls = [o for o in objs if o["type"] == "syscall"]
    assert {o["name"] for o in calls} == {"openat", "execve", "wait4"}
    assert all(o["errno"] == 0 and not o["failed"] for o in calls)


def test_attach_with_p(tmp_path: Path) -> None:
    target = subprocess.Popen(["sleep", "60"])
    out = tmp_path / "t.json"
    tracer = subprocess.Popen([*pstrace_command(), "--json", "-o", str(out),
                               "-p", str(target.pid)], stderr=subprocess.PIPE)
    try:
        while not out.exists() or b'"attach"' not in out.read_bytes():
            assert tracer.poll() is None, tracer.stderr and tracer.stderr.read()
            time.sleep(0.05)
        target.send_signal(signal.SIGTERM)
        assert tracer.wait(60) == 0
    finally:
        for p in (target, tracer):
            if p.poll() is None:
                p.kill()
                p.wait()
    objs = objects(out.read_bytes())
    assert objs[0] == {"schema": "pstrace/1", "type": "attach", "pid": target.pid,
                       "how": "attach", "threads": 1, "parent": None}
    assert [o["type"] for o in objs[-2:]] == ["signal", "exit"]
    assert objs[-1]["name"] == "SIGTERM" and objs[-1]["code"] is None
    assert objs[-2]["name"] == "SIGTERM" and objs[-2]["siginfo"]["type"] == "struct"


def test_parse_a_strace_log_as_json(tmp_path: Path) -> None:
    """--parse LOG --json: strace 6.1's own -f -tt -T log, and a line no parser reads."""
    log = tmp_path / "log"
    subprocess.run(["strace", "-f", "-tt", "-T", "-o", str(log), *SH], cwd=tmp_path,
                   env={"PATH": os.environ["PATH"]})
    lines = log.read_text().splitlines()
    log.write_text("\n".join(lines + ["this is no strace line"]) + "\n")
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--json"],
                       capture_output=True, check=True)
    objs = objects(p.stdout)
    calls = [o for o in objs if o["type"] == "syscall"]
    events = list(pstrace.parse(log))
    assert len(objs) == len(events) and len(calls) == sum(
        isinstance(ev, Syscall) for ev in events)
    assert [o["type"] for o in objs].count("unparsed") == 1
    assert objs[-1] == {"schema": "pstrace/1", "type": "unparsed", "pid": 0,
                        "text": "this is no strace line", "prefix": ""}
    assert {o["pid"] for o in calls} == {int(line.split()[0]) for line in lines}
    execve = calls[0]
    assert execve["name"] == "execve" and execve["args"][0]["value"]["text"] == "/bin/sh"
    returned = [o for o in calls if o["end"] == "returned"]
    assert returned and all(o["duration"] is not None for o in returned)   # -T


def test_parse_json_return_values_and_a_reader_that_quits(tmp_path: Path) -> None:
    """A parsed call's retval is the number its line returned, an fd decorated by -y
    included; a reader that quits early (| head -1) ends --parse as it ends cat."""
    log = tmp_path / "log"
    subprocess.run(["strace", "-y", "-o", str(log), *SH], cwd=tmp_path,
                   env={"PATH": os.environ["PATH"]}, check=False)
    p = subprocess.run([*pstrace_command(), "--parse", str(log), "--json"],
                       capture_output=True, check=True)
    before = subprocess.run([*pstrace_command(), "--json", "--parse", str(log)],
                            capture_output=True, check=True)   # the same, either order
    assert before.stdout == p.stdout
    calls = [o for o in objects(p.stdout) if o["type"] == "syscall"]
    fds = [o for o in calls if (o["rvalue"] or {}).get("type") == "fd"]
    assert fds and all(o["retval"] == o["rvalue"]["num"] >= 0 for o in fds)
    assert any(o["retval"] > 0 for o in fds)
    big = tmp_path / "big"   # more than a pipe holds, so that writes meet the closed end
    big.write_text(log.read_text() * (1 + 200_000 // len(log.read_text())))
    head = subprocess.run(["bash", "-c", " ".join([*pstrace_command(), "--parse", str(big)])
                           + " | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}"],
                          capture_output=True, check=True)
    assert head.stderr == b"" and head.stdout == b"141\n"   # killed by SIGPIPE


API_JSON = Path(__file__).resolve().parent / "api_json.py"


@pytest.mark.parametrize("prog", ["mem_basic", "sig_basic", "proc_exec"])
def test_json_equals_the_api_events(prog: str, tmp_path: Path) -> None:
    """The objects --json writes are the JSON forms of the events pstrace.trace()
    yields for the same program (same pid namespace, ASLR off: same pids, addresses)."""
    exe = build(SYSCALLS / f"{prog}.c")
    cmd = [str(exe), str(tmp_path)]
    cli = run_pstrace(["--json", "-y"], cmd, cwd=tmp_path)
    api = run_traced([sys.executable, str(API_JSON)], [json.dumps({"decode_fds": True})],
                     cmd, cwd=tmp_path, name="api")
    assert cli.returncode == api.returncode
    got, want = objects(cli.stderr), objects(api.stderr)
    for objs in (got, want):   # where each tracer built the first execve's environment
        execve = next(o for o in objs if o["type"] == "syscall")
        execve["args"][2]["value"]["value"]["value"] = 0
    assert len(want) > 10
    assert got == want
