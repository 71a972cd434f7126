"""Differential test harness: run strace 6.1 and pstrace under identical, deterministic
conditions and compare what they print.

Determinism comes from the conditions, not from masking output:

* each tracer runs in a fresh pid namespace (``unshare --pid --fork --mount-proc``) under a
  tiny Python init (pid 1), so the tracer is pid 2 and its first tracee pid 3 on both sides;
* ASLR is off (``setarch -R``, a personality flag inherited by the tracer and the tracee);
* the tracer gets an explicit environment (``DEFAULT_ENV`` unless the test passes one), the
  same argv[0] rules, the same cwd, stdin from /dev/null unless given.

The init execs the tracer with ``os.execve`` and an environment passed as JSON, so nothing
(not even Python's own locale coercion) can add a variable. It reports the tracer's raw wait
status through a pipe, so a tracer killed by a signal is told apart from one that exited
with 128+N (``Result.returncode`` follows ``subprocess``: negative = killed by that signal).

Normalisation in ``compare`` is explicit and small (see ``DEFAULT_NORMALISERS``).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_DIR = REPO / "tests" / ".build"
OUT_PLACEHOLDER = "{out}"
SESSION_START = time.time()  # for recent_times()

# A fixed, small environment for the tracer (and so the tracee). LANG is C.UTF-8, not C:
# with LANG=C, CPython (PEP 538) coerces the locale by *adding* LC_CTYPE=C.UTF-8 to its
# environment, which a Python tracer would pass on to its tracee.
DEFAULT_ENV: Mapping[str, str] = {
    "PATH": "/usr/bin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "TERM": "dumb",
}

GCC_FLAGS: tuple[str, ...] = ("-O0", "-g0", "-fno-stack-protector", "-Wall")

# pid 1 of the namespace: fork, exec the tracer, reap every child (orphans are reparented
# to us), report the tracer's raw wait status on the pipe fd argv[1], exit. Python ignores SIGPIPE and
# SIGXFSZ at start-up; restore them so the tracer starts as it would from a shell.
_INIT = r"""
import json, os, signal, sys
fd = int(sys.argv[1]); env = json.loads(sys.argv[2]); exe = sys.argv[3]; argv = sys.argv[4:]
os.set_inheritable(fd, False)
pid = os.fork()
if pid == 0:
    for s in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
        signal.signal(s, signal.SIG_DFL)
    try:
        os.execve(exe, argv, env)
    except OSError as e:
        os.write(2, f"harness-init: cannot exec {exe}: {e}\n".encode())
    os._exit(127)
status = None
while status is None:
    try:
        p, st = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    if p == pid:
        status = st
