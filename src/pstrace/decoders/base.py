"""The decoder context: one `Call` per traced syscall, and the helpers decoders use.

A decoder is registered with `@decoder("name", ...)` and is either
  * a plain function `f(c: Call) -> list[Value]` run at syscall entry (all arguments), or
  * a generator function: `yield [entry values]` at entry, then `return [exit values]`
    after the syscall returned (strace's "decode at exit" half: output buffers, structs
    the kernel fills, in/out values).  Between the two, local variables survive.
A two-phase decoder sets `c.sep_late = True` at entry when strace prints the ", " between
the halves at exit rather than at entry (clone: "<... clone resumed>, child_tidptr=...").
A decoder may set `c.fails` at exit when the return value misleads the -z/-Z/-e status=
filter: strace counts modify_ldt's zero-extended int error as failed there (but not as an
error in -c, so c.error stays 0).
At exit a decoder may set `c.rval` (a Value printed instead of the return number) and
`c.rcomment` (printed after it in parentheses, strace's " (Timeout)", " (flags ...)").
Otherwise the return value is printed in the catalog's format for the call (its `ret`:
"d" signed, "u" unsigned, "x" hex (mmap/brk), "o" octal, "fd" a descriptor; see
syscalls/facts.py and decoders/retval.py).

strace counterpart: the SYS_FUNC() conventions, RVAL_* flags, and ucopy/printstr helpers.
"""
from __future__ import annotations

import errno
import os
import struct as _struct

from ..values import Addr, Const, Fd, Flags, Int, Path, Pid, Str, Value
from ..xlat import Xlat, split_flags
from .options import DecodeOptions
from .strings import cut_buffer, cut_cstring

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Iterable, Sequence
    from dataclasses import dataclass
    from typing import Any, TypeAlias, TypeVar
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass

if TYPE_CHECKING:
    from .._sys.libc import MemReader
    from ..syscalls.catalog import SyscallInfo
    from .pidns import PidKind

PATH_MAX = 4096
AT_FDCWD = -100  # include/uapi/linux/fcntl.h; the generated table has it as AT_FDCWD too


def generic_args(call: Call, row: SyscallInfo | None) -> list[Value]:
    """How strace prints a syscall it does not decode: each argument as %#lx."""
    n = row.nargs if row is not None else 6
    return [Int(a, "x") for a in call.args[:n]]


def comm_of(pid: int) -> str | None:
    """The name (/proc/PID/comm without its newline) of the thread pstrace's namespace
    calls `pid`; None for a process that is gone."""
    from .pidns import proc_dir
    try:
        with open(f"{proc_dir(pid)}/comm", "rb") as f:
            return f.read().rstrip(b"\n").decode("utf-8", "surrogateescape")
    except OSError:
        return None


def pid_value(pid: int, opts: DecodeOptions | None, tracee: int = 0,
              kind: PidKind = "tgid") -> Pid:
    """An id of `kind` as thread `tracee` sees it (strace's printpid): with its name
    under -Y (threads and processes only), and with its number in pstrace's namespace
    under --decode-pids=pidns when that differs."""
    if pid <= 0 or opts is None or not (opts.pid_comm or opts.pidns):
        return Pid(pid)
    ours = pid
    if tracee and opts.pidns:
        from .pidns import translate
        ours = translate(tracee, pid, kind)
    if not ours:
        return Pid(pid)
    comm = comm_of(ours) if opts.pid_comm and kind in ("tid", "tgid") else None
    return Pid(pid, comm, ours if opts.pidns and ours != pid else None)


# (type aliases as strings: collections.abc is not loaded at start-up, issue #11)
DecodeGen: TypeAlias = "Generator[list[Value], None, list[Value]]"
"""A two-phase decoder: yields the entry values, returns the exit values."""
DecoderFunc: TypeAlias = "Callable[[Call], list[Value] | DecodeGen]"
if TYPE_CHECKING:
    F = TypeVar("F", bound=DecoderFunc)
_CO_GENERATOR = 0x20   # inspect.CO_GENERATOR: the code object of a generator function


@dataclass(frozen=True, slots=True)
class DecoderSpec:
    """A registered decoder: its function, and whether it decodes in two phases."""

    func: DecoderFunc
    two_phase: bool


def decoder(*names: str) -> Callable[[F], F]:
    """Register a decoder for one or more syscall names (see the module docstring)."""
    def register(func: F) -> F:
        # inspect.isgeneratorfunction(func), without importing inspect (issue #11)
        spec = DecoderSpec(func, bool(func.__code__.co_flags & _CO_GENERATOR))
        for name in names:
            if name in REGISTRY:
                raise ValueError(f"decoder for {name} registered twice")
            REGISTRY[name] = spec
        return func

    return register


