"""The value grammar of pstrace.logs (logs/values.py): strace's argument syntax into
typed values, and the prefixes and line forms of parse/prefix.py and parse/lines.py."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pstrace import End, Exit, Signal, Syscall, Unparsed, parse
from pstrace.logs.prefix import read_prefix
from pstrace.logs.values import parse_value
from pstrace.values import (
    ELIDED,
    Addr,
    Array,
    Changed,
    Comment,
    Const,
    Fd,
    FdTarget,
    Flags,
    Func,
    Int,
    Mode,
    Multiple,
    Named,
    SigSet,
    Str,
    Struct,
    WaitStatus,
)


@pytest.mark.parametrize(("text", "value"), [
    ("42", Int(42)),
    ("-1", Int(-1)),
    ("0x1f", Int(31, "x")),
    ("0644", Int(0o644, "o")),
    ("000", Mode(0)),
    ("NULL", Addr(0)),
    ("O_RDONLY", Const("O_RDONLY")),
    ("O_RDWR|O_CREAT|0x100000", Flags(("O_RDWR", "O_CREAT"), 0x100000, "x")),
    ('"a\\n\\t\\"\\\\\\0\\377"', Str(b'a\n\t"\\\x00\xff')),
    ('"abc"...', Str(b"abc", more=True)),
    ('"\\x61\\x62"', Str(b"ab", hex=True)),
    ("[1, 2, ...]", Array((Int(1), Int(2)), elided=True)),
    ("[]", Array(())),
    ("[HUP INT]", SigSet(("HUP", "INT"))),
    ("~[KILL STOP]", SigSet(("KILL", "STOP"), negated=True)),
    ("{st_mode=S_IFREG|0644, ...}",
     Struct((("st_mode", Flags(("S_IFREG",), 0o644, "o")),), elided=True)),
    ("{tv_sec=1, tv_nsec=0} => {tv_sec=0, tv_nsec=5}",
     Changed(Struct((("tv_sec", Int(1)), ("tv_nsec", Int(0)))),
             Struct((("tv_sec", Int(0)), ("tv_nsec", Int(5)))))),
    ("0x7ffc /* 4 vars */", Comment(Int(0x7FFC, "x"), "4 vars")),
    ("/* bytes 0..3 */ 7", Comment(Int(7), "bytes 0..3", before=True)),
    ("3</dev/null>", Fd(3, FdTarget("file", "/dev/null"))),
    ("3</tmp/x>(deleted)", Fd(3, FdTarget("file", "/tmp/x", deleted=True))),
    ("AT_FDCWD</>", Fd(-100, FdTarget("file", "/"))),
    ("makedev(0x1, 0x3)", Func("makedev", (Int(1, "x"), Int(3, "x")))),
    ("8192*1024", Multiple(8192 * 1024, 1024)),
    ("child_tidptr=NULL", Named("child_tidptr", Addr(0))),
    ("...", ELIDED),
    ("[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", WaitStatus("exited", code=3)),
    ("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}]",
     WaitStatus("signaled", signal="SIGKILL", core=True)),
])
def test_values(text: str, value: object) -> None:
    assert parse_value(text) == value


@pytest.mark.parametrize("text", ['"abc', "[1, 2", "{a=1", "0x", "|A", "3</x", "/* x"])
def test_bad_values(text: str) -> None:
    with pytest.raises(ValueError):
        parse_value(text)


@pytest.mark.parametrize(("line", "pid", "end"), [
    ("[pid  42] read(", 42, 10),
    ("42    read(", 42, 6),
    ("10:11:12.123456 read(", None, 16),
    ("     0.000123 read(", None, 14),
    ("[00007ffff7fe9c47] read(", None, 19),
    ("[  12] read(", None, 7),
    ("read(", None, 0),
])
def test_prefixes(line: str, pid: int | None, end: int) -> None:
    p = read_prefix(line)
    assert (p.pid, p.end) == (pid, end)


def test_epoch_time_and_duration() -> None:
    (ev,) = parse([f"{'1700000000.000001 close(3)':<40}= 0 <0.000250>"])
    assert isinstance(ev, Syscall)
    assert ev.t_entry == 1_700_000_000_000_001_000
    assert ev.t_exit - ev.t_entry == 250_000


def test_error_return_and_notes() -> None:
    call = 'open("/x", O_RDONLY)'
    (ev,) = parse([f"{call:<40}= -1 ENOENT (No such file or directory) (INJECTED) (DELAYED)"])
    assert isinstance(ev, Syscall)
    assert (ev.errno, ev.error, ev.injected, ev.delayed) == (2, "ENOENT", True, True)


def test_unfinished_resumed_merge() -> None:
    events = list(parse([
        "[pid 7] read(0,  <unfinished ...>",
        "[pid 8] close(3)                        = 0",
        '[pid 7] <... read resumed>"ab", 2)      = 2',
    ]))
    assert [type(e) for e in events] == [Syscall, Syscall]
    # the line a live -f trace prints for the call when nothing cuts it
    assert (events[1].pid, str(events[1])) == (7, '[pid 7] read(0, "ab", 2)                = 2')
    assert str(replace(events[1], form=None)) == 'read(0, "ab", 2)                        = 2'


def test_exits_signals_and_rubbish() -> None:
    events = list(parse(["+++ exited with 3 +++", "+++ killed by SIGKILL +++",
                         "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED} ---",
                         "exit_group(0)                           = ?",
                         "what is this", "read(0, "]))
    assert events[0] == Exit(0, code=3)
    assert events[1] == Exit(0, signo=9, name="SIGKILL")
    assert isinstance(events[2], Signal) and events[2].signo == 17
    assert isinstance(events[3], Syscall) and events[3].end is End.VANISHED
    assert events[4] == Unparsed(0, "what is this")
    assert events[5] == Unparsed(0, "read(0, ")
    assert [str(e) for e in events[4:]] == ["what is this", "read(0, "]
