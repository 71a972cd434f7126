"""Decoded values: the tree a decoder builds for one syscall argument.

Decoders build these; the renderer (render/text.py) turns them into strace's text.
Nothing here formats or prints.  For Python users, the plain values compare equal to
the plain data they stand for: an Int, Fd or Addr to its int, a Const to its name (and
its number), a Str or Path to its bytes and to its str, Flags to the set of its names
("O_CREAT" in flags works too).  strace counterpart: the print_* helpers' *inputs*.
"""
from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from ._records import dataclass


class Value:
    """Base class of every decoded value."""

    __slots__ = ()


def _text_eq(data: bytes, other: bytes | str) -> bool:
    return data == (other if isinstance(other, bytes) else os.fsencode(other))


class _Number(Value):
    """A value that is a plain number (`value`): compares and hashes as that int."""

    __slots__ = ()
    value: int

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int) and not isinstance(other, bool):
            return self.value == other
        return _same(self, other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value


class _Bytes(Value):
    """A value that is a byte string (`data`): compares to its bytes and its str."""

    __slots__ = ()
    data: bytes

    def __eq__(self, other: object) -> bool:
        return _text_eq(self.data, other) if isinstance(other, (bytes, str)) \
            else _same(self, other)

    def __hash__(self) -> int:
        return hash(self.data)

    def __str__(self) -> str:
        return os.fsdecode(self.data)

    def __bytes__(self) -> bytes:
        return self.data


def _same(a: Value, b: object) -> bool:
    """The dataclass equality: same type, equal fields (__match_args__ names every field
    of these records; dataclasses.fields() would import dataclasses: issue #11)."""
    return type(a) is type(b) and all(
        getattr(a, name) == getattr(b, name)
        for name in type(a).__match_args__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, eq=False)
class Int(_Number):
    """An integer.  fmt: "d" signed decimal, "u" unsigned decimal,
    "x" hex as C's %#x (0 stays "0"), "o" octal as %#o (0 stays "0", 0644 → "0644"),
    "x8" C's %#08x (0x00ff00, 0 → "00000000"), "x2" C's %#02x (0xff, 0 → "00"), "x16"
    C's %#016lx (a word in hex, 0x00000000000001)."""

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

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.name == other
        if isinstance(other, int) and not isinstance(other, bool):
            return self.value == other
        return _same(self, other)

    def __hash__(self) -> int:
        return hash(self.name)

    def __str__(self) -> str:
        return self.name


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

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (set, frozenset, list, tuple)):
            return not self.rest and set(self.names) == set(other)
        return _same(self, other)

    def __hash__(self) -> int:
        return hash(frozenset(self.names))

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)


