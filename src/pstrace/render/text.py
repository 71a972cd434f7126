"""Values to strace text: one function per value type, and the pieces of a syscall line.

strace counterpart: the tprint*/print_* output side of util.c and syscall.c.
"""
from __future__ import annotations

from typing import Callable

from ..values import (ELIDED, Addr, Array, Changed, Comment, Const, Fd, Flags, Func, Int,
                      Path, Seq, SigSet, Str, Struct, Text, Value)
from ..xlat import errno_name, errno_text
from .quote import quote

# Kernel-internal restart codes print as "= ? ERESTARTSYS (...)", not "-1" (include/linux/errno.h).
_RESTART_CODES = frozenset((512, 513, 514, 516))
AT_FDCWD = -100   # Fd(AT_FDCWD, cwd) is how decoders ask for strace's -y "AT_FDCWD</cwd>"


def _fmt_int(v: int, fmt: str) -> str:
    if fmt == "x":
        return "%#x" % v if v else "0"
    if fmt == "o":
        return "0%o" % v if v else "0"   # C's %#o; Python's %#o would print 0o644
    return str(v)


class TextRenderer:
    """Turns values into strace's text.  xflag: 0, 1 (-x), 2 (-xx)."""

    __slots__ = ("xflag", "_dispatch")

    def __init__(self, xflag: int = 0) -> None:
        self.xflag = xflag
        self._dispatch: dict[type, Callable[[Value], str]] = {
            Int: self._int, Const: self._const, Flags: self._flags, Str: self._str,
            Path: self._str, Fd: self._fd, Addr: self._addr, Struct: self._struct,
            Array: self._array, SigSet: self._sigset, Changed: self._changed,
            Func: self._func, Comment: self._comment, Text: self._text, Seq: self._seq,
            type(ELIDED): self._elided,
        }

    def value(self, v: Value) -> str:
        return self._dispatch[type(v)](v)

    def join(self, vals: list[Value]) -> str:
        d = self._dispatch
        return ", ".join([d[type(v)](v) for v in vals])

    # --- one method per value type -------------------------------------------------
    def _int(self, v: Int) -> str:
        return _fmt_int(v.value, v.fmt)

    def _const(self, v: Const) -> str:
        return v.name

    def _flags(self, v: Flags) -> str:
        if not v.names:
            return _fmt_int(v.rest, v.rest_fmt) if v.rest else v.zero
        if v.rest:
            return "|".join(v.names) + "|" + _fmt_int(v.rest, v.rest_fmt)
        return "|".join(v.names)

    def _str(self, v: Str | Path) -> str:
        q = quote(v.data, self.xflag)
        return q + "..." if v.more else q

    def _fd(self, v: Fd) -> str:
        num = "AT_FDCWD" if v.num == AT_FDCWD else str(v.num)
        if v.path is None:
            return num
        return fd_decorated(num, v.path)

    def _addr(self, v: Addr) -> str:
        return "%#x" % v.value if v.value else "NULL"

    def _struct(self, v: Struct) -> str:
        d = self._dispatch
        parts = [f"{n}={d[type(x)](x)}" if n is not None else d[type(x)](x)
                 for n, x in v.fields]
        if v.elided:
            parts.append("...")
        return "{" + ", ".join(parts) + "}"

    def _array(self, v: Array) -> str:
        d = self._dispatch
        parts = [d[type(x)](x) for x in v.items]
        if v.elided:
            parts.append("...")
        return "[" + ", ".join(parts) + "]"

    def _sigset(self, v: SigSet) -> str:
        return ("~[" if v.negated else "[") + " ".join(v.names) + "]"

    def _changed(self, v: Changed) -> str:
        return f"{self.value(v.before)} => {self.value(v.after)}"

    def _func(self, v: Func) -> str:
        return f"{v.name}({self.join(list(v.args))})"

    def _comment(self, v: Comment) -> str:
        if v.value is None:
            return f"/* {v.text} */"
        return f"{self.value(v.value)} /* {v.text} */"

    def _text(self, v: Text) -> str:
        return v.text

    def _seq(self, v: Seq) -> str:
        return v.sep.join([self.value(x) for x in v.items])

    def _elided(self, v: Value) -> str:
        return "..."

    # --- the pieces of a syscall line ------------------------------------------------
    def entry_half(self, call) -> str:
        """"name(entry args" plus ", " when the exit half adds more (two-phase)."""
        text = call.name + "(" + self.join(call.entry)
        if call.gen is not None and call.entry and not call.sep_late:
            text += ", "
        return text

    def exit_half(self, call) -> str:
        """The arguments decoded at exit and the closing parenthesis."""
        if call.exit:
            if call.sep_late and call.entry:
                return ", " + self.join(call.exit) + ")"
            return self.join(call.exit) + ")"
        return ")"

    def retval(self, call) -> str:
        """Everything after "= ": the value, the error, the comment."""
        err = call.error
        if err:
            name = errno_name(err)
            if err in _RESTART_CODES:
                text = f"? {name} ({errno_text(err)})"
            elif name is None:
                text = f"-1 (errno {err})"
            else:
                text = f"-1 {name} ({errno_text(err)})"
        elif call.rval is not None:
            text = self.value(call.rval)
        else:
            kind = call.spec.ret if call.spec is not None else "d"
            ret = call.ret
            if kind == "x":
                text = "%#x" % (ret & 0xFFFFFFFFFFFFFFFF) if ret else "0"
            elif kind == "o":
                text = "0%o" % ret if ret else "0"
            elif kind == "u":
                text = str(ret & 0xFFFFFFFFFFFFFFFF)
            elif kind == "fd" and ret >= 0 and call.opts.decode_fds:
                from ..decoders.fdinfo import describe_fd
                path = describe_fd(call.pid, ret, call.opts.decode_fds)
                text = fd_decorated(str(ret), path) if path is not None else str(ret)
            else:
                text = str(ret)
        c = call.rcomment
        if c is not None:
            text += " (" + (c if isinstance(c, str) else self.value(c)) + ")"
        inj = call.injected
        if inj:
            text += " (INJECTED)" if inj is True else f" (INJECTED: {inj})"
        if call.delayed:
            text += " (DELAYED)"
        return text


def fd_decorated(num: str, path: str) -> str:
    """-y's "3</path>"; a deleted file's " (deleted)" goes after the ">" as
    "3</path>(deleted)" (observed from strace 6.1)."""
    if path.endswith(" (deleted)"):
        return f"{num}<{path[:-10]}>(deleted)"
    return f"{num}<{path}>"


def pad_to(line: str, column: int) -> str:
    """strace's tabto(): the " = " column (-a).  Shorter lines are padded with spaces
    so that "=" starts at `column`; longer ones get a single space."""
    if len(line) < column:
        return line + " " * (column - len(line))
    return line + " "
