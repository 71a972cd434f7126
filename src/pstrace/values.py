"""Decoded values: the tree a decoder builds for one syscall argument.

Decoders build these; renderers (render/text.py, render/jsonl.py) turn them into text.
Nothing here formats or prints.  strace counterpart: the print_* helpers' *inputs*.
"""
from __future__ import annotations

from dataclasses import dataclass


class Value:
    """Base class of every decoded value."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Int(Value):
    """An integer.  fmt: "d" signed decimal, "u" unsigned decimal,
    "x" hex as C's %#x (0 stays "0"), "o" octal as %#o (0 stays "0", 0644 → "0644")."""

    value: int
    fmt: str = "d"


@dataclass(frozen=True, slots=True)
class Const(Value):
    """A value printed by its symbolic name (AT_FDCWD, SEEK_SET, RLIMIT_STACK).

    With the number known, -X raw prints `value` as `fmt` ("x" %#x, "d", "u", "o")
    and -X verbose prints "value /* name */" (strace's xlat styles)."""

    name: str
    value: int | None = None
    fmt: str = "x"


@dataclass(frozen=True, slots=True)
class Flags(Value):
    """Names ORed with "|", then the bits no name matched.

    rest is printed in rest_fmt ("x" → 0x10, "o" → 0644, "d" → 17) after the names;
    with no names and no rest the value prints as "0" (or `zero` when given).
    """

    names: tuple[str, ...]
    rest: int = 0
    rest_fmt: str = "x"
    zero: str = "0"
    value: int | None = None   # the whole number, for -X raw / -X verbose (rest_fmt)


@dataclass(frozen=True, slots=True)
class Str(Value):
    """Bytes printed as a quoted C string.  The decoder already cut the bytes at -s;
    `more` appends strace's "..." after the closing quote.  `nul` marks a string read
    up to a NUL (strace's QUOTE_0_TERMINATED: -x tests exclude the terminator)."""

    data: bytes
    more: bool = False


@dataclass(frozen=True, slots=True)
class Path(Value):
    """A pathname: quoted like Str, never cut at -s (strace prints paths whole)."""

    data: bytes
    more: bool = False


@dataclass(frozen=True, slots=True)
class Fd(Value):
    """A file descriptor; `path` is the -y decoration ("/etc/passwd", "pipe:[123]")."""

    num: int
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Addr(Value):
    """A tracee address: NULL for 0, else %#lx."""

    value: int


@dataclass(frozen=True, slots=True)
class Struct(Value):
    """{name=value, ...}.  A field named None prints its value alone.
    elided appends strace's ", ..." (abbreviated without -v)."""

    fields: tuple[tuple[str | None, Value], ...]
    elided: bool = False


@dataclass(frozen=True, slots=True)
class Array(Value):
    """[a, b, ...]; elided appends "..." (strace's -s/abbrev cut of arrays).
    budget (strace's fixed-size buffers, e.g. poll's revents comment): an item is
    printed only while the text so far (with its ", ") plus the item stays shorter
    than budget characters, else "..." ends the array."""

    items: tuple[Value, ...]
    elided: bool = False
    budget: int | None = None


@dataclass(frozen=True, slots=True)
class SigSet(Value):
    """A signal set as strace prints it: [INT TERM] or ~[RTMIN RT_1] when negated."""

    names: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Changed(Value):
    """strace's "before => after" for in/out arguments."""

    before: Value
    after: Value


@dataclass(frozen=True, slots=True)
class Func(Value):
    """A function-like form: makedev(0x88, 0x1), FUTEX_OP(...)."""

    name: str
    args: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Comment(Value):
    """value /* text */ (strace's inline comments: "/* 35 vars */")."""

    value: Value | None
    text: str


@dataclass(frozen=True, slots=True)
class Text(Value):
    """A preformatted atom with no structure worth keeping ("8192*1024")."""

    text: str


@dataclass(frozen=True, slots=True)
class Seq(Value):
    """Values printed one after another with a separator, no brackets
    (e.g. strace's "0x7ffc... /* 35 vars */" needs none, but "a|b<<8" forms do)."""

    items: tuple[Value, ...]
    sep: str = ""


@dataclass(frozen=True, slots=True)
class Sym(Value):
    """One value with a symbolic and a numeric form (strace's -X styles): -X abbrev
    (the default) prints `sym`, -X raw `raw`, -X verbose "raw /* sym */"
    (e.g. rlim_cur=8192*1024 / 8388608 / 8388608 /* 8192*1024 */).  `note`, when
    given, is the comment of -X verbose instead of `sym` (sockaddr's sin6_addr: abbrev
    `inet_pton(AF_INET6, "::1", &sin6_addr)`, verbose `sin6_addr="..." /* inet_pton(AF_INET6, "::1") */`)."""

    raw: Value
    sym: Value
    note: Value | None = None
    verbose: Value | None = None   # what -X verbose prints instead, in that style, for
    # forms strace does not write as "raw /* sym */" (FUTEX_OP()'s "0x1 /* FUTEX_OP_ADD */<<28")


@dataclass(frozen=True, slots=True)
class Styled(Value):
    """A return comment printed in the -X style.  strace prints most return comments
    by name whatever -X says ("(flags O_RDWR|O_LARGEFILE)"); a few follow it
    (fcntl F_GETFD's "(flags 0x1 /* FD_CLOEXEC */)", personality's)."""

    value: Value


class _Elided(Value):
    """strace's bare "..." (an argument or element left out)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ELIDED"


ELIDED = _Elided()
NULL = Addr(0)