@dataclass(frozen=True, slots=True, eq=False)
class Str(_Bytes):
    """Bytes printed as a quoted C string.  The decoder already cut the bytes at -s;
    `more` appends strace's "..." after the closing quote.  `hex`: every byte printed
    as \\xNN whatever -x says (random bytes, raw addresses)."""

    data: bytes
    more: bool = False
    hex: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class Path(_Bytes):
    """A pathname: quoted like Str, never cut at -s (strace prints paths whole).
    It is path-like (os.fspath gives its bytes)."""

    data: bytes
    more: bool = False

    def __fspath__(self) -> bytes:
        return self.data


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One end of an inet socket, as sock_diag reports it: an IP address in its usual
    text ("127.0.0.1", "::1") and a port.  -yy prints "127.0.0.1:80", "[::1]:80"."""

    address: str
    port: int


@dataclass(frozen=True, slots=True)
class Device:
    """A device number: kind "char" or "block", major and minor.  -yy prints
    "char 1:3" (in "/dev/null<char 1:3>")."""

    kind: str
    major: int
    minor: int


@dataclass(frozen=True, slots=True)
class FdTarget(Value):
    """What a descriptor refers to, as -y/-yy/--decode-fds= decorate it.

    kind: "file" (a path in the filesystem: a file, a directory, a device without -yy),
    "pipe" ("pipe:[123]"), "socket" ("socket:[456]"), "anon" (an anonymous inode:
    "anon_inode:[eventpoll]", "anon_inode:inotify"), "device" (-yy: a character or block
    device, `device` says which), "pidfd" (-yy: a process's pidfd, `pid` is that
    process), "other" (any other link, e.g. a namespace's "net:[4026531840]").
    path: the /proc/PID/fd/N link, without the " (deleted)" the kernel appends to a
    deleted file's (then `deleted`); pipes and sockets have their `inode`.
    A socket under -yy has its `protocol` ("TCP", "UDPv6", "UNIX-STREAM", "NETLINK")
    and, when sock_diag lists it, its endpoints: `local`/`peer` for inet sockets;
    `peer_inode` and the `bound` name (a Path, or an AbstractPath) for unix ones;
    for netlink ones `netlink` is the protocol's name without "NETLINK_" and the port id
    ("NETLINK:[SOCK_DIAG:1234]"), or the protocol's number alone ("NETLINK:[99]").
    strace prints "3</etc/passwd>", "3</tmp/x>(deleted)", "3<pipe:[123]>",
    "3<TCP:[127.0.0.1:40000->127.0.0.1:80]>", "3<UNIX-STREAM:[12->13,"/run/s"]>",
    "3<NETLINK:[456]>", "3</dev/null<char 1:3>>", "3<pid:1234>"."""

    kind: str
    path: str
    deleted: bool = False
    inode: int | None = None
    protocol: str | None = None
    local: Endpoint | None = None
    peer: Endpoint | None = None
    peer_inode: int | None = None
    bound: Path | AbstractPath | None = None
    device: Device | None = None
    pid: int | None = None
    netlink: tuple[str, int] | int | None = None


@dataclass(frozen=True, slots=True)
class Fd(Value):
    """A file descriptor; `target` what -y/-yy show of it (None: the bare number)."""

    num: int
    target: FdTarget | None = None

    @property
    def path(self) -> str | None:
        """The /proc/PID/fd/N link, when -y read it (a deleted file's without
        " (deleted)": see FdTarget.deleted)."""
        return self.target.path if self.target is not None else None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int) and not isinstance(other, bool):
            return self.num == other
        return _same(self, other)

    def __hash__(self) -> int:
        return hash(self.num)

    def __int__(self) -> int:
        return self.num

    def __index__(self) -> int:
        return self.num


@dataclass(frozen=True, slots=True, eq=False)
class Pid(_Number):
    """A process or thread id (or a process group's, a session's), as the tracee sees
    it; `comm` its name (/proc/PID/comm) when --decode-pids=comm (-Y) asked for it and
    the process exists; `ns_pid` the same id in pstrace's pid namespace, when
    --decode-pids=pidns asked for it and the tracee's namespace numbers it otherwise."""

    value: int
    comm: str | None = None
    ns_pid: int | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Addr(_Number):
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
class NetlinkMessage(Value):
    """One netlink message: its header (struct nlmsghdr, a Struct) and its payload
    (None: the message has none).  strace prints "[{nlmsg_len=...}, payload]", or the
    header alone."""

    header: Struct
    payload: Value | None = None


@dataclass(frozen=True, slots=True)
class NetlinkAttr(Value):
    """One netlink attribute: its header (struct nlattr, a Struct) and its value
    (None: the attribute has none).  strace prints "[{nla_len=..., nla_type=...},
    value]", or the header alone."""

    header: Struct
    value: Value | None = None


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
    """value /* text */ (strace's inline comments).  text: a fixed remark ("FD_???",
    "unterminated"), or a value strace explains the first one with (a Count: "/* 35 vars
    */", a LocalTime, an address).  -X raw leaves out the "/* XXX_??? */" of an unknown
    value unless `keep`."""

    value: Value | None
    text: str | Value
    keep: bool = False
    before: bool = False   # "/* text */ value" (openat2's "/* bytes 24..31 */ "...")


@dataclass(frozen=True, slots=True)
class Or(Value):
    """A number made of parts ORed together: "S_IFREG|0644", "SOCK_STREAM|SOCK_CLOEXEC",
    "FUTEX_OP_SET<<28|0<<12|...".  No parts: "0"."""

    items: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Mode(Value):
    """A file mode.  Permission bits print as C's %#03o ("0644", "000") in every -X
    style; a `symbolic` mode (st_mode, mknod's) names its file type and set-id bits
    first ("S_IFREG|S_ISUID|0755"), and -X raw prints its whole number in octal."""

    value: int
    names: tuple[str, ...] = ()
    perm: int | None = None   # the bits left after the names (None: value)
    symbolic: bool = False    # a st_mode-like field: -X raw/verbose show the number


@dataclass(frozen=True, slots=True)
class Multiple(Value):
    """A number that is a whole multiple of a unit, printed "8192*1024" (strace's
    rlimits); -X raw prints the number."""

    value: int
    unit: int


@dataclass(frozen=True, slots=True)
class Set(Value):
    """A set of numbers as strace prints it: "[0 1 64]" (CPU masks, select's fd sets);
    negated: the complement, "~[ICMP_ECHO]" (strace's icmp_filter)."""

    items: tuple[Value, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Named(Value):
    """A keyword argument strace prints as "name=value" (clone's child_stack=...)."""

    name: str
    value: Value


@dataclass(frozen=True, slots=True)
class Indexed(Value):
    """An array element printed with its index, by name or number: "[VINTR]=0x3",
    "[17]=0" (termios c_cc); or by a value that follows -X ("[DEVCONF_FORWARDING]=1",
    -X raw "[0]=1": netlink's indexed arrays, io_uring_register's worker counts)."""

    index: str | int | Value
    value: Value


@dataclass(frozen=True, slots=True)
class Shifted(Value):
    """A field shifted into place: "FUTEX_OP_ADD<<28", "B38400<<IBSHIFT"."""

    value: Value
    shift: int | str


@dataclass(frozen=True, slots=True)
class Offset(Value):
    """A base and an offset from it: "SKF_AD_OFF+4"."""

    base: Value
    delta: Value


@dataclass(frozen=True, slots=True)
class Labeled(Value):
    """A value with the word strace puts before it: "left {tv_sec=1, ...}",
    "flags O_RDWR", "in [3 4]"."""

    label: str
    value: Value


@dataclass(frozen=True, slots=True)
class Parts(Value):
    """Several results in one return comment, comma-separated:
    "[{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=999}" (poll), "in [3], out [4]"."""

    items: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Note(Value):
    """A fixed remark strace prints instead of, or after, a value: poll's "Timeout"
    return comment, execve's "unterminated" environment, "BPF_???" for an unknown code
    in -X verbose's comment."""

    text: str


@dataclass(frozen=True, slots=True)
class Verbatim(Value):
    """An argument of a strace log that pstrace.parse() keeps as the text it read,
    because no typed value prints as that text (a form the log reader does not know)."""

    text: str


@dataclass(frozen=True, slots=True)
class Ref(Value):
    """The address of a named field, in strace's C-like forms: "&sin6_addr"."""

    name: str


@dataclass(frozen=True, slots=True)
class AbstractPath(Value):
    """An abstract unix socket name: @"name" (its first byte, NUL, printed as @)."""

    data: bytes


@dataclass(frozen=True, slots=True)
class WaitStatus(Value):
    """A wait status: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}].  kind: "exited" (code),
    "signaled" (signal, core), "stopped" (signal; `syscall_stop`: the 0x80 bit
    PTRACE_O_TRACESYSGOOD adds to a syscall stop's signal), "continued", "unknown"
    (code: the whole status, which none of the W* macros explains); `event`: the bits
    from 16 up, a ptrace stop's PTRACE_EVENT_* (None when they are 0)."""

    kind: str
    code: int = 0
    signal: str = ""
    core: bool = False
    syscall_stop: bool = False
    event: Value | None = None


@dataclass(frozen=True, slots=True)
class Resuming(Value):
    """restart_syscall's argument: "<... resuming interrupted nanosleep ...>"."""

    name: str


@dataclass(frozen=True, slots=True)
class Errno(Value):
    """A return value that is an error number the kernel zero-extended (modify_ldt's
    int): "4294967258 ENOSYS (Function not implemented)"."""

    value: int
    errno: int


@dataclass(frozen=True, slots=True)
class Sym(Value):
    """One value with a symbolic and a numeric form (strace's -X styles): -X abbrev
    (the default) prints `sym`, -X raw `raw`, -X verbose "raw /* sym */"
    (e.g. rlim_cur=8192*1024 / 8388608 / 8388608 /* 8192*1024 */).  `note`, when
    given, is the comment of -X verbose instead of `sym` (sockaddr's sin6_addr: abbrev
    `inet_pton(AF_INET6, "::1", &sin6_addr)`, verbose
    `sin6_addr="..." /* inet_pton(AF_INET6, "::1") */`)."""

    raw: Value | None   # None: -X raw prints nothing (statx's zero AT_STATX_SYNC_AS_STAT)
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


@dataclass(frozen=True, slots=True)
class Unreadable(Value):
    """Where an array runs into memory that could not be read, at `addr`: strace ends
    the elements it printed with "... /* 0x7ffe0000 */" (argv, iovecs, poll's fds)."""

    addr: int


@dataclass(frozen=True, slots=True)
class Count(Value):
    """How many things a comment counts: "35 vars", "1 var", "5 entries".  `one` is
    the word strace uses for one of them, `many` for any other number."""

    n: int
    one: str
    many: str


@dataclass(frozen=True, slots=True)
class Sizeof(Value):
    """A size as strace's comment explains it, a number of C objects:
    "2 * sizeof(struct ifreq)" (SIOCGIFCONF's ifc_len)."""

    count: int
    ctype: str


@dataclass(frozen=True, slots=True)
class ByteRange(Value):
    """Bytes `first` to `last` of a struct, as a comment names them: "bytes 24..31"
    (openat2's open_how bytes past the known fields)."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class LocalTime(Value):
    """A time (seconds and nanoseconds since the epoch) as strace's comments show it, in
    the local time zone: "2023-11-14T22:13:20+0000", "2023-11-14T22:13:20.123456789+0000"
    when nsec is not 0 (stat's st_mtime, time()'s return); `digits` 6 for a struct
    timeval's microseconds ("...:48.567891+0000")."""

    sec: int
    nsec: int = 0
    digits: int = 9


@dataclass(frozen=True, slots=True)
class Ticks(Value):
    """A clock_t: `value` clock ticks, `hz` a second.  strace prints the seconds in a
    comment ("64 /* 0.64 s */", 0 alone as "0"); -X raw the number alone."""

    value: int
    hz: int


@dataclass(frozen=True, slots=True)
class HwAddr(Value):
    """A hardware (MAC) address, as strace spells it in a comment: "00:11:22:33:44:55"."""

    data: bytes


@dataclass(frozen=True, slots=True)
class Ambiguous(Value):
    """A number several names stand for (ioctl requests that share a code), printed
    with all of them: "SNDCTL_TMR_START or TCSETS"; -X raw the number (%#x), -X verbose
    "0x5402 /* SNDCTL_TMR_START or TCSETS */".  It compares equal to each name."""

    names: tuple[str, ...]
    value: int

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return other in self.names
        if isinstance(other, int) and not isinstance(other, bool):
            return self.value == other
        return _same(self, other)

    def __hash__(self) -> int:
        return hash(self.value)


class _Elided(Value):
    """strace's bare "..." (an argument or element left out)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ELIDED"


ELIDED = _Elided()
NULL = Addr(0)
