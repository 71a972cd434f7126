#!/usr/bin/env python3
"""Overhead of pstrace next to strace's, in one run, as ratios.

Each scenario runs a workload alone ("bare") and under several tracer variants
(all writing their trace to /dev/null), each timed `--repeat` times; the median is
kept.  For every variant it prints the time, the slowdown (traced / bare) and the
"overhead ratio": the variant's added time over the reference strace variant's.

    python3 bench/overhead.py [--repeat N] [--only SCENARIO ...]
    python3 bench/overhead.py --parse     pstrace.parse() speed on a large strace log

Scenarios:
  dd, find                  every syscall traced (issue: core tracer)
  find-openat, tar-openat   -f -e trace=openat: pstrace (seccomp filter by default),
                            strace, strace --seccomp-bpf (issue: filters)
  spawn200                  -f on a shell loop spawning 200 /bin/true (per-child cost)
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Variant:
    label: str
    tracer: str          # "strace" or "pstrace"
    args: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    command: tuple[str, ...]
    variants: tuple[Variant, ...]   # the first strace variant is the reference


def _all_calls() -> tuple[Variant, ...]:
    return (Variant("strace", "strace", ()), Variant("pstrace", "pstrace", ()))


def _openat() -> tuple[Variant, ...]:
    f = ("-f", "-e", "trace=openat")
    return (Variant("strace -f -e trace=openat", "strace", f),
            Variant("strace -f --seccomp-bpf -e trace=openat", "strace",
                    ("--seccomp-bpf", *f)),
            Variant("pstrace -f -e trace=openat (default)", "pstrace", f))


SCENARIOS: dict[str, Scenario] = {
    "dd": Scenario(("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"),
                   _all_calls()),
    "find": Scenario(("find", "/usr/lib", "-name", "*.so*"), _all_calls()),
    "find-openat": Scenario(("find", "/usr/lib", "-name", "*.so*"), _openat()),
    "tar-openat": Scenario(("tar", "cf", "/dev/zero", "/usr/include"), _openat()),
    "spawn200": Scenario(("sh", "-c", "for i in $(seq 200); do /bin/true; done"),
                         (Variant("strace -f", "strace", ("-f",)),
                          Variant("pstrace -f", "pstrace", ("-f",)))),
}


def pstrace_cmd() -> list[str]:
    exe = shutil.which("pstrace")
    if exe and os.environ.get("PSTRACE_BENCH_MODULE") is None:
        return [exe]
    os.environ["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")
    return [sys.executable, "-m", "pstrace"]


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    if res.returncode not in (0, 1):   # find/tar may exit 1 on unreadable files
        raise SystemExit(f"bench: {shlex.join(cmd)} exited {res.returncode}")
    return dt


def median_time(cmd: list[str], repeat: int) -> float:
    return statistics.median(timed(cmd) for _ in range(repeat))


def parse_speed(repeat: int) -> None:
    """Lines per second of pstrace.parse() on strace's -f -T -y log of find over /usr
    (every line a syscall, signal or exit), the best of `repeat` runs."""
    import tempfile
    sys.path.insert(0, str(ROOT / "src"))
    from pstrace import Unparsed, parse
    with tempfile.TemporaryDirectory() as d:
        log = Path(d) / "find.log"
        subprocess.run(["strace", "-f", "-T", "-y", "-o", str(log), "find", "/usr",
                        "-maxdepth", "4"], stdout=subprocess.DEVNULL, check=True)
        lines = log.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
    best = float("inf")
    unparsed = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        unparsed = sum(isinstance(ev, Unparsed) for ev in parse(lines))
        best = min(best, time.perf_counter() - t0)
    print(f"parse: {len(lines)} lines in {best:.3f} s = {len(lines) / best:,.0f} lines/s"
          f" ({unparsed} Unparsed)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="+", choices=sorted(SCENARIOS))
    ap.add_argument("--parse", action="store_true", help="pstrace.parse() speed only")
    args = ap.parse_args()
    if not shutil.which("strace"):
        raise SystemExit("bench: strace is not installed")
    if args.parse:
        parse_speed(args.repeat)
        return 0
    tracers = {"strace": ["strace"], "pstrace": pstrace_cmd()}
    for name in args.only or list(SCENARIOS):
        sc = SCENARIOS[name]
        cmd = list(sc.command)
        bare = median_time(cmd, args.repeat)
        print(f"\n{name}: {shlex.join(cmd)}   (bare {bare:.3f} s)")
        print(f"  {'variant':42} {'time s':>8} {'slowdown':>9} {'overhead ratio':>15}")
        ref_added = None
        for v in sc.variants:
            t = median_time([*tracers[v.tracer], "-o", "/dev/null", *v.args, "--", *cmd],
                            args.repeat)
            added = t - bare
            if ref_added is None:
                ref_added = added
            ratio = added / ref_added if ref_added > 0 else float("inf")
            print(f"  {v.label:42} {t:8.3f} {t / bare:9.1f} {ratio:15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
