"""Value builders shared by the Video4Linux2 decoders (ioctl_v4l2.py, _v4l2_format.py):
a buffer type, a struct v4l2_rect, a fraction, a fourcc code.

strace counterpart: print_v4l2_rect, print_pixelformat and the v4l2_buf_types lookups
of v4l2.c.
"""
from __future__ import annotations

from ..values import Comment, Func, Int, Note, Struct, Sym, Value, Verbatim
from ..xlat import V4L2_BUF_TYPES, Xlat
from .base import const


def buf_type(value: int) -> Value:
    return const(V4L2_BUF_TYPES, value, comment="V4L2_BUF_TYPE_???")


def rect(left: int, top: int, width: int, height: int) -> Struct:
    return Struct((("left", Int(left)), ("top", Int(top)), ("width", Int(width, "u")),
                   ("height", Int(height, "u"))))


def fract(numerator: int, denominator: int) -> Value:
    return Verbatim(f"{numerator}/{denominator}")


def _char(byte: int) -> Value:
    """One character as C's 'c' (strace's print_char with quotes)."""
    if 0x20 <= byte < 0x7F:
        return Note("'\\" + chr(byte) + "'" if chr(byte) in "'\\" else f"'{chr(byte)}'")
    return Note(f"'\\x{byte:02x}'")


def fourcc(value: int, names: Xlat) -> Value:
    """v4l2_fourcc('Y', 'U', 'Y', 'V') /* V4L2_PIX_FMT_YUYV */; -X raw the number."""
    form: Value = Func("v4l2_fourcc", tuple(_char(value >> s & 0xFF) for s in (0, 8, 16, 24)))
    name = names.name(value)
    if name is not None:
        form = Comment(form, name)
    return Sym(Int(value, "x"), form, verbose=form)
