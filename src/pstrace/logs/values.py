"""strace's argument syntax back into typed values (pstrace.values).

A recursive-descent reader of what strace's printers write: numbers (decimal, 0x hex,
0 octal), names and "A|B|0x10" flags, quoted strings with escapes and "..." truncation,
arrays, signal sets, structs, "/* comments */", "=>" changes, "fd</path>" decorations,
function-like forms ("makedev(0x1, 0x3)"), "NULL" and "...".  Each argument is checked
by rendering it back; an argument the value model cannot reproduce exactly is kept as
a `Verbatim` value: its text.

strace counterpart: the printers of util.c/print_fields.h read in reverse.
"""
from __future__ import annotations

import re

from ..render.text import AT_FDCWD, TextRenderer
from ..values import (
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
    Value,
    Verbatim,
    WaitStatus,
)
from ..xlat import PTRACE_EVENTS

_RENDER = TextRenderer()
_NUM = re.compile(r"-?(?:0x[0-9a-f]+|[0-9]+)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESC = {"n": 10, "t": 9, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
_ALL_HEX = re.compile(r"(?:\\x[0-9a-f]{2})+")   # -xx: every byte as \xHH
_SIGNAME = re.compile(r"[A-Z0-9_]+")


_WAIT = re.compile(
    r"\[\{(?:(?P<cont>WIFCONTINUED\(s\))"
    r"|WIFSTOPPED\(s\) && WSTOPSIG\(s\) == (?P<stop>\w+)(?P<sysgood> \| 0x80)?"
    r"|WIFSIGNALED\(s\) && WTERMSIG\(s\) == (?P<sig>\w+)(?P<core> && WCOREDUMP\(s\))?"
    r"|WIFEXITED\(s\) && WEXITSTATUS\(s\) == (?P<code>\d+))"
    r"\}(?:\|(?:(?P<event>PTRACE_EVENT_\w+)|(?P<number>0x[0-9a-f]+) /\* PTRACE_EVENT_\?\?\? \*/)"
    r"<<16)?\]")


def _wait_status(m: re.Match[str]) -> WaitStatus:
    """wait4's "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]" and its other forms (a status
    no macro explains, "[0x1ffff]", reads as the array of one number it looks like)."""
    event: Value | None = None
    if m.group("event"):
        event = Const(m.group("event"), PTRACE_EVENTS.value(m.group("event")) or 0)
    elif m.group("number"):
        event = Comment(Int(int(m.group("number"), 16), "x"), "PTRACE_EVENT_???")
    if m.group("cont"):
        return WaitStatus("continued", event=event)
    if m.group("stop"):
        return WaitStatus("stopped", signal=m.group("stop"),
                          syscall_stop=bool(m.group("sysgood")), event=event)
    if m.group("sig"):
        return WaitStatus("signaled", signal=m.group("sig"), core=bool(m.group("core")),
                          event=event)
    return WaitStatus("exited", code=int(m.group("code")), event=event)


class Bad(Exception):
    """The text does not follow the grammar at `pos` (internal to the parser)."""


def _int(tok: str) -> Int | Mode:
    neg = tok.startswith("-")
    body = tok[1:] if neg else tok
    if body.startswith("0x"):
        v, fmt = int(body, 16), "x"
    elif body == "000":
        return Mode(0)   # a umask's "%#03o" return
    elif len(body) > 1 and body.startswith("0"):
        v, fmt = int(body, 8), "o"
    else:
        v, fmt = int(body), "d"
    return Int(-v if neg else v, fmt)


class Reader:
    """A cursor over one line's text."""

    __slots__ = ("s", "i")

    def __init__(self, s: str, i: int = 0) -> None:
        self.s = s
        self.i = i

    def peek(self, t: str) -> bool:
        return self.s.startswith(t, self.i)

    def take(self, t: str) -> bool:
        if self.s.startswith(t, self.i):
            self.i += len(t)
            return True
        return False

    def expect(self, t: str) -> None:
        if not self.take(t):
            raise Bad(self.i)

    # --- grammar ---------------------------------------------------------------------
    def value(self) -> Value:
        if self.peek("/* "):
            text = self._comment_text()
            self.expect(" ")
            return Comment(self.value(), text, before=True)
        v = self._atom()
        while True:
            if self.peek(" /* "):
                self.i += 1
                v = Comment(v, self._comment_text())
            elif self.take(" => "):
                v = Changed(v, self.value())
            else:
                return v

    def _comment_text(self) -> str:
        self.expect("/* ")
        end = self.s.find(" */", self.i)
        if end < 0:
            raise Bad(self.i)
        text = self.s[self.i:end]
        self.i = end + 3
        return text

    def _atom(self) -> Value:
        s, i = self.s, self.i
        if i >= len(s):
            raise Bad(i)
        c = s[i]
        if c == '"':
            data, more = self._string()
            end = self.i - (4 if more else 1)
            return Str(data, more, hex=_ALL_HEX.fullmatch(s, i + 1, end) is not None)
        if c == "[":
            return self._array()
        if c == "~" and self.peek("~["):
            self.i += 1
            names = self._sigset()
            return SigSet(names, negated=True)
        if c == "{":
            return self._struct()
        if self.take("..."):
            return ELIDED
        m = _NUM.match(s, i)
        if m:
            self.i = m.end()
            num = _int(m.group())
            if not isinstance(num, Int):
                return num
            if self.peek("<") and num.fmt == "d":
                return self._fd(num.value)
            unit = _NUM.match(s, self.i + 1) if self.peek("*") else None
            if unit and num.fmt == "d" and unit.group().isdigit():
                self.i = unit.end()
                return Multiple(num.value * int(unit.group()), int(unit.group()))
            return self._flags_tail([], num) if self.peek("|") else num
        m = _NAME.match(s, i)
        if m:
            self.i = m.end()
            name = m.group()
            if self.take("("):
                return Func(name, self._items(")"))
            if self.take("="):
                return Named(name, self.value())
            if self.peek("|"):
                return self._flags_tail([name], None)
            if name == "AT_FDCWD" and self.peek("<"):
                return self._fd(AT_FDCWD)
            return Addr(0) if name == "NULL" else Const(name)
        raise Bad(i)

    def _flags_tail(self, names: list[str], rest: Int | None) -> Value:
        while self.take("|"):
            m = _NUM.match(self.s, self.i)
            if m:
                self.i = m.end()
                tail = _int(m.group())
                if not isinstance(tail, Int):
                    raise Bad(self.i)
                rest = tail
                break
            n = _NAME.match(self.s, self.i)
            if not n:
                raise Bad(self.i)
            self.i = n.end()
            names.append(n.group())
        if rest is None:
            return Flags(tuple(names))
        return Flags(tuple(names), rest.value, rest.fmt)

    def _fd(self, num: int) -> Value:
        self.expect("<")
        depth, j = 1, self.i
        while j < len(self.s) and depth:
            depth += {"<": 1, ">": -1}.get(self.s[j], 0)
            j += 1
        if depth:
            raise Bad(j)
        path = self.s[self.i:j - 1]
        self.i = j
        return Fd(num, FdTarget("file", path, deleted=self.take("(deleted)")))

    def _string(self) -> tuple[bytes, bool]:
        s = self.s
        i = self.i + 1
        out = bytearray()
        while True:
            if i >= len(s):
                raise Bad(i)
            c = s[i]
            if c == '"':
                i += 1
                break
            if c == "\\":
                e = s[i + 1:i + 2]
                if e in _ESC:
                    out.append(_ESC[e])
                    i += 2
                elif e == "x":
                    out.append(int(s[i + 2:i + 4], 16))
                    i += 4
                elif e.isdigit():
                    j = i + 1
                    while j < i + 4 and j < len(s) and s[j] in "01234567":
                        j += 1
                    out.append(int(s[i + 1:j], 8) & 0xFF)
                    i = j
                else:
                    raise Bad(i)
            else:
                out += c.encode("utf-8", "surrogateescape")
                i += 1
        self.i = i
        return bytes(out), self.take("...")

    def _items(self, close: str) -> tuple[Value, ...]:
        items: list[Value] = []
        if self.take(close):
            return ()
        while True:
            items.append(self.value())
            if self.take(close):
                return tuple(items)
            self.expect(", ")

    def _array(self) -> Value:
        m = _WAIT.match(self.s, self.i)
        if m:
            self.i = m.end()
            return _wait_status(m)
        start = self.i
        try:
            self.i += 1
            items = list(self._items("]"))
        except Bad:
            self.i = start
            return SigSet(self._sigset())
        elided = bool(items) and items[-1] is ELIDED
        return Array(tuple(items[:-1] if elided else items), elided=elided)

    def _sigset(self) -> tuple[str, ...]:
        self.expect("[")
        end = self.s.find("]", self.i)
        if end < 0:
            raise Bad(self.i)
        names = tuple(self.s[self.i:end].split(" ")) if end > self.i else ()
        if not all(_SIGNAME.fullmatch(n) for n in names):
            raise Bad(self.i)
        self.i = end + 1
        return names

    def _struct(self) -> Value:
        self.i += 1
        fields: list[tuple[str | None, Value]] = []
        elided = False
        if self.take("}"):
            return Struct(())
        while True:
            if self.take("..."):
                elided = True
            else:
                m = _NAME.match(self.s, self.i)
                if m and self.s.startswith("=", m.end()):
                    self.i = m.end() + 1
                    fields.append((m.group(), self.value()))
                else:
                    fields.append((None, self.value()))
            if self.take("}"):
                return Struct(tuple(fields), elided=elided)
            self.expect(", ")


def skip_value(s: str, i: int, stops: str) -> int:
    """The end of the argument starting at i: the first top-level character of `stops`
    (", " separators or the closing parenthesis), outside quotes and brackets."""
    depth = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == '"':
            i += 1
            while i < n and s[i] != '"':
                i += 2 if s[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and c in stops and (c != "," or s.startswith(", ", i)):
            return i
        i += 1
    return n


def read_arg(r: Reader) -> Value:
    """One argument at r's cursor.  An argument whose value does not render back to
    its text is kept Verbatim."""
    start = r.i
    try:
        v = r.value()
        if r.peek(", ") or r.peek(")"):
            if _RENDER.value(v) == r.s[start:r.i]:
                return v
    except (Bad, ValueError, IndexError):
        pass
    end = skip_value(r.s, start, ",)")
    r.i = end
    return Verbatim(r.s[start:end])


def parse_value(text: str) -> Value:
    """A whole value's text ("{st_mode=S_IFREG|0644, ...}") as a typed value; raises
    ValueError when it is not in strace's syntax."""
    r = Reader(text)
    try:
        v = r.value()
    except Bad as e:
        raise ValueError(f"not a value at {e}: {text!r}") from None
    if r.i != len(text):
        raise ValueError(f"trailing text at {r.i}: {text!r}")
    return v