REGISTRY: dict[str, DecoderSpec] = {}


# Values are immutable, and small numbers recur in nearly every call (descriptors,
# counts, return values): below _SHARED one object per number (and format) serves
# every call, where building one costs more than the rest of an argument's decoding
# (issue #11: per-call cost).  The caches hold at most _SHARED entries per format.
# (dicts that make a missing entry: a lookup is a subscript, and the functools module
# is not loaded at start-up.)
_SHARED = 1 << 12


class _SharedInts(dict[tuple[int, str], Int]):
    """Int(value, fmt) per key (value, fmt), made on first use."""

    def __missing__(self, key: tuple[int, str]) -> Int:
        made = self[key] = Int(*key)
        return made


class _SharedFds(dict[int, Fd]):
    """Fd(fd) per key fd, made on first use."""

    def __missing__(self, fd: int) -> Fd:
        made = self[fd] = Fd(fd)
        return made


_shared_int = _SharedInts()
_shared_fd = _SharedFds()


_AT_FDCWD = Const("AT_FDCWD", AT_FDCWD, "d")   # (immutable: one serves every call)


def number(value: int, fmt: str = "d") -> Int:
    """Int(value, fmt), shared when small."""
    return _shared_int[value, fmt] if 0 <= value < _SHARED else Int(value, fmt)


def fd_number(fd: int) -> Fd:
    """Fd(fd) without a -y target, shared when small."""
    return _shared_fd[fd] if 0 <= fd < _SHARED else Fd(fd)


def s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - 0x100000000 if v & 0x80000000 else v


def s64(v: int) -> int:
    v &= 0xFFFFFFFFFFFFFFFF
    return v - 0x10000000000000000 if v & 0x8000000000000000 else v


