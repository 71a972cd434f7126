"""ioctl: the request printed by name (or strace's generic _IOC(dir, type, nr, size)
form), and the argument of the terminal and file ioctls strace decodes: struct termios
(TCGETS/TCSETS*) and termio (TCGETA/TCSETA*), struct winsize, the int-pointer requests
(FIONREAD, TIOCGPGRP, FIONBIO...), TCFLSH/TCXONC, TIOCSTI, and no-argument requests;
the socket requests (SIOC*, FIOSETOWN...) through _sock_ioctl.py; every other family
(by the request's type byte) through the modules ioctl_<family>.py that
_ioctl_registry.py finds.

strace counterpart: ioctl.c (ioctl_lookup, the _IOC printer), term.c, and the request
name tables (ours: data/xlat/ioctl_names*.list, sockios_ioctls.list, then the
generated ioctlent table xlat/ioctlent_gen.py for every other request).  Checked against
strace 6.1 with tests/syscalls/io_ioctl.c (a pty pair the program creates itself).
"""
from __future__ import annotations

import functools
import struct

from ..values import (
    Addr,
    Array,
    Func,
    Indexed,
    Int,
    Or,
    Shifted,
    Struct,
    Sym,
    Value,
)
from ..xlat import (
    IOC_CONSTS,
    IOC_DIRS,
    MODEM_FLAGS,
    SOCKIOS_IOCTLS,
    TCFLSH_QUEUES,
    TCXONC_ACTIONS,
    TERMIOS_BAUD,
    TERMIOS_BSDLY,
    TERMIOS_CC,
    TERMIOS_CFLAGS,
    TERMIOS_CONSTS,
    TERMIOS_CRDLY,
    TERMIOS_CSIZE,
    TERMIOS_FFDLY,
    TERMIOS_IFLAGS,
    TERMIOS_LFLAGS,
    TERMIOS_MASKS,
    TERMIOS_NLDLY,
    TERMIOS_OFLAGS,
    TERMIOS_TABDLY,
    TERMIOS_VTDLY,
    TTY_LINE_DISCIPLINES,
    Xlat,
    tables_gen,
)
from ._fs_common import xval
from ._ioctl_number import named_value
from ._ioctl_registry import handlers
from ._sock_ioctl import SOCK_IOCTLS, ifconf_entry, ifconf_exit
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown

_NCCS = xval(TERMIOS_CONSTS, "NCCS")
# struct termios (asm-generic/termbits.h): 4 tcflag_t (u32), c_line, c_cc[NCCS]
_TERMIOS = struct.Struct(f"<IIIIB{_NCCS}s")
# struct termios2 (asm/termbits.h): struct termios, then c_ispeed and c_ospeed (speed_t)
_TERMIOS2 = struct.Struct(f"<IIIIB{_NCCS}sII")
# struct termio (asm-generic/termios.h): 4 unsigned short, c_line, c_cc[NCC=8]
_TERMIO = struct.Struct("<HHHHB8s")
_WINSIZE = struct.Struct("<HHHH")
_INT = struct.Struct("<i")
_UINT = struct.Struct("<I")
_MASK = {name: value for name, value in TERMIOS_MASKS}
_IOC = dict(IOC_CONSTS.pairs)
_DELAYS: tuple[tuple[str, Xlat], ...] = (
    ("NLDLY", TERMIOS_NLDLY), ("CRDLY", TERMIOS_CRDLY), ("TABDLY", TERMIOS_TABDLY),
    ("BSDLY", TERMIOS_BSDLY), ("VTDLY", TERMIOS_VTDLY), ("FFDLY", TERMIOS_FFDLY),
)


# --- the request ---------------------------------------------------------------------------
@functools.cache
def _names_by_code() -> dict[int, tuple[str, ...]]:
    """Every request name strace knows, by number: the socket requests and every
    IOCTL_NAMES* table (data/xlat/ioctl_names*.list, one list per family)."""
    by_code: dict[int, set[str]] = {}
    tables = [getattr(tables_gen, t) for t in tables_gen.__all__
              if t.startswith("IOCTL_NAMES")]
    for table in (*tables, SOCKIOS_IOCTLS):
        for name, value in table:
            by_code.setdefault(value, set()).add(name)
    return {value: tuple(sorted(names)) for value, names in by_code.items()}


@functools.cache
def _ioctlent() -> dict[int, tuple[str, ...]]:
    """strace's whole ioctlent table: every request name of the installed uapi
    headers by number (xlat/ioctlent_gen.py, made by tools/gen_ioctlent.py), imported
    on first use."""
    from ..xlat.ioctlent_gen import IOCTLENT
    by_code: dict[int, tuple[str, ...]] = {}
    for name, value in IOCTLENT:   # sorted by number, then name
        by_code[value] = (*by_code.get(value, ()), name)
    return by_code