while True:  # then every other process (a -D tracer outlives its tracee, our child)
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
os.write(fd, str(status).encode())
os._exit(0)
"""


@dataclasses.dataclass(frozen=True)
class Result:
    """What one traced run produced."""

    tracer: str
    argv: tuple[str, ...]
    stdout: bytes
    stderr: bytes  # the trace, when no -o was given
    returncode: int  # like subprocess: -N when the tracer was killed by signal N
    out: bytes | None = None  # the -o file, when "{out}" was in args
    out_files: Mapping[str, bytes] = dataclasses.field(default_factory=dict)  # -ff: suffix -> data
    timed_out: bool = False

    @property
    def trace(self) -> bytes:
        """The trace: the -o file if one was written, else stderr."""
        return self.out if self.out is not None else self.stderr


def build(c_source: Path, extra_flags: Sequence[str] = ()) -> Path:
    """Compile a test C program (dynamic, like real programs) into tests/.build/.

    Cached by the hash of the source, the headers beside it and the flags; safe under
    pytest-xdist (compiled to a private temporary name, then renamed into place).
    """
    c_source = Path(c_source).resolve()
    flags = [*GCC_FLAGS, *extra_flags]
    h = hashlib.sha256()
    h.update(c_source.read_bytes())
    for header in sorted(c_source.parent.glob("*.h")):
        h.update(header.name.encode() + b"\0" + header.read_bytes())
    h.update("\0".join(flags).encode())
    out = BUILD_DIR / f"{c_source.stem}-{h.hexdigest()[:16]}"
    if out.exists():
        return out
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    tmp = BUILD_DIR / f".{out.name}.{os.getpid()}.tmp"
    proc = subprocess.run(
        ["gcc", *flags, "-o", str(tmp), str(c_source)],
        capture_output=True, stdin=subprocess.DEVNULL, text=True,
    )
    if proc.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"gcc failed on {c_source}:\n{proc.stderr}")
    os.replace(tmp, out)
    return out


def strace_command() -> list[str]:
    """argv prefix that runs the oracle. argv[0] stays "strace" so its messages read
    "strace: ..." (strace names itself by argv[0])."""
    return ["strace"]


def pstrace_command() -> list[str]:
    """argv prefix that runs pstrace: ``$PSTRACE_CMD`` (shell words) or ``python -m pstrace``."""
    override = os.environ.get("PSTRACE_CMD")
    if override:
        return shlex.split(override)
    return [sys.executable, "-m", "pstrace"]


def _out_dir() -> Path:
    # One fixed directory per test process, so the strace run and the pstrace run of one
    # test write to the same -o path (it can appear in diagnostics).
    d = Path(tempfile.gettempdir()) / f"pstrace-harness-{os.getpid()}"
    d.mkdir(exist_ok=True)
    return d


def _resolve(prog: str) -> str:
    if "/" in prog:
        return prog
    found = shutil.which(prog)
    if found is None:
        raise FileNotFoundError(f"{prog!r} not found on PATH")
    return found


# Test programs that would see pstrace's default seccomp filter (README: "What a program
# can notice"): one asks for its own seccomp mode, one for its child's seccomp filters
# (PTRACE_SECCOMP_GET_METADATA).  They run without the default filter, as the README
# says such programs should.
SEES_SECCOMP = frozenset(("misc_sched_prctl", "proc_ptrace"))


def run_traced(
    tracer: Sequence[str],
    args: Sequence[str],
    cmd: Sequence[str],
    *,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float = 60,
    name: str = "",
) -> Result:
    """Run ``tracer + args + cmd`` in a fresh pid namespace with ASLR off.

    ``"{out}"`` inside an element of ``args`` is replaced by a scratch path; the file (and
    any ``-ff`` ``path.PID`` files) is read back into ``Result.out`` / ``Result.out_files``.
    """
    out_path = _out_dir() / "trace"
    for old in out_path.parent.glob(out_path.name + "*"):
        old.unlink()
    uses_out = any(OUT_PLACEHOLDER in a for a in args)
    args = [a.replace(OUT_PLACEHOLDER, str(out_path)) for a in args]
    argv = [*tracer, *args, *cmd]
    env = dict(DEFAULT_ENV if env is None else env)
    if any(Path(c).name.rsplit("-", 1)[0] in SEES_SECCOMP for c in cmd[:1]):
        env["PSTRACE_SECCOMP"] = "0"   # (both tracers: the command's environment alike)
    init = [
        "unshare", "--pid", "--fork", "--mount-proc", "--kill-child",
        "setarch", "-R",
        sys.executable, "-I", "-S", "-c", _INIT,
    ]
    status_r, status_w = os.pipe()
    init += [str(status_w), json.dumps(env), _resolve(tracer[0]), *argv]
    try:
        proc = subprocess.Popen(
            init,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=cwd, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            pass_fds=(status_w,),
        )
        os.close(status_w)
        status_w = -1
        timed_out = False
        try:
            stdout, stderr = proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            proc.kill()  # --kill-child takes the whole namespace down with unshare
            stdout, stderr = proc.communicate()
        raw = os.read(status_r, 64)
    finally:
        os.close(status_r)
        if status_w >= 0:
            os.close(status_w)
    if raw and raw != b"None":
        returncode = os.waitstatus_to_exitcode(int(raw))
    else:  # the init itself failed (or was killed on timeout): report unshare's status
        returncode = proc.returncode
    out: bytes | None = None
    out_files: dict[str, bytes] = {}
    if uses_out:
        for f in sorted(out_path.parent.glob(out_path.name + "*")):
            data = f.read_bytes()
            if f == out_path:
                out = data
            else:
                out_files[f.name[len(out_path.name):]] = data
            f.unlink()
    return Result(name or tracer[0], tuple(argv), stdout, stderr, returncode,
                  out, out_files, timed_out)


def run_strace(args: Sequence[str], cmd: Sequence[str], **kw) -> Result:
    """Run the real strace 6.1 (the oracle). Keyword arguments as ``run_traced``."""
    return run_traced(strace_command(), args, cmd, name="strace", **kw)


def run_pstrace(args: Sequence[str], cmd: Sequence[str], **kw) -> Result:
    """Run pstrace. Keyword arguments as ``run_traced``."""
    return run_traced(pstrace_command(), args, cmd, name="pstrace", **kw)


# --- normalisation -------------------------------------------------------------------

Normaliser = Callable[[str], str]

_DIAG = re.compile(r"^strace: ", re.M)
_TRY_HELP = re.compile(r"^Try 'strace -h' for more information\.$", re.M)


def tool_name(text: str) -> str:
    """strace names itself in diagnostics: "strace: ..." and "Try 'strace -h' ..."."""
    text = _DIAG.sub("pstrace: ", text)
    return _TRY_HELP.sub("Try 'pstrace -h' for more information.", text)


_FIRST_EXEC_ENVP = re.compile(r"^(.*?\bexecve\(.*, )0x[0-9a-f]+( /\* \d+ vars? \*/\))", re.M)


def first_exec_envp(text: str) -> str:
    """Mask the envp address of the first execve only.

    That execve is made by the tracer's own forked child, so its envp points into the
    tracer's memory (strace's stack vs. CPython's heap) and cannot match. Later execve
    calls are the tracee's own and stay byte-exact. With -v strace prints the strings
    instead and nothing is masked.
    """
    return _FIRST_EXEC_ENVP.sub(r"\g<1>ENVP\g<2>", text, count=1)


_FIRST_EXEC_IP = re.compile(r"^((?:\S+ )*?)\[[0-9a-f]{8,16}\] (execve\()", re.M)


def first_exec_ip(text: str) -> str:
    """Opt-in (for -i): mask the instruction pointer on the first execve line, which is in
    the tracer's own libc mapping."""
    return _FIRST_EXEC_IP.sub(r"\g<1>[IP] \g<2>", text, count=1)


