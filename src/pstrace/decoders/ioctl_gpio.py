"""ioctl, the GPIO character device requests (type 0xb4, <linux/gpio.h>): the chip and
line information (v1 and v2), the line handle, event and v2 line requests (their
arguments at entry, and after a success " => {fd=N}"), the line values and the line
configuration.  Arrays sized by a count field print that many elements (at most the
array's length); v2 padding prints only when it is not zero.

strace counterpart: gpio_ioctl.c.  Checked against strace 6.1 with
tests/syscalls/ioctl_gpio.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from typing import Any

from ..values import Array, Int, Struct, Value
from ..xlat import (
    GPIO_CONSTS,
    GPIO_EVENT_FLAGS,
    GPIO_HANDLE_FLAGS,
    GPIO_LINE_FLAGS,
    GPIO_V2_LINE_ATTR_IDS,
    GPIO_V2_LINE_FLAGS,
    IOCTL_NAMES_GPIO,
)
from ._fs_common import array, xval
from ._ioctl_by_name import Arg, Reader, decode_by_name, umove_or_addr
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, flags_or_unknown
from .bpf_cmd import cstring_field

Fields = list[tuple[str | None, Value]]
G = tuple[Any, ...]   # an unpacked structure

_NAME = xval(GPIO_CONSTS, "GPIO_MAX_NAME_SIZE")
_HANDLES = xval(GPIO_CONSTS, "GPIOHANDLES_MAX")
_LINES = xval(GPIO_CONSTS, "GPIO_V2_LINES_MAX")
_ATTRS = xval(GPIO_CONSTS, "GPIO_V2_LINE_NUM_ATTRS_MAX")
_ATTR_FLAGS = xval(GPIO_V2_LINE_ATTR_IDS, "GPIO_V2_LINE_ATTR_ID_FLAGS")
_ATTR_VALUES = xval(GPIO_V2_LINE_ATTR_IDS, "GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES")
_ATTR_DEBOUNCE = xval(GPIO_V2_LINE_ATTR_IDS, "GPIO_V2_LINE_ATTR_ID_DEBOUNCE")

_CHIPINFO = struct.Struct(f"<{_NAME}s{_NAME}sI")
_LINEINFO = struct.Struct(f"<II{_NAME}s{_NAME}s")
_OFFSET = struct.Struct("<I")
_HANDLE_REQUEST = struct.Struct(f"<{_HANDLES}II{_HANDLES}B{_NAME}sIi")
_EVENT_REQUEST = struct.Struct(f"<III{_NAME}si")
_HANDLE_DATA = struct.Struct(f"<{_HANDLES}B")
_HANDLE_CONFIG = struct.Struct(f"<I{_HANDLES}B16x")
_ATTR = "IIQ"                                  # struct gpio_v2_line_attribute
_CONFIG = f"QI5I{_ATTRS * (_ATTR + 'Q')}"      # struct gpio_v2_line_config
_CONFIG_LEN = 1 + 1 + 5 + _ATTRS * 4           # its number of fields
_V2_CONFIG = struct.Struct("<" + _CONFIG)
_V2_INFO = struct.Struct(f"<{_NAME}s{_NAME}sIIQ{_ATTRS * _ATTR}4I")
_V2_REQUEST = struct.Struct(f"<{_LINES}I{_NAME}s{_CONFIG}II5Ii")
_V2_VALUES = struct.Struct("<QQ")


def _u(v: int) -> Int:
    return Int(v, "u")


def _x(v: int) -> Int:
    return Int(v, "x")


def _upto(c: Call, items: Sequence[int], count: int) -> Value:
    """The first `count` elements of a fixed array (at most all of it), in decimal."""
    return array(c, [_u(v) for v in items[:count]])


def _padding(fields: Fields, padding: Sequence[int]) -> None:
    """A v2 structure's padding, printed only when some of it is not zero."""
    if any(padding):
        fields.append(("padding", Array(tuple(_x(v) for v in padding))))


def _read(st: struct.Struct, show: Callable[[Call, G], Value]) -> Reader:
    """A reader of one structure: NULL or its address as strace prints them, else show."""
    def read(c: Call, addr: int) -> Value:
        got = umove_or_addr(c, addr, st)
        return got if isinstance(got, Value) else show(c, got)
    return read


