"""How much of a string or buffer strace prints: -s cuts data arguments and
NUL-terminated strings (paths are cut at PATH_MAX only); the decoder keeps what is
printed and whether strace appends "..." after the closing quote.
strace counterpart: printstr_ex()/printpathn() and their max_strlen handling in util.c.
"""
from __future__ import annotations


def cut_buffer(data: bytes, size: int, max_strlen: int) -> tuple[bytes, bool]:
    """Cut a ``size``-byte buffer argument for ``-s max_strlen``.

    ``data`` holds at least ``min(size, max_strlen)`` bytes read from the tracee
    (more is allowed and ignored).  Returns the bytes to print and whether strace
    appends ``...`` after the closing quote.
    """
    size = max(size, 0)
    if size > max_strlen:
        return data[:max_strlen], True
    return data[:size], False


def cut_cstring(data: bytes, max_strlen: int) -> tuple[bytes, bool]:
    """Cut a NUL-terminated string argument for ``-s max_strlen``.

    ``data`` was read from the tracee up to ``max_strlen + 1`` bytes or up to the
    NUL (which may be included or not).  Returns the bytes to print (without the
    NUL) and whether strace appends ``...``.
    """
    nul = data.find(0)
    if nul >= 0:
        data = data[:nul]
    if len(data) > max_strlen:
        return data[:max_strlen], True
    return data, False
