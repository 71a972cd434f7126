"""Differential tests of -f / -ff (engine/tracer.py): process trees, vfork, threads,
signals between tracees, compared with strace 6.1 process by process.

The interleaving of several processes' lines differs between any two runs, so each
trace is split by its pid prefix ("[pid N] " on stderr, "N " with -o, none with -ff),
every "name(args <unfinished ...>" line is joined to its "<... name resumed>rest" line,
and the per-process sequences are compared.  That pstrace's own unfinished/resumed
lines are well formed and paired is checked separately (``check_pairs``).  Tracer
messages ("Process N attached") may land in the middle of a trace line on stderr, as
in strace: they are cut out and compared as a multiset.

Both tracers run in fresh pid namespaces (tests/harness.py), so the pids are equal.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import harness
from harness import VOLATILE_VERBOSE, Result, normalise, tool_name

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

_MESSAGE = re.compile(r"(?:strace|pstrace): Process \d+ (?:attached|detached)"
                      r"(?: with \d+ threads)?\n")
_STDERR_PID = re.compile(r"^\[pid +(\d+)\] ")
_FILE_PID = re.compile(r"^(\d+) +")
_UNFINISHED = " <unfinished ...>"
_SUPERSEDED = re.compile(r"^\+\+\+ superseded by execve in pid (\d+) \+\+\+$")
_RESUMED = re.compile(r"^<\.\.\. ([\w?]+) resumed>")
_PAD = re.compile(r"(?<=\S) {2,}= (?=\S+(?: [A-Z]\w* \(.*\))?(?: \(.*\))?$)")
# the first line (execve of the command) is the tracer's own child's: its envp points
# into the tracer's memory
_ENVP = re.compile(r"^(execve\(.*, )0x[0-9a-f]+( /\* \d+ vars? \*/\))")


@dataclass
class Split:
    """One trace cut into per-process line lists (pairs joined) and messages."""

    procs: dict[int, list[str]] = field(default_factory=dict)
    raw: dict[int, list[str]] = field(default_factory=dict)   # before joining pairs
    messages: Counter = field(default_factory=Counter)


def split_messages(text: str) -> tuple[str, Counter]:
    """Cut the tracer's attach/detach messages out of text (even mid-line)."""
    found = Counter("pstrace: " + m.group(0).rstrip("\n").split(": ", 1)[1]
                    for m in _MESSAGE.finditer(text))
    return _MESSAGE.sub("", text), found


def split_trace(text: str, first_pid: int, file_prefix: bool = False,
                fixed_pid: int | None = None) -> Split:
    """Split a trace by pid.  Lines without a prefix belong to the only process
    known to be alive (strace drops the prefix while a single process is traced),
    or to ``fixed_pid`` (an -ff file)."""
    text = tool_name(text)
    text, messages = split_messages(text)
    text = "\n".join(line for line in text.split("\n")
                     if not line.startswith("pstrace: "))
    res = Split(messages=messages)
    alive: list[int] = [first_pid]
    for line in text.splitlines():
        if not line:
            continue
        m = (_FILE_PID if file_prefix else _STDERR_PID).match(line)
        if fixed_pid is not None:
            pid = fixed_pid
        elif m:
            pid = int(m.group(1))
            line = line[m.end():]
        else:
            pid = alive[-1] if alive else first_pid
        sup = _SUPERSEDED.match(line)
        if sup:
            # a thread N called execve: the line is the leader's, and N's unfinished
            # execve goes on as the leader's (the kernel gave N the leader's pid)
            thread = int(sup.group(1))
            if not m:
                pid = next((p for p in reversed(alive) if p != thread), pid)
            if thread in alive:
                alive.remove(thread)
            res.raw.setdefault(pid, []).append(line)
            moved = res.raw.get(thread, [])
            if moved and moved[-1].endswith(_UNFINISHED):
                res.raw[pid].append(moved.pop())
            continue
        if pid not in alive:
            alive.append(pid)
        if line.startswith("+++ "):
            alive.remove(pid)
        res.raw.setdefault(pid, []).append(line)
    for pid, lines in res.raw.items():
        res.procs[pid] = join_pairs(lines)
    return res