_TIMESTAMP = re.compile(r"^(\[pid +\d+\] )?\d\d:\d\d:\d\d(\.\d+)? |^(\[pid +\d+\] )?\d+\.\d+ ", re.M)


def timestamps(text: str) -> str:
    """Opt-in (for -t/-tt/-ttt/-r): mask the leading time stamp of each line."""
    return _TIMESTAMP.sub(lambda m: (m.group(1) or m.group(3) or "") + "TIME ", text)


_DURATION = re.compile(r" <\d+\.\d+>$", re.M)


def durations(text: str) -> str:
    """Opt-in (for -T): mask the trailing <seconds> of each line."""
    return _DURATION.sub(" <T>", text)


_GETRANDOM = re.compile(r'^(.*?\bgetrandom\()"(?:[^"\\]|\\.)*"', re.M)


def getrandom_bytes(text: str) -> str:
    """Opt-in: mask the bytes getrandom() returned (glibc's malloc asks for 8 of them in
    almost every dynamic program). The length, flags, "..." marker and result stay exact."""
    return _GETRANDOM.sub(r'\g<1>"<random>"', text)


_SYSINFO = re.compile(r"^(.*?\bsysinfo\(\{)uptime=.*?(\}\) = )", re.M)


def sysinfo_values(text: str) -> str:
    """Opt-in: mask the contents of sysinfo() (uptime, free memory: they change between
    runs; glibc's qsort calls sysinfo). Only the struct's body is masked."""
    return _SYSINFO.sub(r"\g<1><sysinfo>\g<2>", text)


_TIME_FIELD = re.compile(r"(\w+=)(\d+)( /\* )(\d{4}-\d\d-\d\dT[^*]*?)( \*/)(, (?:\w+_nsec|tv_nsec)=)?(\d+)?")


def recent_times(text: str) -> str:
    """Opt-in (for -v): mask time stamps from the start of this test process (minus a
    minute) until now, with their comment and the following nsec field. Only objects made
    or touched while the tests run have such times (pipes, procfs inodes of the fresh
    /proc mount, fresh files, atime updates); older (and future) stamps stay exact."""
    lo, hi = SESSION_START - 60, time.time() + 60

    def sub(m: re.Match[str]) -> str:
        if not lo <= int(m.group(2)) <= hi:
            return m.group(0)
        tail = f"{m.group(6)}<nsec>" if m.group(6) else ""
        return f"{m.group(1)}<now>{m.group(3)}<now>{m.group(5)}{tail}"

    return _TIME_FIELD.sub(sub, text)


_PIPE_INO = re.compile(r"\b(st_ino|stx_ino)=\d+")


_CLOCK_LINE = re.compile(r"^(clock_gettime|gettimeofday|time|times)\(")
_CLOCK_NUMBER = re.compile(r"(tv_sec|tv_nsec|tv_usec|tms_\w+)=\d+( /\* \d+\.\d+ s \*/)?|\b\d{9,}\b"
                           r"|\(\d{4}-\d\d-\d\dT[^)]*\)|/\* \d{4}-[^*]*\*/|= \d+$")


