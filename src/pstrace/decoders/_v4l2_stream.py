"""The Video4Linux2 requests about formats, buffers and extended controls
(VIDIOC_G_FMT/S_FMT/TRY_FMT, CREATE_BUFS, QUERYBUF/QBUF/DQBUF, G/S/TRY_EXT_CTRLS), for
ioctl_v4l2.py's table.  struct v4l2_format prints the union member its buffer type
selects ("fmt.pix={...}", "fmt.pix_mp", "fmt.win" with its clips read from the tracee,
"fmt.vbi", "fmt.sliced", "fmt.sdr", "fmt.meta"; none for other types); the setters
print it at entry and after a success " => {fmt...}" with what the call left.  A
buffer prints its type and index at entry and what the call filled at exit; the
extended controls their array (read again at exit, even after a failure, with the
error index then).

strace counterpart: print_v4l2_format(), print_v4l2_buffer(),
print_v4l2_ext_controls() and print_v4l2_create_buffers() in v4l2.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Generator

from ..values import Addr, Array, Changed, Int, Or, Struct, Sym, Unreadable, Value
from ..xlat import (
    V4L2_BUF_FLAGS,
    V4L2_BUF_FLAGS_TS_SRC,
    V4L2_BUF_FLAGS_TS_TYPE,
    V4L2_BUF_TYPES,
    V4L2_COLORSPACES,
    V4L2_CONSTS,
    V4L2_CONTROL_CLASSES,
    V4L2_CONTROL_IDS,
    V4L2_FIELDS,
    V4L2_MEMORIES,
    V4L2_META_FMTS,
    V4L2_PIX_FMTS,
    V4L2_SDR_FMTS,
    V4L2_SLICED_FLAGS,
    V4L2_VBI_FLAGS,
)
from ._fs_common import array, tracee_array, xval
from ._v4l2_common import buf_type, fourcc, rect
from .base import Call, const, flags_or_unknown, s32, s64

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
# a decoded argument: yields the entry values, returns the argument's values
ArgGen = Generator[list[Value], None, list[Value]]
Decoder = Callable[[Call, int], ArgGen]

FORMAT = struct.Struct("<I4x200s")             # struct v4l2_format: type, the union
_PLANES = xval(V4L2_CONSTS, "VIDEO_MAX_PLANES")
_PIX = struct.Struct("<7I")
_PIX_MP = struct.Struct(f"<5I{_PLANES * 'II12x'}B")
_WIN = struct.Struct("<iiIIIIQI4xQB")
_CLIP = struct.Struct("<iiII8x")               # struct v4l2_clip: its rect, then *next
_VBI = struct.Struct("<4I2i2II")
_SLICED = struct.Struct("<H48H2xI")
_PAIR = struct.Struct("<II")

# the union member each buffer type selects
_MEMBERS = {
    "V4L2_BUF_TYPE_VIDEO_CAPTURE": "pix", "V4L2_BUF_TYPE_VIDEO_OUTPUT": "pix",
    "V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE": "pix_mp",
    "V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE": "pix_mp",
    "V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY": "win", "V4L2_BUF_TYPE_VIDEO_OVERLAY": "win",
    "V4L2_BUF_TYPE_VBI_CAPTURE": "vbi", "V4L2_BUF_TYPE_VBI_OUTPUT": "vbi",
    "V4L2_BUF_TYPE_SLICED_VBI_CAPTURE": "sliced", "V4L2_BUF_TYPE_SLICED_VBI_OUTPUT": "sliced",
    "V4L2_BUF_TYPE_SDR_CAPTURE": "sdr", "V4L2_BUF_TYPE_SDR_OUTPUT": "sdr",
    "V4L2_BUF_TYPE_META_CAPTURE": "meta", "V4L2_BUF_TYPE_META_OUTPUT": "meta",
}


def _whole(shown: Value) -> bool:
    """Whether an array printed by tracee_array came out whole (or cut at -s): strace's
    print_array result, false for NULL, no elements, or memory it could not read."""
    return isinstance(shown, Array) and bool(shown.items) and \
        not isinstance(shown.items[-1], Unreadable)


def _field(v: int) -> Value:
    return const(V4L2_FIELDS, v, comment="V4L2_FIELD_???")


def _colorspace(v: int) -> Value:
    return const(V4L2_COLORSPACES, v, comment="V4L2_COLORSPACE_???")


def _u(v: int) -> Int:
    return Int(v, "u")


def _pix(g: tuple[Any, ...]) -> Fields:
    width, height, pixfmt, field, bytesperline, sizeimage, colorspace = g
    return [("width", _u(width)), ("height", _u(height)),
            ("pixelformat", fourcc(pixfmt, V4L2_PIX_FMTS)), ("field", _field(field)),
            ("bytesperline", _u(bytesperline)), ("sizeimage", _u(sizeimage)),
            ("colorspace", _colorspace(colorspace))]


def _pix_mp(c: Call, g: tuple[Any, ...]) -> Fields:
    width, height, pixfmt, field, colorspace = g[:5]
    planes, num = g[5:5 + 2 * _PLANES], g[-1]
    plane_fmt: list[Value] = [
        Struct((("sizeimage", _u(planes[i])), ("bytesperline", _u(planes[i + 1]))))
        for i in range(0, 2 * min(num, _PLANES), 2)]
    return [("width", _u(width)), ("height", _u(height)),
            ("pixelformat", fourcc(pixfmt, V4L2_PIX_FMTS)), ("field", _field(field)),
            ("colorspace", _colorspace(colorspace)), ("plane_fmt", array(c, plane_fmt)),
            ("num_planes", _u(num))]


def _win(c: Call, g: tuple[Any, ...]) -> tuple[Fields, bool]:
    """fmt.win, and whether its clips printed whole (strace's print_array result)."""
    left, top, width, height, field, chromakey, clips, count, bitmap, alpha = g
    shown = tracee_array(c, clips, count, _CLIP,
                         lambda r: Struct((("c", rect(*r)),)))
    whole = _whole(shown)
    fields: Fields = [("w", rect(left, top, width, height)), ("field", _field(field)),
                      ("chromakey", Int(chromakey, "x")), ("clips", shown),
                      ("clipcount", _u(count)), ("bitmap", Addr(bitmap))]
    if alpha:
        fields.append(("global_alpha", Int(alpha, "x")))
    return fields, whole


def _vbi(g: tuple[Any, ...]) -> Fields:
    rate, offset, samples, sample_format, start0, start1, count0, count1, flags = g
    return [("sampling_rate", _u(rate)), ("offset", _u(offset)),
            ("samples_per_line", _u(samples)),
            ("sample_format", fourcc(sample_format, V4L2_PIX_FMTS)),
            ("start", Array((Int(start0), Int(start1)))),
            ("count", Array((_u(count0), _u(count1)))),
            ("flags", flags_or_unknown(V4L2_VBI_FLAGS, flags, "V4L2_VBI_???"))]


def _sliced(c: Call, g: tuple[Any, ...]) -> Fields:
    lines = g[1:49]
    return [("service_set", flags_or_unknown(V4L2_SLICED_FLAGS, g[0], "V4L2_SLICED_???")),
            ("service_lines", Array(tuple(array(c, [Int(v, "x") for v in lines[i:i + 24]])
                                          for i in (0, 24)))),
            ("io_size", _u(g[49]))]


def format_member(c: Call, kind: int, union: bytes) -> tuple[tuple[str, Value] | None, bool]:
    """The union member for buffer type `kind` ("fmt.pix", {...}), None for a type with
    none; and False where strace stops decoding the call there (a type with no member,
    a window whose clips did not print whole)."""
    member = _MEMBERS.get(V4L2_BUF_TYPES.name(kind) or "")
    whole = True
    if member == "pix":
        fields = _pix(_PIX.unpack_from(union))
    elif member == "pix_mp":
        fields = _pix_mp(c, _PIX_MP.unpack_from(union))
    elif member == "win":
        fields, whole = _win(c, _WIN.unpack_from(union))
    elif member == "vbi":
        fields = _vbi(_VBI.unpack_from(union))
    elif member == "sliced":
        fields = _sliced(c, _SLICED.unpack_from(union))
    elif member in ("sdr", "meta"):
        fmt, size = _PAIR.unpack_from(union)
        if member == "sdr":
            fields = [("pixelformat", fourcc(fmt, V4L2_SDR_FMTS))]
            if size:
                fields.append(("buffersize", _u(size)))
        else:
            fields = [("dataformat", fourcc(fmt, V4L2_META_FMTS)),
                      ("buffersize", _u(size))]
    else:
        return None, False
    return (f"fmt.{member}", Struct(tuple(fields))), whole


def _format(is_get: bool) -> Decoder:
    """G_FMT: the type, then the member the call filled; S_FMT/TRY_FMT: the type and
    member at entry, then " => {member}" with what the call left."""
    def decode(c: Call, addr: int) -> ArgGen:
        got = c.read_struct(addr, FORMAT) if addr else None
        if got is None:
            yield [c.fd(0)]
            return [Addr(addr)]
        fields: Fields = [("type", buf_type(got[0]))]
        whole = True
        if not is_get:
            member, whole = format_member(c, *got)
            if member is not None:
                fields.append(member)
        yield [c.fd(0)]
        after = None if c.failed or not whole else c.read_struct(addr, FORMAT)
        changed = None if after is None else format_member(c, *after)[0]
        if changed is None:
            return [Struct(tuple(fields))]
        if is_get:
            return [Struct((*fields, changed))]
        return [Changed(Struct(tuple(fields)), Struct((changed,)))]
    return decode


_CREATE_BUFS = struct.Struct(f"<III4x{FORMAT.size}s32x")


def _create_bufs(c: Call, addr: int) -> ArgGen:
    """{count, memory, format={type, fmt...}} at entry; after a success the buffers
    made, in the return value's comment: "({index=N, count=M})"."""
    got = c.read_struct(addr, _CREATE_BUFS) if addr else None
    if got is None:
        yield [c.fd(0)]
        return [Addr(addr)]
    _, count, memory, raw = got
    kind, union = FORMAT.unpack(raw)
    member = format_member(c, kind, union)[0]
    fmt: Fields = [("type", buf_type(kind))]
    value = Struct((("count", _u(count)),
                    ("memory", const(V4L2_MEMORIES, memory, comment="V4L2_MEMORY_???")),
                    ("format", Struct(tuple(fmt if member is None else (*fmt, member))))))
    yield [c.fd(0)]
    after = None if c.failed else c.read_struct(addr, _CREATE_BUFS)
    if after is not None:
        c.rcomment = Struct((("index", _u(after[0])), ("count", _u(after[1]))))
    return [value]


_BUFFER = struct.Struct("<5I4x2q16x2IQ3I4x")   # struct v4l2_buffer
_TS_TYPE = xval(V4L2_CONSTS, "V4L2_BUF_FLAG_TIMESTAMP_MASK")
_TS_SRC = xval(V4L2_CONSTS, "V4L2_BUF_FLAG_TSTAMP_SRC_MASK")


def _buf_flags(value: int) -> Value:
    """A buffer's flags: the flag bits, the timestamp type and its source; -X raw the
    number."""
    parts: list[Value] = []
    rest = value & ~_TS_TYPE & ~_TS_SRC
    if rest:
        parts.append(flags_or_unknown(V4L2_BUF_FLAGS, rest, "V4L2_BUF_FLAG_???"))
    parts += [const(V4L2_BUF_FLAGS_TS_TYPE, value & _TS_TYPE,
                    comment="V4L2_BUF_FLAG_TIMESTAMP_???"),
              const(V4L2_BUF_FLAGS_TS_SRC, value & _TS_SRC,
                    comment="V4L2_BUF_FLAG_TSTAMP_SRC_???")]
    joined = Or(tuple(parts))
    return Sym(Int(value, "x"), joined, verbose=joined)


def _buffer(dequeue: bool) -> Decoder:
    """QUERYBUF/QBUF: {type, index} at entry; DQBUF: {type}; after a success what the
    call filled (DQBUF's index and timestamp too), then "..."."""
    def decode(c: Call, addr: int) -> ArgGen:
        got = c.read_struct(addr, _BUFFER) if addr else None
        yield [c.fd(0)]
        if got is None:
            return [Addr(addr)]
        fields: Fields = [("type", buf_type(got[1]))]
        if not dequeue:
            fields.append(("index", _u(got[0])))
        after = None if c.failed else c.read_struct(addr, _BUFFER)
        if after is None:
            return [Struct(tuple(fields))]
        index, _, bytesused, flags, _, sec, usec, _, memory, m, length, _, _ = after
        if dequeue:
            fields.append(("index", _u(index)))
        fields.append(("memory", const(V4L2_MEMORIES, memory, comment="V4L2_MEMORY_???")))
        kind = V4L2_MEMORIES.name(memory)
        if kind == "V4L2_MEMORY_MMAP":
            fields.append(("m.offset", Int(m & 0xFFFFFFFF, "x")))
        elif kind == "V4L2_MEMORY_USERPTR":
            fields.append(("m.userptr", Addr(m)))
        fields += [("length", _u(length)), ("bytesused", _u(bytesused)),
                   ("flags", _buf_flags(flags))]
        if dequeue:
            fields.append(("timestamp", Struct((("tv_sec", Int(sec)),
                                                ("tv_usec", Int(usec & (1 << 64) - 1, "u"))))))
        return [Struct(tuple(fields), elided=True)]
    return decode


_EXT_CONTROLS = struct.Struct("<IIIiI4xQ")     # struct v4l2_ext_controls
_EXT_CONTROL = struct.Struct("<III8s")         # struct v4l2_ext_control (packed)


def _controls(c: Call, addr: int, count: int) -> Value:
    def control(g: tuple[Any, ...]) -> Value:
        ident, size, _, raw = g
        fields: Fields = [("id", const(V4L2_CONTROL_IDS, ident, comment="V4L2_CID_???")),
                          ("size", _u(size))]
        (value64,) = struct.unpack("<Q", raw)
        if size > 0:
            fields.append(("string", c.buf(value64, size)))
        else:
            fields += [("value", Int(s32(value64))), ("value64", Int(s64(value64)))]
        return Struct(tuple(fields))
    return tracee_array(c, addr, count, _EXT_CONTROL, control)


def _ext_controls(is_get: bool) -> Decoder:
    """{ctrl_class, count, controls=[...]} at entry (G_EXT_CTRLS: the controls at exit);
    the setters then " => {controls=[...]}" read again; ", error_idx=N" after a
    failure."""
    def decode(c: Call, addr: int) -> ArgGen:
        got = c.read_struct(addr, _EXT_CONTROLS) if addr else None
        if got is None:
            yield [c.fd(0)]
            return [Addr(addr)]
        cls, count, _, _, _, controls = got
        fields: Fields = [("ctrl_class", const(V4L2_CONTROL_CLASSES, cls,
                                               comment="V4L2_CTRL_CLASS_???")),
                          ("count", _u(count))]
        done = not count
        if count and not is_get:
            shown = _controls(c, controls, count)
            fields.append(("controls", shown))
            done = not _whole(shown)
        yield [c.fd(0)]
        after = None if done else c.read_struct(addr, _EXT_CONTROLS)
        if after is None:
            return [Struct(tuple(fields))]
        tail: Fields = [("controls", _controls(c, after[5], after[1]))]
        if c.failed:
            tail.append(("error_idx", _u(after[2])))
        if is_get:
            return [Struct((*fields, *tail))]
        return [Changed(Struct(tuple(fields)), Struct(tuple(tail)))]
    return decode


DECODERS: dict[str, Decoder] = {
    "VIDIOC_G_FMT": _format(True), "VIDIOC_S_FMT": _format(False),
    "VIDIOC_TRY_FMT": _format(False), "VIDIOC_CREATE_BUFS": _create_bufs,
    "VIDIOC_QUERYBUF": _buffer(False), "VIDIOC_QBUF": _buffer(False),
    "VIDIOC_DQBUF": _buffer(True),
    "VIDIOC_G_EXT_CTRLS": _ext_controls(True), "VIDIOC_S_EXT_CTRLS": _ext_controls(False),
    "VIDIOC_TRY_EXT_CTRLS": _ext_controls(False),
}
