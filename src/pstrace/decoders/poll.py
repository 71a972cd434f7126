"""I/O multiplexing: poll, ppoll, select, pselect6.

The return value carries strace's comment: "= 0 (Timeout)", poll's
"= 1 ([{fd=3, revents=POLLIN}])", select's "= 2 (in [3], out [4])", and the remaining
time ", left {...}" when a timeout was given.

strace counterpart: poll.c, select.c (decode_select, the fd-set printer), and the
timespec/timeval printers.  Checked against strace 6.1 with tests/syscalls/io_poll.c.
"""
from __future__ import annotations

import struct

from ..values import (
    Addr,
    Array,
    Int,
    Labeled,
    Note,
    Parts,
    Set,
    Struct,
    Styled,
    Unreadable,
    Value,
)
from ..xlat import POLL_EVENTS
from .base import Call, DecodeGen, decoder, flags
from .signal import sigset_at
from .time import timespec_at, timeval_at

_POLLFD = struct.Struct("<ihh")          # struct pollfd: int fd, short events, short revents
_SIGSET_ARG = struct.Struct("<QQ")       # pselect6's 6th argument: {const sigset_t *ss; size_t len}
_MAX_FDSET_FDS = 1024 * 1024            # strace reads no larger fd_set
_REVENTS_BUDGET = 997                    # observed: "[{fd=..}, ..." items end before column 997


# --- time -------------------------------------------------------------------------------
def _time_at(c: Call, addr: int, frac: str) -> Value:
    """A timespec (frac "tv_nsec") or timeval (frac "tv_usec") argument."""
    return timespec_at(c, addr) if frac == "tv_nsec" else timeval_at(c, addr)


# --- poll / ppoll -------------------------------------------------------------------------
def _events(value: int) -> Value:
    return flags(POLL_EVENTS, value & 0xFFFF)


