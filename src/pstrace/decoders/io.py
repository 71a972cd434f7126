"""Data-moving syscalls: read/write, pread64/pwrite64, the vectored readv/writev/preadv/
pwritev/preadv2/pwritev2, lseek, sendfile, splice, vmsplice, tee, copy_file_range.

strace counterpart: io.c (read/write, vmsplice, iovecs: tprint_iov_upto), lseek.c, sendfile.c,
splice.c (tee, splice), copy_file_range.c.  Every format was checked against strace 6.1
with tests/syscalls/io_rw.c (default, -v, -s 8).
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Unreadable, Value
from ..xlat import RWF_FLAGS, SEEK_WHENCE, SPLICE_FLAGS
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

IOVEC = struct.Struct("<QQ")       # struct iovec (x86_64): iov_base, iov_len
_S64 = struct.Struct("<q")
_U64 = struct.Struct("<Q")
_MAX_ELEMENTS = 1 << 16            # never read more iovecs than this (-v, huge counts)


# --- iovec arrays ---------------------------------------------------------------------
def iov_array(c: Call, addr: int, count: int, data_size: int | None = None,
              contents: bool = True) -> Value:
    """strace's tprint_iov_upto: [{iov_base="...", iov_len=N}, ...].

    data_size limits how many bytes of contents are shown in total (readv's return
    value; None = every element whole, writev); each element is then cut at -s on its
    own.  contents=False prints the bases as addresses (a failed readv).  Without -v at
    most -s elements are shown, then "...".  An unreadable array prints its address."""
    if not addr:
        return Addr(0)
    if count == 0:
        return Array(())
    if count * IOVEC.size >= 1 << 64 or addr + count * IOVEC.size > 1 << 64:
        return Addr(addr)
    limit = count if c.opts.verbose else min(count, c.opts.max_strlen + 1)
    limit = min(limit, _MAX_ELEMENTS)
    raw = c.read(addr, limit * IOVEC.size)
    elems: list[tuple[int, int]] = []
    failed_at: int | None = None
    if raw is not None:
        elems = [IOVEC.unpack_from(raw, i * IOVEC.size) for i in range(limit)]
    else:
        for i in range(limit):
            got = c.read_struct(addr + i * IOVEC.size, IOVEC)
            if got is None:
                failed_at = addr + i * IOVEC.size
                break
            elems.append(got)
        if not elems:
            return Addr(addr)
    items: list[Value] = []
    remaining = data_size
    elided = False
    for i, (base, length) in enumerate(elems):
        if i >= c.opts.max_strlen and not c.opts.verbose:
            elided = True
            break
        if not contents:
            base_v: Value = Addr(base)
        else:
            n = length if remaining is None else min(length, remaining)
            if remaining is not None:
                remaining -= n
            base_v = c.buf(base, n)
        items.append(Struct((("iov_base", base_v), ("iov_len", Int(length, "u")))))
    if failed_at is not None and not elided:
        # strace: "..., ... /* 0xADDR */" when an element past the first is unreadable
        items.append(Unreadable(failed_at))
    return Array(tuple(items), elided)


# --- read / write -----------------------------------------------------------------------
def _read_exit(c: Call, addr: int) -> Value:
    """An input buffer at exit: what the kernel wrote (ret bytes), the address on failure."""
    if c.failed:
        return Addr(addr)
    return c.buf(addr, c.ret)


@decoder("read")
def _read(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_read_exit(c, c.args[1]), c.ulong(2)]


@decoder("write")
def _write(c: Call) -> list[Value]:
    return [c.fd(0), c.buf(c.args[1], c.args[2]), c.ulong(2)]


@decoder("pread64")
def _pread64(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_read_exit(c, c.args[1]), c.ulong(2), c.long(3)]


@decoder("pwrite64")
def _pwrite64(c: Call) -> list[Value]:
    return [c.fd(0), c.buf(c.args[1], c.args[2]), c.ulong(2), c.long(3)]


# --- vectored I/O ---------------------------------------------------------------------
def _readv_exit(c: Call) -> Value:
    if c.failed:
        return iov_array(c, c.args[1], c.args[2], contents=False)
    return iov_array(c, c.args[1], c.args[2], data_size=c.ret)


@decoder("readv")
def _readv(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_readv_exit(c), c.ulong(2)]


@decoder("writev")
def _writev(c: Call) -> list[Value]:
    return [c.fd(0), iov_array(c, c.args[1], c.args[2]), c.ulong(2)]


# x86_64 passes preadv's offset in two registers (pos_l, pos_h); on a 64-bit kernel the
# low register holds the whole offset and strace prints it as a signed 64-bit number.
@decoder("preadv")
def _preadv(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_readv_exit(c), c.ulong(2), c.long(3)]


@decoder("pwritev")
def _pwritev(c: Call) -> list[Value]:
    return [c.fd(0), iov_array(c, c.args[1], c.args[2]), c.ulong(2), c.long(3)]


def _rwf(value: int) -> Value:
    return flags_or_unknown(RWF_FLAGS, value, "RWF_???")


@decoder("preadv2")
def _preadv2(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [_readv_exit(c), c.ulong(2), c.long(3), _rwf(c.args[5])]


@decoder("pwritev2")
def _pwritev2(c: Call) -> list[Value]:
    return [c.fd(0), iov_array(c, c.args[1], c.args[2]), c.ulong(2), c.long(3),
            _rwf(c.args[5])]


# --- lseek ------------------------------------------------------------------------------
@decoder("lseek")
def _lseek(c: Call) -> list[Value]:
    return [c.fd(0), c.long(1), const(SEEK_WHENCE, c.uint(2), comment="SEEK_???")]


# --- sendfile, splice, tee, copy_file_range -------------------------------------------------
def offset_at(c: Call, addr: int, st: struct.Struct = _S64) -> Value:
    """An off_t/loff_t passed by pointer: [N], NULL, or the address (`st`: how strace
    reads the number, signed but for sendfile's)."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, st)
    return Addr(addr) if got is None else Array((Int(got[0]),))


@decoder("sendfile")
def _sendfile(c: Call) -> DecodeGen:
    # the offset is in/out: "[2] => [12]" when the call copied something; strace prints
    # it unsigned ([18446744073709551615] for -1), unlike splice's and copy_file_range's
    before = offset_at(c, c.args[2], _U64)
    yield [c.fd(0), c.fd(1)]
    off: Value = before
    if not c.failed and c.ret and isinstance(before, Array):
        after = offset_at(c, c.args[2], _U64)
        if isinstance(after, Array):
            from ..values import Changed
            off = Changed(before, after)
    return [off, c.ulong(3)]


def _splice_flags(value: int) -> Value:
    return flags_or_unknown(SPLICE_FLAGS, value, "SPLICE_F_???")


@decoder("vmsplice")
def _vmsplice(c: Call) -> list[Value]:
    return [c.fd(0), iov_array(c, c.args[1], c.args[2]), c.ulong(2),
            _splice_flags(c.uint(3))]


@decoder("splice")
def _splice(c: Call) -> list[Value]:
    return [c.fd(0), offset_at(c, c.args[1]), c.fd(2), offset_at(c, c.args[3]),
            c.ulong(4), _splice_flags(c.uint(5))]


@decoder("tee")
def _tee(c: Call) -> list[Value]:
    return [c.fd(0), c.fd(1), c.ulong(2), _splice_flags(c.uint(3))]


@decoder("copy_file_range")
def _copy_file_range(c: Call) -> list[Value]:
    return [c.fd(0), offset_at(c, c.args[1]), c.fd(2), offset_at(c, c.args[3]),
            c.ulong(4), c.uint_(5)]
