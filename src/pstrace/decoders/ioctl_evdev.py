"""ioctl, the input event device requests (type 'E', <linux/input.h>).

The request: the fixed ones by name (data/xlat/ioctl_names_evdev.list); the ones whose
number carries an argument as strace writes them, "EVIOCGBIT(EV_KEY, 96)",
"EVIOCGABS(ABS_X)", "EVIOCSABS(0xe /* ABS_??? */)", "EVIOCGNAME(256)" ...; -X raw the
number, -X verbose "number /* EVIOCGBIT(0x6, 12) */".  (No named 'E' request has one of
these numbers, so strace's "FORM or NAME" does not arise.)

The argument: a read request (_IOC_READ) prints at exit, its address when the call
failed; a write request (_IOC_WRITE) at entry; the others are left to ioctl.py's generic
printing.  Bit sets (EVIOCGBIT, EVIOCGKEY, EVIOCGPROP ...) print the set bits by name,
as many bits as the call's return value says were written (at most the table's
maximum), four names then "..." without -v; -X raw the words, -X verbose the names then
the words in a comment.

strace counterpart: evdev.c, evdev_mpers.c (EVIOCSFF) and evdev_decode_number() in
ioctl.c.  Checked against strace 6.1 with tests/syscalls/ioctl_evdev.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import ELIDED, Addr, Array, Comment, Const, Func, Int, Set, Struct, Sym, Value
from ..xlat import (
    EVDEV_ABS,
    EVDEV_AUTOREPEAT,
    EVDEV_CONSTS,
    EVDEV_EV,
    EVDEV_FF_STATUS,
    EVDEV_FF_TYPES,
    EVDEV_KEYCODES,
    EVDEV_LEDS,
    EVDEV_MISC,
    EVDEV_MTSLOTS,
    EVDEV_PROPS,
    EVDEV_REL,
    EVDEV_SND,
    EVDEV_SWITCHES,
    IOC_DIRS,
    IOCTL_NAMES_EVDEV,
    Xlat,
)
from ._fs_common import array, tracee_array, xval
from ._ioctl_by_name import umove_or_addr
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, s32
from .ioctl import ioc_field, request_value

Fields = list[tuple[str | None, Value]]

_READ, _WRITE = xval(IOC_DIRS, "_IOC_READ"), xval(IOC_DIRS, "_IOC_WRITE")
_EV_MAX, _ABS_MAX = xval(EVDEV_CONSTS, "EV_MAX"), xval(EVDEV_CONSTS, "ABS_MAX")
_ABSINFO_SIZE = xval(EVDEV_CONSTS, "ABSINFO_SIZE")
_ABSINFO_ORIG = xval(EVDEV_CONSTS, "ABSINFO_ORIG_SIZE")
_WORD = 8   # the bit sets are arrays of unsigned long (x86_64)


def _nr(name: str) -> int:
    """The _IOC_NR of a request with a length or code in it (EVIOCGNAME(len) ...)."""
    return xval(EVDEV_CONSTS, f"NR_{name}")


_NR_NAME, _NR_PHYS, _NR_UNIQ = _nr("EVIOCGNAME"), _nr("EVIOCGPHYS"), _nr("EVIOCGUNIQ")
_NR_PROP, _NR_MTSLOTS = _nr("EVIOCGPROP"), _nr("EVIOCGMTSLOTS")
_NR_KEY, _NR_LED, _NR_SND, _NR_SW = (_nr("EVIOCGKEY"), _nr("EVIOCGLED"), _nr("EVIOCGSND"),
                                     _nr("EVIOCGSW"))
_NR_BIT, _NR_GABS, _NR_SABS = _nr("EVIOCGBIT"), _nr("EVIOCGABS"), _nr("EVIOCSABS")
# the requests printed NAME(len)
_BY_LEN = {_nr(n): n for n in ("EVIOCGNAME", "EVIOCGPHYS", "EVIOCGUNIQ", "EVIOCGPROP",
                               "EVIOCGMTSLOTS", "EVIOCGKEY", "EVIOCGLED", "EVIOCGSND",
                               "EVIOCGSW")}

_U32 = struct.Struct("<I")
_PAIR = struct.Struct("<II")
_INPUT_ID = struct.Struct("<HHHH")
_ABSINFO = struct.Struct("<iiiiii")
_KEYMAP_ENTRY = struct.Struct("<BBHI32s")
_FF_HEAD = struct.Struct("<HhHHHHH2x")           # type, id, direction, trigger, replay
_FF_EFFECT = struct.Struct("<16x32s")            # the union u (8-aligned, 32 bytes)
_FF_RAW = struct.Struct(f"{_FF_EFFECT.size}s")    # the whole struct ff_effect
_ENVELOPE = struct.Struct("<HHHH")
_S32 = struct.Struct("<i")


def _name(table: Xlat, value: int, unknown: str) -> Value:
    """printxval: the name, else the number with the table's "XXX_???" comment."""
    return const(table, value, comment=unknown)