def _pollfds(c: Call, addr: int, count: int) -> tuple[Value, list[tuple[int, int, int]]]:
    """The entry array [{fd=3, events=POLLIN}, ...] and the raw entries read."""
    if not addr:
        return Addr(0), []
    if count == 0:
        return Array(()), []
    shown = count if c.opts.verbose else min(count, c.opts.max_strlen)
    # strace fetches the first element before it looks at the -s limit: an unreadable
    # array prints its address even with -s 0
    raw = c.read(addr, max(shown, 1) * _POLLFD.size)
    failed_at = None
    if raw is None:   # element by element: those before the unreadable one print
        raw = b""
        for i in range(max(shown, 1)):
            one = c.read(addr + i * _POLLFD.size, _POLLFD.size)
            if one is None:
                failed_at = addr + i * _POLLFD.size
                break
            raw += one
        if not raw:
            return Addr(addr), []
    entries = [_POLLFD.unpack_from(raw, i * _POLLFD.size)
               for i in range(min(shown, len(raw) // _POLLFD.size))]
    items: list[Value] = []
    for fd, events, _ in entries:
        if fd < 0:
            items.append(Struct((("fd", c.fd_value(fd)),)))
        else:
            items.append(Struct((("fd", c.fd_value(fd)), ("events", _events(events)))))
    if failed_at is None and shown < count and \
            c.read(addr + shown * _POLLFD.size, _POLLFD.size) is None:
        failed_at = addr + shown * _POLLFD.size   # strace fetches one past the -s cut
    if failed_at is not None:
        # strace: "..., ... /* ADDR */" where the array runs into unreadable memory
        items.append(Unreadable(failed_at))
        return Array(tuple(items)), entries
    return Array(tuple(items), elided=shown < count), entries


def _revents(c: Call, addr: int, count: int) -> Value | None:
    """At exit: the entries with revents set, [{fd=3, revents=POLLIN}, ...]."""
    limit = c.opts.max_strlen
    raw = c.read(addr, min(count, 1 << 16) * _POLLFD.size)
    if raw is None:
        return None
    items: list[Value] = []
    elided = False
    for i in range(len(raw) // _POLLFD.size):
        fd, _, revents = _POLLFD.unpack_from(raw, i * _POLLFD.size)
        if not revents:
            continue
        if len(items) >= limit and not c.opts.verbose:
            elided = True
            break
        # the return comment shows bare numbers, even with -y
        items.append(Struct((("fd", Int(fd)), ("revents", _events(revents)))))
    # strace builds this comment in a 1024-byte buffer and stops 27 bytes short of its end
    return Array(tuple(items), elided, budget=_REVENTS_BUDGET)


def _poll_result(c: Call, left: Value | None) -> None:
    if c.failed:
        return
    if c.ret == 0:
        c.rcomment = Note("Timeout")
        return
    rev = _revents(c, c.args[0], c.args[1] & 0xFFFFFFFF)
    parts: list[Value] = []
    if rev is not None:
        parts.append(rev)
    if left is not None:
        parts.append(Labeled("left", left))
    if parts:   # revents follow -X (strace: "revents=0x1" with -X raw)
        c.rcomment = Styled(Parts(tuple(parts)))


@decoder("poll")
def _poll(c: Call) -> DecodeGen:
    fds, _ = _pollfds(c, c.args[0], c.uint(1))
    yield [fds, c.uint_(1)]
    _poll_result(c, None)
    return [c.int_(2)]


@decoder("ppoll")
def _ppoll(c: Call) -> DecodeGen:
    fds, _ = _pollfds(c, c.args[0], c.uint(1))
    entry = [fds, c.uint_(1), _time_at(c, c.args[2], "tv_nsec"),
             sigset_at(c, c.args[3], c.args[4])]
    yield entry
    left = None
    if c.args[2] and not c.failed and c.ret and c.opts.deref:   # none outside -e verbose=
        left = _time_at(c, c.args[2], "tv_nsec")
    _poll_result(c, left)
    return [c.ulong(4)]


# --- select / pselect6 -------------------------------------------------------------------------
def _fdset_size(nfds: int) -> int:
    """Bytes of an fd_set covering nfds descriptors, in whole longs as the kernel reads it."""
    return (nfds + 63) // 64 * 8


def _fdset(c: Call, addr: int, nfds: int, paths: bool = False,
           always: bool = False) -> tuple[Value, list[int] | None]:
    """[3 5]: the set bits below nfds (with their -y paths when `paths`); NULL; or the
    address when unreadable (or nfds < 0).  `always`: read even outside -e verbose=
    (strace's return comment "in [3]" is printed there too)."""
    if not addr:
        return Addr(0), None
    # as strace (and the kernel): a negative count is 0, a huge one 1024*1024 descriptors;
    # with no bytes to read strace prints the address
    nfds = min(max(nfds, 0), _MAX_FDSET_FDS)
    size = _fdset_size(nfds)
    if not size:
        return Addr(addr), None
    data = c.mem.read(c.pid, addr, size) if always else c.read(addr, size)
    if data is None:
        return Addr(addr), None
    bits = int.from_bytes(data, "little") & ((1 << nfds) - 1)
    fds = []
    while bits:
        low = bits & -bits
        fds.append(low.bit_length() - 1)
        bits ^= low
    if paths and c.opts.decode_fds:
        return Set(tuple(c.fd_value(fd) for fd in fds)), fds
    return Set(tuple(Int(fd) for fd in fds)), fds


def _select_entry(c: Call) -> list[Value]:
    nfds = c.sint(0)
    return [c.int_(0), *(_fdset(c, c.args[i], nfds, True)[0] for i in (1, 2, 3))]


def _select_result(c: Call, frac: str) -> None:
    if c.failed:
        return
    if c.ret == 0:
        c.rcomment = Note("Timeout")
        return
    nfds = c.sint(0)
    parts: list[Value] = []
    ready = c.ret   # strace lists no more descriptors than the call said were ready
    for label, i in (("in", 1), ("out", 2), ("except", 3)):
        if not c.args[i] or ready <= 0:
            continue
        _, fds = _fdset(c, c.args[i], nfds, always=True)
        if fds:
            shown = fds[:ready]
            ready -= len(shown)
            parts.append(Labeled(label, Set(tuple(Int(fd) for fd in shown))))
    if c.args[4]:
        parts.append(Labeled("left", _time_at(c, c.args[4], frac)))
    # "()" when the sets the kernel wrote back are empty (one buffer passed as all three)
    c.rcomment = Parts(tuple(parts))


@decoder("select")
def _select(c: Call) -> DecodeGen:
    c.sep_late = True   # all arguments at entry, the result only in the return comment
    yield [*_select_entry(c), _time_at(c, c.args[4], "tv_usec")]
    _select_result(c, "tv_usec")
    return []


def sigmask_arg(c: Call, addr: int) -> Value:
    """pselect6's and io_pgetevents' last argument: {sigmask=[TERM], sigsetsize=8}."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _SIGSET_ARG)
    if got is None:
        return Addr(addr)
    ss, size = got
    return Struct((("sigmask", sigset_at(c, ss, size)), ("sigsetsize", Int(size, "u"))))


@decoder("pselect6")
def _pselect6(c: Call) -> DecodeGen:
    c.sep_late = True
    yield [*_select_entry(c), _time_at(c, c.args[4], "tv_nsec"), sigmask_arg(c, c.args[5])]
    _select_result(c, "tv_nsec")
    return []