def request_names(code: int) -> tuple[str, ...]:
    """Every name strace knows for this request number, sorted ("SNDCTL_TMR_START",
    "TCSETS" print as "SNDCTL_TMR_START or TCSETS"): the family lists' names, else
    the names of the whole ioctlent table."""
    return _names_by_code().get(code) or _ioctlent().get(code, ())


def request_value(code: int) -> Value:
    named = named_value(code, request_names(code))
    if named is not None:
        return named
    direction = flags(IOC_DIRS, ioc_field(code, "DIR"), zero="_IOC_NONE")
    return Sym(Int(code, "x"), Func("_IOC", (
        direction, *(Int(ioc_field(code, f), "x") for f in ("TYPE", "NR", "SIZE")))))


# --- termios ------------------------------------------------------------------------------
def _joined(parts: list[Value]) -> Value:
    return Or(tuple(parts))


def _empty_zero(table: Xlat, value: int) -> Value:
    """term.c's printflags64(..., NULL): no bits print nothing at all, so a zero
    c_iflag is "c_iflag=," and the delay names before a zero rest end in "|"."""
    return flags(table, value, zero="")


def _oflag(value: int) -> Value:
    parts: list[Value] = []
    rest = value
    for mask_name, table in _DELAYS:
        mask = _MASK[mask_name]
        parts.append(const(table, value & mask))
        rest &= ~mask
    parts.append(_empty_zero(TERMIOS_OFLAGS, rest))
    return _joined(parts)


def _cflag(value: int) -> Value:
    cbaud, cibaud, csize = _MASK["CBAUD"], _MASK["CIBAUD"], _MASK["CSIZE"]
    parts: list[Value] = [const(TERMIOS_BAUD, value & cbaud)]
    ibaud = (value & cibaud) >> _MASK["IBSHIFT"]
    if ibaud:
        parts.append(Shifted(const(TERMIOS_BAUD, ibaud), "IBSHIFT"))
    parts.append(const(TERMIOS_CSIZE, value & csize))
    parts.append(_empty_zero(TERMIOS_CFLAGS, value & ~(cbaud | cibaud | csize)))
    return _joined(parts)


def _termios_fields(c: Call, iflag: int, oflag: int, cflag: int, lflag: int, line: int,
                    cc: bytes) -> Struct:
    fields: list[tuple[str | None, Value]] = [
        ("c_iflag", _empty_zero(TERMIOS_IFLAGS, iflag)),
        ("c_oflag", _oflag(oflag)),
        ("c_cflag", _cflag(cflag)),
        ("c_lflag", _empty_zero(TERMIOS_LFLAGS, lflag)),
    ]
    if not c.opts.verbose:
        return Struct(tuple(fields), elided=True)
    fields.append(("c_line", const(TTY_LINE_DISCIPLINES, line, comment="N_???")))
    items = tuple(Indexed(TERMIOS_CC.name(i) or i, Int(b, "x")) for i, b in enumerate(cc))
    fields.append(("c_cc", Array(items)))
    return Struct(tuple(fields))


def termios_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _TERMIOS)
    return Addr(addr) if got is None else _termios_fields(c, *got)


def termios2_at(c: Call, addr: int) -> Value:
    """TCGETS2/TCSETS*2: the termios fields, and with -v the two speeds after c_cc."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _TERMIOS2)
    if got is None:
        return Addr(addr)
    fields = _termios_fields(c, *got[:6])
    if not c.opts.verbose:
        return fields
    return Struct((*fields.fields, ("c_ispeed", Int(got[6], "u")),
                   ("c_ospeed", Int(got[7], "u"))))


def termio_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _TERMIO)
    return Addr(addr) if got is None else _termios_fields(c, *got)


def winsize_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _WINSIZE)
    if got is None:
        return Addr(addr)
    return Struct(tuple(zip(("ws_row", "ws_col", "ws_xpixel", "ws_ypixel"),
                            (Int(v, "u") for v in got), strict=False)))


def int_at(c: Call, addr: int, st: struct.Struct = _INT) -> Value:
    """[N] for an int the argument points to, NULL, or the address."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, st)
    return Addr(addr) if got is None else Array((Int(got[0]),))


def modem_at(c: Call, addr: int) -> Value:
    """[TIOCM_...] for the modem-line bits the argument points to (term.c's
    decode_modem_flags), NULL, or the address."""
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _UINT)
    if got is None:
        return Addr(addr)
    return Array((flags_or_unknown(MODEM_FLAGS, got[0], "TIOCM_???"),))


