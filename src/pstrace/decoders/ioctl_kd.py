"""Console and keyboard ioctls (type 'K', <linux/kd.h>): the sound and tone requests
with their frequency in a comment, LEDs, keyboard type, mode and meta handling, I/O
ports, screen maps (as hex strings, or Unicode arrays naming UNI_DIRECT_BASE), key map
entries with the key they name, function key strings, accent tables, key codes,
repeat rates, fonts (GIO_FONT, GIO_FONTX, KDFONTOP), colour maps and Unicode maps.
Getters print at exit (their address when the call failed), setters at entry; an
in/out struct prints "before => after".

strace counterpart: kd_ioctl.c and kd_mpers_ioctl.c.
"""
from __future__ import annotations

import errno
import struct
from collections.abc import Callable

from ..values import Addr, Array, Changed, Comment, Int, Note, Or, Shifted, Str, Struct, Sym, Value
from ..xlat import (
    IOCTL_NAMES_KD,
    KD_CONSTS,
    KD_FONT_FLAGS,
    KD_FONT_OPS,
    KD_KBD_MODES,
    KD_KBD_TYPES,
    KD_KEY_ASCII_KEYS,
    KD_KEY_BRL_KEYS,
    KD_KEY_CUR_KEYS,
    KD_KEY_DEAD_KEYS,
    KD_KEY_FN_KEYS,
    KD_KEY_LOCK_KEYS,
    KD_KEY_PAD_KEYS,
    KD_KEY_SHIFT_KEYS,
    KD_KEY_SLOCK_KEYS,
    KD_KEY_SPEC_KEYS,
    KD_KEY_TABLES,
    KD_KEY_TYPES,
    KD_KEYMAP_BITS,
    KD_LED_FLAGS,
    KD_META_VALS,
    KD_MODES,
    Xlat,
)
from ._fs_common import tracee_array, xval
from ._ioctl_by_name import NO_ARG, Arg, bit_table, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown, s32
from .signal import sig_value

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
_E_TABSZ, _MAX_DIACR, _PIT = (xval(KD_CONSTS, n) for n in ("E_TABSZ", "MAX_DIACR",
                                                            "PIT_TICK_RATE"))
_UNI_BASE, _UNI_MASK = xval(KD_CONSTS, "UNI_DIRECT_BASE"), xval(KD_CONSTS, "UNI_DIRECT_MASK")
_GPFIRST, _GPLAST = 0x3B4, 0x3DF   # the VGA ports KDADDIO accepts (drivers/tty/vt/vt_ioctl.c)
_FONT_SIZE = 8192   # GIO_FONT/PIO_FONT: 256 characters of 32 bytes (vt_ioctl.c)
_CMAP_SIZE = 3 * 16
_FONT_NAME = 32   # KD_FONT_OP_SET_DEFAULT's name buffer (drivers/tty/vt/vt.c)
_U8, _U16, _U32 = struct.Struct("<B"), struct.Struct("<H"), struct.Struct("<I")
_KBENTRY_HEAD = struct.Struct("<BB")
_KEYCODE = struct.Struct("<II")
_KBD_REPEAT = struct.Struct("<ii")
_UNIMAPINIT = struct.Struct("<HHH")
_UNIMAPDESC = struct.Struct("<H6xQ")
_UNIPAIR = struct.Struct("<HH")
_FONTDESC = struct.Struct("<HH4xQ")
_FONT_OP = struct.Struct("<IIIII4xQ")
_DIACR = struct.Struct("<BBB")
_DIACRUC = struct.Struct("<III")
_DEFAULT_LEDS = Xlat((*KD_LED_FLAGS.pairs, *((f"{n}<<4", v << 4) for n, v in KD_LED_FLAGS)))
_KEYMAP = bit_table(KD_KEYMAP_BITS)
_FN_KEY_VALS = Xlat((f"KVAL({n})", v & 0xFF) for n, v in KD_KEY_FN_KEYS)
_KEY_TYPE = dict((n, v) for n, v in KD_KEY_TYPES)
_KEYS_BY_TYPE = {_KEY_TYPE[t]: x for t, x in (
    ("KT_FN", KD_KEY_FN_KEYS), ("KT_SPEC", KD_KEY_SPEC_KEYS), ("KT_PAD", KD_KEY_PAD_KEYS),
    ("KT_DEAD", KD_KEY_DEAD_KEYS), ("KT_CUR", KD_KEY_CUR_KEYS),
    ("KT_SHIFT", KD_KEY_SHIFT_KEYS), ("KT_ASCII", KD_KEY_ASCII_KEYS),
    ("KT_LOCK", KD_KEY_LOCK_KEYS), ("KT_SLOCK", KD_KEY_SLOCK_KEYS),
    ("KT_BRL", KD_KEY_BRL_KEYS))}