def _clock_mask(m: re.Match[str]) -> str:
    """A reading masked as N, its field name and its seconds comment's presence kept."""
    if not m.group(1):
        return "N"
    return m.group(1) + "=N" + (" /* S */" if m.group(2) else "")


def clock_readings(text: str) -> str:
    """Opt-in: mask the readings on clock lines only (clock_gettime, gettimeofday, time,
    times): they change between the two runs."""
    out = []
    for line in text.splitlines(keepends=True):
        if _CLOCK_LINE.match(line) and "= -1 " not in line:
            line = _CLOCK_NUMBER.sub(_clock_mask, line)
        out.append(line)
    return "".join(out)


def pipe_inodes(text: str) -> str:
    """Opt-in (for -v): mask the inode number on lines that stat a pipe or socket (a new
    inode per run)."""
    return "".join(_PIPE_INO.sub(r"\g<1>=<ino>", line) if "S_IFIFO" in line or "S_IFSOCK" in line
                   else line for line in text.splitlines(keepends=True))


_PROC_INO = re.compile(r"\b(?:st_ino|stx_ino)=(\d+)")
_DEV = re.compile(r"\b(st_dev=makedev\(0, )0x[0-9a-f]+\)|\b(stx_dev_minor=)\d+")
_PROC_DYNAMIC_FIRST = 0xF0000000  # procfs inode numbers start here (fs/proc/generic.c)


def procfs_dev(text: str) -> str:
    """Opt-in (for -v): mask the device minor of files on /proc. Each run mounts a fresh
    procfs (in its pid namespace); its anonymous device number depends on how many other
    mounts exist at that moment, e.g. those of a parallel test worker."""
    def line_sub(line: str) -> str:
        m = _PROC_INO.search(line)
        if m is None or int(m.group(1)) < _PROC_DYNAMIC_FIRST:
            return line
        return _DEV.sub(lambda d: f"{d.group(1)}<dev>)" if d.group(1) else f"{d.group(2)}<dev>", line)

    return "".join(line_sub(ln) for ln in text.splitlines(keepends=True))


_MNT_ID = re.compile(r"\bstx_mnt_id=0x[0-9a-f]+")


def mount_ids(text: str) -> str:
    """Opt-in (for -v): mask statx's stx_mnt_id. Each run has its own mount namespace
    (for its own /proc), whose mounts get fresh ids from a system-wide pool."""
    return _MNT_ID.sub("stx_mnt_id=<mnt>", text)


DEFAULT_NORMALISERS: tuple[Normaliser, ...] = (tool_name, first_exec_envp)

# What real dynamic programs need on top of the defaults: getrandom and sysinfo always,
# and for -v what differs between any two runs: time stamps, pipe inodes, procfs device
# and mount ids of objects made during the run.
VOLATILE: tuple[Normaliser, ...] = (getrandom_bytes, sysinfo_values)
VOLATILE_VERBOSE: tuple[Normaliser, ...] = (*VOLATILE, recent_times, pipe_inodes, procfs_dev,
                                             mount_ids)


def normalise(data: bytes, normalisers: Iterable[Normaliser]) -> str:
    text = data.decode("utf-8", "surrogateescape")
    for n in normalisers:
        text = n(text)
    return text


def _first_difference(label: str, expected: str, actual: str) -> str:
    a, b = expected.splitlines(), actual.splitlines()
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            break
    else:
        i = min(len(a), len(b))
    x = a[i] if i < len(a) else "<end of output>"
    y = b[i] if i < len(b) else "<end of output>"
    return (f"{label}: first difference at line {i + 1} "
            f"(strace {len(a)} lines, pstrace {len(b)} lines)\n"
            f"  strace:  {x}\n  pstrace: {y}\n")


def _diff(label: str, expected: str, actual: str, limit: int = 60) -> str:
    head = _first_difference(label, expected, actual)
    if "Traceback (most recent call last)" in actual:
        # pstrace crashed: its traceback matters more than the strace side of the diff.
        tb = actual[actual.index("Traceback (most recent call last)"):].splitlines()[-25:]
        head += "pstrace crashed:\n" + "".join(f"  | {ln}\n" for ln in tb)
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"{label} (strace)", tofile=f"{label} (pstrace)", n=2,
    ))
    more = len(lines) - limit
    text = head + "".join(lines[:limit])
    if not text.endswith("\n"):
        text += "\n"
    if more > 0:
        text += f"... {more} more diff lines\n"
    return text