class Call:
    """One syscall in progress: raw registers in, decoded values out.

    Engine-owned fields: pid, nr, name, args, ret (0 until exit), error (errno or 0),
    entry/exit (value lists), state.  Decoder-owned: rval, rcomment.
    """

    __slots__ = ("pid", "nr", "name", "args", "ret", "error", "opts", "mem", "spec",
                 "entry", "exit", "rval", "rcomment", "gen", "injected", "t_entry",
                 "t_exit", "s_entry", "s_exit", "ip", "sp", "proc", "sep_late", "delayed",
                 "fails", "warnings", "personality")

    def __init__(self, pid: int, nr: int, name: str, args: tuple[int, ...],
                 opts: DecodeOptions, mem: MemReader, spec: DecoderSpec | None,
                 proc: object = None, personality: int = 0, ip: int = 0, sp: int = 0,
                 t_entry: int = 0, s_entry: int = 0) -> None:
        self.pid = pid
        self.nr = nr
        self.name = name
        self.args = args
        self.ret = 0   # the return value, set at exit
        self.error = 0
        self.opts = opts
        self.mem = mem
        self.spec = spec
        self.entry: Sequence[Value] = ()   # (a list once decoded)
        self.exit: list[Value] | None = None
        self.rval: Value | None = None
        self.rcomment: Value | None = None
        self.gen: DecodeGen | None = None
        self.injected: bool | str = False   # True, or strace's "args"/"args, retval" (poked)
        self.delayed = False                # -e inject=...:delay_enter/delay_exit applied
        self.fails: bool | None = None   # a decoder's verdict for -z/-Z (see the docstring)
        self.t_entry = t_entry   # ns, CLOCK_REALTIME, when the engine records times
        self.t_exit = 0
        self.s_entry = s_entry   # ns of the tracee's system time (-c without -w)
        self.s_exit = 0
        self.ip = ip         # instruction and stack pointers at entry (syscall info)
        self.sp = sp
        self.proc = proc
        self.warnings: list[str] | None = None   # messages for stderr (see warn)
        self.personality = personality   # 0 x86_64, 1 i386, 2 x32 (the engine's)
        self.sep_late = False   # a two-phase decoder sets this when strace prints the ", "
                                # between the halves at exit (clone: "<... clone resumed>, ...")

    # --- the state of the call ---------------------------------------------------
    @property
    def failed(self) -> bool:
        """True at exit when the call returned an error (-4095..-1)."""
        return self.error != 0

    # --- raw argument access ----------------------------------------------------
    def sint(self, i: int) -> int:
        """Argument i as a C int."""
        return s32(self.args[i])

    def slong(self, i: int) -> int:
        """Argument i as a C long."""
        return s64(self.args[i])

    def uint(self, i: int) -> int:
        return self.args[i] & 0xFFFFFFFF

    # --- memory ----------------------------------------------------------------------
    def read(self, addr: int, size: int) -> bytes | None:
        """Exactly size bytes of tracee memory, or None when unreadable.

        Also None for a call outside -e verbose=SET (opts.deref False): strace then
        prints the address of every struct, array and int it would fetch (strings
        and data buffers, read by str_at/buf/path_at/read_cstr, are still printed)."""
        if not self.opts.deref:
            return None
        return self.mem.read(self.pid, addr, size)

    def fetch(self, addr: int, size: int) -> bytes | None:
        """`size` bytes at addr, or None with strace's "umoven: short read (N < WANT)
        @ADDR" warning when only the first N bytes could be read (strace's umoven)."""
        data = self.mem.read(self.pid, addr, size)
        if data is None:
            got = len(self.mem.read_upto(self.pid, addr, size) or b"")
            if got:
                self.warn(f"umoven: short read ({got} < {size}) @{addr:#x}")
        return data

    def read_struct(self, addr: int, st: _struct.Struct) -> tuple[Any, ...] | None:
        """Unpack one struct at addr, or None when unreadable (or not dereferenced:
        see read).  A struct cut by an unreadable page also gets strace's umoven
        warning "umoven: short read (N < SIZE) @ADDR"."""
        if not self.opts.deref:
            return None
        data = self.mem.read(self.pid, addr, st.size)
        if data is None:
            got = len(self.mem.read_upto(self.pid, addr, st.size) or b"")
            if got:
                self.warn(f"umoven: short read ({got} < {st.size}) @{addr:#x}")
            return None
        return st.unpack(data)

    def read_cstr(self, addr: int, limit: int) -> tuple[bytes, bool] | None:
        """A NUL-terminated string (see MemReader.read_cstr), or None when it cannot be
        printed: unreadable, or running into an unreadable page (strace then warns
        "umovestr: short read (N < limit+1) @ADDR: Bad address" and prints the pointer)."""
        got = self.mem.read_cstr(self.pid, addr, limit)
        if isinstance(got, int):
            self.warn(f"umovestr: short read ({got} < {limit + 1}) @{addr:#x}: "
                      f"{os.strerror(errno.EFAULT)}")
            return None
        return got

    def warn(self, text: str) -> None:
        """A message strace prints on stderr while decoding ("PROG: text")."""
        if self.warnings is None:
            self.warnings = []
        self.warnings.append(text)

    # --- value builders for arguments ---------------------------------------------
    def int_(self, i: int) -> Int:
        return Int(s32(self.args[i]))

    def long(self, i: int) -> Int:
        return Int(s64(self.args[i]))

    def ulong(self, i: int) -> Int:
        value = self.args[i]   # (number()'s test, inline: a register is never negative)
        return _shared_int[value, "u"] if value < _SHARED else Int(value, "u")

    def uint_(self, i: int) -> Int:
        return Int(self.args[i] & 0xFFFFFFFF, "u")

    def hex(self, i: int) -> Int:
        return Int(self.args[i], "x")

    def oct(self, i: int) -> Int:
        return Int(self.args[i] & 0xFFFFFFFF, "o")

    def ptr(self, i: int) -> Addr:
        return Addr(self.args[i])

    def fd(self, i: int) -> Value:
        if self.opts.decode_fds:
            return self.fd_value(s32(self.args[i]))
        # fd_value's answer without -y, made here: the commonest argument (a negative
        # int has its bit 31 set, so the low 32 bits below _SHARED are a small fd)
        fd = self.args[i] & 0xFFFFFFFF
        return _shared_fd[fd] if fd < _SHARED else Fd(s32(fd))

    def pid_(self, i: int, kind: PidKind = "tgid") -> Pid:
        """Argument i as a pid_t naming a process (or a thread, group or session, by
        `kind`): 0 and negative ones get no name."""
        return self.pid_value(s32(self.args[i]), kind)

    def pid_value(self, pid: int, kind: PidKind = "tgid") -> Pid:
        return pid_value(pid, self.opts, self.pid, kind)

    def tgid_pgid(self, i: int) -> Pid:
        """Argument i as kill(2) and wait4(2) take it: a process when positive, the
        process group -N when below -1 (strace's printpid_tgid_pgid)."""
        pid = s32(self.args[i])
        if pid < -1:
            v = self.pid_value(-pid, "pgid")
            return Pid(pid, None, v.ns_pid)
        return self.pid_value(pid, "tgid")

    def fd_value(self, fd: int) -> Value:
        """An fd number as strace prints it (with the -y path when asked)."""
        if fd >= 0 and self.opts.decode_fds:
            from .fdinfo import describe_fd  # -y / -yy / --decode-fds=
            return Fd(fd, describe_fd(self.pid, fd, self.opts.decode_fds,
                                      self.opts.sockets))
        return fd_number(fd)

    def dirfd(self, i: int) -> Value:
        fd = s32(self.args[i])
        if fd == AT_FDCWD:
            if "path" in self.opts.decode_fds:   # -y (path): AT_FDCWD</current/dir>
                from .fdinfo import link_target
                from .pidns import proc_dir
                try:
                    cwd = os.readlink(f"{proc_dir(self.pid)}/cwd")
                    return Fd(fd, link_target(cwd))
                except OSError:
                    pass
            return _AT_FDCWD
        return self.fd_value(fd)

    def path(self, i: int) -> Value:
        return self.path_at(self.args[i])

    def path_at(self, addr: int) -> Value:
        """A pathname at addr: printed whole (up to PATH_MAX), or the address."""
        if not addr:
            return Addr(0)
        got = self.read_cstr(addr, PATH_MAX - 1)
        if got is None:
            return Addr(addr)
        data, terminated = got
        if terminated:   # (then read_cstr gave at most PATH_MAX - 1 bytes, no NUL)
            return Path(data)
        shown, _ = cut_cstring(data, PATH_MAX - 1)   # (no NUL: cut, and more follows)
        return Path(shown, True)

    def str(self, i: int) -> Value:
        return self.str_at(self.args[i])

    def str_at(self, addr: int) -> Value:
        """A NUL-terminated string at addr, cut at -s, or the address."""
        if not addr:
            return Addr(0)
        limit = self.opts.max_strlen
        got = self.read_cstr(addr, limit)
        if got is None:
            return Addr(addr)
        data, terminated = got
        shown, more = cut_cstring(data, limit)
        return Str(shown, more or not terminated)

    def buf(self, addr: int, size: int) -> Value:
        """A buffer of `size` bytes at addr (write's data), cut at -s, or the address.

        As strace's printstr: a buffer longer than -s is fetched with one byte more
        (to know that "..." follows, even with -s 0); a fetch that falls short prints
        the address, with strace's "umoven: short read (N < WANT) @ADDR" warning."""
        if not addr:
            return Addr(0)
        limit = self.opts.max_strlen
        want = limit + 1 if size > limit else max(size, 0)
        data = self.fetch(addr, want) if want else b""
        if data is None:
            return Addr(addr)
        shown, more = cut_buffer(data, size, limit)
        return Str(shown, more)


