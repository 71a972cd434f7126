"""ioctl, the Video4Linux2 requests (type 'V', <linux/videodev2.h>): every VIDIOC_*
request by name, and the argument of those strace decodes: VIDIOC_QUERYCAP, ENUM_FMT,
REQBUFS, G_FBUF/S_FBUF, STREAMON/STREAMOFF, G_STD/S_STD, ENUMSTD, ENUMINPUT,
G_CTRL/S_CTRL, G_INPUT/S_INPUT, CROPCAP, G_CROP/S_CROP, ENUM_FRAMESIZES,
ENUM_FRAMEINTERVALS, G_TUNER/S_TUNER, QUERYCTRL, QUERY_EXT_CTRL, G_PARM/S_PARM, and
through _v4l2_stream.py G_FMT/S_FMT/TRY_FMT, CREATE_BUFS, QUERYBUF/QBUF/DQBUF and
G/S/TRY_EXT_CTRLS.  The other VIDIOC_* requests print their argument as a number, as
strace does for those it does not decode.  The VT requests that share type 'V'
(VT_OPENQRY...) are left to ioctl.py.

A request's input fields are read at entry (the kernel may change them), its output
fields at exit when the call succeeded; a field both ways prints "before => after".

strace counterpart: v4l2.c (v4l2_ioctl), the request names of its ioctl table (ours:
data/xlat/v4l2_ioctls.list) and its v4l2_* xlat tables (ours: data/xlat/v4l2_*.list).
Checked against strace 6.1 with tests/syscalls/fam_v4l2.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Generator

from ..values import (
    Addr,
    Array,
    Changed,
    Comment,
    Const,
    Int,
    Or,
    Struct,
    Sym,
    Value,
)
from ..xlat import (
    V4L2_BUF_TYPES,
    V4L2_CAPTURE_MODES,
    V4L2_CONTROL_CLASSES,
    V4L2_CONTROL_FLAGS,
    V4L2_CONTROL_IDS,
    V4L2_CONTROL_QUERY_FLAGS,
    V4L2_CONTROL_TYPES,
    V4L2_DEVICE_CAPABILITIES_FLAGS,
    V4L2_FORMAT_DESCRIPTION_FLAGS,
    V4L2_FRAMEINTERVAL_TYPES,
    V4L2_FRAMESIZE_TYPES,
    V4L2_INPUT_TYPES,
    V4L2_IOCTLS,
    V4L2_MEMORIES,
    V4L2_PIX_FMTS,
    V4L2_STREAMING_CAPABILITIES,
    V4L2_TUNER_AUDMODES,
    V4L2_TUNER_CAPABILITIES,
    V4L2_TUNER_RXSUBCHANSES,
    V4L2_TUNER_TYPES,
)
from ._fs_common import array
from ._ioctl_registry import IoctlGen, ioctl_family
from ._v4l2_common import buf_type, fourcc, fract, rect
from ._v4l2_stream import DECODERS as STREAM_DECODERS
from .base import Call, const, flags_or_unknown
from .bpf_cmd import cstring_field, kernel_version

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
# a decoded argument: yields the entry values, returns the argument's values
ArgGen = Generator[list[Value], None, list[Value]]

_CAPABILITY = struct.Struct("<16s32s32sIII12x")
_FMTDESC = struct.Struct("<III32sII12x")
_REQBUFS = struct.Struct("<IIII4x")
_FRAMEBUFFER = struct.Struct("<IIQ32x")
_STANDARD = struct.Struct("<I4xQ24sIII16x4x")
_INPUT = struct.Struct("<I32sIIIQII12x4x")
_CONTROL = struct.Struct("<Ii")
_RECT = "iiII"
_CROPCAP = struct.Struct(f"<I{_RECT}{_RECT}II")
_CROP = struct.Struct(f"<I{_RECT}")
_FRMSIZE = struct.Struct("<III6I8x")
_FRMIVAL = struct.Struct("<IIIII6I8x")
_TUNER = struct.Struct("<I32sIIIIIIii16x")
_QUERYCTRL = struct.Struct("<II32siiiiIII")
_QUERY_EXT_CTRL = struct.Struct("<II32sqqQqIIII4I32I")
_UINT = struct.Struct("<I")
_STREAMPARM = struct.Struct("<IIIIIII176x")
_U64 = struct.Struct("<Q")
_NEXT_MASK = sum(v for _, v in V4L2_CONTROL_QUERY_FLAGS)


def _caps(value: int) -> Value:
    return flags_or_unknown(V4L2_DEVICE_CAPABILITIES_FLAGS, value, "V4L2_CAP_???")


def _cid(cid: int, next_flags: bool = False) -> Value:
    """A control id: its name, else CLASS+0xOFFSET within the class below it; with
    next_flags (VIDIOC_QUERYCTRL), the V4L2_CTRL_FLAG_NEXT_* bits ORed before it."""
    if next_flags:
        bits = cid & _NEXT_MASK
        if bits:
            parts = Or((flags_or_unknown(V4L2_CONTROL_QUERY_FLAGS, bits,
                                         "V4L2_CTRL_FLAG_NEXT_???"), _cid(cid & ~bits)))
            return Sym(Int(cid, "x"), parts, verbose=parts)
    name = V4L2_CONTROL_IDS.name(cid)
    if name is not None:
        return Const(name, cid)
    below = [(v, n) for n, v in V4L2_CONTROL_CLASSES if v <= cid]
    if below:
        base, cls = max(below)
        if cid - base < 0x10000:
            return Const(f"{cls}+{cid - base:#x}" if cid > base else f"{cls}+0", cid)
    return Comment(Int(cid, "x"), "V4L2_CID_???")


# --- the argument, per request: (at entry, at exit) -----------------------------------------
def _entry_exit(c: Call, addr: int, st: struct.Struct,
                entry: Callable[[tuple[int, ...]], Fields],
                exit_: Callable[[tuple[int, ...], Fields], Fields] | None,
                elided: bool = False) -> ArgGen:
    """A structure whose input fields print at entry and output fields at exit
    (elided: the output ends with strace's ", ..." of a structure cut without -v)."""
    got = c.read_struct(addr, st) if addr else None
    yield [c.fd(0)]
    if got is None:
        return [Addr(addr)]
    fields = entry(got)
    if exit_ is not None and not c.failed:
        after = c.read_struct(addr, st)
        if after is not None:
            return [Struct(tuple(exit_(after, fields)), elided)]
    return [Struct(tuple(fields))]


def _at_exit(c: Call, addr: int, st: struct.Struct,
             show: Callable[[tuple[int, ...]], Value]) -> ArgGen:
    """A structure (or number) the call fills: printed at exit, or the address."""
    yield [c.fd(0)]
    if c.failed or not addr:
        return [Addr(addr)]
    got = c.read_struct(addr, st)
    return [Addr(addr) if got is None else show(got)]


def _at_entry(c: Call, addr: int, st: struct.Struct,
              show: Callable[[tuple[int, ...]], Value]) -> ArgGen:
    """A structure (or number) the call reads: printed at entry, or the address."""
    got = c.read_struct(addr, st) if addr else None
    yield [c.fd(0)]
    return [Addr(addr) if got is None else show(got)]


def _capability(g: tuple[int, ...]) -> Value:
    driver, card, bus, version, caps, device_caps = g
    fields: Fields = [("driver", cstring_field(bytes(driver))),
                      ("card", cstring_field(bytes(card))),
                      ("bus_info", cstring_field(bytes(bus))),
                      ("version", kernel_version(version)), ("capabilities", _caps(caps))]
    if device_caps:
        fields.append(("device_caps", _caps(device_caps)))
    return Struct(tuple(fields))


def _framebuffer(g: tuple[int, ...]) -> Value:
    return Struct((("capability", Int(g[0], "x")), ("flags", Int(g[1], "x")),
                   ("base", Addr(g[2]))))


def _std(g: tuple[int, ...]) -> Value:
    return Array((Int(g[0], "x"),))


def _input_number(g: tuple[int, ...]) -> Value:
    return Array((Int(g[0], "u"),))


def _buf_type_at(g: tuple[int, ...]) -> Value:
    return Array((buf_type(g[0]),))


def _fmtdesc(c: Call, addr: int) -> ArgGen:
    return _entry_exit(
        c, addr, _FMTDESC,
        lambda g: [("index", Int(g[0], "u")), ("type", buf_type(g[1]))],
        lambda g, f: [*f, ("flags", flags_or_unknown(V4L2_FORMAT_DESCRIPTION_FLAGS, g[2],
                                                      "V4L2_FMT_FLAG_???")),
                      ("description", cstring_field(bytes(g[3]))),
                      ("pixelformat", fourcc(g[4], V4L2_PIX_FMTS))])


def _reqbufs(c: Call, addr: int) -> ArgGen:
    def entry(g: tuple[int, ...]) -> Fields:
        return [("type", buf_type(g[1])),
                ("memory", const(V4L2_MEMORIES, g[2], comment="V4L2_MEMORY_???")),
                ("count", Int(g[0], "u"))]
    return _entry_exit(c, addr, _REQBUFS, entry,
                       lambda g, f: [*f[:-1], ("count", Changed(f[-1][1], Int(g[0], "u")))])


def _standard(c: Call, addr: int) -> ArgGen:
    return _entry_exit(
        c, addr, _STANDARD, lambda g: [("index", Int(g[0], "u"))],
        lambda g, f: [*f, ("name", cstring_field(bytes(g[2]))),
                      ("frameperiod", fract(g[3], g[4])), ("framelines", Int(g[5], "u"))])


def _input(c: Call, addr: int) -> ArgGen:
    return _entry_exit(
        c, addr, _INPUT, lambda g: [("index", Int(g[0], "u"))],
        lambda g, f: [*f, ("name", cstring_field(bytes(g[1]))),
                      ("type", const(V4L2_INPUT_TYPES, g[2],
                                     comment="V4L2_INPUT_TYPE_???"))])


def _control(is_get: bool) -> Callable[[Call, int], ArgGen]:
    def decode(c: Call, addr: int) -> ArgGen:
        def entry(g: tuple[int, ...]) -> Fields:
            fields: Fields = [("id", _cid(g[0]))]
            return fields if is_get else [*fields, ("value", Int(g[1]))]

        def exit_(g: tuple[int, ...], f: Fields) -> Fields:
            if is_get:
                return [*f, ("value", Int(g[1]))]
            return [*f[:-1], ("value", Changed(f[-1][1], Int(g[1])))]
        return _entry_exit(c, addr, _CONTROL, entry, exit_)
    return decode


def _cropcap(c: Call, addr: int) -> ArgGen:
    return _entry_exit(
        c, addr, _CROPCAP, lambda g: [("type", buf_type(g[0]))],
        lambda g, f: [*f, ("bounds", rect(*g[1:5])), ("defrect", rect(*g[5:9])),
                      ("pixelaspect", fract(g[9], g[10]))])


def _crop(is_get: bool) -> Callable[[Call, int], ArgGen]:
    def decode(c: Call, addr: int) -> ArgGen:
        if is_get:
            return _entry_exit(c, addr, _CROP, lambda g: [("type", buf_type(g[0]))],
                               lambda g, f: [*f, ("c", rect(*g[1:5]))])
        return _entry_exit(c, addr, _CROP,
                           lambda g: [("type", buf_type(g[0])), ("c", rect(*g[1:5]))], None)
    return decode


def _frmsize(c: Call, addr: int) -> ArgGen:
    def exit_(g: tuple[int, ...], f: Fields) -> Fields:
        kind = g[2]
        fields: Fields = [*f, ("type", const(V4L2_FRAMESIZE_TYPES, kind,
                                             comment="V4L2_FRMSIZE_TYPE_???"))]
        if V4L2_FRAMESIZE_TYPES.name(kind) == "V4L2_FRMSIZE_TYPE_DISCRETE":
            fields.append(("discrete", Struct((("width", Int(g[3], "u")),
                                                ("height", Int(g[4], "u"))))))
        elif V4L2_FRAMESIZE_TYPES.name(kind) == "V4L2_FRMSIZE_TYPE_STEPWISE":
            fields.append(("stepwise", Struct(tuple(zip(
                ("min_width", "max_width", "step_width", "min_height", "max_height",
                 "step_height"), (Int(v, "u") for v in g[3:9]), strict=True)))))
        return fields
    return _entry_exit(c, addr, _FRMSIZE,
                       lambda g: [("index", Int(g[0], "u")),
                                  ("pixel_format", fourcc(g[1], V4L2_PIX_FMTS))], exit_)


def _frmival(c: Call, addr: int) -> ArgGen:
    def exit_(g: tuple[int, ...], f: Fields) -> Fields:
        kind = V4L2_FRAMEINTERVAL_TYPES.name(g[4])
        fields: Fields = [*f, ("type", const(V4L2_FRAMEINTERVAL_TYPES, g[4],
                                             comment="V4L2_FRMIVAL_TYPE_???"))]
        if kind == "V4L2_FRMIVAL_TYPE_DISCRETE":
            fields.append(("discrete", fract(g[5], g[6])))
        elif kind in ("V4L2_FRMIVAL_TYPE_STEPWISE", "V4L2_FRMIVAL_TYPE_CONTINUOUS"):
            fields.append(("stepwise", Struct((("min", fract(g[5], g[6])),
                                                ("max", fract(g[7], g[8])),
                                                ("step", fract(g[9], g[10]))))))
        return fields
    return _entry_exit(c, addr, _FRMIVAL,
                       lambda g: [("index", Int(g[0], "u")),
                                  ("pixel_format", fourcc(g[1], V4L2_PIX_FMTS)),
                                  ("width", Int(g[2], "u")), ("height", Int(g[3], "u"))],
                       exit_)


def _tuner_fields(g: tuple[int, ...]) -> Fields:
    return [("name", cstring_field(bytes(g[1]))),
            ("type", const(V4L2_TUNER_TYPES, g[2], comment="V4L2_TUNER_???")),
            ("capability", flags_or_unknown(V4L2_TUNER_CAPABILITIES, g[3],
                                            "V4L2_TUNER_CAP_???")),
            ("rangelow", Int(g[4], "u")), ("rangehigh", Int(g[5], "u")),
            ("rxsubchans", flags_or_unknown(V4L2_TUNER_RXSUBCHANSES, g[6],
                                            "V4L2_TUNER_SUB_???")),
            ("audmode", const(V4L2_TUNER_AUDMODES, g[7], comment="V4L2_TUNER_MODE_???")),
            ("signal", Int(g[8])), ("afc", Int(g[9]))]


def _tuner(is_get: bool) -> Callable[[Call, int], ArgGen]:
    """G_TUNER: the index, then what the call filled; S_TUNER: everything at entry,
    and after a success "=> {...}" with what the call left."""
    def decode(c: Call, addr: int) -> ArgGen:
        got = c.read_struct(addr, _TUNER) if addr else None
        yield [c.fd(0)]
        if got is None:
            return [Addr(addr)]
        fields: Fields = [("index", Int(got[0], "u"))]
        if not is_get:
            fields += _tuner_fields(got)
        after = None if c.failed else c.read_struct(addr, _TUNER)
        if after is None:
            return [Struct(tuple(fields))]
        if is_get:
            return [Struct((*fields, *_tuner_fields(after)))]
        return [Changed(Struct(tuple(fields)), Struct(tuple(_tuner_fields(after))))]
    return decode


def _queryctrl_details(g: tuple[Any, ...]) -> Fields:
    """struct v4l2_queryctrl's fields after the name (with -v)."""
    fields: Fields = [("minimum", Int(g[3])), ("maximum", Int(g[4])), ("step", Int(g[5])),
                      ("default_value", Int(g[6])), ("flags", _ctrl_flags(g[7]))]
    if any(g[8:10]):
        fields.append(("reserved", Array(tuple(Int(v, "x") for v in g[8:10]))))
    return fields


def _query_ext_ctrl_details(c: Call, g: tuple[Any, ...]) -> Fields:
    """struct v4l2_query_ext_ctrl's fields after the name (with -v)."""
    nr_of_dims, dims, reserved = g[10], g[11:15], g[15:]
    fields: Fields = [("minimum", Int(g[3])), ("maximum", Int(g[4])),
                      ("step", Int(g[5], "u")), ("default_value", Int(g[6])),
                      ("flags", _ctrl_flags(g[7])), ("elem_size", Int(g[8], "u")),
                      ("elems", Int(g[9], "u")), ("nr_of_dims", Int(nr_of_dims, "u")),
                      ("dims", array(c, [Int(v, "u") for v in dims[:nr_of_dims]]))]
    if any(reserved):
        fields.append(("reserved", array(c, [Int(v, "x") for v in reserved])))
    return fields


def _ctrl_flags(value: int) -> Value:
    return flags_or_unknown(V4L2_CONTROL_FLAGS, value, "V4L2_CTRL_FLAG_???")


def _queryctrl(st: struct.Struct,
               details: Callable[[Call, tuple[Any, ...]], Fields]) -> Callable[[Call, int], ArgGen]:
    """VIDIOC_QUERYCTRL/QUERY_EXT_CTRL: the id asked for (with its NEXT_* flags), then
    " => id" when the call answered another, its type and name, and with -v `details`."""
    def decode(c: Call, addr: int) -> ArgGen:
        entry_id: list[int] = []

        def entry(g: tuple[Any, ...]) -> Fields:
            entry_id.append(g[0])
            return [("id", _cid(g[0], next_flags=True))]

        def exit_(g: tuple[Any, ...], f: Fields) -> Fields:
            fields: Fields = [f[0] if g[0] == entry_id[0] else
                              ("id", Changed(f[0][1], _cid(g[0])))]
            fields += [("type", const(V4L2_CONTROL_TYPES, g[1],
                                      comment="V4L2_CTRL_TYPE_???")),
                       ("name", cstring_field(bytes(g[2])))]
            return [*fields, *details(c, g)] if c.opts.verbose else fields
        return _entry_exit(c, addr, st, entry, exit_, elided=not c.opts.verbose)
    return decode


def _parm(g: tuple[int, ...]) -> tuple[str, Value]:
    """parm.capture (a VIDEO_CAPTURE buffer) or parm.output, by the buffer type."""
    capture = V4L2_BUF_TYPES.name(g[0]) == "V4L2_BUF_TYPE_VIDEO_CAPTURE"
    mode, buffers = ("capturemode", "readbuffers") if capture else ("outputmode",
                                                                    "writebuffers")
    return ("parm.capture" if capture else "parm.output", Struct((
        ("capability", flags_or_unknown(V4L2_STREAMING_CAPABILITIES, g[1], "V4L2_CAP_???")),
        (mode, flags_or_unknown(V4L2_CAPTURE_MODES, g[2], "V4L2_MODE_???")),
        ("timeperframe", fract(g[3], g[4])), ("extendedmode", Int(g[5], "x")),
        (buffers, Int(g[6], "u")))))


def _streamparm(is_get: bool) -> Callable[[Call, int], ArgGen]:
    """G_PARM: the buffer type, then the parameters the call filled; S_PARM: both at
    entry, and after a success "=> {...}" with the parameters the call left.  Only
    the video capture and output buffer types have their parameters printed."""
    def decode(c: Call, addr: int) -> ArgGen:
        got = c.read_struct(addr, _STREAMPARM) if addr else None
        yield [c.fd(0)]
        if got is None:
            return [Addr(addr)]
        fields: Fields = [("type", buf_type(got[0]))]
        if V4L2_BUF_TYPES.name(got[0]) not in ("V4L2_BUF_TYPE_VIDEO_CAPTURE",
                                               "V4L2_BUF_TYPE_VIDEO_OUTPUT"):
            return [Struct(tuple(fields))]
        if not is_get:
            fields.append(_parm(got))
        after = None if c.failed else c.read_struct(addr, _STREAMPARM)
        if after is None:
            return [Struct(tuple(fields))]
        if is_get:
            return [Struct((*fields, _parm(after)))]
        return [Changed(Struct(tuple(fields)), Struct((_parm(after),)))]
    return decode


_DECODERS: dict[str, Callable[[Call, int], ArgGen]] = {
    "VIDIOC_QUERYCAP": lambda c, a: _at_exit(c, a, _CAPABILITY, _capability),
    "VIDIOC_ENUM_FMT": _fmtdesc,
    "VIDIOC_REQBUFS": _reqbufs,
    "VIDIOC_G_FBUF": lambda c, a: _at_exit(c, a, _FRAMEBUFFER, _framebuffer),
    "VIDIOC_S_FBUF": lambda c, a: _at_entry(c, a, _FRAMEBUFFER, _framebuffer),
    "VIDIOC_STREAMON": lambda c, a: _at_entry(c, a, _UINT, _buf_type_at),
    "VIDIOC_STREAMOFF": lambda c, a: _at_entry(c, a, _UINT, _buf_type_at),
    "VIDIOC_G_STD": lambda c, a: _at_exit(c, a, _U64, _std),
    "VIDIOC_S_STD": lambda c, a: _at_entry(c, a, _U64, _std),
    "VIDIOC_ENUMSTD": _standard,
    "VIDIOC_ENUMINPUT": _input,
    "VIDIOC_G_CTRL": _control(True),
    "VIDIOC_S_CTRL": _control(False),
    "VIDIOC_G_INPUT": lambda c, a: _at_exit(c, a, _UINT, _input_number),
    "VIDIOC_S_INPUT": lambda c, a: _at_entry(c, a, _UINT, _input_number),
    "VIDIOC_CROPCAP": _cropcap,
    "VIDIOC_G_CROP": _crop(True),
    "VIDIOC_S_CROP": _crop(False),
    "VIDIOC_ENUM_FRAMESIZES": _frmsize,
    "VIDIOC_ENUM_FRAMEINTERVALS": _frmival,
    "VIDIOC_G_TUNER": _tuner(True),
    "VIDIOC_S_TUNER": _tuner(False),
    "VIDIOC_QUERYCTRL": _queryctrl(_QUERYCTRL, lambda c, g: _queryctrl_details(g)),
    "VIDIOC_QUERY_EXT_CTRL": _queryctrl(_QUERY_EXT_CTRL, _query_ext_ctrl_details),
    **STREAM_DECODERS,
    "VIDIOC_G_PARM": _streamparm(True),
    "VIDIOC_S_PARM": _streamparm(False),
}


@ioctl_family(ord("V"))
def v4l2_ioctl(c: Call, code: int) -> IoctlGen:
    """The VIDIOC_* requests (None for the other 'V' requests)."""
    name = V4L2_IOCTLS.name(code)
    if name is None:
        return None
    request = Const(name, code)
    arg = c.args[2]
    decode = _DECODERS.get(name)
    if decode is None:
        yield [c.fd(0)]
        return [request, Int(arg, "x")]
    rest = yield from decode(c, arg)
    return [request, *rest]