def join_pairs(lines: list[str]) -> list[str]:
    """Join each "... <unfinished ...>" line to the "<... X resumed>" line after it
    (both of one process), and drop the alignment padding before " = " (a resumed
    line is padded by its own length)."""
    out: list[str] = []
    pending: str | None = None
    for line in lines:
        m = _RESUMED.match(line)
        if m and pending is not None:
            line = pending + line[m.end():]
            pending = None
        elif pending is not None:
            out.append(pending + _UNFINISHED)
            pending = None
        if line.endswith(_UNFINISHED):
            pending = line[:-len(_UNFINISHED)]
            continue
        out.append(_PAD.sub(" = ", line))
    if pending is not None:
        out.append(pending + _UNFINISHED)
    return out


def check_pairs(split: Split) -> list[str]:
    """pstrace's own well-formedness: in each process, an "<unfinished ...>" line is
    followed by that call's "<... name resumed>" line, unless it is the process's last
    line; a resumed line always follows an unfinished one of the same call."""
    problems = []
    for pid, lines in split.raw.items():
        open_name: str | None = None
        for i, line in enumerate(lines):
            m = _RESUMED.match(line)
            if open_name is not None:
                if not m or m.group(1) != open_name:
                    problems.append(f"pid {pid}: {open_name} unfinished, then {line!r}")
                open_name = None
            elif m:
                problems.append(f"pid {pid}: resumed without unfinished: {line!r}")
            if line.endswith(_UNFINISHED):
                open_name = line.split("(", 1)[0]
    return problems


def _filter(lines: Iterable[str], drop: frozenset[str]) -> list[str]:
    return [ln for ln in lines if ln.split("(", 1)[0] not in drop]




def compare_split(exp: Split, act: Split, drop: frozenset[str] = frozenset()) -> None:
    """Assert equal messages and per-process lines (calls named in ``drop`` left out:
    their count depends on timing, e.g. futex)."""
    __tracebackhide__ = True
    problems = check_pairs(act)
    if exp.messages != act.messages:
        problems.append(f"messages: strace {sorted(exp.messages.elements())}, "
                        f"pstrace {sorted(act.messages.elements())}")
    if sorted(exp.procs) != sorted(act.procs):
        problems.append(f"pids: strace {sorted(exp.procs)}, pstrace {sorted(act.procs)}")
    for pid in sorted(set(exp.procs) & set(act.procs)):
        a = _filter(exp.procs[pid], drop)
        b = _filter(act.procs[pid], drop)
        if a != b:
            problems.append(harness._diff(f"pid {pid}", "\n".join(a) + "\n",
                                          "\n".join(b) + "\n"))
    if problems:
        raise AssertionError("strace and pstrace differ\n" + "\n".join(problems))


def first_envp(split: Split, pid: int) -> None:
    lines = split.procs.get(pid)
    if lines:
        lines[0] = _ENVP.sub(r"\g<1>ENVP\g<2>", lines[0])


def run_both(args: list[str], cmd: list[str], first_pid: int = 5, **kw) -> tuple[Result, Result]:
    exp = harness.run_strace(args, cmd, **kw)
    act = harness.run_pstrace(args, cmd, **kw)
    for r in (exp, act):
        assert not r.timed_out, f"{r.tracer} timed out"
    return exp, act


def trace_of(r: Result, first_pid: int = 5) -> Split:
    """The split trace of a run: stderr, the -o file (with "N " prefixes) or the -ff
    files (one per pid)."""
    if r.out_files:
        res = Split()
        _, res.messages = split_messages(tool_name(normalise(r.stderr, ())))
        for suffix, data in r.out_files.items():
            pid = int(suffix.lstrip("."))
            one = split_trace(normalise(data, VOLATILE_VERBOSE), pid, fixed_pid=pid)
            res.procs.update(one.procs)
            res.raw.update(one.raw)
        first_envp(res, first_pid)
        return res
    if r.out is not None:
        res = split_trace(normalise(r.out, VOLATILE_VERBOSE), first_pid, file_prefix=True)
        _, res.messages = split_messages(tool_name(normalise(r.stderr, ())))
    else:
        res = split_trace(normalise(r.stderr, VOLATILE_VERBOSE), first_pid)
    first_envp(res, first_pid)
    return res


