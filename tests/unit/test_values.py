"""Values: what each new value type prints in strace's three -X styles (the forms strace
6.1 prints for them), and how the plain ones compare to plain Python data."""
from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from pstrace import values as V
from pstrace.decoders.fdinfo import link_target
from pstrace.render.text import TextRenderer, fd_decorated

ABBREV, RAW, VERBOSE = (TextRenderer(style=s) for s in ("abbrev", "raw", "verbose"))


@pytest.mark.parametrize(("value", "abbrev", "raw", "verbose"), [
    (V.Mode(0o644), "0644", "0644", "0644"),
    (V.Mode(0), "000", "000", "000"),
    (V.Mode(0o100755, ("S_IFREG",), 0o755, symbolic=True), "S_IFREG|0755", "0100755",
     "0100755 /* S_IFREG|0755 */"),
    (V.Multiple(8388608, 1024), "8192*1024", "8388608", "8388608 /* 8192*1024 */"),
    (V.Set((V.Int(0), V.Int(1), V.Int(64))), "[0 1 64]", "[0 1 64]", "[0 1 64]"),
    (V.Or((V.Const("SOCK_STREAM", 1), V.Flags(("SOCK_CLOEXEC",), value=0x80000))),
     "SOCK_STREAM|SOCK_CLOEXEC", "0x1|0x80000",
     "0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */"),
    (V.Or(()), "0", "0", "0"),
    (V.Named("child_stack", V.Addr(0)), "child_stack=NULL", "child_stack=NULL",
     "child_stack=NULL"),
    (V.Indexed("VINTR", V.Int(3, "x")), "[VINTR]=0x3", "[VINTR]=0x3", "[VINTR]=0x3"),
    (V.Indexed(17, V.Int(0, "x")), "[17]=0", "[17]=0", "[17]=0"),
    (V.Shifted(V.Const("FUTEX_OP_ADD", 1), 28), "FUTEX_OP_ADD<<28", "0x1<<28",
     "0x1 /* FUTEX_OP_ADD */<<28"),
    (V.Offset(V.Const("SKF_AD_OFF", 0xfffff000), V.Int(4)), "SKF_AD_OFF+4",
     "0xfffff000+4", "0xfffff000 /* SKF_AD_OFF */+4"),
    (V.Labeled("left", V.Int(3)), "left 3", "left 3", "left 3"),
    (V.Parts((V.Labeled("in", V.Set((V.Int(3),))), V.Labeled("out", V.Set(())))),
     "in [3], out []", "in [3], out []", "in [3], out []"),
    (V.Ref("sin6_addr"), "&sin6_addr", "&sin6_addr", "&sin6_addr"),
    (V.AbstractPath(b"sock"), '@"sock"', '@"sock"', '@"sock"'),
    (V.WaitStatus("exited", code=3), "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", None, None),
    (V.WaitStatus("signaled", signal="SIGKILL", core=True),
     "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}]", None, None),
    (V.WaitStatus("stopped", signal="SIGTRAP", syscall_stop=True),
     "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}]", None, None),
    (V.WaitStatus("stopped", signal="SIGTRAP", event=V.Const("PTRACE_EVENT_EXEC", 4)),
     "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_EXEC<<16]",
     "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|0x4<<16]",
     "[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|0x4 /* PTRACE_EVENT_EXEC */<<16]"),
    (V.WaitStatus("unknown", code=0x1ffff), "[0x1ffff]", None, None),
    (V.WaitStatus("continued"), "[{WIFCONTINUED(s)}]", None, None),
    (V.Resuming("nanosleep"), "<... resuming interrupted nanosleep ...>", None, None),
    (V.Errno(4294967258, 38), "4294967258 ENOSYS (Function not implemented)", None, None),
    (V.Str(b"\x01a", hex=True), '"\\x01\\x61"', '"\\x01\\x61"', '"\\x01\\x61"'),
    (V.Int(0x1234, "x8"), "0x001234", "0x001234", "0x001234"),
    (V.Int(0, "x8"), "00000000", "00000000", "00000000"),
    (V.Int(0, "x2"), "00", "00", "00"),
    (V.Comment(V.Int(8, "x"), "BPF_???", keep=True), "0x8 /* BPF_??? */",
     "0x8 /* BPF_??? */", "0x8 /* BPF_??? */"),
    (V.Comment(V.Int(6, "x"), "FD_???"), "0x6 /* FD_??? */", "0x6", "0x6 /* FD_??? */"),
    (V.Comment(V.Str(b"\0", hex=True), V.ByteRange(24, 31), before=True),
     '/* bytes 24..31 */ "\\x00"', None, None),
    (V.Comment(None, V.ByteRange(24, 4095)), "/* bytes 24..4095 */", None, None),
    (V.Array((V.Str(b"a"), V.Unreadable(0x7ffe0000))), '["a", ... /* 0x7ffe0000 */]',
     None, None),
    (V.Comment(V.Addr(0x7ffd1000), V.Count(35, "var", "vars")), "0x7ffd1000 /* 35 vars */",
     None, None),
    (V.Comment(V.Addr(0x7ffd1000), V.Count(1, "var", "vars")), "0x7ffd1000 /* 1 var */",
     None, None),
    (V.Comment(V.Addr(0x7ffd1000), V.Parts((V.Count(2, "var", "vars"),
                                             V.Note("unterminated")))),
     "0x7ffd1000 /* 2 vars, unterminated */", None, None),
    (V.Comment(V.Addr(0x5000), V.Count(5, "entries", "entries")), "0x5000 /* 5 entries */",
     None, None),
    (V.Comment(V.Int(80), V.Sizeof(2, "struct ifreq")), "80 /* 2 * sizeof(struct ifreq) */",
     None, None),
    (V.Ticks(64, 100), "64 /* 0.64 s */", "64", None),
    (V.Ticks(0, 100), "0", "0", "0"),
    (V.Ticks(12345, 100), "12345 /* 123.45 s */", "12345", None),
    (V.Sym(V.Str(b"\0\x11\x22\x33\x44\x55", hex=True), V.HwAddr(b"\0\x11\x22\x33\x44\x55")),
     "00:11:22:33:44:55", '"\\x00\\x11\\x22\\x33\\x44\\x55"',
     '"\\x00\\x11\\x22\\x33\\x44\\x55" /* 00:11:22:33:44:55 */'),
    (V.Ambiguous(("SNDCTL_TMR_START", "TCSETS"), 0x5402), "SNDCTL_TMR_START or TCSETS",
     "0x5402", "0x5402 /* SNDCTL_TMR_START or TCSETS */"),
    (V.Flags(("FUTEX_WAIT_PRIVATE", "FUTEX_CLOCK_REALTIME"), value=0x180),
     "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME", "0x180",
     "0x180 /* FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME */"),
    (V.Sym(None, V.Const("AT_STATX_SYNC_AS_STAT", 0), verbose=V.Const("AT_STATX_SYNC_AS_STAT", 0)),
     "AT_STATX_SYNC_AS_STAT", "", "0 /* AT_STATX_SYNC_AS_STAT */"),
])
def test_rendering(value: V.Value, abbrev: str, raw: str | None, verbose: str | None) -> None:
    assert ABBREV.value(value) == abbrev
    assert RAW.value(value) == (abbrev if raw is None else raw)
    assert VERBOSE.value(value) == (abbrev if verbose is None else verbose)


