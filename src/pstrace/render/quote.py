"""Quote byte strings exactly as strace 6.1 prints them, and apply its ``-s`` cut.

strace counterpart: ``string_quote()`` / ``printstr_ex()`` / ``printpathn()`` in
util.c.  Every rule below was learnt by running strace 6.1 on
tests/unit/quote_probe.c (see tests/unit/test_quote.py), not from its source.

Escaping rules (``XFlag.NONE``, strace's default):
  * bytes 0x20..0x7e print as themselves, except ``"`` -> ``\\"`` and ``\\`` -> ``\\\\``;
  * ``\\t \\n \\v \\f \\r`` get letter escapes; ``\\a \\b \\e`` do NOT (they are octal);
  * every other byte (0x00..0x1f, 0x7f..0xff) is an octal escape with the fewest
    digits (``\\0``, ``\\33``, ``\\177``), except that an escape is widened to three
    digits when the next *printed* byte is an octal digit ``'0'..'7'``
    (``b"\\x001"`` -> ``"\\0001"``, but ``b"\\x018"`` -> ``"\\18"``; a byte that is
    followed only by the ``-s`` cut or the terminating NUL stays short).
The locale plays no part: UTF-8 text is escaped byte by byte.

``XFlag.NON_ASCII_CHARS`` (``--strings-in-hex=non-ascii-chars``): the same, but
each octal escape becomes ``\\xHH`` (always two lower-case digits, never widened).

``XFlag.NON_ASCII`` (``-x``, ``--strings-in-hex=non-ascii``): if any *printed*
byte is outside 0x20..0x7e and is not one of ``\\t \\n \\v \\f \\r``, the whole
string is printed as ``\\xHH`` for every byte (``\\t`` becoming ``\\x09``, ``"``
becoming ``\\x22``); otherwise the string prints as in ``NONE``.  Bytes beyond
the ``-s`` cut and the terminating NUL of a C string do not count.

``XFlag.ALL`` (``-xx``, ``--strings-in-hex`` / ``=all``): every byte is ``\\xHH``.

Cut rules (``-s N``, default 32):
  * a buffer of known size (``write``'s buf): the first ``min(size, N)`` bytes
    print, NULs included (as ``\\0``); ``...`` follows iff ``size > N``;
  * a NUL-terminated string: the bytes before the NUL print; ``...`` follows
    iff more than ``N`` of them exist (strace reads ``N + 1`` bytes to know).
    ``-s 0`` prints ``""...`` for any non-empty string and ``""`` for empty.
  * pathnames ignore ``-s``: they are cut at ``PATH_MAX - 1`` bytes, i.e.
    ``decoders.strings.cut_cstring(data, PATH_MAX - 1)``.
"""

from __future__ import annotations

from .._lazy_re import compile_lazily

__all__ = [
    "XFlag",
    "quote",
    "quote_cut",
]


class XFlag:
    """strace's ``--strings-in-hex`` modes; the value of ``-x`` counted (0, 1, 2).
    Plain ints (an IntEnum would load the enum module at every start: issue #11)."""

    NONE = 0  # default, --strings-in-hex=none
    NON_ASCII = 1  # -x, --strings-in-hex=non-ascii
    ALL = 2  # -xx, --strings-in-hex, --strings-in-hex=all
    NON_ASCII_CHARS = 3  # --strings-in-hex=non-ascii-chars

    @classmethod
    def from_option(cls, value: str | None) -> int:
        """Map a ``--strings-in-hex`` argument (``None`` when given bare) to a mode."""
        if value is None:
            return cls.ALL
        return _OPTION_VALUES[value]


# The modes as globals for the tests made on every string (faster to load than a
# class attribute).
_X_NONE, _X_NON_ASCII, _X_ALL, _X_NON_ASCII_CHARS = (
    XFlag.NONE, XFlag.NON_ASCII, XFlag.ALL, XFlag.NON_ASCII_CHARS)

_OPTION_VALUES: dict[str, int] = {
    "none": XFlag.NONE,
    "non-ascii": XFlag.NON_ASCII,
    "all": XFlag.ALL,
    "non-ascii-chars": XFlag.NON_ASCII_CHARS,
}

# --- the tables, built once at import (immutable afterwards) -----------------