# --- the argument, per request ---------------------------------------------------------------
# name -> (decoded at exit?, reader).  Readers at exit print the address when the call failed.
_STRUCTS = {
    "TCGETS": (True, termios_at), "TCSETS": (False, termios_at),
    "TIOCGLCKTRMIOS": (True, termios_at), "TIOCSLCKTRMIOS": (False, termios_at),
    "TCSETSW": (False, termios_at), "TCSETSF": (False, termios_at),
    "TCGETS2": (True, termios2_at), "TCSETS2": (False, termios2_at),
    "TCSETSW2": (False, termios2_at), "TCSETSF2": (False, termios2_at),
    "TCGETA": (True, termio_at), "TCSETA": (False, termio_at),
    "TCSETAW": (False, termio_at), "TCSETAF": (False, termio_at),
    "TIOCGWINSZ": (True, winsize_at), "TIOCSWINSZ": (False, winsize_at),
    "TIOCGPGRP": (True, int_at), "TIOCSPGRP": (False, int_at), "TIOCGSID": (True, int_at),
    "FIONREAD": (True, int_at), "TIOCOUTQ": (True, int_at), "TIOCGEXCL": (True, int_at),
    "TIOCGETD": (True, int_at), "TIOCSETD": (False, int_at),
    "TIOCGSOFTCAR": (True, int_at),
    "TIOCMGET": (True, modem_at), "TIOCMBIS": (False, modem_at),
    "TIOCMBIC": (False, modem_at), "TIOCMSET": (False, modem_at),
    "TIOCGPTN": (True, lambda c, a: int_at(c, a, _UINT)),
    "TIOCGDEV": (True, lambda c, a: int_at(c, a, _UINT)),
    "TIOCSPTLCK": (False, int_at), "TIOCPKT": (False, int_at),
    "FIONBIO": (False, int_at), "FIOASYNC": (False, int_at),
    "TIOCSSOFTCAR": (False, int_at),
}
_NO_ARG = frozenset(("TIOCEXCL", "TIOCNXCL", "TIOCCONS", "TIOCNOTTY", "TIOCSBRK", "TIOCCBRK",
                     "TIOCVHANGUP", "FIONCLEX", "FIOCLEX", "TIOCSSERIAL"))
_DECIMAL = frozenset(("TIOCSCTTY", "TCSBRK", "TCSBRKP"))


def _sti(c: Call, addr: int) -> Value:
    """TIOCSTI's one character, as a 1-byte string (cut at -s like any buffer)."""
    return c.buf(addr, 1)


def ioc_field(code: int, name: str) -> int:
    """One field of a request number: name "DIR", "TYPE", "NR" or "SIZE" (_IOC_DIR()...)."""
    return (code >> _IOC[f"_IOC_{name}SHIFT"]) & _IOC[f"_IOC_{name}MASK"]


def ioc_type(code: int) -> int:
    """The request's type byte (_IOC_TYPE), by which strace picks a family."""
    return ioc_field(code, "TYPE")


@decoder("ioctl")
def _ioctl(c: Call) -> DecodeGen:
    code = c.uint(1)
    arg = c.args[2]
    for handler in handlers(ioc_type(code)):
        got = yield from handler(c, code)
        if got is not None:
            return got
    names = request_names(code)
    req = request_value(code)
    # strace names a request by the last of its names it decodes; every decoded
    # request here has a single name
    name = names[-1] if names else None
    if name in _NO_ARG:
        yield [c.fd(0)]
        return [req]
    if name == "SIOCGIFCONF":
        before = ifconf_entry(c, arg)
        yield [c.fd(0)]
        return [req, ifconf_exit(c, arg, before)]
    if name in SOCK_IOCTLS:   # their readers print what strace prints on failure
        at_exit, reader = SOCK_IOCTLS[name]
        if at_exit:
            yield [c.fd(0)]
            return [req, reader(c, arg)]
        value = reader(c, arg)
    elif name in _STRUCTS:
        at_exit, reader = _STRUCTS[name]
        if at_exit:
            yield [c.fd(0)]
            return [req, Addr(arg) if c.failed else reader(c, arg)]
        value = reader(c, arg)
    elif name in _DECIMAL:
        value = c.int_(2)
    elif name == "TCFLSH":
        value = const(TCFLSH_QUEUES, arg, comment="TC???")
    elif name == "TCXONC":
        value = const(TCXONC_ACTIONS, arg, comment="TC???")
    elif name == "TIOCSTI":
        value = _sti(c, arg)
    else:
        value = Int(arg, "x")
    yield [c.fd(0)]
    return [req, value]