_TCP = dict(inode=7, protocol="TCP")


@pytest.mark.parametrize(("target", "text"), [
    (V.FdTarget("file", "/etc/passwd"), "3</etc/passwd>"),
    (V.FdTarget("file", "/tmp/x", deleted=True), "3</tmp/x>(deleted)"),
    (V.FdTarget("pipe", "pipe:[5]", inode=5), "3<pipe:[5]>"),
    (V.FdTarget("anon", "anon_inode:[eventpoll]"), "3<anon_inode:[eventpoll]>"),
    (V.FdTarget("socket", "socket:[7]", inode=7), "3<socket:[7]>"),
    (V.FdTarget("socket", "socket:[7]", local=V.Endpoint("127.0.0.1", 40000),
                peer=V.Endpoint("127.0.0.1", 80), **_TCP),
     "3<TCP:[127.0.0.1:40000->127.0.0.1:80]>"),
    (V.FdTarget("socket", "socket:[7]", local=V.Endpoint("127.0.0.1", 80), **_TCP),
     "3<TCP:[127.0.0.1:80]>"),
    (V.FdTarget("socket", "socket:[7]", inode=7, protocol="TCPv6",
                local=V.Endpoint("::1", 80)), "3<TCPv6:[[::1]:80]>"),
    (V.FdTarget("socket", "socket:[7]", inode=7, protocol="UNIX-STREAM", peer_inode=8,
                bound=V.Path(b"/run/s")), '3<UNIX-STREAM:[7->8,"/run/s"]>'),
    (V.FdTarget("socket", "socket:[7]", inode=7, protocol="UNIX-STREAM",
                bound=V.AbstractPath(b"x")), '3<UNIX-STREAM:[7,@"x"]>'),
    (V.FdTarget("socket", "socket:[7]", inode=7, protocol="UNIX-DGRAM"), "3<UNIX-DGRAM:[7]>"),
    (V.FdTarget("socket", "socket:[7]", inode=7, protocol="NETLINK"), "3<NETLINK:[7]>"),
    (V.FdTarget("device", "/dev/null", device=V.Device("char", 1, 3)),
     "3</dev/null<char 1:3>>"),
    (V.FdTarget("pidfd", "anon_inode:[pidfd]", pid=42), "3<pid:42>"),
])
def test_fd_targets(target: V.FdTarget, text: str) -> None:
    assert fd_decorated("3", target) == text
    assert ABBREV.value(V.Fd(3, target)) == text


