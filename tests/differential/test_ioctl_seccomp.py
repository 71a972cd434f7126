"""Differential test of the seccomp user-notification ioctls (decoders/ioctl_seccomp.py)
against strace 6.1 (strace's ioctl_seccomp* tests found them printed generically): a real
listener receiving a forked child's notification, checking its id, adding descriptors to
the child and answering it, and every request with NULL and page-cut pointers, a
non-zeroed struct, unknown flags, stale ids, on descriptors that are no listener; in each
xlat style, with -v, -y, -s 4 (the arguments array cut), outside -e verbose=, and with a
success injected into a call that would fail (the struct printed before and after);
under -f, the child's waiting getppid too.

The notification id is random (kernel/seccomp.c) and the child's pid belongs to the run:
both are replaced by words, found in each trace on its own."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from differential.test_follow import compare_split, run_both, trace_of
from harness import DEFAULT_ENV, DEFAULT_NORMALISERS, build, differential, normalise

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
# the notification the child's getppid sent, as SECCOMP_IOCTL_NOTIF_RECV printed it
_RECEIVED = re.compile(r"\{id=(0x[0-9a-f]+), pid=(\d+), flags=0, data=\{nr=")


def _notification(text: str) -> str:
    """The received id (and that id + 1) as ID and ID+1; the child's pid as PID where the
    notification and the fork (clone's result) show it."""
    m = _RECEIVED.search(text)
    if m is None:
        return text
    notif_id, pid = int(m.group(1), 16), m.group(2)
    for value, word in ((notif_id, "ID"), (notif_id + 1, "ID+1")):
        text = re.sub(rf"\b{value:#x}\b", word, text)
    text = re.sub(rf"(\bpid=){pid}\b", r"\1PID", text)
    return re.sub(rf"^(clone\(.*\) = ){pid}$", r"\1PID", text, flags=re.M)


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-y"],
                                  ["-s", "4"], ["-e", "verbose=none"],
                                  ["-e", "inject=ioctl:retval=0:when=1"]])
def test_ioctl_seccomp(opts: list[str]) -> None:
    exe = build(SYSCALLS / "ioctl_seccomp.c")
    normalisers = (*DEFAULT_NORMALISERS, _notification)
    args = [*opts, "-e", "trace=ioctl,clone", "-o", "{out}"]   # warnings apart
    want, _ = differential(args, [str(exe)], normalisers=normalisers)
    trace = normalise(want.out or b"", normalisers)
    if "verbose=none" not in opts:   # the child's notification was received and answered
        assert re.search(r"\{id=ID, pid=PID, flags=0, data=\{nr=", trace)
        assert re.search(r"^clone\(.*\) = PID$", trace, re.M)
        assert re.search(r"\{id=ID, val=42, error=0, flags=0\}\) = 0$", trace, re.M)
    if not opts:
        assert "{id=ID, flags=SECCOMP_ADDFD_FLAG_SETFD, srcfd=3, newfd=100, " \
               "newfd_flags=O_CLOEXEC}) = 100" in trace


def test_ioctl_seccomp_follow() -> None:
    """-f: the child's getppid waits for the parent's answer, the parent's RECV for the
    child's call; the calls interleave as they happen to, so each process's lines are
    compared, unfinished halves joined to their resumed ones."""
    exe = build(SYSCALLS / "ioctl_seccomp.c")
    # with pstrace's default seccomp filter (-f and a trace set): the child's own
    # SECCOMP_RET_USER_NOTIF filter comes before ours, so the child is stepped through
    # every call from its seccomp() on, and its getppid is still seen
    exp, act = run_both(["-f", "-e", "trace=ioctl,getppid", "-o", "{out}"], [str(exe)],
                        env=DEFAULT_ENV)
    want, got = trace_of(exp), trace_of(act)
    for split in (want, got):
        for pid, lines in split.procs.items():
            split.procs[pid] = _notification("\n".join(lines)).split("\n")
    compare_split(want, got)
    assert any(ln.startswith("getppid() ") and ln.endswith(" = 42")
               for lines in want.procs.values() for ln in lines)