# --- the request ------------------------------------------------------------------------
def _form(name: str, table: Xlat, value: int, unknown: str,
          *rest: Value) -> tuple[Value, Value]:
    """NAME(arg, ...): the table's name of value, else the number with unknown's comment
    (-X verbose, whose comment is the form: the bare number)."""
    known = table.name(value)
    arg: Value = Const(known, value) if known else Comment(Int(value, "x"), unknown)
    bare: Value = Const(known, value) if known else Int(value, "x")
    return Func(name, (arg, *rest)), Func(name, (bare, *rest))


def _request(code: int) -> Value:
    """The request as strace's evdev_decode_number() writes it, else by name."""
    direction, nr, size = (ioc_field(code, f) for f in ("DIR", "NR", "SIZE"))
    forms: tuple[Value, Value] | None = None
    if direction == _WRITE and _NR_SABS <= nr <= _NR_SABS + _ABS_MAX:
        forms = _form("EVIOCSABS", EVDEV_ABS, nr - _NR_SABS, "ABS_???")
    elif direction == _READ and _NR_BIT <= nr <= _NR_BIT + _EV_MAX:
        if nr == _NR_BIT:
            form = Func("EVIOCGBIT", (Int(0, "u"), Int(size, "u")))
            forms = (form, form)
        else:
            forms = _form("EVIOCGBIT", EVDEV_EV, nr - _NR_BIT, "EV_???",
                          Int(size, "u"))
    elif direction == _READ and _NR_GABS <= nr <= _NR_GABS + _ABS_MAX:
        forms = _form("EVIOCGABS", EVDEV_ABS, nr - _NR_GABS, "ABS_???")
    elif direction == _READ and nr in _BY_LEN:
        form = Func(_BY_LEN[nr], (Int(size, "u"),))
        forms = (form, form)
    if forms is None:
        return request_value(code)
    return Sym(Int(code, "x"), forms[0], note=forms[1])


# --- the argument ------------------------------------------------------------------------
Reader = Callable[[Call, int], Value]


def _int_at(fmt: str) -> Reader:
    """printnum_int: [N] for the int at addr, in fmt ("d", "u", "x")."""
    st = _S32 if fmt == "d" else _U32

    def read(c: Call, addr: int) -> Value:
        got = umove_or_addr(c, addr, st)
        return got if isinstance(got, Value) else Array((Int(got[0], fmt),))
    return read


def _pair(c: Call, addr: int) -> Value:
    """EVIOCGREP/EVIOCSREP: [delay, period]."""
    got = umove_or_addr(c, addr, _PAIR)
    return got if isinstance(got, Value) else Array((Int(got[0], "u"), Int(got[1], "u")))


def _keycode(c: Call, addr: int) -> Value:
    """EVIOCGKEYCODE/EVIOCSKEYCODE: [scancode, KEY_*]."""
    got = umove_or_addr(c, addr, _PAIR)
    if isinstance(got, Value):
        return got
    return Array((Int(got[0], "u"), _name(EVDEV_KEYCODES, got[1], "KEY_???")))


