#!/usr/bin/env python3
"""pstrace's overhead next to strace's, in one run: the table of issue #11.

Every command (untraced, under strace, under pstrace) runs pinned to one CPU
(`taskset -c 0`, tracer and tracee alike).  The runs go in rotation: each round runs
every (workload, mode, tool) once, so that a slow spell of the machine hits all of them
alike; the median over the rounds is kept.  For each workload and mode it prints the
medians and the overhead ratio (pstrace - untraced) / (strace - untraced), with the
issue's target.  Then start-up (`-e trace=none /bin/true`, min and median of many runs)
and the peak RSS of pstrace tracing 100 000 and 1 000 000 syscalls (which must stay flat).

Before timing, each (workload, mode) is run once under both tracers writing to a file:
pstrace must have written at least as many lines as strace (it really traced).

    python3 bench/overhead.py                    # the whole table, 3 rounds
    python3 bench/overhead.py --quick            # dd and spawn only, small sizes
    python3 bench/overhead.py --only full:dd c:dd --rounds 1
    python3 bench/overhead.py --pstrace /path/to/pstrace   # default: python3 -m pstrace
    python3 bench/overhead.py --parse            # pstrace.parse() speed on a large log
    python3 bench/overhead.py --instructions     # user-space instructions per call
                                                 # (callgrind), independent of load
    python3 bench/overhead.py --floor            # also bench/floor.py, in both

bench/floor.py is the floor: pstrace's own launch, filter, wait, syscall-info read and
resume, and nothing else.  Its ratio is the part of pstrace's overhead that no work on
decoding or rendering can remove.

Standard library only; run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, str(ROOT / "bench" / "floor.py")]
PIN = ["taskset", "-c", "0"]

WORKLOADS: dict[str, list[str]] = {
    "dd": ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"],
    "find": ["find", "/usr/lib"],
    "tar": ["tar", "cf", "/dev/zero", "/usr/include"],
    "ls": ["ls", "-laR", "/usr/share/doc"],
    "spawn": ["sh", "-c", "i=0; while [ $i -lt 500 ]; do /bin/true; i=$((i+1)); done"],
}
# mode -> (options of both tracers, workloads, target ratio)
MODES: dict[str, tuple[list[str], list[str], float]] = {
    "full": ([], ["dd", "find", "tar", "ls"], 2.0),
    "c": (["-c"], ["dd", "find", "tar"], 1.5),
    "openat": (["-e", "trace=openat"], ["find", "tar", "ls"], 0.5),
    "seccomp": (["-f", "--seccomp-bpf", "-e", "trace=openat"], ["find", "tar", "ls"], 1.5),
    "spawn": (["-f"], ["spawn"], 1.5),
}
QUICK = ["full:dd", "c:dd", "openat:tar", "spawn:spawn"]


def pstrace_cmd(given: str | None) -> list[str]:
    return [given] if given else [sys.executable, "-m", "pstrace"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("PYTHONDONTWRITEBYTECODE", None)   # start-up is measured with cached bytecode
    return e


def timed(cmd: list[str], out: str = os.devnull) -> float:
    """Wall time of one pinned run, its output to `out`, its stderr discarded."""
    with open(out, "w") as sink:
        t = time.perf_counter()
        subprocess.run(PIN + cmd, stdout=sink, stderr=subprocess.DEVNULL, env=env(),
                       check=False)
        return time.perf_counter() - t


def traced_cmd(tool: list[str], mode_opts: list[str], workload: list[str],
               out: str) -> list[str]:
    return [*tool, *mode_opts, "-o", out, *workload]


def check_traced(pst: list[str], key: str, mode_opts: list[str],
                 workload: list[str]) -> None:
    """pstrace's output has at least as many lines as strace's (it really traced),
    "<... resumed>" lines left out."""
    with tempfile.TemporaryDirectory() as tmp:
        counts = []
        for tool in (["strace"], pst):
            out = os.path.join(tmp, "trace")
            subprocess.run(PIN + traced_cmd(tool, mode_opts, workload, out),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env(),
                           check=False)
            with open(out, "rb") as f:   # a call cut by another process's line is
                # two lines ("<unfinished ...>", "<... resumed>"), as often as it happens
                counts.append(sum(b" resumed>" not in line for line in f))
    if counts[1] < counts[0] or counts[0] == 0:
        sys.exit(f"{key}: pstrace wrote {counts[1]} lines, strace {counts[0]}: "
                 "it did not trace; no timing")


def run_table(pst: list[str], keys: list[str], rounds: int,
              size: dict[str, list[str]], floor: bool = False) -> None:
    for key in keys:
        mode, name = key.split(":")
        check_traced(pst, key, MODES[mode][0], size[name])
    times: dict[tuple[str, str], list[float]] = {}
    for r in range(rounds):
        for key in keys:
            mode, name = key.split(":")
            opts, workload = MODES[mode][0], size[name]
            runs = [("untraced", workload), ("strace", traced_cmd(["strace"], opts, workload,
                                                                  os.devnull)),
                    ("pstrace", traced_cmd(pst, opts, workload, os.devnull))]
            if floor:
                runs.append(("floor", traced_cmd(FLOOR, opts, workload, os.devnull)))
            k = r % len(runs)
            for tool, cmd in runs[k:] + runs[:k]:   # rotate the order too
                times.setdefault((key, tool), []).append(timed(cmd))
    print(f"{'mode:workload':16} {'untraced':>9} {'strace':>9} {'pstrace':>9} "
          f"{'ratio':>6} {'target':>6}" + (f" {'floor':>16} {'ratio':>6}" if floor else ""))
    for key in keys:
        u, s, p = (statistics.median(times[key, tool])
                   for tool in ("untraced", "strace", "pstrace"))
        ratio = (p - u) / (s - u) if s > u else float("inf")
        target = MODES[key.split(":")[0]][2]
        mark = "ok" if ratio <= target else "MISSED"
        line = (f"{key:16} {u*1e3:8.1f}ms {s*1e3:8.1f}ms {p*1e3:8.1f}ms {ratio:6.2f} "
                f"{target:6.1f} {mark:6}")
        if floor:
            f = statistics.median(times[key, "floor"])
            line += f" {f*1e3:8.1f}ms {(f - u) / (s - u) if s > u else float('inf'):6.2f}"
        print(line)


def startup(pst: list[str], n: int) -> None:
    for label, tool in (("strace", ["strace"]), ("pstrace", pst)):
        ts = sorted(timed([*tool, "-e", "trace=none", "/bin/true"]) for _ in range(n))
        print(f"start-up {label:8} min {ts[0]*1e3:6.1f}ms  median "
              f"{statistics.median(ts)*1e3:6.1f}ms  ({n} runs)")


def peak_rss_kib(pst: list[str], syscalls: int) -> int:
    """Peak RSS of pstrace (-o /dev/null) tracing dd doing about `syscalls` calls."""
    cmd = PIN + [*pst, "-o", os.devnull, "dd", "if=/dev/zero", "of=/dev/null", "bs=1",
                 f"count={syscalls // 2}"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env())
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_maxrss


def parse_speed(repeat: int) -> None:
    """Lines per second of pstrace.parse() on strace's -f -T -y log of find over /usr
    (every line a syscall, signal or exit), the best of `repeat` runs."""
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


# --instructions: (tracer options, workload at size n, what one unit of n is, how many
# units to run per --size).  The modes
# with a seccomp filter cannot be measured so: under valgrind the filter is not installed
# (nor is pidfd_getfd known), so every call would stop.
INSTRUCTIONS: dict[str, tuple[list[str], Callable[[int], list[str]], str, float]] = {
    "full:dd": ([], lambda n: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", f"count={n}"],
                "record (a read and a write)", 1),
    "c:dd": (["-c"], lambda n: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1",
                                f"count={n}"], "record (a read and a write)", 1),
    "spawn:sh": (["-f"], lambda n: ["sh", "-c", f"i=0; while [ $i -lt {n} ]; do "
                                    "/bin/true; i=$((i+1)); done"], "child", 0.05),
}


def user_instructions(cmd: list[str]) -> int:
    """Instructions the tracer itself ran (callgrind's total; its tracees run natively)."""
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "cg.out"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**env(), "PYTHONHASHSEED": "0"}, check=False)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"no callgrind total for {cmd}")