def flags(x: Xlat, value: int, rest_fmt: str = "x", zero: str = "0") -> Flags:
    """Bits ORed by name in x's print order, unknown bits after them."""
    names, rest = split_flags(x, value)
    return Flags(names, rest, rest_fmt, zero, value)


def const(x: Xlat, value: int, unknown: str = "x", comment: str | None = None) -> Value:
    """A value printed by name, else as a number (strace's printxval):
    unknown="x" → %#x, "d" → %d, "u" → %u; `comment` (e.g. "SEEK_???") is appended
    as /* ... */ for unknown values, as strace does."""
    name = x.name(value)
    if name is not None:
        return Const(name, value, unknown)
    num = Int(value, unknown)
    if comment:
        from ..values import Comment
        return Comment(num, comment)
    return num


def flags_or_unknown(x: Xlat, value: int, unknown: str, bits: int = 32) -> Value:
    """strace's flag printing: names|0xrest; a value no name matched prints as
    "0x80000000 /* AT_??? */"; zero prints "0"."""
    value &= (1 << bits) - 1
    f = flags(x, value)
    if not f.names and value:
        from ..values import Comment
        return Comment(Int(value, "x"), unknown)
    return f


def fd_path(pid: int, fd: int) -> str | None:
    """What /proc/PID/fd/FD points to (strace's -y), or None."""
    try:
        from .pidns import proc_dir
        return os.readlink(f"{proc_dir(pid)}/fd/{fd}")
    except OSError:
        return None


def values(*vals: Value | Iterable[Value]) -> list[Value]:
    out: list[Value] = []
    for v in vals:
        if isinstance(v, Value):
            out.append(v)
        else:
            out.extend(v)
    return out