_PRINTABLE = range(0x20, 0x7F)
_LETTER_ESCAPES = {0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f", 0x0D: "\\r"}
_QUOTED = {0x22: '\\"', 0x5C: "\\\\"}


def _table(escape: str) -> tuple[str, ...]:
    """A 256-entry byte -> text table; ``escape`` formats the non-printable bytes."""
    rows = []
    for b in range(256):
        if b in _QUOTED:
            rows.append(_QUOTED[b])
        elif b in _PRINTABLE:
            rows.append(chr(b))
        elif b in _LETTER_ESCAPES:
            rows.append(_LETTER_ESCAPES[b])
        else:
            rows.append(escape % b)
    return tuple(rows)


class _Tables:
    """The escape tables, made when a string first needs escaping (making them took
    about a millisecond of every start, issue #11); then plain attributes.

    octal3: byte -> 3-digit octal escape; octal, hexchar: str.translate tables
    (indexable by code point; inputs are latin-1 decoded); octal_by_char,
    hexchar_by_char: the same keyed by one-character str, for the sparse path."""

    octal3: tuple[str, ...]
    octal: dict[int, str]
    hexchar: dict[int, str]
    octal_by_char: dict[str, str]
    hexchar_by_char: dict[str, str]

    def __getattr__(self, name: str) -> object:
        octal, hexchar = _table("\\%o"), _table("\\x%02x")
        self.octal3 = tuple("\\%03o" % b for b in range(256))
        self.octal, self.hexchar = dict(enumerate(octal)), dict(enumerate(hexchar))
        self.octal_by_char = {chr(b): text for b, text in enumerate(octal)}
        self.hexchar_by_char = {chr(b): text for b, text in enumerate(hexchar)}
        return self.__dict__[name]


_T = _Tables()

# Bytes that print as themselves in every non-hex mode.
_PLAIN = bytes(b for b in _PRINTABLE if b not in _QUOTED)
# A byte not in _PLAIN (each written as \xHH: no re.escape, which would import re)
_NOT_PLAIN = compile_lazily("([^" + "".join(f"\\x{b:02x}" for b in _PLAIN) + "])")
# Bytes that do not switch -x to all-hex: printable ones and the letter escapes.
_NOT_NON_ASCII = bytes(_PRINTABLE) + bytes(_LETTER_ESCAPES)
# Bytes whose shortest octal escape has fewer than 3 digits; when one of them is
# followed by an octal digit its escape must be widened to 3 digits.
_SHORT_OCTAL = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20)]))
_OCTAL_DIGITS = "01234567"
_ANGLE_BEFORE_DIGIT = compile_lazily("([<>])(?=[0-7])")
_SHORT_OCTAL_BEFORE_DIGIT = compile_lazily("([" + _SHORT_OCTAL + "])(?=[0-7])")
# Below one escaped byte in this many, splitting around the escaped bytes beats
# str.translate (which leaves its ASCII fast path at the first multi-char escape).
_SPARSE_RATIO = 8


def _all_hex(data: bytes) -> str:
    if not data:
        return '""'
    return '"\\x' + data.hex(" ").replace(" ", "\\x") + '"'


def _dense(text: str, translate: dict[int, str], widen: bool) -> str:
    parts = _SHORT_OCTAL_BEFORE_DIGIT.split(text) if widen else [text]
    if len(parts) == 1:
        return '"' + text.translate(translate) + '"'
    # parts alternates: text, widened char, text, widened char, ..., text
    parts[0::2] = [p.translate(translate) for p in parts[0::2]]
    octal3 = _T.octal3
    parts[1::2] = [octal3[ord(p)] for p in parts[1::2]]
    return '"' + "".join(parts) + '"'


