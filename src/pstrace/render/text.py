"""Values to strace text: one function per value type, and the pieces of a syscall line.

strace counterpart: the tprint*/print_* output side of util.c and syscall.c.
"""
from __future__ import annotations

import time

from ..values import (
    ELIDED,
    AbstractPath,
    Addr,
    Ambiguous,
    Array,
    ByteRange,
    Changed,
    Comment,
    Const,
    Count,
    Endpoint,
    Errno,
    Fd,
    FdTarget,
    Flags,
    Func,
    HwAddr,
    Indexed,
    Int,
    Labeled,
    LocalTime,
    Mode,
    Multiple,
    Named,
    NetlinkAttr,
    NetlinkMessage,
    Note,
    Offset,
    Or,
    Parts,
    Path,
    Pid,
    Ref,
    Resuming,
    Set,
    Shifted,
    SigSet,
    Sizeof,
    Str,
    Struct,
    Styled,
    Sym,
    Ticks,
    Unreadable,
    Value,
    Verbatim,
    WaitStatus,
)
from ..xlat import errno_name, errno_text, signal_number
from .color import PLAIN, Palette
from .quote import quote, quote_path_text

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any


AT_FDCWD = -100   # Fd(AT_FDCWD, cwd) is how decoders ask for strace's -y "AT_FDCWD</cwd>"


def _fmt_int(v: int, fmt: str) -> str:
    if fmt == "x":
        return "%#x" % v if v else "0"
    if fmt == "o":
        return "0%o" % v if v else "0"   # C's %#o; Python's %#o would print 0o644
    if fmt[:1] == "x" and fmt[1:].isdigit():    # C's %#08x, %#016lx: 0 as "00000000"
        width = int(fmt[1:])
        return "%#0*x" % (width, v) if v else "0" * width
    return str(v)


def octal03(value: int) -> str:
    """C's "%#03o": a leading 0, at least three digits ("000", "007", "022", "0755")."""
    return ("0%o" % value if value else "0").rjust(3, "0")


STYLES = ("abbrev", "raw", "verbose")   # -X / --const-print-style=


def _fmt_num(v: int, fmt: str) -> str:
    """A constant's number for -X raw/verbose: negative ones in hex as 32-bit
    unsigned (si_code=0xfffffffa), in decimal with fmt "d" (AT_FDCWD's -100)."""
    if v < 0 and fmt != "d":
        v &= 0xFFFFFFFF if v >= -0x80000000 else 0xFFFFFFFFFFFFFFFF
    return _fmt_int(v, fmt)


def _signo(name: str) -> int | str:
    """The number of a signal as a signal set names it ("INT", "RTMIN", "RT_1")."""
    n = signal_number(name)
    return name if n is None else n