def differential_split(args: list[str], cmd: list[str], drop: Iterable[str] = (),
                       **kw) -> tuple[Result, Result, Split, Split]:
    __tracebackhide__ = True
    exp, act = run_both(args, cmd, **kw)
    se, sa = trace_of(exp), trace_of(act)
    compare_split(se, sa, frozenset(drop))
    assert exp.stdout == act.stdout
    assert exp.returncode == act.returncode, (exp.returncode, act.returncode)
    assert set(exp.out_files) == set(act.out_files)
    return exp, act, se, sa


# --- the tests ------------------------------------------------------------------------

OUTPUTS = {"stderr": [], "-o": ["-o", "{out}"]}


@pytest.mark.parametrize("out", OUTPUTS)
def test_fork_exec(out: str, tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / "proc_tree_forkexec.c")
    _, act, se, sa = differential_split(["-f", *OUTPUTS[out]], [str(exe)], cwd=tmp_path)
    assert sorted(sa.procs) == [5, 6]
    # strace's default with -o FILE PROG is -q: no attach messages
    expected = Counter() if out == "-o" else Counter({"pstrace: Process 6 attached": 1})
    assert sa.messages == expected
    assert any(ln.startswith('execve("/bin/echo", ["/bin/echo", "hello", "world"], '
                             '0x') and "/* 2 vars */" in ln for ln in sa.procs[6])
    assert act.stdout == b"hello world\n"


def test_fork_exec_verbose_env(tmp_path: Path) -> None:
    """-v shows the child's new environment {"ONE=1", "TWO=2"}."""
    exe = harness.build(SYSCALLS / "proc_tree_forkexec.c")
    _, _, _, sa = differential_split(["-f", "-v", "-o", "{out}"], [str(exe)], cwd=tmp_path)
    assert any('["ONE=1", "TWO=2"]) = 0' in ln for ln in sa.procs[6])


@pytest.mark.parametrize("out", OUTPUTS)
def test_nested_tree_with_vfork(out: str, tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / "proc_tree_nested.c")
    _, act, _, sa = differential_split(["-f", *OUTPUTS[out]], [str(exe)], cwd=tmp_path)
    assert sorted(sa.procs) == [5, 6, 7, 8, 9]
    assert act.returncode == 0
    assert sa.procs[8][-1] == "+++ exited with 11 +++"


def test_output_separately(tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / "proc_tree_nested.c")
    exp, act, _, sa = differential_split(["-ff", "-o", "{out}"], [str(exe)], cwd=tmp_path)
    assert sorted(act.out_files) == [".5", ".6", ".7", ".8", ".9"]
    assert act.out is None
    for data in act.out_files.values():   # no pid prefixes at all
        assert not any(_FILE_PID.match(ln) for ln in data.decode().splitlines())


def test_threads(tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / "thread_write.c")
    # futex: whether a thread waits depends on timing
    _, act, _, sa = differential_split(["-f", "-o", "{out}"], [str(exe)], cwd=tmp_path,
                                       drop=("futex",))
    assert sorted(sa.procs) == [5, 6, 7, 8, 9]
    assert act.stdout.count(b"line") == 12


@pytest.mark.parametrize("script", ["/bin/true; /bin/echo two", "/bin/echo one && exit 3"])
def test_shell_commands(script: str, tmp_path: Path) -> None:
    """dash vforks for each command but the last, which it execs.  Whether the child's
    SIGCHLD lands before or inside the parent's wait4 is a race of the two processes
    (under strace too), so the SIGCHLD line and rt_sigreturn (which returns whatever
    the interrupted call had) are left out; everything else is compared exactly."""
    differential_split(["-f", "-e", "trace=!rt_sigreturn", "-e", "signal=!SIGCHLD"],
                       ["/bin/sh", "-c", script], cwd=tmp_path)


