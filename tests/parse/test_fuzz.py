"""pstrace.parse() on truncated and corrupted strace logs (hypothesis): never an
exception; a line either comes back as an event that prints it again or as an
Unparsed event that gives it back."""
from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parse_logs import strace_logs

from pstrace import Event, Syscall, Unparsed, parse

CHARS = st.sampled_from(list('(){}[]<>",=|/*\\ .-0123456789xabcABC?+~') + ["\n", "é"])


@lru_cache(maxsize=1)
def sample() -> str:
    """strace 6.1's log of a program with strings, structs, signals and errors."""
    return strace_logs("sig_basic", ["-f", "-T", "-y"])[None] + \
        strace_logs("io_rw", ["-xx"])[None]


def _check(text: str) -> None:
    lines = text.split("\n")
    events = list(parse(lines))
    assert all(isinstance(e, Event) for e in events)
    for e in events:
        if isinstance(e, Unparsed):
            assert str(e) in lines
    if len(events) == len(lines) and not any(isinstance(e, Syscall) and e.form is None
                                             for e in events):
        assert [str(e) for e in events] == lines


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_corrupted_logs(data: st.DataObject) -> None:
    text = sample()
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["cut", "put", "drop", "truncate"]))
        if op == "truncate":
            text = text[:i]
        elif op == "put":
            text = text[:i] + data.draw(CHARS) + text[i + 1:]
        elif op == "drop":
            text = text[:i] + text[i + data.draw(st.integers(1, 20)):]
        else:
            text = text[:i] + "\n" + text[i:]
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(CHARS, max_size=120))
def test_arbitrary_lines(text: str) -> None:
    _check(text)
