#!/usr/bin/env python3
"""Probe the installed strace(1) for its x86_64 syscall catalog; print it as TSV.

For every syscall number 0..511 (the 64-bit ABI; x32 numbers start at 512) a tiny
libc-free program issues ``syscall(n, 0, 0, 0, 0, 0, 0)`` while strace runs it with
``-n -e raw=all -e inject=all:error=ENOSYS``: injection means no call is really
executed, and the raw line shows the name and the number of arguments strace prints
for that number.  Numbers strace does not know are not injectable and so are really
executed; a kernel may kill the probe for one of them (this happens in some VMs), so
the probe restarts after the last number seen.

Trace classes are observed the same way: a second injection ``-e inject=%CLASS:error=EBADF``
overrides the first for the members of that class, so every call whose line ends in
EBADF belongs to %CLASS.  Nothing is copied from strace's sources.

Output columns: nr, name, nargs, classes (comma-separated, sorted; "-" when none).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Our class token -> the expression strace's -e trace=/inject= accepts for it.
CLASSES: dict[str, str] = {
    "file": "%file", "desc": "%desc", "process": "%process", "network": "%network",
    "signal": "%signal", "ipc": "%ipc", "memory": "%memory", "creds": "%creds",
    "clock": "%clock", "pure": "%pure", "stat": "%stat", "lstat": "%lstat",
    "fstat": "%fstat", "stat_like": "%%stat", "statfs": "%statfs",
    "fstatfs": "%fstatfs", "statfs_like": "%%statfs",
}

HIGHEST = 511       # last number of the x86_64 64-bit ABI range
EXIT_GROUP = 231    # called last; its own line reports its name and classes

_PROBE_C = r"""
static long sc(long n) {
    long r;
    register long r10 asm("r10") = 0, r8 asm("r8") = 0, r9 asm("r9") = 0;
    asm volatile("syscall" : "=a"(r) : "a"(n), "D"(0L), "S"(0L), "d"(0L),
                 "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
    return r;
}
static long num(const char *s) { long v = 0; while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0'); return v; }
void __attribute__((used)) cmain(long *sp) {
    long argc = sp[0]; char **argv = (char **)(sp + 1);
    for (long i = 1; i < argc; i++) sc(num(argv[i]));
    sc(231);            /* exit_group: injected too, so trap to end */
    __builtin_trap();
}
asm(".globl _start\n_start:\n mov %rsp,%rdi\n and $-16,%rsp\n call cmain\n");
"""

_LINE = re.compile(r"^\[\s*(\d+)\] (\w+)\((.*)\)\s+= (.*)$")


def build_probe(workdir: Path) -> Path:
    src, exe = workdir / "probe.c", workdir / "probe"
    src.write_text(_PROBE_C)
    subprocess.run(["gcc", "-O1", "-nostdlib", "-static", "-fno-stack-protector",
                    "-o", str(exe), str(src)], check=True)
    return exe


def run_strace(strace: str, exe: Path, numbers: list[int], extra: list[str]) -> list[tuple[int, str, int, str]]:
    """Run the probe once; return (nr, name, nargs, result) per syscall line after execve."""
    cmd = [strace, "-qq", "-n", "-e", "raw=all", "-e", "inject=all:error=ENOSYS", *extra,
           str(exe), *map(str, numbers)]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=120)
    rows = []
    for line in proc.stderr.splitlines()[1:]:          # line 0: the initial execve
        m = _LINE.match(line)
        if m:
            args = m.group(3).strip()
            rows.append((int(m.group(1)), m.group(2), args.count(",") + 1 if args else 0, m.group(4)))
    return rows


def probe_names(strace: str, exe: Path) -> dict[int, tuple[str, int]]:
    """nr -> (printed name, nargs) for 0..HIGHEST, restarting after a killed run."""
    todo = [n for n in range(HIGHEST + 1) if n != EXIT_GROUP]
    found: dict[int, tuple[str, int]] = {}
    while todo:
        rows = run_strace(strace, exe, todo, [])
        if not rows:
            raise RuntimeError("strace printed no syscall lines")
        for nr, name, nargs, _ in rows:
            found[nr] = (name, nargs)
        last = rows[-1][0]
        if last == EXIT_GROUP and len(rows) > 1 and rows[-2][0] == todo[-1]:
            break
        if last == EXIT_GROUP:
            last = rows[-2][0] if len(rows) > 1 else -1
        todo = [n for n in todo if n > last]
    return found


def probe_class(strace: str, exe: Path, numbers: list[int], expr: str) -> set[int]:
    rows = run_strace(strace, exe, numbers, ["-e", f"inject={expr}:error=EBADF"])
    seen = {nr for nr, *_ in rows}
    missing = set(numbers) - seen
    if missing:
        raise RuntimeError(f"{expr}: no line for {sorted(missing)}")
    return {nr for nr, _, _, res in rows if "EBADF" in res}


def probe(strace: str = "strace") -> list[tuple[int, str, int, tuple[str, ...]]]:
    path = shutil.which(strace)
    if path is None:
        raise FileNotFoundError(f"{strace} not found")
    with tempfile.TemporaryDirectory() as tmp:
        exe = build_probe(Path(tmp))
        names = probe_names(path, exe)
        known = sorted(nr for nr, (name, _) in names.items() if not name.startswith("syscall_0x"))
        loop = [nr for nr in known if nr != EXIT_GROUP]
        members = {cls: probe_class(path, exe, loop, expr) for cls, expr in CLASSES.items()}
    return [(nr, names[nr][0], names[nr][1],
             tuple(sorted(c for c, s in members.items() if nr in s))) for nr in known]


def to_tsv(rows: list[tuple[int, str, int, tuple[str, ...]]]) -> str:
    out = ["# generated by tools/catalog_probe.py from the installed strace; do not edit",
           "# nr\tname\tnargs\tclasses"]
    out += [f"{nr}\t{name}\t{nargs}\t{','.join(cls) or '-'}" for nr, name, nargs, cls in rows]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strace", default=os.environ.get("STRACE", "strace"))
    ap.add_argument("-o", "--output", help="write the TSV here instead of stdout")
    args = ap.parse_args(argv)
    text = to_tsv(probe(args.strace))
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
