"""Linux AIO: io_setup (the new context written back), io_destroy, io_submit (the
struct iocb array, each request by its opcode: the buffer written, the iovecs, the poll
events), io_cancel (the request's header, the io_event at exit), io_getevents and
io_pgetevents (the struct io_event array, the timeout and the signal mask, read at
exit whether the call failed or not).

strace counterpart: aio.c.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import AIO_CMDS, AIO_IOCB_FLAGS, POLL_EVENTS, RWF_FLAGS
from ._fs_common import array, tracee_array, xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32, s64
from .io import iov_array
from .ioprio import ioprio
from .poll import sigmask_arg
from .time import timespec_at

_CTX = struct.Struct("<Q")
_PTR = struct.Struct("<Q")
_IO_EVENT = struct.Struct("<QQqq")
# struct iocb: aio_data, aio_key, aio_rw_flags, aio_lio_opcode, aio_reqprio, aio_fildes,
# aio_buf, aio_nbytes, aio_offset, aio_reserved2, aio_flags, aio_resfd
_IOCB = struct.Struct("<QIiHhIQQqQII")
_PWRITE = xval(AIO_CMDS, "IOCB_CMD_PWRITE")
_PWRITEV = xval(AIO_CMDS, "IOCB_CMD_PWRITEV")
_COMMON = frozenset((xval(AIO_CMDS, "IOCB_CMD_PREAD"), _PWRITE))
_VECTOR = frozenset((xval(AIO_CMDS, "IOCB_CMD_PREADV"), _PWRITEV))
_POLL = xval(AIO_CMDS, "IOCB_CMD_POLL")
_RESFD = xval(AIO_IOCB_FLAGS, "IOCB_FLAG_RESFD")
_IOPRIO = xval(AIO_IOCB_FLAGS, "IOCB_FLAG_IOPRIO")


@decoder("io_setup")
def _io_setup(c: Call) -> DecodeGen:
    yield [Int(c.args[0] & 0xFFFFFFFF, "u")]
    addr = c.args[1]
    got = None if c.failed or not addr else c.read_struct(addr, _CTX)
    return [Addr(addr) if got is None else Array((Addr(got[0]),))]


@decoder("io_destroy")
def _io_destroy(c: Call) -> list[Value]:
    return [Addr(c.args[0])]


def _iocb_header(c: Call, cb: tuple[int, ...]) -> list[tuple[str | None, Value]]:
    data, key, rw_flags, opcode, reqprio, fildes = cb[:6]
    fields: list[tuple[str | None, Value]] = [("aio_data", Int(data, "x"))]
    if key:
        fields.append(("aio_key", Int(key, "u")))
    if rw_flags:
        fields.append(("aio_rw_flags", flags_or_unknown(RWF_FLAGS, rw_flags & 0xFFFFFFFF,
                                                       "RWF_???")))
    fields.append(("aio_lio_opcode", const(AIO_CMDS, opcode, "u", "IOCB_CMD_???")))
    if cb[10] & _IOPRIO:
        fields.append(("aio_reqprio", ioprio(reqprio & 0xFFFF)))   # as a __u16
    elif reqprio:
        fields.append(("aio_reqprio", Int(reqprio)))
    fields.append(("aio_fildes", c.fd_value(s32(fildes))))
    return fields


def _iocb_flags(c: Call, cb: tuple[int, ...]) -> list[tuple[str | None, Value]]:
    aio_flags, resfd = cb[10], cb[11]
    fields: list[tuple[str | None, Value]] = []
    if aio_flags:
        fields.append(("aio_flags", flags_or_unknown(AIO_IOCB_FLAGS, aio_flags,
                                                    "IOCB_FLAG_???")))
    if aio_flags & _RESFD:
        fields.append(("aio_resfd", c.fd_value(s32(resfd))))
    elif resfd:
        fields.append(("aio_resfd", Int(resfd, "x")))
    return fields


def _iocb(c: Call, cb: tuple[int, ...]) -> Struct:
    fields = _iocb_header(c, cb)
    opcode, buf, nbytes, offset = cb[3], cb[6], cb[7], cb[8]
    valid = nbytes < 1 << 63   # a size_t the kernel takes as a non-negative ssize_t
    if opcode in _COMMON:
        fields.append(("aio_buf", c.buf(buf, nbytes) if opcode == _PWRITE and valid
                       else Int(buf, "x")))
        fields += [("aio_nbytes", Int(nbytes, "u")), ("aio_offset", Int(offset))]
        fields += _iocb_flags(c, cb)
    elif opcode in _VECTOR:
        if valid:
            fields.append(("aio_buf", iov_array(c, buf, nbytes,
                                                contents=opcode == _PWRITEV)))
        else:
            fields += [("aio_buf", Int(buf, "x")), ("aio_nbytes", Int(nbytes, "u"))]
        fields.append(("aio_offset", Int(offset)))
        fields += _iocb_flags(c, cb)
    elif opcode == _POLL:
        fields.append(("aio_buf", flags_or_unknown(POLL_EVENTS, buf, "POLL???", bits=64)))
        fields += _iocb_flags(c, cb)
    return Struct(tuple(fields))


def _iocb_at(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _IOCB) if addr else None
    return Addr(addr) if got is None else _iocb(c, got)


@decoder("io_submit")
def _io_submit(c: Call) -> list[Value]:
    nr = s64(c.args[1])
    addr = c.args[2]
    iocbs = Addr(addr) if nr < 0 else tracee_array(
        c, addr, nr, _PTR, lambda elem: _iocb_at(c, elem[0]))
    return [Addr(c.args[0]), Int(nr), iocbs]


def _io_event(elem: tuple[int, ...]) -> Struct:
    data, obj, res, res2 = elem
    return Struct((("data", Int(data, "x")), ("obj", Addr(obj)), ("res", Int(res)),
                   ("res2", Int(res2))))


@decoder("io_cancel")
def _io_cancel(c: Call) -> DecodeGen:
    addr = c.args[1]
    got = c.read_struct(addr, _IOCB) if addr else None
    yield [Addr(c.args[0]), Addr(addr) if got is None
           else Struct(tuple(_iocb_header(c, got)))]
    result = c.args[2]
    event = None if c.failed or not result else c.read_struct(result, _IO_EVENT)
    return [Addr(result) if event is None else _io_event(event)]


def _io_events(c: Call, addr: int) -> Value:
    """[{data=0x..., obj=0x..., res=N, res2=N}, ...]: as many as the call returned."""
    if not addr:
        return Addr(0)
    if c.failed:
        return Addr(addr)
    size = _IO_EVENT.size
    raw = c.read(addr, c.ret * size) if c.ret > 0 else b""
    if raw is None:
        return Addr(addr)
    return array(c, [_io_event(e) for e in _IO_EVENT.iter_unpack(raw)])


@decoder("io_getevents", "io_pgetevents")
def _io_getevents(c: Call) -> DecodeGen:
    """The timeout (and io_pgetevents' signal mask) are read at exit, failed call or
    not: the kernel read them at entry (strace)."""
    yield [Addr(c.args[0]), Int(s64(c.args[1])), Int(s64(c.args[2]))]
    rest = [_io_events(c, c.args[3]), timespec_at(c, c.args[4])]
    if c.name == "io_pgetevents":
        rest.append(sigmask_arg(c, c.args[5]))
    return rest
