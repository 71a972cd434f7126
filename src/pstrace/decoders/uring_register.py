"""io_uring_register(2): the ring's descriptor, the opcode, the opcode's argument, nr_args.

strace counterpart: io_uring.c (SYS_FUNC(io_uring_register) and its print_io_uring_*
helpers).  The argument, by opcode: an iovec array (buffers: bases as addresses), an
array of descriptors (files, eventfd), struct io_uring_files_update, struct
io_uring_probe (filled by the kernel: printed again at exit after " => " when the caller
passed something else than zeros), an array of struct io_uring_restriction, struct
io_uring_rsrc_register / io_uring_rsrc_update2 (nr_args is their size: under 32 the
address, past 32 the nonzero bytes), a CPU set (IOWQ_AFF), the worker counts by io-wq
class (IOWQ_MAX_WORKERS, also written back), arrays of struct io_uring_rsrc_update (ring
fds), struct io_uring_buf_reg; the address for the other opcodes.
"""
from __future__ import annotations

import mmap
import struct

from .. import xlat as X
from ..values import Addr, Array, Changed, Comment, Const, Indexed, Int, Struct, Value
from ._fs_common import array, nonzero_tail, tracee_array
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .io import iov_array
from .misc import cpu_set

Field = tuple[str | None, Value]
_I32 = struct.Struct("<i")
_U32 = struct.Struct("<I")
_U64 = struct.Struct("<Q")
_FILES_UPDATE = struct.Struct("<IIQ")          # offset, resv, fds
_PROBE = struct.Struct("<BBH3I")                 # last_op, ops_len, resv, resv2[3]
_PROBE_OP = struct.Struct("<BBHI")               # op, resv, flags, resv2
_RESTRICTION = struct.Struct("<HBB3I")           # opcode, the union byte, resv, resv2[3]
_RSRC_REGISTER = struct.Struct("<IIQQQ")         # nr, flags, resv2, data, tags
_RSRC_UPDATE2 = struct.Struct("<IIQQII")         # offset, resv, data, tags, nr, resv2
_RSRC_UPDATE = struct.Struct("<IIQ")             # offset, resv, data
_BUF_REG = struct.Struct("<QIHH3Q")              # ring_addr, ring_entries, bgid, pad, resv[3]
_MAX_PROBE_OPS = 256


def _fd(c: Call, v: int) -> Value:
    return c.fd_value(s32(v))


def _fd_array(c: Call, addr: int, n: int) -> Value:
    return tracee_array(c, addr, n, _I32, lambda g: c.fd_value(g[0]))


def _files_update_fds(c: Call, addr: int, n: int) -> Value:
    """Descriptors, and IORING_REGISTER_FILES_SKIP for the ones to leave as they are."""
    def item(g: tuple[int, ...]) -> Value:
        fd: int = g[0]
        if fd < -1:
            name = X.URING_FILES_UPDATE_FDS.name(fd)
            return Const(name, fd, "d") if name else Int(fd)
        return c.fd_value(fd)
    return tracee_array(c, addr, n, _I32, item)


def _hex_items(values: tuple[int, ...]) -> Array:
    return Array(tuple(Int(v, "x") for v in values))


def _files_update(c: Call, addr: int, n: int) -> Value:
    got = c.read_struct(addr, _FILES_UPDATE) if addr else None
    if got is None:
        return Addr(addr)
    offset, resv, fds = got
    f: list[Field] = [("offset", Int(offset, "u"))]
    if resv:
        f.append(("resv", Int(resv, "x")))
    f.append(("fds", _files_update_fds(c, fds, n)))
    return Struct(tuple(f))


def _probe_op(g: tuple[int, ...]) -> Value:
    op, resv, flags, resv2 = g
    f: list[Field] = [("op", const(X.URING_OPS, op, "u", comment="IORING_OP_???"))]
    if resv:
        f.append(("resv", Int(resv, "x")))
    f.append(("flags", flags_or_unknown(X.URING_OP_FLAGS, flags, "IO_URING_OP_???")))
    if resv2:
        f.append(("resv2", Int(resv2, "x")))
    return Struct(tuple(f))


def _probe_value(c: Call, data: bytes, count: int, truncated: bool) -> Value:
    last_op, ops_len, resv, *resv2 = _PROBE.unpack_from(data)
    f: list[Field] = [("last_op", const(X.URING_OPS, last_op, "u", comment="IORING_OP_???")),
                      ("ops_len", Int(ops_len, "u"))]
    if resv:
        f.append(("resv", Int(resv, "x")))
    if any(resv2):
        f.append(("resv2", _hex_items(tuple(resv2))))
    ops = array(c, [_probe_op(_PROBE_OP.unpack_from(data, _PROBE.size + i * _PROBE_OP.size))
                    for i in range(count)])
    f.append(("ops", Array(ops.items, elided=ops.elided or truncated)))
    return Struct(tuple(f))


