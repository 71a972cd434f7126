"""Long runs (issue #13): one million system calls traced with flat memory, for the text
output (-o /dev/null) and for -c.  pstrace's resident set size (VmRSS in
/proc/PID/status) is read while the traced program waits after 1,000 warm-up calls and
again after the million calls, and its peak (VmHWM) then: no more than a few MB above
the first reading.  No time is asserted (about 30 s per mode on a loaded 2-core
machine; PSTRACE_LONG_RUN_CALLS=N runs fewer calls while developing)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from harness import build, pstrace_command

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
CALLS = int(os.environ.get("PSTRACE_LONG_RUN_CALLS", 1_000_000))
SLACK_KIB = 4096


def _status_kib(pid: int) -> dict[str, int]:
    with open(f"/proc/{pid}/status") as f:
        return {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in f)
                if k in ("VmRSS", "VmHWM")}


def _tracer_of(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("TracerPid:"))


def _memory(args: list[str]) -> tuple[int, int, int]:
    """(VmRSS after start-up and warm-up, VmRSS and VmHWM after the million calls)."""
    exe = build(SYSCALLS / "proc_calls.c")
    ready_r, ready_w = os.pipe()
    ctl_r, ctl_w = os.pipe()
    proc = subprocess.Popen([*pstrace_command(), *args, str(exe), str(CALLS),
                             str(ready_w), str(ctl_r)],
                            pass_fds=(ready_w, ctl_r), stdin=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    os.close(ready_w)
    os.close(ctl_r)
    try:
        assert os.read(ready_r, 1) == b"1"
        start = _status_kib(proc.pid)["VmRSS"]
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            traced = _tracer_of(int(f.read().split()[0]))
        assert traced == proc.pid
        os.write(ctl_w, b"+")
        assert os.read(ready_r, 1) == b"2"
        end = _status_kib(proc.pid)
        os.write(ctl_w, b"+")
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    finally:
        proc.kill()
        os.close(ready_r)
        os.close(ctl_w)
    return start, end["VmRSS"], end["VmHWM"]


@pytest.mark.slow
@pytest.mark.parametrize("summary", [False, True], ids=["text", "summary"])
def test_a_million_calls_in_flat_memory(summary: bool, tmp_path: Path) -> None:
    table = tmp_path / "summary"
    args = ["-c", "-o", str(table)] if summary else ["-o", "/dev/null"]
    start, end, peak = _memory(args)
    if summary:   # every call was counted
        row = next(line.split() for line in table.read_text().splitlines()
                   if line.endswith(" getppid"))
        assert int(row[3]) == CALLS // 2 + 500
    print(f"{args}: VmRSS {start} KiB after start-up, {end} KiB after {CALLS} calls, "
          f"VmHWM {peak} KiB")
    assert end - start <= SLACK_KIB
    assert peak - start <= SLACK_KIB
