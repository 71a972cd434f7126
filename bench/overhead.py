#!/usr/bin/env python3
"""Overhead of pstrace next to strace's, in one run, as ratios.

For each workload: the command alone, under `strace -o /dev/null`, and under
`pstrace -o /dev/null`; each timed `--repeat` times (the median is kept).
Prints per workload: the times, each tracer's slowdown (traced / bare), and the
ratio of pstrace's added time to strace's added time (the issue's "overhead ratio").

    python3 bench/overhead.py [--repeat N] [--only NAME] [--extra-args "-e trace=openat"]
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKLOADS: dict[str, list[str]] = {
    "dd": ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"],
    "find": ["find", "/usr/lib", "-name", "*.so*"],
}


def pstrace_cmd() -> list[str]:
    exe = shutil.which("pstrace")
    if exe and os.environ.get("PSTRACE_BENCH_MODULE") is None:
        return [exe]
    env_path = str(ROOT / "src")
    os.environ["PYTHONPATH"] = env_path + os.pathsep + os.environ.get("PYTHONPATH", "")
    return [sys.executable, "-m", "pstrace"]


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    if res.returncode not in (0, 1):   # find may exit 1 on unreadable dirs
        raise SystemExit(f"bench: {shlex.join(cmd)} exited {res.returncode}")
    return dt


def median_time(cmd: list[str], repeat: int) -> float:
    return statistics.median(timed(cmd) for _ in range(repeat))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", action="append", choices=sorted(WORKLOADS))
    ap.add_argument("--extra-args", default="", help="options given to both tracers")
    args = ap.parse_args()
    if not shutil.which("strace"):
        raise SystemExit("bench: strace is not installed")
    extra = shlex.split(args.extra_args)
    ps = pstrace_cmd()
    print(f"{'workload':10} {'bare':>8} {'strace':>8} {'pstrace':>8} "
          f"{'strace x':>9} {'pstrace x':>10} {'overhead ratio':>15}")
    for name in args.only or list(WORKLOADS):
        cmd = WORKLOADS[name]
        bare = median_time(cmd, args.repeat)
        st = median_time(["strace", "-o", "/dev/null", *extra, "--", *cmd], args.repeat)
        pt = median_time([*ps, "-o", "/dev/null", *extra, "--", *cmd], args.repeat)
        ratio = (pt - bare) / (st - bare) if st > bare else float("inf")
        print(f"{name:10} {bare:8.3f} {st:8.3f} {pt:8.3f} {st / bare:9.1f} "
              f"{pt / bare:10.1f} {ratio:15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