def _keymap_entry(c: Call, addr: int) -> Value:
    """struct input_keymap_entry (EVIOCGKEYCODE_V2/EVIOCSKEYCODE_V2)."""
    got = umove_or_addr(c, addr, _KEYMAP_ENTRY)
    if isinstance(got, Value):
        return got
    flags, length, index, keycode, scancode = got
    fields: Fields = [("flags", Int(flags, "u")), ("len", Int(length, "u"))]
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields += [("index", Int(index, "u")),
               ("keycode", _name(EVDEV_KEYCODES, keycode, "KEY_???")),
               ("scancode", array(c, [Int(b, "x") for b in scancode]))]
    return Struct(tuple(fields))


def _input_id(c: Call, addr: int) -> Value:
    got = umove_or_addr(c, addr, _INPUT_ID)
    if isinstance(got, Value):
        return got
    return Struct(tuple(zip(("bustype", "vendor", "product", "version"),
                            (Int(v, "u") for v in got), strict=True)))


def _absinfo(size: int) -> Reader:
    """struct input_absinfo as long as the request says (EVIOCGABS/EVIOCSABS): none
    before `flat` ends prints the address; resolution when it is all there, "..." for
    a size that is not the struct's."""
    def read(c: Call, addr: int) -> Value:
        if size < _ABSINFO_ORIG:
            return Addr(addr)
        want = min(size, _ABSINFO_SIZE)
        got = umove_or_addr(c, addr, struct.Struct(f"{want}s"))
        if isinstance(got, Value):
            return got
        vals = _ABSINFO.unpack(got[0].ljust(_ABSINFO_SIZE, b"\0"))
        fields: Fields = [("value", Int(vals[0] & 0xFFFFFFFF, "u")),
                          ("minimum", Int(vals[1] & 0xFFFFFFFF, "u"))]
        if not c.opts.verbose:
            return Struct(tuple(fields), elided=True)
        fields += [(n, Int(v & 0xFFFFFFFF, "u"))
                   for n, v in zip(("maximum", "fuzz", "flat"), vals[2:5], strict=True)]
        if size >= _ABSINFO_SIZE:
            fields.append(("resolution", Int(vals[5] & 0xFFFFFFFF, "u")))
        return Struct(tuple(fields), elided=size not in (_ABSINFO_ORIG, _ABSINFO_SIZE))
    return read


def _bitset(table: Xlat, max_name: str, unknown: str) -> Reader:
    """A bit set the call filled: as many bits as its return value counts bytes (at
    most the table's maximum), read in whole words; the set bits by name (four, then
    "...", without -v); -X raw the words, -X verbose the names then the words."""
    max_nr = xval(EVDEV_CONSTS, max_name)

    def read(c: Call, addr: int) -> Value:
        rval = c.ret & 0xFFFFFFFFFFFFFFFF
        nbits = max_nr if rval > max_nr // 8 else rval * 8
        nbytes = (nbits + 7) // 8
        size = (nbytes + _WORD - 1) // _WORD * _WORD   # whole words holding the bytes
        if not size:
            return Addr(addr)
        got = umove_or_addr(c, addr, struct.Struct(f"{size}s"))
        if isinstance(got, Value):
            return got
        data: bytes = got[0]
        bits = int.from_bytes(data, "little")
        items: list[Value] = []
        for i in range(nbits):
            if bits >> i & 1:
                if not c.opts.verbose and len(items) > 3:
                    items.append(ELIDED)
                    break
                items.append(_name(table, i, unknown))
        words = array(c, [Int(w, "x") for w in struct.unpack(f"<{size // _WORD}Q", data)])
        names = Set(tuple(items))
        return Sym(words, names, verbose=Comment(names, words))
    return read