def _sparse(text: str, by_char: dict[str, str], widen: bool) -> str:
    # parts alternates: plain run, escaped char, plain run, ..., plain run
    parts = _NOT_PLAIN.split(text)
    escaped = parts[1::2]
    parts[1::2] = map(by_char.__getitem__, escaped)
    if widen and _SHORT_OCTAL_BEFORE_DIGIT.search(text):
        for i in range(1, len(parts), 2):
            char = escaped[i // 2]
            after = parts[i + 1]  # empty when another escaped char or the end follows
            if after and after[0] in _OCTAL_DIGITS and char in _SHORT_OCTAL:
                parts[i] = _T.octal3[ord(char)]
    return '"' + "".join(parts) + '"'


def _escape(data: bytes, n_escaped: int, hexchars: bool) -> str:
    text = data.decode("latin-1")
    t = _T
    if n_escaped * _SPARSE_RATIO < len(data):
        return _sparse(text, t.hexchar_by_char if hexchars else t.octal_by_char, not hexchars)
    return _dense(text, t.hexchar if hexchars else t.octal, not hexchars)


_SMALL = 16   # strings up to this long are memoised: traces repeat them endlessly
# quote()'s memo of them, at most _SMALL_KEPT (a dict, not functools.lru_cache: that
# module is not loaded at start-up, issue #11)
_SMALL_KEPT = 4096
_QUOTED_SMALL: dict[tuple[bytes, int], str] = {}


def quote(data: bytes, xflag: int = XFlag.NONE, nul_terminated: bool = False) -> str:
    """Return ``data`` quoted as strace prints it, surrounding double quotes included.

    ``data`` is exactly the bytes to print (already cut by ``cut_buffer`` or
    ``cut_cstring``).  With ``nul_terminated`` (strace's QUOTE_0_TERMINATED),
    printing stops at the first NUL, which takes no part in the ``-x`` decision.
    """
    if nul_terminated:
        nul = data.find(0)
        if nul >= 0:
            data = data[:nul]
    if len(data) <= _SMALL:
        key = (data, xflag)
        text = _QUOTED_SMALL.get(key)
        if text is None:
            if len(_QUOTED_SMALL) >= _SMALL_KEPT:   # bounded: forget them all at once
                _QUOTED_SMALL.clear()
            text = _QUOTED_SMALL[key] = _quote(data, xflag)
        return text
    return _quote(data, xflag)


def _quote(data: bytes, xflag: int) -> str:
    if xflag == _X_ALL:
        return _all_hex(data)
    n_escaped = len(data.translate(None, _PLAIN))
    if not n_escaped:  # fast path: nothing to escape
        return '"' + data.decode("ascii") + '"'
    if xflag == _X_NONE:
        return _escape(data, n_escaped, hexchars=False)
    if xflag == _X_NON_ASCII:
        if data.translate(None, _NOT_NON_ASCII):
            return _all_hex(data)
        # only letter escapes and \" \\ remain, so no octal ever appears
        return _escape(data, n_escaped, hexchars=False)
    if xflag == _X_NON_ASCII_CHARS:
        return _escape(data, n_escaped, hexchars=True)
    raise ValueError(f"unknown xflag {xflag!r}")


def quote_path_text(path: str, xflag: int = XFlag.NONE) -> str:
    """A -y path between "<" and ">": quoted as a string without the surrounding
    quotes, "<" and ">" escaped too (strace's printfd: QUOTE_OMIT_LEADING_TRAILING_QUOTES
    with "<>" as extra characters to escape)."""
    data = path.encode("utf-8", "surrogateescape")
    if xflag != _X_ALL and data.translate(None, _PLAIN) == b"" \
            and b"<" not in data and b">" not in data:
        return path   # the common case: nothing to escape
    if xflag != _X_NONE:
        text = quote(data, xflag)[1:-1]
        if xflag == _X_NON_ASCII and not data.translate(None, _NOT_NON_ASCII):
            # -x left the text readable: "<" and ">" get octal escapes, as without -x
            return _ANGLE_BEFORE_DIGIT.sub(lambda m: "\\%03o" % ord(m[1]), text) \
                .replace("<", "\\74").replace(">", "\\76")
        return text.replace("<", "\\x3c").replace(">", "\\x3e")
    out = []
    for i, b in enumerate(data):
        if b in _QUOTED:
            out.append(_QUOTED[b])
        elif b in _PRINTABLE and b not in (0x3C, 0x3E):
            out.append(chr(b))
        elif b in _LETTER_ESCAPES:
            out.append(_LETTER_ESCAPES[b])
        elif i + 1 < len(data) and 0x30 <= data[i + 1] <= 0x37:
            out.append("\\%03o" % b)   # an octal digit follows: three digits
        else:
            out.append("\\%o" % b)
    return "".join(out)


def quote_cut(data: bytes, truncated: bool, xflag: int = XFlag.NONE) -> str:
    """``quote`` followed by strace's ``...`` marker when ``truncated``."""
    text = quote(data, xflag)
    return text + "..." if truncated else text