def _fd_only(c: Call, g: G) -> Value:
    """What a line request leaves to print after " => ": the fd it made."""
    return Struct((("fd", c.fd_value(g[-1])),))


# --- v1 --------------------------------------------------------------------------------------
def _chipinfo(c: Call, g: G) -> Value:
    return Struct((("name", cstring_field(g[0])), ("label", cstring_field(g[1])),
                   ("lines", _u(g[2]))))


def _lineinfo_after(c: Call, g: G) -> Value:
    return Struct((("flags", flags_or_unknown(GPIO_LINE_FLAGS, g[1], "GPIOLINE_FLAG_???")),
                   ("name", cstring_field(g[2])), ("consumer", cstring_field(g[3]))))


def _handle_flags(v: int) -> Value:
    return flags_or_unknown(GPIO_HANDLE_FLAGS, v, "GPIOHANDLE_REQUEST_???")


def _handle_request(c: Call, g: G) -> Value:
    offsets, (flags,), values = g[:_HANDLES], g[_HANDLES:_HANDLES + 1], \
        g[_HANDLES + 1:2 * _HANDLES + 1]
    label, lines = g[2 * _HANDLES + 1:2 * _HANDLES + 3]
    return Struct((("lines", _u(lines)), ("lineoffsets", _upto(c, offsets, lines)),
                   ("flags", _handle_flags(flags)),
                   ("default_values", _upto(c, values, lines)),
                   ("consumer_label", cstring_field(label))))


def _event_request(c: Call, g: G) -> Value:
    return Struct((("lineoffset", _u(g[0])), ("handleflags", _handle_flags(g[1])),
                   ("eventflags", flags_or_unknown(GPIO_EVENT_FLAGS, g[2],
                                                   "GPIOEVENT_REQUEST_???")),
                   ("consumer_label", cstring_field(g[3]))))


def _handle_data(c: Call, g: G) -> Value:
    return Struct((("values", _upto(c, g, _HANDLES)),))


def _handle_config(c: Call, g: G) -> Value:
    return Struct((("flags", _handle_flags(g[0])),
                   ("default_values", _upto(c, g[1:], _HANDLES))))


# --- v2 --------------------------------------------------------------------------------------
def _v2_flags(v: int) -> Value:
    return flags_or_unknown(GPIO_V2_LINE_FLAGS, v, "GPIO_V2_LINE_FLAG_???", bits=64)


def _attribute(attr: Sequence[int], as_field: bool) -> Fields:
    """A struct gpio_v2_line_attribute (id, padding, value): the union member its id
    selects, or (unknown id, or padding used) its id, padding and raw data, as an
    "attr" field if as_field."""
    ident, padding, value = attr
    if not padding:
        if ident == _ATTR_FLAGS:
            return [("flags", _v2_flags(value))]
        if ident == _ATTR_VALUES:
            return [("values", _x(value))]
        if ident == _ATTR_DEBOUNCE:
            return [("debounce_period_us", _u(value & 0xFFFFFFFF))]
    raw: Fields = [("id", _u(ident))]
    if padding:
        raw.append(("padding", _x(padding)))
    raw.append(("data", _x(value)))
    return [("attr", Struct(tuple(raw)))] if as_field else raw


def _line_config(c: Call, g: Sequence[int]) -> Value:
    """struct gpio_v2_line_config from its fields."""
    flags, num_attrs, padding = g[0], g[1], g[2:7]
    fields: Fields = [("flags", _v2_flags(flags)), ("num_attrs", _u(num_attrs))]
    _padding(fields, padding)
    if num_attrs:
        attrs: list[Value] = [Struct((*_attribute(g[i:i + 3], True), ("mask", _x(g[i + 3]))))
                 for i in range(7, 7 + 4 * min(num_attrs, _ATTRS), 4)]
        fields.append(("attrs", array(c, attrs)))
    return Struct(tuple(fields))