def test_plain_values_compare_to_plain_data() -> None:
    assert V.Int(3) == 3 and V.Int(3, "x") == 3 and V.Int(3) != 4
    assert 3 in {V.Int(3)} and int(V.Int(7)) == 7 and [0, 1][V.Int(1)] == 1
    assert V.Fd(3, V.FdTarget("file", "/x")) == 3 and V.Fd(3).path is None
    assert V.Fd(3, V.FdTarget("file", "/x")).path == "/x"
    assert V.Addr(0x1000) == 0x1000
    assert V.Const("AT_FDCWD", -100, "d") == "AT_FDCWD" == V.Const("AT_FDCWD", -100, "d")
    assert V.Const("AT_FDCWD", -100, "d") == -100 and str(V.Const("SEEK_SET", 0)) == "SEEK_SET"
    p = V.Path(b"/etc/hostname")
    assert p == b"/etc/hostname" and p == "/etc/hostname" and str(p) == "/etc/hostname"
    assert os.fspath(p) == b"/etc/hostname" and p != "/etc"
    assert V.Str(b"abc") == "abc" and bytes(V.Str(b"abc")) == b"abc"
    f = V.Flags(("O_WRONLY", "O_CREAT"), value=0o101)
    assert f == {"O_CREAT", "O_WRONLY"} and "O_CREAT" in f and list(f) == ["O_WRONLY", "O_CREAT"]
    assert V.Flags(("O_CREAT",), rest=0x8) != {"O_CREAT"}   # unnamed bits: not just names
    assert V.Int(3) != V.Fd(3) and V.Path(b"x") != V.Str(b"x")


@pytest.mark.parametrize(("link", "target"), [
    ("/etc/passwd", V.FdTarget("file", "/etc/passwd")),
    ("/tmp/x (deleted)", V.FdTarget("file", "/tmp/x", deleted=True)),
    ("pipe:[123]", V.FdTarget("pipe", "pipe:[123]", inode=123)),
    ("socket:[456]", V.FdTarget("socket", "socket:[456]", inode=456)),
    ("anon_inode:[eventpoll]", V.FdTarget("anon", "anon_inode:[eventpoll]")),
    ("anon_inode:inotify", V.FdTarget("anon", "anon_inode:inotify")),
    ("net:[4026531840]", V.FdTarget("other", "net:[4026531840]")),
])
def test_link_targets(link: str, target: V.FdTarget) -> None:
    assert link_target(link) == target


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("utc")
@pytest.mark.parametrize(("value", "text"), [
    (V.LocalTime(1700000000), "2023-11-14T22:13:20+0000"),
    (V.LocalTime(1700000000, 123456789), "2023-11-14T22:13:20.123456789+0000"),
    (V.Comment(V.Int(1700000000), V.LocalTime(1700000000)),
     "1700000000 /* 2023-11-14T22:13:20+0000 */"),
])
def test_local_time(value: V.Value, text: str) -> None:
    for r in (ABBREV, RAW, VERBOSE):
        assert r.value(value) == text


def test_ambiguous_compares_to_each_name() -> None:
    v = V.Ambiguous(("SNDCTL_TMR_START", "TCSETS"), 0x5402)
    assert v == "TCSETS" and v == "SNDCTL_TMR_START" and v == 0x5402 and v != "TCGETS"
