"""Run a tracer over proc_busy.c inside a fresh pid namespace, send it one signal at a
chosen moment, and report the fate of every process (as JSON on stdout).

Run as the namespace's init (``unshare --pid --fork --mount-proc python3 fates.py``), so
every process the run leaves behind becomes our child: its end (a zombie's exit code in
/proc/PID/stat) or its state is read, nothing is reaped before the report.

usage: fates.py MODE DELAY SIGNO WORKLOAD -- TRACER...
  MODE: launch-one, launch-procs (-f), attach-one (-p), attach-threads (-f -p),
        startup-launch, startup-attach, child-launch, child-attach.  DELAY (seconds)
        counts from the moment the workload runs traced (for startup-*: from the
        tracer's start; child-*: from its first child, a probe that stops itself).
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time


def _tasks_states(pid: int) -> list[str]:
    states = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                states.append(f.read().rsplit(")", 1)[1].split()[0])
    except OSError:
        pass
    return states


def _fate(pid: int) -> tuple[str, str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    comm = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] == "Z":
        code = int(fields[-1])
        if os.WIFSIGNALED(code):
            return comm, f"killed by {signal.Signals(os.WTERMSIG(code)).name}"
        return comm, f"exit {os.WEXITSTATUS(code)}"
    states = _tasks_states(pid)
    if any(s in "tT" for s in states):
        return comm, "stopped " + "".join(sorted(states))
    return comm, "alive"


def _others() -> dict[int, tuple[str, str]]:
    fates = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) != os.getpid():
            fate = _fate(int(name))
            if fate is not None:
                fates[int(name)] = fate
    return fates


def _traced(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as f:
            return any(line.split() == ["TracerPid:", line.split()[1]] and
                       line.split()[1] != "0" for line in f if line.startswith("TracerPid:"))
    except OSError:
        return False


def _children(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return f.read()
    except OSError:
        return ""


def main() -> None:
    mode, delay, signo, workload = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), \
        sys.argv[4]
    tracer = sys.argv[sys.argv.index("--") + 1:]
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    ready_r, ready_w = os.pipe()
    ctl_r, ctl_w = os.pipe()
    kind = {"launch-one": "one", "launch-procs": "procs", "attach-one": "one",
            "attach-threads": "threads", "startup-launch": "procs",
            "startup-attach": "threads", "child-launch": "one", "child-attach": "one"}[mode]
    busy = [workload, kind, "3", str(ready_w), str(ctl_r)]
    fds = (ready_w, ctl_r)
    quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
             "stderr": subprocess.DEVNULL}
    target = None
    if "attach" in mode:
        target = subprocess.Popen(busy, pass_fds=fds, **quiet)
        os.read(ready_r, 1)
        follow = ["-f"] if kind == "threads" else []
        argv = [*tracer, *follow, "-p", str(target.pid)]
    else:
        argv = [*tracer, "-f", *busy] if kind == "procs" else [*tracer, *busy]
    start = time.monotonic()
    proc = subprocess.Popen(argv, pass_fds=fds, **quiet)
    if mode.startswith("child"):   # (or once the probes are over: the target traced)
        while not _children(proc.pid) and proc.poll() is None and not (
                target is not None and _traced(target.pid)):
            pass
        start = time.monotonic()
    elif not mode.startswith("startup"):   # wait until the workload runs traced
        if target is not None:
            while not _traced(target.pid) and proc.poll() is None:
                time.sleep(0.002)
        else:
            os.read(ready_r, 1)
        start = time.monotonic()
    time.sleep(max(0.0, start + delay - time.monotonic()))
    proc.send_signal(signo)
    status = proc.wait()
    time.sleep(0.05)
    os.close(ctl_w)                      # the workers that still run may end now
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
            f[1] == "alive" for f in _others().values()):
        time.sleep(0.01)
    json.dump({"tracer": status, "fates": _others()}, sys.stdout)


if __name__ == "__main__":
    main()