def _mtslots(size: int) -> Reader:
    """EVIOCGMTSLOTS: {code=ABS_MT_*, values=[...]}, as many ints as the size holds."""
    def read(c: Call, addr: int) -> Value:
        count = size // _S32.size
        if not count:
            return Addr(addr)
        got = umove_or_addr(c, addr, _U32)
        if isinstance(got, Value):
            return got
        return Struct((("code", _name(EVDEV_MTSLOTS, got[0], "ABS_MT_???")),
                       ("values", tracee_array(c, addr + _S32.size, count - 1, _S32,
                                               lambda g: Int(g[0])))))
    return read


def _string(c: Call, addr: int) -> Value:
    """EVIOCGNAME/PHYS/UNIQ: the bytes the call says it wrote."""
    return c.buf(addr, c.ret)


def _envelope(raw: bytes) -> Value:
    attack_length, attack_level, fade_length, fade_level = _ENVELOPE.unpack(raw)
    return Struct((("attack_length", Int(attack_length, "u")),
                   ("attack_level", Int(attack_level, "u")),
                   ("fade_length", Int(fade_length, "u")),
                   ("fade_level", Int(fade_level, "x"))))


def _shorts(raw: bytes, fields: str) -> Fields:
    """Fields of 16-bit numbers: "name:u", "name:d" separated by spaces."""
    specs = [f.split(":") for f in fields.split()]
    vals = struct.unpack("<" + "".join("h" if k == "d" else "H" for _, k in specs),
                         raw[:2 * len(specs)])
    return [(n, Int(v, k)) for (n, k), v in zip(specs, vals, strict=True)]


def _ff_union(kind: str | None, u: bytes) -> tuple[str, Value] | None:
    """The union member of struct ff_effect its type selects (None: nothing printed)."""
    if kind == "FF_CONSTANT":
        return "constant", Struct((*_shorts(u, "level:d"), ("envelope", _envelope(u[2:10]))))
    if kind == "FF_RAMP":
        return "ramp", Struct((*_shorts(u, "start_level:d end_level:d"),
                               ("envelope", _envelope(u[4:12]))))
    if kind == "FF_PERIODIC":
        custom_len, custom_data = struct.unpack_from("<IQ", u, 20)
        return "periodic", Struct((
            *_shorts(u, "waveform:u period:u magnitude:d offset:d phase:u"),
            ("envelope", _envelope(u[10:18])), ("custom_len", Int(custom_len, "u")),
            ("custom_data", Addr(custom_data))))
    if kind == "FF_RUMBLE":
        return "rumble", Struct(tuple(_shorts(u, "strong_magnitude:u weak_magnitude:u")))
    return None


def _ff_effect(c: Call, addr: int) -> Value:
    """EVIOCSFF: struct ff_effect; without -v its type, id and direction only."""
    head = umove_or_addr(c, addr, _FF_RAW)
    if isinstance(head, Value):
        return head
    raw: bytes = head[0]
    kind, ident, direction, button, interval, length, delay = _FF_HEAD.unpack_from(raw)
    fields: Fields = [("type", _name(EVDEV_FF_TYPES, kind, "FF_???")),
                      ("id", Int(ident)), ("direction", Int(direction, "u"))]
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields += [("trigger", Struct((("button", Int(button, "u")),
                                   ("interval", Int(interval, "u"))))),
               ("replay", Struct((("length", Int(length, "u")), ("delay", Int(delay, "u")))))]
    member = _ff_union(EVDEV_FF_TYPES.name(kind), _FF_EFFECT.unpack(raw)[0])
    if member is not None:
        fields.append(member)
    return Struct(tuple(fields))


def _req(name: str) -> int:
    return xval(IOCTL_NAMES_EVDEV, name)


