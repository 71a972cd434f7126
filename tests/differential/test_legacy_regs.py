"""Without PTRACE_GET_SYSCALL_INFO (a kernel before 5.3, or a seccomp filter that denies
it): pstrace's -d says so as strace 6.1 does, and the trace read from PTRACE_GETREGS
(engine/regs.py) is strace's, under the same filter (tests/helpers/deny_ptrace_request.c,
nested to deny PTRACE_GETREGSET too: pstrace never needs it).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness
from differential.test_follow import compare_split, trace_of
from harness import DEFAULT_NORMALISERS, tool_name

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
HELPERS = SYSCALLS.parent / "helpers"   # programs that run a tracer, never traced
K = harness.REPO / "src" / "pstrace" / "_sys" / "consts_gen.py"


def _request(name: str) -> str:
    """A ptrace request's number, from the generated constants (never typed here)."""
    m = re.search(rf"^{name} = (\d+)$", K.read_text(), re.M)
    assert m is not None
    return m.group(1)


def _deny(*requests: str) -> list[str]:
    """The argv prefix that runs a tracer with these ptrace requests failing (EIO)."""
    deny = str(harness.build(HELPERS / "deny_ptrace_request.c"))
    return [w for r in requests for w in (deny, _request(r))]


def _run(prefix: list[str], args: list[str], cmd: list[str], **kw: object
         ) -> tuple[harness.Result, harness.Result]:
    expected = harness.run_traced([*prefix, *harness.strace_command()], args, cmd,
                                  name="strace", **kw)   # type: ignore[arg-type]
    actual = harness.run_traced([*prefix, *harness.pstrace_command()], args, cmd,
                                name="pstrace", **kw)   # type: ignore[arg-type]
    return expected, actual


def _probe_lines(r: harness.Result) -> list[str]:
    """-d's lines about PTRACE_GET_SYSCALL_INFO, with the tracer's name normalised."""
    return [line for line in tool_name(r.stderr.decode()).splitlines()
            if ": PTRACE_GET_SYSCALL_INFO" in line]


@pytest.mark.parametrize("denied", [(), ("PTRACE_GET_SYSCALL_INFO",)])
def test_debug_lines_say_whether_get_syscall_info_works(denied: tuple[str, ...]) -> None:
    """`-d -e none /` (strace's own check in its tests): first the ptrace options the
    tracer sets, then the probe's verdict, with the request's error when it failed."""
    expected, actual = _run(_deny(*denied), ["-d", "-e", "none"], ["/"])
    want = _probe_lines(expected)
    assert want[-1].endswith("does not work" if denied else "works")
    assert _probe_lines(actual) == want
    first = actual.stderr.decode().splitlines()[0]
    assert re.fullmatch(r"\S+: ptrace_setoptions = 0x[0-9a-f]+", first), first


def test_debug_options_line_names_the_options_set() -> None:
    """The ptrace_setoptions line is what pstrace asks for: TRACESYSGOOD|TRACEEXEC, and
    with -f, or with the default filter (whose inheritors are handed over without -f),
    the fork events, and TRACESECCOMP with the filter."""
    consts = K.read_text()

    def value(*names: str) -> int:
        return sum(int(re.search(rf"^PTRACE_O_{n} = (\d+)$", consts, re.M).group(1))  # type: ignore[union-attr]
                   for n in names)
    basic = ("TRACESYSGOOD", "TRACEEXEC")
    forks = (*basic, "TRACEFORK", "TRACEVFORK", "TRACECLONE")
    for args, names in ((["-e", "trace=all"], basic), (["-f", "-e", "trace=all"], forks),
                        (["-e", "none"], (*forks, "TRACESECCOMP")),
                        (["-f", "-e", "none"], (*forks, "TRACESECCOMP"))):
        r = harness.run_pstrace(["-d", *args], ["/"])
        assert f"ptrace_setoptions = {value(*names):#x}\n" in r.stderr.decode()


PROC_SIG = ("execve,exit_group,wait4,waitid,fork,vfork,clone,clone3,kill,tkill,tgkill,"
            "rt_sigaction,rt_sigprocmask,rt_sigreturn,rt_sigsuspend,rt_sigtimedwait,pause")
_REM = re.compile(r"(\}, \{tv_sec=)\d+, tv_nsec=\d+(\}\) += \? ERESTART)")
# program: its options (a -e trace= set where the full trace depends on timing)
PROGRAMS = {
    "proc_wait": ["-e", "trace=" + PROC_SIG],
    "sig_basic": ["-e", "trace=" + PROC_SIG],
    "sig_fault": ["-i", "-e", "trace=" + PROC_SIG],
    "misc_sleep_interrupted": ["-e", "trace=clock_nanosleep,restart_syscall"],
}
DENIED = {"no-info": ("PTRACE_GET_SYSCALL_INFO",),
          "no-info-no-regset": ("PTRACE_GETREGSET", "PTRACE_GET_SYSCALL_INFO")}


@pytest.mark.parametrize("denied", DENIED)
@pytest.mark.parametrize("prog", PROGRAMS)
def test_trace_without_get_syscall_info(prog: str, denied: str, tmp_path: Path) -> None:
    exe = harness.build(SYSCALLS / f"{prog}.c")
    expected, actual = _run(_deny(*DENIED[denied]), PROGRAMS[prog], [str(exe)], cwd=tmp_path)

    def remaining(text: str) -> str:   # how much of an interrupted sleep was left varies
        return _REM.sub(r"\1N, tv_nsec=N\2", text)
    harness.compare(expected, actual, (*DEFAULT_NORMALISERS, harness.first_exec_ip, remaining))
    assert b" = " in actual.stderr   # the fallback traced calls


@pytest.mark.parametrize("prog", ["proc_tree_forkexec", "thread_exec"])
def test_follow_without_get_syscall_info(prog: str, tmp_path: Path) -> None:
    """-f (pstrace's default seccomp filter: seccomp stops told from syscall stops),
    process by process."""
    exe = harness.build(SYSCALLS / f"{prog}.c")
    expected, actual = _run(_deny(*DENIED["no-info"]), ["-f", "-o", "{out}"], [str(exe)],
                            cwd=tmp_path)
    compare_split(trace_of(expected), trace_of(actual))
    assert expected.returncode == actual.returncode and expected.stdout == actual.stdout