_CHAR_TYPES = frozenset(_KEY_TYPE[t] for t in ("KT_LATIN", "KT_META", "KT_LETTER", "KT_DEAD2"))
_ESCAPES = {0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f", 0x0D: "\\r"}
_OP = {n: v for n, v in KD_FONT_OPS}


def _hex(v: int) -> str:
    """C's %#x: 0 stays "0"."""
    return f"{v:#x}" if v else "0"


def _commented(value: Value, text: str) -> Value:
    """value /* text */, the comment left out with -X raw."""
    note = Comment(value, text)
    return Sym(value, note, verbose=note)


def _char(byte: int) -> str:
    """A character as strace's print_char(SCF_QUOTES | SCF_ESC_WS) spells it."""
    if byte in _ESCAPES:
        return f"'{_ESCAPES[byte]}'"
    if 0x20 <= byte < 0x7F:
        return "'\\" + chr(byte) + "'" if chr(byte) in "'\\" else f"'{chr(byte)}'"
    return f"'\\x{byte:02x}'"


def _hex_buf(c: Call, addr: int, size: int) -> Value:
    """strace's printstr_ex(..., QUOTE_FORCE_HEX): size bytes in hex, cut at -s."""
    got = c.buf(addr, size)
    return Str(got.data, got.more, hex=True) if isinstance(got, Str) else got


def _reader(st: struct.Struct, show: Callable[[tuple[Any, ...]], Value]
            ) -> Callable[[Call, int], Value]:
    def read(c: Call, addr: int) -> Value:
        got = c.read_struct(addr, st) if addr else None
        return Addr(addr) if got is None else show(got)
    return read


# --- the simple requests ----------------------------------------------------------------
def _sound(c: Call, arg: int) -> Value:
    freq = _PIT // arg if arg else 0
    return _commented(Int(arg, "u"), f"{freq} Hz" if freq else "off")


def _tone(c: Call, arg: int) -> Value:
    arg &= 0xFFFFFFFF
    ticks, count = arg >> 16, arg & 0xFFFF
    freq = _PIT // count if ticks and count else 0
    value: Value = Or((Shifted(Int(ticks, "u"), 16), Int(count, "u"))) if ticks \
        else Int(count, "u")
    return _commented(value, f"{freq} Hz, {ticks} ms" if freq else "off")


def _leds(table: Xlat) -> Callable[[int], Value]:
    return lambda v: flags_or_unknown(table, v & 0xFF, "LED_???")


def _io(c: Call, arg: int) -> Value:
    value = Int(arg, "x")
    return _commented(value, f"GPFIRST + {arg - _GPFIRST}") if _GPFIRST <= arg <= _GPLAST \
        else value


def _kbd_mode(v: int) -> Value:
    return const(KD_KBD_MODES, s32(v), "d", comment="K_???")


def _uni(e: tuple[Any, ...]) -> Value:
    """A screen map entry: UNI_DIRECT_BASE+0x.. when it is one, else hex."""
    v = e[0]
    if v & ~_UNI_MASK != _UNI_BASE:
        return Int(v, "x")
    return Sym(Int(v, "x"), Note(f"UNI_DIRECT_BASE+{_hex(v & _UNI_MASK)}"))


def _sigaccept(c: Call, arg: int) -> Value:
    return sig_value(arg) if arg < 0x7FFFFFFF else Int(arg, "u")


def _uni_map(c: Call, addr: int) -> Value:
    return tracee_array(c, addr, _E_TABSZ, _U16, _uni)


def _unimapinit(g: tuple[Any, ...]) -> Value:
    return Struct(tuple(zip(("advised_hashsize", "advised_hashstep", "advised_hashlevel"),
                            (Int(v, "u") for v in g), strict=True)))


def _one(st: struct.Struct, show: Callable[[int], Value]) -> Callable[[Call, int], Value]:
    """A reader of the number the argument points to, printed [show(N)]."""
    return _reader(st, lambda g: Array((show(g[0]),)))


_GET_MODE = _one(_U32, lambda v: const(KD_MODES, v, comment="KD_???"))
_META = _one(_U32, lambda v: const(KD_META_VALS, v, comment="K_???"))
_ARGS = {
    "KIOCSOUND": Arg(_sound), "KDMKTONE": Arg(_tone),
    "KDSETLED": Arg(lambda c, a: _leds(KD_LED_FLAGS)(a)),
    "KDSKBLED": Arg(lambda c, a: _leds(_DEFAULT_LEDS)(a)),
    "KDGETLED": Arg(_one(_U8, _leds(KD_LED_FLAGS)), at_exit=True),
    "KDGKBLED": Arg(_one(_U8, _leds(_DEFAULT_LEDS)), at_exit=True),
    "KDGKBTYPE": Arg(_one(_U8, lambda v: const(KD_KBD_TYPES, v, comment="KB_???")),
                     at_exit=True),
    "KDADDIO": Arg(_io), "KDDELIO": Arg(_io),
    "KDSETMODE": Arg(lambda c, a: const(KD_MODES, a & 0xFFFFFFFF, comment="KD_???")),
    "KDGETMODE": Arg(_GET_MODE, at_exit=True),
    "GIO_SCRNMAP": Arg(lambda c, a: _hex_buf(c, a, _E_TABSZ), at_exit=True),
    "PIO_SCRNMAP": Arg(lambda c, a: _hex_buf(c, a, _E_TABSZ)),
    "PIO_UNISCRNMAP": Arg(_uni_map), "GIO_UNISCRNMAP": Arg(_uni_map, at_exit=True),
    "KDGKBMODE": Arg(_one(_U32, _kbd_mode), at_exit=True),
    "KDSKBMODE": Arg(lambda c, a: _kbd_mode(a)),
    "KDSIGACCEPT": Arg(_sigaccept),
    "GIO_FONT": Arg(lambda c, a: _hex_buf(c, a, _FONT_SIZE), at_exit=True),
    "PIO_FONT": Arg(lambda c, a: _hex_buf(c, a, _FONT_SIZE)),
    "KDGKBMETA": Arg(_META, at_exit=True),
    "KDSKBMETA": Arg(lambda c, a: const(KD_META_VALS, a & 0xFFFFFFFF, comment="K_???")),
    "PIO_UNIMAPCLR": Arg(_reader(_UNIMAPINIT, _unimapinit)),
    "GIO_CMAP": Arg(lambda c, a: _hex_buf(c, a, _CMAP_SIZE), at_exit=True),
    "PIO_CMAP": Arg(lambda c, a: _hex_buf(c, a, _CMAP_SIZE)),
    **{n: NO_ARG for n in ("KDENABIO", "KDDISABIO", "KDMAPDISP", "KDUNMAPDISP",
                           "PIO_FONTRESET")},
}


# --- the requests printed in two halves ------------------------------------------------------
def _key_value(c: Call, value: int) -> Value:
    """kb_value=0x.. /* K_F1 */, or /* K(KT_LATIN, 'a') */ for a key with no name."""
    ktyp, kval = value >> 8, value & 0xFF
    table = _KEYS_BY_TYPE.get(ktyp)
    name = table.name(value) if table is not None else None
    if name is None:
        kind = KD_KEY_TYPES.name(ktyp) or _hex(ktyp)
        name = f"K({kind}, {_char(kval) if ktyp in _CHAR_TYPES else _hex(kval)})"
    return _commented(Int(value, "x"), name)


def _kbentry(c: Call, arg: int, get: bool) -> IoctlGen:
    head = c.read_struct(arg, _KBENTRY_HEAD) if arg else None
    entry: Fields = []
    if head is not None:
        table, index = head
        entry = [("kb_table", const(KD_KEY_TABLES, table) if KD_KEY_TABLES.name(table)
                  else flags_or_unknown(_KEYMAP, table, "K_???")),
                 ("kb_index", Int(index, "u"))]
    if head is None or not get:
        c.sep_late = True
        yield [c.fd(0), _req(c), Addr(arg) if head is None else
               Struct((*entry, _kb_value(c, arg)))]
        return []
    yield [c.fd(0), _req(c)]
    return [Struct(tuple(entry) if c.failed else (*entry, _kb_value(c, arg)))]


def _kb_value(c: Call, arg: int) -> tuple[str, Value]:
    got = c.fetch(arg + 2, 2)
    return ("kb_value", Note("???") if got is None else _key_value(c, _U16.unpack(got)[0]))


def _kbsentry(c: Call, arg: int, get: bool) -> IoctlGen:
    func = c.read_struct(arg, _U8) if arg else None
    entry: Fields = []
    if func is not None:
        entry = [("kb_func", const(_FN_KEY_VALS, func[0], comment="KVAL(K_???)"))]
    if func is None or not get:
        c.sep_late = True
        yield [c.fd(0), _req(c), Addr(arg) if func is None else
               Struct((*entry, _kb_string(c, arg)))]
        return []
    yield [c.fd(0), _req(c)]
    return [Struct(tuple(entry) if c.failed else (*entry, _kb_string(c, arg)))]


def _kb_string(c: Call, arg: int) -> tuple[str, Value]:
    """kb_string: up to its NUL, at most -s bytes, then "..." when cut or unterminated."""
    size = 512
    got = c.read_cstr(arg + 1, size - 1)
    if got is None:
        return ("kb_string", Note("???"))
    data, terminated = got
    whole = len(data) + 1 if terminated else size
    shown = min(c.opts.max_strlen, whole)
    return ("kb_string", Str(data[:shown], more=shown < whole or not terminated))


def _diacr(c: Call, arg: int, elem: struct.Struct, field: str,
           show: Callable[[tuple[Any, ...]], Value]) -> Value:
    got = c.read_struct(arg, _U32) if arg else None
    if got is None:
        return Addr(arg)
    count = got[0]
    items = tracee_array(c, arg + 4, min(count, _MAX_DIACR), elem, show)
    if count > _MAX_DIACR and isinstance(items, Array):
        items = Array(items.items, elided=True)
    return Struct((("kb_cnt", Int(count, "u")), (field, items)))


def _diacr_item(e: tuple[Any, ...]) -> Value:
    return Struct(tuple((n, Note(_char(v))) for n, v in zip(("diacr", "base", "result"), e,
                                                             strict=True)))


def _diacruc_item(e: tuple[Any, ...]) -> Value:
    return Struct(tuple((n, Int(v, "x")) for n, v in zip(("diacr", "base", "result"), e,
                                                          strict=True)))


def _keycode(c: Call, arg: int, get: bool) -> IoctlGen:
    got = c.read_struct(arg, _KEYCODE) if arg else None
    if got is None or not get:
        c.sep_late = True
        yield [c.fd(0), _req(c), Addr(arg) if got is None else Struct((
            ("scancode", Int(got[0], "x")), ("keycode", Int(got[1], "x"))))]
        return []
    yield [c.fd(0), _req(c)]
    scancode, keycode = ("scancode", Int(got[0], "x")), Int(got[1], "x")
    after = c.read(arg + 4, 4) if not c.failed else None
    if after is None:
        return [Struct((scancode, ("keycode", keycode)))]
    return [Struct((scancode, ("keycode", Changed(keycode, Int(_U32.unpack(after)[0], "x")))))]


def _repeat(g: tuple[Any, ...]) -> Value:
    return Struct((("delay", Int(g[0])), ("period", Int(g[1]))))


def _in_out(c: Call, arg: int, st: struct.Struct, show: Callable[[tuple[Any, ...]], Value],
            show_after: Callable[[tuple[Any, ...]], Value] | None = None) -> IoctlGen:
    """A struct read at entry and, after a success, printed again " => " at exit."""
    got = c.read_struct(arg, st) if arg else None
    yield [c.fd(0), _req(c)]
    if got is None:
        return [Addr(arg)]
    after = c.read_struct(arg, st) if not c.failed else None
    before = show(got)
    return [before if after is None else Changed(before, (show_after or show)(after))]


def _unimap(c: Call, arg: int, get: bool) -> IoctlGen:
    got = c.read_struct(arg, _UNIMAPDESC) if arg else None
    yield [c.fd(0), _req(c)]
    if got is None:
        return [Addr(arg)]
    count, entries = got
    if not get:
        return [Struct((("entry_ct", Int(count, "u")), ("entries", _unipairs(c, entries,
                                                                           count))))]
    after = c.read_struct(arg, _UNIMAPDESC)
    if after is None:
        return [Struct((("entry_ct", Int(count, "u")),))]
    ct: Value = Changed(Int(count, "u"), Int(after[0], "u"))
    if c.failed and c.error != errno.ENOMEM:
        return [Struct((("entry_ct", ct), ("entries", Addr(after[1]))))]
    return [Struct((("entry_ct", ct), ("entries", _unipairs(c, after[1], count))))]


def _unipairs(c: Call, addr: int, count: int) -> Value:
    return tracee_array(c, addr, count, _UNIPAIR, lambda e: Struct((
        ("unicode", Int(e[0], "x")), ("fontpos", Int(e[1], "x")))))


def _fontdesc(c: Call, g: tuple[Any, ...], data_ptr: bool) -> Value:
    count, height, data = g
    return Struct((("charcount", Int(count, "u")), ("charheight", Int(height, "u")),
                   ("chardata", Addr(data) if data_ptr else
                    _hex_buf(c, data, min(count, 512) * 32))))


def _fontx(c: Call, arg: int, get: bool) -> IoctlGen:
    return (yield from _in_out(c, arg, _FONTDESC, lambda g: _fontdesc(c, g, get),
                               lambda g: _fontdesc(c, g, False)) if get else
            _at_entry(c, arg, _FONTDESC, lambda g: _fontdesc(c, g, False)))


def _at_entry(c: Call, arg: int, st: struct.Struct,
              show: Callable[[tuple[Any, ...]], Value]) -> IoctlGen:
    c.sep_late = True
    yield [c.fd(0), _req(c), _reader(st, show)(c, arg)]
    return []


def _font_op(c: Call, g: tuple[Any, ...], entering: bool) -> Value:
    op, flags, width, height, count, data = g
    name = KD_FONT_OPS.name(op)
    fields: Fields = []
    if entering:
        fields.append(("op", const(KD_FONT_OPS, op, comment="KD_FONT_OP_???")))
        if name not in ("KD_FONT_OP_SET_DEFAULT", "KD_FONT_OP_COPY"):
            fields.append(("flags", flags_or_unknown(KD_FONT_FLAGS, flags,
                                                     "KD_FONT_FLAG_???")))
    if name != "KD_FONT_OP_COPY":
        fields.append(("width", Int(width, "u")))
    fields.append(("height", Int(height, "u")))
    if name not in ("KD_FONT_OP_SET_DEFAULT", "KD_FONT_OP_COPY"):
        fields.append(("charcount", Int(count, "u")))
    if name == "KD_FONT_OP_GET" and entering or name not in (
            "KD_FONT_OP_GET", "KD_FONT_OP_SET", "KD_FONT_OP_SET_DEFAULT", "KD_FONT_OP_COPY"):
        fields.append(("data", Addr(data)))
    elif name in ("KD_FONT_OP_GET", "KD_FONT_OP_SET"):
        size = (min(width, 32) + 7) // 8 * 32 * min(count, 512)
        fields.append(("data", _hex_buf(c, data, size)))
    elif name == "KD_FONT_OP_SET_DEFAULT" and entering:
        fields.append(("data", _font_name(c, data)))
    return Struct(tuple(fields))


def _font_name(c: Call, addr: int) -> Value:
    """A font name: to its NUL, at most 31 characters (the kernel's 32 bytes with their
    trailing NUL) and -s, then "..." when cut."""
    if not addr:
        return Addr(0)
    got = c.read_cstr(addr, _FONT_NAME - 1)
    if got is None:
        return Addr(addr)
    data, terminated = got
    limit = min(c.opts.max_strlen, _FONT_NAME - 1)
    if terminated and len(data) <= limit:
        return Str(data)
    return Str(data[:limit], more=True)


def _fontop(c: Call, arg: int) -> IoctlGen:
    got = c.read_struct(arg, _FONT_OP) if arg else None
    if got is None or got[0] in (_OP["KD_FONT_OP_SET"], _OP["KD_FONT_OP_COPY"]):
        c.sep_late = True
        yield [c.fd(0), _req(c), Addr(arg) if got is None else _font_op(c, got, True)]
        return []
    yield [c.fd(0), _req(c)]
    before = _font_op(c, got, True)
    after = c.read_struct(arg, _FONT_OP) if not c.failed else None
    return [before if after is None else Changed(before, _font_op(c, after, False))]


def _req(c: Call) -> Value:
    named = named_request(IOCTL_NAMES_KD, c.uint(1))
    assert named is not None
    return named[1]


_TWO_PHASE: dict[str, Callable[[Call, int], IoctlGen]] = {
    "KDGKBENT": lambda c, a: _kbentry(c, a, True),
    "KDSKBENT": lambda c, a: _kbentry(c, a, False),
    "KDGKBSENT": lambda c, a: _kbsentry(c, a, True),
    "KDSKBSENT": lambda c, a: _kbsentry(c, a, False),
    "KDGETKEYCODE": lambda c, a: _keycode(c, a, True),
    "KDSETKEYCODE": lambda c, a: _keycode(c, a, False),
    "KDKBDREP": lambda c, a: _in_out(c, a, _KBD_REPEAT, _repeat),
    "GIO_UNIMAP": lambda c, a: _unimap(c, a, True),
    "PIO_UNIMAP": lambda c, a: _unimap(c, a, False),
    "GIO_FONTX": lambda c, a: _fontx(c, a, True),
    "PIO_FONTX": lambda c, a: _fontx(c, a, False),
    "KDFONTOP": _fontop,
}
def _diacrs(c: Call, arg: int) -> Value:
    return _diacr(c, arg, _DIACR, "kbdiacr", _diacr_item)


def _diacrucs(c: Call, arg: int) -> Value:
    return _diacr(c, arg, _DIACRUC, "kbdiacruc", _diacruc_item)


_ARGS.update({
    "KDGKBDIACR": Arg(_diacrs, at_exit=True), "KDSKBDIACR": Arg(_diacrs),
    "KDGKBDIACRUC": Arg(_diacrucs, at_exit=True), "KDSKBDIACRUC": Arg(_diacrucs),
})


@ioctl_family(ord("K"))
def kd_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_KD, code)
    if named is None:
        return None
    name = named[0][0]
    if name in _TWO_PHASE:
        return (yield from _TWO_PHASE[name](c, c.args[2]))
    return (yield from decode_by_name(c, code, IOCTL_NAMES_KD, _ARGS))