class TextRenderer:
    """Turns values into strace's text.  xflag: 0, 1 (-x), 2 (-xx).

    style is strace's -X: "abbrev" prints constants by name (the default), "raw" as
    numbers, "verbose" as "number /* name */"; it applies to values that carry their
    number (Const.value, Flags.value, Sym, signal sets, AT_FDCWD); an unknown
    value's "/* XXX_??? */" comment is left out by -X raw."""

    __slots__ = ("xflag", "style", "palette", "_dispatch", "_sym")

    def __init__(self, xflag: int = 0, style: str = "abbrev",
                 palette: Palette = PLAIN) -> None:
        self.xflag = xflag
        self.style = style
        self.palette = palette   # --color: render/lines.py paints names, errors ...
        self._dispatch: dict[type, Callable[[Any], str]] = {
            Int: self._int, Const: self._const, Flags: self._flags, Str: self._str,
            Path: self._path, Fd: self._fd, Pid: self._pid, Addr: self._addr, Struct: self._struct,
            Array: self._array, SigSet: self._sigset, Changed: self._changed,
            Func: self._func, Comment: self._comment, Sym: self._sym_abbrev,
            Styled: self._styled, type(ELIDED): self._elided, Or: self._or,
            Mode: self._mode, Multiple: self._multiple, Set: self._set, Named: self._named,
            Indexed: self._indexed, Shifted: self._shifted, Offset: self._offset,
            Labeled: self._labeled, Note: self._note, Verbatim: self._note, Ref: self._ref,
            Parts: self._parts,
            AbstractPath: self._abstract, WaitStatus: self._wait_status,
            Resuming: self._resuming, Errno: self._errno, Unreadable: self._unreadable,
            Count: self._count, Sizeof: self._sizeof, ByteRange: self._byte_range,
            LocalTime: self._local_time, Ticks: self._ticks, HwAddr: self._hwaddr,
            Ambiguous: self._ambiguous, NetlinkMessage: self._netlink,
            NetlinkAttr: self._netlink,
        }
        # the symbolic half of -X verbose's "number /* name */" is printed as abbrev
        self._sym = self if style == "abbrev" else TextRenderer(xflag)
        if style == "raw":
            self._dispatch.update({Const: self._const_raw, Flags: self._flags_raw,
                                   Fd: self._fd_raw, SigSet: self._sigset_raw,
                                   Comment: self._comment_raw, Sym: self._sym_raw,
                                   Mode: self._mode_raw, Multiple: self._multiple_raw,
                                   Ticks: self._ticks_raw, Ambiguous: self._ambiguous_raw})
        elif style == "verbose":
            self._dispatch.update({Const: self._const_verbose, Flags: self._flags_verbose,
                                   Fd: self._fd_verbose, SigSet: self._sigset_verbose,
                                   Sym: self._sym_verbose, Mode: self._mode_verbose,
                                   Multiple: self._multiple_verbose,
                                   Ambiguous: self._ambiguous_verbose})

    def value(self, v: Value) -> str:
        return self._dispatch[type(v)](v)

    def join(self, vals: Sequence[Value]) -> str:
        d = self._dispatch
        n = len(vals)
        # the commonest lengths without a list or a comprehension's frame (issue #11)
        if n == 1:
            v = vals[0]
            return d[type(v)](v)
        if n == 2:
            a, b = vals
            return f"{d[type(a)](a)}, {d[type(b)](b)}"
        if n == 3:
            a, b, c = vals
            return f"{d[type(a)](a)}, {d[type(b)](b)}, {d[type(c)](c)}"
        return ", ".join([d[type(v)](v) for v in vals])

    # --- one method per value type -------------------------------------------------
    def _int(self, v: Int) -> str:
        fmt = v.fmt
        return str(v.value) if fmt == "d" or fmt == "u" else _fmt_int(v.value, fmt)

    def _const(self, v: Const) -> str:
        return v.name

    def _flags(self, v: Flags) -> str:
        if not v.names:
            return _fmt_int(v.rest, v.rest_fmt) if v.rest else v.zero
        if v.rest:
            return "|".join(v.names) + "|" + _fmt_int(v.rest, v.rest_fmt)
        return "|".join(v.names)

    def _str(self, v: Str) -> str:
        q = quote(v.data, 2 if v.hex else self.xflag)
        return q + "..." if v.more else q

    def _path(self, v: Path) -> str:
        q = quote(v.data, self.xflag)
        return q + "..." if v.more else q

    def _fd(self, v: Fd) -> str:
        target = v.target
        if target is None:
            return str(v.num)   # a plain AT_FDCWD prints -100 too
        # AT_FDCWD by name only as -y's dirfd ("AT_FDCWD</dir>")
        num = "AT_FDCWD" if v.num == AT_FDCWD else str(v.num)
        return fd_decorated(num, target, self.xflag)

    def _pid(self, v: Pid) -> str:
        text = str(v.value)
        if v.comm is not None:
            text += f"<{quote_path_text(v.comm, self.xflag)}>"
        if v.ns_pid is not None:
            text += f" /* {v.ns_pid} in strace's PID NS */"
        return text

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
        if v.budget is not None:
            return self._array_budget(parts, v)
        if v.elided:
            parts.append("...")
        return "[" + ", ".join(parts) + "]"

    @staticmethod
    def _array_budget(parts: list[str], v: Array) -> str:
        budget = v.budget or 0
        used = 1   # "["
        for i, p in enumerate(parts):
            sep = 2 if i else 0
            if used + sep + len(p) >= budget:
                return "[" + ", ".join(parts[:i] + ["..."]) + "]"
            used += sep + len(p)
        return "[" + ", ".join(parts + ["..."] if v.elided else parts) + "]"

    def _netlink(self, v: NetlinkMessage | NetlinkAttr) -> str:
        head = self._struct(v.header)
        body = v.payload if isinstance(v, NetlinkMessage) else v.value
        return head if body is None else f"[{head}, {self.value(body)}]"

    def _sigset(self, v: SigSet) -> str:
        return ("~[" if v.negated else "[") + " ".join(v.names) + "]"

    def _changed(self, v: Changed) -> str:
        return f"{self.value(v.before)} => {self.value(v.after)}"

    def _func(self, v: Func) -> str:
        return f"{v.name}({self.join(list(v.args))})"

    def _comment(self, v: Comment) -> str:
        text = v.text if isinstance(v.text, str) else self.value(v.text)
        if v.value is None:
            return f"/* {text} */"
        if v.before:
            return f"/* {text} */ {self.value(v.value)}"
        return f"{self.value(v.value)} /* {text} */"

    def _or(self, v: Or) -> str:
        return "|".join([self.value(x) for x in v.items]) or "0"

    def _mode(self, v: Mode) -> str:
        return "|".join((*v.names, octal03(v.value if v.perm is None else v.perm)))

    def _multiple(self, v: Multiple) -> str:
        return f"{v.value // v.unit}*{v.unit}"

    def _set(self, v: Set) -> str:
        return ("~[" if v.negated else "[") + " ".join([self.value(x) for x in v.items]) + "]"

    def _named(self, v: Named) -> str:
        return f"{v.name}={self.value(v.value)}"

    def _indexed(self, v: Indexed) -> str:
        index = self.value(v.index) if isinstance(v.index, Value) else v.index
        return f"[{index}]={self.value(v.value)}"

    def _shifted(self, v: Shifted) -> str:
        return f"{self.value(v.value)}<<{v.shift}"

    def _offset(self, v: Offset) -> str:
        return f"{self.value(v.base)}+{self.value(v.delta)}"

    def _labeled(self, v: Labeled) -> str:
        return f"{v.label} {self.value(v.value)}"

    def _parts(self, v: Parts) -> str:
        return self.join(v.items)

    def _note(self, v: Note | Verbatim) -> str:
        return v.text

    def _ref(self, v: Ref) -> str:
        return "&" + v.name

    def _abstract(self, v: AbstractPath) -> str:
        return "@" + quote(v.data, self.xflag)

    def _wait_status(self, v: WaitStatus) -> str:
        if v.kind == "unknown":
            return f"[{v.code:#x}]"
        if v.kind == "continued":
            text = "WIFCONTINUED(s)"
        elif v.kind == "stopped":
            text = f"WIFSTOPPED(s) && WSTOPSIG(s) == {v.signal}"
            if v.syscall_stop:
                text += " | 0x80"
        elif v.kind == "signaled":
            text = f"WIFSIGNALED(s) && WTERMSIG(s) == {v.signal}"
            if v.core:
                text += " && WCOREDUMP(s)"
        else:
            text = f"WIFEXITED(s) && WEXITSTATUS(s) == {v.code}"
        if v.event is not None:
            return "[{" + text + "}|" + self.value(v.event) + "<<16]"
        return "[{" + text + "}]"

    def _resuming(self, v: Resuming) -> str:
        return f"<... resuming interrupted {v.name} ...>"

    def _errno(self, v: Errno) -> str:
        name = errno_name(v.errno)
        if name is None:
            return f"{v.value} (errno {v.errno})"
        return f"{v.value} {name} ({errno_text(v.errno)})"

    def _elided(self, v: Value) -> str:
        return "..."

    def _unreadable(self, v: Unreadable) -> str:
        return f"... /* {v.addr:#x} */"

    def _count(self, v: Count) -> str:
        return f"{v.n} {v.one if v.n == 1 else v.many}"

    def _sizeof(self, v: Sizeof) -> str:
        return f"{v.count} * sizeof({v.ctype})"

    def _byte_range(self, v: ByteRange) -> str:
        return f"bytes {v.first}..{v.last}"

    def _local_time(self, v: LocalTime) -> str:
        tm = time.localtime(v.sec)
        text = time.strftime("%Y-%m-%dT%H:%M:%S", tm)
        if v.nsec:
            text += f".{v.nsec // 10 ** (9 - v.digits):0{v.digits}d}"
        return text + time.strftime("%z", tm)

    def _ticks(self, v: Ticks) -> str:
        if not v.value:
            return "0"
        secs, rest = divmod(v.value, v.hz)
        return f"{v.value} /* {secs}.{rest * 100 // v.hz:02d} s */"

    def _hwaddr(self, v: HwAddr) -> str:
        return ":".join(["%02x" % b for b in v.data])

    def _ambiguous(self, v: Ambiguous) -> str:
        return " or ".join(v.names)

    # --- -X raw and -X verbose ---------------------------------------------------------
    def _const_raw(self, v: Const) -> str:
        if v.value is None:
            return v.name
        return _fmt_num(v.value, v.fmt)

    def _const_verbose(self, v: Const) -> str:
        if v.value is None:
            return v.name
        return f"{_fmt_num(v.value, v.fmt)} /* {v.name} */"

    def _flags_raw(self, v: Flags) -> str:
        if v.value is None or (v.value == 0 and not v.zero):   # zero="": nothing at all
            return self._flags(v)
        return _fmt_num(v.value, v.rest_fmt)

    def _flags_verbose(self, v: Flags) -> str:
        if v.value is None or (v.value == 0 and not v.zero):
            return self._flags(v)
        if not v.names:
            # nothing to name: the number alone (strace prints no "/* 0 */")
            return _fmt_num(v.value, v.rest_fmt)
        return f"{_fmt_num(v.value, v.rest_fmt)} /* {self._flags(v)} */"

    def _fd_raw(self, v: Fd) -> str:
        if v.num == AT_FDCWD:
            if v.target is None:
                return str(AT_FDCWD)
            return fd_decorated(str(AT_FDCWD), v.target, self.xflag)
        return self._fd(v)

    def _fd_verbose(self, v: Fd) -> str:
        if v.num == AT_FDCWD and v.target is not None:   # -y's dirfd
            return fd_decorated(f"{AT_FDCWD} /* AT_FDCWD */", v.target, self.xflag)
        return self._fd(v)

    def _sigset_raw(self, v: SigSet) -> str:
        nums = [str(_signo(n)) for n in v.names]
        return ("~[" if v.negated else "[") + " ".join(nums) + "]"

    def _sigset_verbose(self, v: SigSet) -> str:
        parts = [n if n.isdigit() else f"{_signo(n)} /* {n} */" for n in v.names]
        return ("~[" if v.negated else "[") + " ".join(parts) + "]"

    def _comment_raw(self, v: Comment) -> str:
        if v.value is not None and isinstance(v.text, str) and "???" in v.text \
                and not v.keep:
            return self.value(v.value)   # "0x6 /* FD_??? */": the number alone
        return self._comment(v)

    def _mode_raw(self, v: Mode) -> str:
        return octal03(v.value) if v.symbolic else self._mode(v)

    def _mode_verbose(self, v: Mode) -> str:
        if not v.symbolic:
            return self._mode(v)
        return f"{octal03(v.value)} /* {self._mode(v)} */"

    def _ticks_raw(self, v: Ticks) -> str:
        return str(v.value)

    def _ambiguous_raw(self, v: Ambiguous) -> str:
        return _fmt_num(v.value, "x")

    def _ambiguous_verbose(self, v: Ambiguous) -> str:
        return f"{_fmt_num(v.value, 'x')} /* {self._ambiguous(v)} */"

    def _multiple_raw(self, v: Multiple) -> str:
        return str(v.value)

    def _multiple_verbose(self, v: Multiple) -> str:
        return f"{v.value} /* {self._multiple(v)} */"

    def _styled(self, v: Styled) -> str:
        return self.value(v.value)

    def _sym_abbrev(self, v: Sym) -> str:
        return self.value(v.sym)

    def _sym_raw(self, v: Sym) -> str:
        return "" if v.raw is None else self.value(v.raw)

    def _sym_verbose(self, v: Sym) -> str:
        if v.verbose is not None:
            return self.value(v.verbose)
        note = v.sym if v.note is None else v.note
        return f"{self._sym_raw(v)} /* {self._sym.value(note)} */"

    def symbolic(self, v: Value) -> str:
        """v as -X abbrev prints it, whatever the style (strace prints most return
        comments by name)."""
        return self._sym.value(v)