def _info_after(c: Call, g: G) -> Value:
    name, consumer, _, num_attrs, flags = g[:5]
    fields: Fields = [("name", cstring_field(name)), ("consumer", cstring_field(consumer)),
                      ("flags", _v2_flags(flags)), ("num_attrs", _u(num_attrs))]
    if num_attrs:
        attrs: list[Value] = [Struct(tuple(_attribute(g[i:i + 3], False)))
                 for i in range(5, 5 + 3 * min(num_attrs, _ATTRS), 3)]
        fields.append(("attrs", array(c, attrs)))
    _padding(fields, g[5 + 3 * _ATTRS:])
    return Struct(tuple(fields))


def _line_request(c: Call, g: G) -> Value:
    offsets, consumer = g[:_LINES], g[_LINES]
    config = g[_LINES + 1:_LINES + 1 + _CONFIG_LEN]
    num_lines, buffer_size, *padding = g[_LINES + 1 + _CONFIG_LEN:-1]
    fields: Fields = [("num_lines", _u(num_lines)),
                      ("offsets", _upto(c, offsets, num_lines)),
                      ("consumer", cstring_field(consumer)),
                      ("config", _line_config(c, config))]
    if buffer_size:
        fields.append(("event_buffer_size", _u(buffer_size)))
    _padding(fields, padding)
    return Struct(tuple(fields))


_ARGS = {
    "GPIO_GET_CHIPINFO_IOCTL": Arg(_read(_CHIPINFO, _chipinfo), at_exit=True),
    "GPIO_GET_LINEINFO_UNWATCH_IOCTL": Arg(_read(_OFFSET, lambda c, g: Struct(
        (("offset", _u(g[0])),)))),
    **{n: Arg(_read(_LINEINFO, lambda c, g: Struct((("line_offset", _u(g[0])),))),
              after=_read(_LINEINFO, _lineinfo_after))
       for n in ("GPIO_GET_LINEINFO_IOCTL", "GPIO_GET_LINEINFO_WATCH_IOCTL")},
    "GPIO_GET_LINEHANDLE_IOCTL": Arg(_read(_HANDLE_REQUEST, _handle_request),
                                     after=_read(_HANDLE_REQUEST, _fd_only)),
    "GPIO_GET_LINEEVENT_IOCTL": Arg(_read(_EVENT_REQUEST, _event_request),
                                    after=_read(_EVENT_REQUEST, _fd_only)),
    "GPIOHANDLE_GET_LINE_VALUES_IOCTL": Arg(_read(_HANDLE_DATA, _handle_data), at_exit=True),
    "GPIOHANDLE_SET_LINE_VALUES_IOCTL": Arg(_read(_HANDLE_DATA, _handle_data)),
    "GPIOHANDLE_SET_CONFIG_IOCTL": Arg(_read(_HANDLE_CONFIG, _handle_config)),
    **{n: Arg(_read(_V2_INFO, lambda c, g: Struct((("offset", _u(g[2])),))),
              after=_read(_V2_INFO, _info_after))
       for n in ("GPIO_V2_GET_LINEINFO_IOCTL", "GPIO_V2_GET_LINEINFO_WATCH_IOCTL")},
    "GPIO_V2_GET_LINE_IOCTL": Arg(_read(_V2_REQUEST, _line_request),
                                  after=_read(_V2_REQUEST, _fd_only)),
    "GPIO_V2_LINE_SET_CONFIG_IOCTL": Arg(_read(_V2_CONFIG, _line_config)),
    "GPIO_V2_LINE_GET_VALUES_IOCTL": Arg(
        _read(_V2_VALUES, lambda c, g: Struct((("mask", _x(g[1])),))),
        after=_read(_V2_VALUES, lambda c, g: Struct((("bits", _x(g[0])),)))),
    "GPIO_V2_LINE_SET_VALUES_IOCTL": Arg(_read(_V2_VALUES, lambda c, g: Struct(
        (("bits", _x(g[0])), ("mask", _x(g[1])))))),
}


@ioctl_family(0xB4)
def gpio_ioctl(c: Call, code: int) -> IoctlGen:
    return (yield from decode_by_name(c, code, IOCTL_NAMES_GPIO, _ARGS))