def _probe(c: Call, head: list[Value], addr: int, n: int) -> DecodeGen:
    """Printed at entry when not all zeros, and (again, after " => ") at exit."""
    size = _PROBE.size + _PROBE_OP.size * n
    data = c.fetch(addr, size) if addr and n <= _MAX_PROBE_OPS else None
    if data is None:
        yield head
        return [Addr(addr)]
    shown = any(data)
    before = _probe_value(c, data, n, False) if shown else None
    yield head
    after = None if c.failed else c.fetch(addr, size)
    if after is None:
        return [before or Addr(addr)]
    ops_len = after[1]
    now = _probe_value(c, after, min(ops_len, n), n < ops_len)
    return [now if before is None else Changed(before, now)]


def _restriction(g: tuple[int, ...]) -> Value:
    opcode, op, resv, *resv2 = g
    f: list[Field] = []
    head = const(X.URING_RESTRICTION_OPCODES, opcode, comment="IORING_RESTRICTION_???")
    kind = X.URING_RESTRICTION_OPCODES.name(opcode)
    if kind == "IORING_RESTRICTION_REGISTER_OP":
        f += [("opcode", head), ("register_op", const(X.URING_REGISTER_OPCODES, op,
                                                      comment="IORING_REGISTER_???"))]
    elif kind == "IORING_RESTRICTION_SQE_OP":
        f += [("opcode", head), ("sqe_op", const(X.URING_OPS, op, comment="IORING_OP_???"))]
    elif kind is not None:
        f += [("opcode", head), ("sqe_flags", flags_or_unknown(X.URING_SQE_FLAGS, op,
                                                               "IOSQE_???"))]
    else:
        f.append(("opcode", Comment(head, f"op: {op:#x}" if op else "op: 0")))
    if resv:
        f.append(("resv", Int(resv, "x")))
    if any(resv2):
        f.append(("resv2", _hex_items(tuple(resv2))))
    return Struct(tuple(f))


def _rsrc_data(c: Call, opcode: str, data: int, nr: int) -> list[Field]:
    if opcode == "IORING_REGISTER_FILES2":
        return [("data", _fd_array(c, data, nr))]
    if opcode == "IORING_REGISTER_FILES_UPDATE2":
        return [("data", _files_update_fds(c, data, nr))]
    return [("data", iov_array(c, data, nr, contents=False))]


def _tags(c: Call, tags: int, nr: int) -> Field:
    return ("tags", tracee_array(c, tags, nr, _U64, lambda g: Int(g[0], "x")))


def _tail(c: Call, addr: int, start: int, size: int) -> list[Field]:
    extra = nonzero_tail(c, addr, start, min(size, mmap.PAGESIZE)) if size > start else None
    return [] if extra is None else [(None, extra)]


def _rsrc_register(c: Call, opcode: str, addr: int, size: int) -> Value:
    got = c.read_struct(addr, _RSRC_REGISTER) if addr and size >= _RSRC_REGISTER.size else None
    if got is None:
        return Addr(addr)
    nr, flags, resv2, data, tags = got
    f: list[Field] = [("nr", Int(nr, "u")), ("flags", flags_or_unknown(
        X.URING_REGISTER_RSRC_FLAGS, flags, "IORING_RSRC_REGISTER_???"))]
    if resv2:
        f.append(("resv2", Int(resv2, "x")))
    f += _rsrc_data(c, opcode, data, nr)
    f.append(_tags(c, tags, nr))
    return Struct(tuple(f + _tail(c, addr, _RSRC_REGISTER.size, size)))


def _rsrc_update(c: Call, opcode: str, addr: int, size: int) -> Value:
    got = c.read_struct(addr, _RSRC_UPDATE2) if addr and size >= _RSRC_UPDATE2.size else None
    if got is None:
        return Addr(addr)
    offset, resv, data, tags, nr, resv2 = got
    f: list[Field] = [("offset", Int(offset, "u"))]
    if resv:
        f.append(("resv", Int(resv, "x")))
    f += _rsrc_data(c, opcode, data, nr)
    f += [_tags(c, tags, nr), ("nr", Int(nr, "u"))]
    if resv2:
        f.append(("resv2", Int(resv2, "x")))
    return Struct(tuple(f + _tail(c, addr, _RSRC_UPDATE2.size, size)))


