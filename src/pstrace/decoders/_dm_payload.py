"""What follows struct dm_ioctl in a device-mapper request's buffer, at data_start, as
strace 6.1 prints it after the header: the struct dm_target_spec chain of
DM_TABLE_LOAD (at entry) and DM_TABLE_STATUS/DM_DEV_WAIT (at exit, with each target's
status), DM_TABLE_DEPS's struct dm_target_deps, DM_LIST_DEVICES's struct dm_name_list
chain, DM_LIST_VERSIONS's struct dm_target_versions chain, DM_TARGET_MSG's struct
dm_target_msg (and at exit its answer when DM_DATA_OUT_FLAG is set), and the string
of DM_DEV_RENAME and DM_DEV_SET_GEOMETRY.  Without -v each is "...".  An element
whose offset goes backwards or past data_size prints "??? /* misplaced ... */"; a
chain stops after -s elements.  Offsets are 32-bit and wrap, as the kernel's.

strace counterpart: dm.c (dm_decode_payload and the dm_decode_* walkers).
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import NamedTuple

from ..values import Addr, Array, Comment, Int, Note, Struct, Value
from ..xlat import DM_CONSTS, DM_FLAGS
from ._bounded import cstr_within
from ._fs_common import tracee_array, xval
from .base import Call
from .bpf_attr import cstring_field
from .fs_stat import makedev_value

_U32 = 0xFFFFFFFF
_U64 = (1 << 64) - 1
_DATA_OUT = xval(DM_FLAGS, "DM_DATA_OUT_FLAG")
# struct dm_target_spec: sector_start, length, status, next, target_type
_SPEC = struct.Struct(f"<QQiI{xval(DM_CONSTS, 'DM_MAX_TYPE_NAME')}s")
_DEPS = struct.Struct("<I4x")          # struct dm_target_deps: count, padding (dev[] after)
_NAME_LIST = struct.Struct("<QI4x")    # struct dm_name_list: dev, next (name[] after)
_VERSIONS = struct.Struct("<I3I")      # struct dm_target_versions: next, version (name[])
_MSG = struct.Struct("<Q")             # struct dm_target_msg: sector (message[] after)
_DEV = struct.Struct("<Q")
assert (_SPEC.size, _DEPS.size, _NAME_LIST.size, _VERSIONS.size, _MSG.size) == tuple(
    xval(DM_CONSTS, f"DM_{n}_SIZE")
    for n in ("TARGET_SPEC", "TARGET_DEPS", "NAME_LIST", "TARGET_VERSIONS", "TARGET_MSG"))
_DEPS_DEV = xval(DM_CONSTS, "DM_TARGET_DEPS_DEV_OFFSET")
_LIST_NAME = xval(DM_CONSTS, "DM_NAME_LIST_NAME_OFFSET")
_VERSIONS_NAME = xval(DM_CONSTS, "DM_TARGET_VERSIONS_NAME_OFFSET")
_MSG_MESSAGE = xval(DM_CONSTS, "DM_TARGET_MSG_MESSAGE_OFFSET")
_EVENT_NR_MINOR = 37   # dm.c: dm_name_list's event_nr is looked for from ABI 4.37 on

Items = tuple[list[Value], bool]   # the elements after the header, and "..." after them


class Header(NamedTuple):
    """struct dm_ioctl's header, as read from the tracee."""

    version: tuple[int, int, int]
    data_size: int
    data_start: int
    target_count: int
    open_count: int
    flags: int
    event_nr: int
    dev: int
    name: bytes
    uuid: bytes

    def same_request(self, other: Header) -> bool:
        """The fields strace compares to tell whether the call changed the header."""
        return (self.version, self.data_size, self.data_start, self.flags) == \
            (other.version, other.data_size, other.data_start, other.flags)


def _at(arg: int, offset: int) -> int:
    return (arg + offset) & _U64


def _misplaced(what: str) -> Value:
    return Comment(Note("???"), f"misplaced {what}")


def _string(c: Call, arg: int, h: Header, start: int) -> Value:
    """The NUL-terminated string from offset start to data_size."""
    return cstr_within(c, _at(arg, start), h.data_size - start)[0]