def instructions(pst: list[str], keys: list[str], n: int, floor: bool = False) -> None:
    """Per unit of each workload, the user-space instructions of strace and pstrace
    (the difference between size n and size 0, so start-up cancels out), and their
    ratio: what the tracer's own code costs, whatever the load of the machine."""
    print(f"{'mode:workload':14} {'strace':>12} {'pstrace':>12} {'ratio':>6}  per")
    for key in keys:
        opts, workload, unit, scale = INSTRUCTIONS[key]
        units = max(1, round(n * scale))
        per = []
        for tool in (["strace"], pst, *([FLOOR] if floor else [])):
            # a first run compiles (and caches) what the others import: not counted
            big, small = [user_instructions([*tool, *opts, "-o", os.devnull, *workload(k)])
                          for k in (units, units, 0)][1:]
            per.append((big - small) / units)
        print(f"{key:14} {per[0]:12,.0f} {per[1]:12,.0f} {per[1] / per[0]:6.1f}  {unit}"
              + (f"  (floor {per[2]:,.0f}, {per[2] / per[0]:.1f})" if floor else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", nargs="+", metavar="MODE:WORKLOAD",
                    help=f"a subset of {', '.join(f'{m}:{w}' for m in MODES for w in MODES[m][1])}")
    ap.add_argument("--quick", action="store_true",
                    help=f"only {' '.join(QUICK)}, 10x smaller, start-up with 10 runs, "
                         "no RSS")
    ap.add_argument("--no-rss", action="store_true")
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--pstrace", help="the pstrace command (default: python3 -m pstrace "
                                      "from this checkout)")
    ap.add_argument("--parse", action="store_true", help="pstrace.parse() speed only")
    ap.add_argument("--instructions", nargs="*", metavar="MODE:WORKLOAD",
                    help="user-space instructions per call under callgrind (valgrind), "
                         f"of {', '.join(INSTRUCTIONS)} (default: all)")
    ap.add_argument("--size", type=int, default=2000, help="units for --instructions")
    ap.add_argument("--floor", action="store_true",
                    help="run bench/floor.py too (in the table or --instructions)")
    a = ap.parse_args()
    if a.parse:
        parse_speed(a.rounds)
        return 0
    pst = pstrace_cmd(a.pstrace)
    if a.instructions is not None:
        unknown = set(a.instructions) - set(INSTRUCTIONS)
        if unknown:
            ap.error(f"unknown --instructions {' '.join(sorted(unknown))}")
        instructions(pst, a.instructions or list(INSTRUCTIONS), a.size, a.floor)
        return 0
    keys = a.only or (QUICK if a.quick else [f"{m}:{w}" for m in MODES for w in MODES[m][1]])
    for key in keys:
        mode, _, name = key.partition(":")
        if mode not in MODES or name not in MODES[mode][1]:
            ap.error(f"unknown MODE:WORKLOAD {key}")
    size = dict(WORKLOADS)
    if a.quick:
        size["dd"] = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=10000"]
        size["spawn"] = ["sh", "-c", "i=0; while [ $i -lt 50 ]; do /bin/true; "
                         "i=$((i+1)); done"]
        size["tar"] = ["tar", "cf", "/dev/zero", "/usr/include/linux"]
    run_table(pst, keys, a.rounds, size, a.floor)
    startup(pst, 10 if a.quick else a.startup_runs)
    if not (a.quick or a.no_rss):
        small, big = peak_rss_kib(pst, 100_000), peak_rss_kib(pst, 1_000_000)
        print(f"peak RSS of pstrace: {small} KiB at 100k syscalls, {big} KiB at 1M "
              f"({'flat' if big <= small * 1.1 else 'GROWS'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