def _ring_fds(c: Call, addr: int, n: int, register: bool) -> Value:
    def item(g: tuple[int, ...]) -> Value:
        offset, resv, data = g
        f: list[Field] = [("offset", Int(-1 if register and offset == 0xFFFFFFFF else offset,
                                         "d" if register else "u"))]
        if resv:
            f.append(("resv", Int(resv, "x")))
        if register:
            f.append(("data", _fd(c, data)))
        elif data:
            f.append(("data", Int(data, "x")))
        return Struct(tuple(f))
    return tracee_array(c, addr, n, _RSRC_UPDATE, item)


def _buf_reg(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _BUF_REG) if addr else None
    if got is None:
        return Addr(addr)
    ring_addr, entries, bgid, pad, *resv = got
    f: list[Field] = [("ring_addr", Addr(ring_addr)), ("ring_entries", Int(entries, "u")),
                      ("bgid", Int(bgid, "u"))]
    if pad:
        f.append(("pad", Int(pad, "x")))
    if any(resv):
        f.append(("resv", _hex_items(tuple(resv))))
    return Struct(tuple(f))


def _iowq_counts(c: Call, addr: int, n: int) -> tuple[Value, bool]:
    """[[IO_WQ_BOUND]=N, [IO_WQ_UNBOUND]=M]; whether it was read whole (strace then
    prints it again at exit)."""
    pos = iter(range(n))

    def item(g: tuple[int, ...]) -> Value:
        i = next(pos)
        return Indexed(const(X.URING_IOWQ_ACCT, i, "u", comment="IO_WQ_???"), Int(g[0], "u"))
    got = tracee_array(c, addr, n, _U32, item)
    whole = isinstance(got, Array) and len(got.items) > 0 and not any(
        not isinstance(v, Indexed) for v in got.items)
    return got, whole


def _iowq_max_workers(c: Call, head: list[Value], addr: int, n: int) -> DecodeGen:
    before, again = _iowq_counts(c, addr, n)
    yield head
    if not again:
        return [before]
    after = Addr(addr) if c.failed else _iowq_counts(c, addr, n)[0]
    return [Changed(before, after)]


def _entry_arg(c: Call, opcode: str, addr: int, n: int) -> Value:
    if opcode == "IORING_REGISTER_BUFFERS":
        return iov_array(c, addr, n, contents=False)
    if opcode in ("IORING_REGISTER_FILES", "IORING_REGISTER_EVENTFD",
                  "IORING_REGISTER_EVENTFD_ASYNC"):
        return _fd_array(c, addr, n)
    if opcode == "IORING_REGISTER_FILES_UPDATE":
        return _files_update(c, addr, n)
    if opcode == "IORING_REGISTER_RESTRICTIONS":
        return tracee_array(c, addr, n, _RESTRICTION, _restriction)
    if opcode in ("IORING_REGISTER_FILES2", "IORING_REGISTER_BUFFERS2"):
        return _rsrc_register(c, opcode, addr, n)
    if opcode in ("IORING_REGISTER_FILES_UPDATE2", "IORING_REGISTER_BUFFERS_UPDATE"):
        return _rsrc_update(c, opcode, addr, n)
    if opcode == "IORING_REGISTER_IOWQ_AFF":
        return cpu_set(c, addr, n) if addr else Addr(0)
    if opcode in ("IORING_REGISTER_RING_FDS", "IORING_UNREGISTER_RING_FDS"):
        return _ring_fds(c, addr, n, opcode == "IORING_REGISTER_RING_FDS")
    if opcode in ("IORING_REGISTER_PBUF_RING", "IORING_UNREGISTER_PBUF_RING"):
        return _buf_reg(c, addr)
    return Addr(addr)


@decoder("io_uring_register")
def _io_uring_register(c: Call) -> DecodeGen:
    opcode_num, addr, n = c.uint(1), c.args[2], c.uint(3)
    head = [c.fd(0), const(X.URING_REGISTER_OPCODES, opcode_num,
                           comment="IORING_REGISTER_???")]
    opcode = X.URING_REGISTER_OPCODES.name(opcode_num) or ""
    if opcode == "IORING_REGISTER_PROBE":
        arg = yield from _probe(c, head, addr, n)
    elif opcode == "IORING_REGISTER_IOWQ_MAX_WORKERS":
        arg = yield from _iowq_max_workers(c, head, addr, n)
    else:
        c.sep_late = True   # decoded whole at entry: nothing follows at exit
        yield [*head, _entry_arg(c, opcode, addr, n), Int(n, "u")]
        return []
    return [*arg, Int(n, "u")]