def _target_specs(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    if not c.opts.verbose:
        return [], h.target_count != 0
    items: list[Value] = []
    offset, end = h.data_start, 0
    for i in range(h.target_count):
        if i and offset <= end:
            return [*items, _misplaced("struct dm_target_spec")], False
        end = (offset + _SPEC.size) & _U32
        if end <= offset or end > h.data_size:
            return [*items, _misplaced("struct dm_target_spec")], False
        if i >= c.opts.max_strlen:
            return items, True
        got = c.read_struct(_at(arg, offset), _SPEC)
        if got is None:
            return [*items, Addr(_at(arg, offset))], False
        start, length, status, nxt, target_type = got
        fields: list[tuple[str | None, Value]] = [
            ("sector_start", Int(start, "u")), ("length", Int(length, "u"))]
        if exiting:
            fields.append(("status", Int(status)))
        fields += [("target_type", cstring_field(target_type)),
                   ("string", _string(c, arg, h, end))]
        items.append(Struct(tuple(fields)))
        # the kernel chains the specs it reads relative to each, those it writes
        # relative to data_start
        offset = ((h.data_start if exiting else offset) + nxt) & _U32
    return items, False


def _target_deps(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    if h.data_start == h.data_size:
        return [], False
    if not c.opts.verbose:
        return [], True
    offset = h.data_start
    end = (offset + _DEPS_DEV) & _U32
    if end <= offset or end > h.data_size:
        return [_misplaced("struct dm_target_deps")], False
    got = c.read_struct(_at(arg, offset), _DEPS)
    if got is None:
        return [Addr(_at(arg, offset))], False
    count = got[0]
    if count > (h.data_size - end) // _DEV.size:
        return [_misplaced("struct dm_target_deps")], False
    deps = tracee_array(c, _at(arg, end), count, _DEV, lambda v: makedev_value(v[0]))
    return [Struct((("count", Int(count, "u")), ("deps", deps)))], False


Element = Callable[[Call, int, Header, int, int], "tuple[Value, int] | None"]


def _chain(c: Call, arg: int, h: Header, head: int, what: str, element: Element) -> Items:
    """A chain of elements linked by their `next` offsets from data_start: each one's
    fixed part is `head` bytes; `element` prints the one at (offset, end of its fixed
    part), or returns None when unreadable (its address prints and the chain ends)."""
    if h.data_start == h.data_size:
        return [], False
    if not c.opts.verbose:
        return [], True
    items: list[Value] = []
    offset, end = h.data_start, 0
    count = 0
    while True:
        if count and offset <= end:
            return [*items, _misplaced(what)], False
        end = (offset + head) & _U32
        if end <= offset or end > h.data_size:
            return [*items, _misplaced(what)], False
        if count >= c.opts.max_strlen:
            return items, True
        got = element(c, arg, h, offset, end)
        if got is None:
            return [*items, Addr(_at(arg, offset))], False
        value, nxt = got
        items.append(value)
        if not nxt:
            return items, False
        offset = (offset + nxt) & _U32
        count += 1


def _name_entry(c: Call, arg: int, h: Header, offset: int, end: int) -> tuple[Value, int] | None:
    got = c.read_struct(_at(arg, offset), _NAME_LIST)
    if got is None:
        return None
    dev, nxt = got
    name, rc = cstr_within(c, _at(arg, end), h.data_size - end)
    fields: list[tuple[str | None, Value]] = [("dev", makedev_value(dev)), ("name", name)]
    if rc > 0 and h.version[1] >= _EVENT_NR_MINOR:
        # since Linux 4.13 an event number follows the name, 8-byte aligned, when the
        # next entry leaves room for it
        event = (_at(arg, end) + rc + 7) & ~7
        raw = c.fetch(event, 4) if event + 4 <= _at(arg, offset) + nxt else None
        if raw is not None:
            fields.append(("event_nr", Int(int.from_bytes(raw, "little"), "u")))
    return Struct(tuple(fields)), nxt


def _versions_entry(c: Call, arg: int, h: Header, offset: int,
                    end: int) -> tuple[Value, int] | None:
    got = c.read_struct(_at(arg, offset), _VERSIONS)
    if got is None:
        return None
    nxt, *version = got
    return Struct((("name", _string(c, arg, h, end)),
                   ("version", Array(tuple(Int(v, "u") for v in version))))), nxt


def _name_list(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    return _chain(c, arg, h, _LIST_NAME, "struct dm_name_list", _name_entry)


def _target_versions(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    return _chain(c, arg, h, _VERSIONS_NAME, "struct dm_target_versions", _versions_entry)


def _target_msg(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    if h.data_start == h.data_size:
        return [], False
    if not c.opts.verbose:
        return [], True
    offset = h.data_start
    end = (offset + _MSG_MESSAGE) & _U32
    if not offset < end <= h.data_size:
        return [_misplaced("struct dm_target_msg")], False
    got = c.read_struct(_at(arg, offset), _MSG)
    if got is None:
        return [Addr(_at(arg, offset))], False
    return [Struct((("sector", Int(got[0], "u")),
                    ("message", _string(c, arg, h, end))))], False


def _data_string(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    if not c.opts.verbose:
        return [], True
    if h.data_start > h.data_size:
        return [_misplaced("string")], False
    return [Struct((("string", _string(c, arg, h, h.data_start)),))], False


def _message_answer(c: Call, arg: int, h: Header, exiting: bool) -> Items:
    return _data_string(c, arg, h, exiting) if h.flags & _DATA_OUT else ([], False)


Walker = Callable[[Call, int, Header, bool], Items]
_AT_ENTRY: dict[str, Walker] = {
    "DM_TABLE_LOAD": _target_specs, "DM_TARGET_MSG": _target_msg,
    "DM_DEV_RENAME": _data_string, "DM_DEV_SET_GEOMETRY": _data_string,
}
_AT_EXIT: dict[str, Walker] = {   # after a success only
    "DM_DEV_WAIT": _target_specs, "DM_TABLE_STATUS": _target_specs,
    "DM_TABLE_DEPS": _target_deps, "DM_LIST_DEVICES": _name_list,
    "DM_LIST_VERSIONS": _target_versions, "DM_TARGET_MSG": _message_answer,
}


def payload(c: Call, name: str, arg: int, h: Header, exiting: bool) -> Items:
    """The elements printed after the header of request `name`."""
    if exiting and c.failed:
        return [], False
    walker = (_AT_EXIT if exiting else _AT_ENTRY).get(name)
    return ([], False) if walker is None else walker(c, arg, h, exiting)