def test_thread_execve(tmp_path: Path) -> None:
    """execve by a non-leader thread: "+++ superseded by execve in pid N +++" and the
    thread's "<... execve resumed>" under the leader's pid."""
    exe = harness.build(SYSCALLS / "thread_exec.c")
    exp, act, _, _ = differential_split(["-f"], [str(exe)], cwd=tmp_path)
    assert "+++ superseded by execve in pid 6 +++\n" in act.stderr.decode()
    exp, act, _, _ = differential_split(["-f", "-o", "{out}"], [str(exe)], cwd=tmp_path)
    assert "5     +++ superseded by execve in pid 6 +++\n" in act.out.decode()


@pytest.mark.parametrize("quiet", [["-qqq"], ["--quiet=thread-execve"],
                                   ["-e", "quiet=!thread-execve"]])
def test_thread_execve_quiet(quiet: list[str], tmp_path: Path) -> None:
    """-qqq and quiet=thread-execve leave out "+++ superseded by execve in pid N +++"."""
    exe = harness.build(SYSCALLS / "thread_exec.c")
    exp, act, _, _ = differential_split(["-f", *quiet], [str(exe)], cwd=tmp_path)
    assert ("superseded by execve" in act.stderr.decode()) == ("!" in quiet[-1])


@pytest.mark.parametrize("out", OUTPUTS)
def test_signals_between_tracees(out: str, tmp_path: Path) -> None:
    """SIGUSR1 reaches a handler unchanged, a child killed by SIGTERM while the others go
    on, a child stopped by SIGSTOP (it must really stay stopped: the program checks a
    counter) and continued by SIGCONT."""
    exe = harness.build(SYSCALLS / "proc_tree_signals.c")
    _, act, _, sa = differential_split(["-f", *OUTPUTS[out]], [str(exe)], cwd=tmp_path)
    assert act.stdout == (b"usr1\nstayed stopped\nran again\nall as without a tracer\n")
    assert act.returncode == 0
    assert sa.procs[7][-2:] == ["--- SIGTERM {si_signo=SIGTERM, si_code=SI_TKILL, si_pid=7, "
                                "si_uid=0} ---", "+++ killed by SIGTERM +++"]
    assert "--- stopped by SIGSTOP ---" in sa.procs[8]


@pytest.mark.parametrize("out", OUTPUTS)
def test_exit_group_with_threads(out: str, tmp_path: Path) -> None:
    """exit_group's line is whole at entry; the sleeping thread's pause ends "= ?"."""
    exe = harness.build(SYSCALLS / "thread_exit_group.c")
    args = ["-f", "-e", "trace=exit_group,pause", *([] if out == "stderr" else ["-o", "{out}"])]
    exp, act, _, _ = differential_split(args, [str(exe)], cwd=tmp_path)
    text = (act.stderr if out == "stderr" else act.out).decode()
    assert "exit_group(5) " in text and "exit_group(5 <unfinished" not in text


@pytest.mark.parametrize("out", OUTPUTS)
def test_thread_execve_after_the_leader_exited(out: str, tmp_path: Path) -> None:
    """The execing thread's own line is open when it takes the leader's pid: strace
    ends it with " <pid changed to N ...>" (strace's threads-execve test)."""
    exe = harness.build(SYSCALLS / "thread_exec_after_leader.c")
    args = ["-f", "-e", "trace=execve,exit", *OUTPUTS[out]]
    exp, act = run_both(args, [str(exe)], cwd=tmp_path)
    def no_attach(text: str) -> str:   # where the message lands races, in strace too
        return re.sub(r"strace: Process \d+ attached\n", "", text)
    harness.compare(exp, act, (*harness.DEFAULT_NORMALISERS, no_attach))
    assert b" <pid changed to 5 ...>\n" in act.trace