def compare(
    expected: Result,
    actual: Result,
    normalisers: Iterable[Normaliser] = DEFAULT_NORMALISERS,
) -> None:
    """Assert that two runs are equal after normalisation: trace (stderr or -o file, and
    -ff files), stdout and exit status. Fails with a unified diff of what differs."""
    __tracebackhide__ = True
    normalisers = tuple(normalisers)
    problems: list[str] = []
    for r in (expected, actual):
        if r.timed_out:
            problems.append(f"{r.tracer} timed out: {shlex.join(r.argv)}\n")

    def check(label: str, a: bytes | None, b: bytes | None) -> None:
        if a is None or b is None:
            if (a is None) != (b is None):
                problems.append(f"{label}: strace wrote {'no file' if a is None else 'a file'}, "
                                f"pstrace wrote {'no file' if b is None else 'a file'}\n")
            return
        na, nb = normalise(a, normalisers), normalise(b, normalisers)
        if na != nb:
            problems.append(_diff(label, na, nb))

    check("stderr", expected.stderr, actual.stderr)
    check("-o file", expected.out, actual.out)
    for suffix in sorted(set(expected.out_files) | set(actual.out_files)):
        check(f"-o file{suffix}", expected.out_files.get(suffix), actual.out_files.get(suffix))
    check("stdout", expected.stdout, actual.stdout)
    if expected.returncode != actual.returncode:
        problems.append(f"exit status: strace {expected.returncode}, "
                        f"pstrace {actual.returncode}\n")
    if problems:
        raise AssertionError(
            f"strace and pstrace differ\n  strace:  {shlex.join(expected.argv)}\n"
            f"  pstrace: {shlex.join(actual.argv)}\n" + "".join(problems))


def differential(
    args: Sequence[str],
    cmd: Sequence[str],
    *,
    normalisers: Iterable[Normaliser] = DEFAULT_NORMALISERS,
    prepare: Callable[[], None] | None = None,
    **kw,
) -> tuple[Result, Result]:
    """Run strace then pstrace with the same arguments and compare them.

    ``prepare`` (if given) runs before each of the two runs, to reset any state the
    traced program changes."""
    __tracebackhide__ = True
    if prepare:
        prepare()
    expected = run_strace(args, cmd, **kw)
    if prepare:
        prepare()
    if os.environ.get("PSTRACE_CMD"):
        actual = run_pstrace(args, cmd, **kw)
        compare(expected, actual, normalisers)
        return expected, actual
    # pstrace also writes --json of the same event stream (tests/jsonout/dual.py)
    side = _out_dir() / "json"
    for old in side.parent.glob(side.name + "*"):
        old.unlink()
    actual = run_traced([sys.executable, str(DUAL), str(side)], args, cmd, name="pstrace", **kw)
    compare(expected, actual, normalisers)
    _check_json(expected, side)
    return expected, actual


DUAL = REPO / "tests" / "jsonout" / "dual.py"


def _check_json(expected: Result, side: Path) -> None:
    """The JSON Lines of the run validate and show what strace's text shows."""
    from jsonout.check import objects, same_events, side_outputs
    outputs = side_outputs(side)
    if expected.out_files:
        assert set(outputs) == set(expected.out_files), (sorted(outputs), sorted(expected.out_files))
        for suffix, data in outputs.items():
            same_events(objects(data), expected.out_files[suffix])
    elif "" in outputs:
        same_events(objects(outputs[""]), expected.trace)


# --- leftover tracees ----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ProcInfo:
    pid: int
    name: str
    state: str
    ppid: int
    tracer: int


def _processes() -> dict[int, ProcInfo]:
    procs: dict[int, ProcInfo] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
            procs[int(entry)] = ProcInfo(int(entry), fields.get("Name", "?"),
                                         fields.get("State", "?"), int(fields.get("PPid", 0)),
                                         int(fields.get("TracerPid", 0)))
        except (OSError, ValueError):
            continue  # it exited while we looked
    return procs


def stopped_tracees(root: int | None = None) -> list[ProcInfo]:
    """Processes in tracing stop ("State: t") that belong to ``root`` (default: this
    process): its descendants, and any process traced by one of them."""
    root = os.getpid() if root is None else root
    procs = _processes()
    children: dict[int, list[int]] = {}
    for p in procs.values():
        children.setdefault(p.ppid, []).append(p.pid)
    ours: set[int] = set()
    todo = [root]
    while todo:
        pid = todo.pop()
        for c in children.get(pid, ()):
            if c not in ours:
                ours.add(c)
                todo.append(c)
    ours |= {p.pid for p in procs.values() if p.tracer in ours}
    return [procs[p] for p in sorted(ours) if procs[p].state.startswith("t")]


def kill_quietly(pids: Iterable[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