def _endpoint(e: Endpoint) -> str:
    """An inet endpoint as -yy prints it: "127.0.0.1:80", "[::1]:80"."""
    return f"[{e.address}]:{e.port}" if ":" in e.address else f"{e.address}:{e.port}"


def fd_target(t: FdTarget, xflag: int = 0) -> str:
    """What -y/-yy print between "<" and ">": the path, "TCP:[1.2.3.4:5->6.7.8.9:10]",
    "UNIX-STREAM:[12->13,"/path"]", "NETLINK:[ROUTE:1234]", "NETLINK:[456]",
    "/dev/null<char 1:3>", "pid:1234"."""
    if t.kind == "socket" and t.protocol is not None:
        if t.protocol.startswith("UNIX"):
            text = str(t.inode) + (f"->{t.peer_inode}" if t.peer_inode else "")
            if t.bound is not None:   # as its sun_path prints: quoted whole, -x applies
                name = quote(t.bound.data, xflag)
                text += "," + (name if isinstance(t.bound, Path) else "@" + name)
            return f"{t.protocol}:[{text}]"
        if isinstance(t.netlink, tuple):
            return f"{t.protocol}:[{t.netlink[0]}:{t.netlink[1]}]"
        if t.netlink is not None:
            return f"{t.protocol}:[{t.netlink}]"
        if t.local is None:
            return f"{t.protocol}:[{t.inode}]"
        peer = "->" + _endpoint(t.peer) if t.peer is not None else ""
        return f"{t.protocol}:[{_endpoint(t.local)}{peer}]"
    if t.kind == "device" and t.device is not None:
        d = t.device
        path = t.path + " (deleted)" if t.deleted else t.path
        return f"{quote_path_text(path, xflag)}<{d.kind} {d.major}:{d.minor}>"
    if t.kind == "pidfd":
        return f"pid:{t.pid}"
    return quote_path_text(t.path, xflag)


def fd_decorated(num: str, target: FdTarget, xflag: int = 0) -> str:
    """-y's "3</path>"; a deleted file's " (deleted)" goes after the ">" as
    "3</path>(deleted)" (observed from strace 6.1)."""
    if target.deleted and target.kind != "device":
        return f"{num}<{quote_path_text(target.path, xflag)}>(deleted)"
    return f"{num}<{fd_target(target, xflag)}>"