_READERS: dict[int, Reader] = {
    _req("EVIOCGVERSION"): _int_at("x"), _req("EVIOCGEFFECTS"): _int_at("u"),
    _req("EVIOCGID"): _input_id, _req("EVIOCGREP"): _pair,
    _req("EVIOCGKEYCODE"): _keycode, _req("EVIOCGKEYCODE_V2"): _keymap_entry,
}
_WRITERS: dict[int, Reader] = {
    _req("EVIOCSREP"): _pair, _req("EVIOCSKEYCODE"): _keycode,
    _req("EVIOCSKEYCODE_V2"): _keymap_entry, _req("EVIOCSFF"): _ff_effect,
    _req("EVIOCRMFF"): lambda c, a: Int(s32(a)),
    _req("EVIOCGRAB"): lambda c, a: Int(a, "u"), _req("EVIOCREVOKE"): lambda c, a: Int(a, "u"),
    _req("EVIOCSCLOCKID"): _int_at("u"),
}
_BY_NR: dict[int, Reader] = {
    _NR_NAME: _string, _NR_PHYS: _string, _NR_UNIQ: _string,
    _NR_PROP: _bitset(EVDEV_PROPS, "INPUT_PROP_MAX", "PROP_???"),
    _NR_SND: _bitset(EVDEV_SND, "SND_MAX", "SND_???"),
    _NR_SW: _bitset(EVDEV_SWITCHES, "SW_MAX", "SW_???"),
    _NR_KEY: _bitset(EVDEV_KEYCODES, "KEY_MAX", "KEY_???"),
    _NR_LED: _bitset(EVDEV_LEDS, "LED_MAX", "LED_???"),
}
# EVIOCGBIT(ev, len) by event type: the bits of that type's codes
_BITS: dict[int, Reader] = {
    0: _bitset(EVDEV_EV, "EV_MAX", "EV_???"),
    **{xval(EVDEV_EV, ev): _bitset(table, max_name, unknown) for ev, table, max_name, unknown in (
        ("EV_KEY", EVDEV_KEYCODES, "KEY_MAX", "KEY_???"),
        ("EV_REL", EVDEV_REL, "REL_MAX", "REL_???"),
        ("EV_ABS", EVDEV_ABS, "ABS_MAX", "ABS_???"),
        ("EV_MSC", EVDEV_MISC, "MSC_MAX", "MSC_???"),
        ("EV_SW", EVDEV_SWITCHES, "SW_MAX", "SW_???"),
        ("EV_LED", EVDEV_LEDS, "LED_MAX", "LED_???"),
        ("EV_SND", EVDEV_SND, "SND_MAX", "SND_???"),
        ("EV_REP", EVDEV_AUTOREPEAT, "REP_MAX", "REP_???"),
        ("EV_FF", EVDEV_FF_TYPES, "FF_MAX", "FF_???"),
        ("EV_FF_STATUS", EVDEV_FF_STATUS, "FF_STATUS_MAX", "FF_STATUS_???"))},
    xval(EVDEV_EV, "EV_PWR"): _int_at("d"),
}


def _reader(code: int, direction: int) -> Reader:
    """How the argument of a read or write request prints (its address by default)."""
    nr, size = ioc_field(code, "NR"), ioc_field(code, "SIZE")
    fixed = (_READERS if direction == _READ else _WRITERS).get(code)
    if fixed is not None:
        return fixed
    if direction == _WRITE:
        if nr & ~_ABS_MAX == _NR_SABS:
            return _absinfo(size)
    elif nr == _NR_MTSLOTS:
        return _mtslots(size)
    elif nr in _BY_NR:
        return _BY_NR[nr]
    elif nr & ~_ABS_MAX == _NR_GABS:
        return _absinfo(size)
    elif nr & ~_EV_MAX == _NR_BIT:
        return _BITS.get(nr & _EV_MAX, lambda c, a: Addr(a))
    return lambda c, a: Addr(a)


@ioctl_family(ord("E"))
def evdev_ioctl(c: Call, code: int) -> IoctlGen:
    direction = ioc_field(code, "DIR")
    if direction not in (_READ, _WRITE):
        return None
    arg = c.args[2]
    read = _reader(code, direction)
    if direction == _WRITE:
        c.sep_late = True   # everything is printed at entry; the exit adds only ")"
        yield [c.fd(0), _request(code), read(c, arg)]
        return []
    yield [c.fd(0), _request(code)]
    return [Addr(arg) if c.failed else read(c, arg)]
