"""Constant tables and lookups: errno, signals, flag/value tables (generated).

strace counterpart: src/xlat/*.in, the errnoent/signalent tables and sprintsigname().
"""
from __future__ import annotations

import os

from .._modules import load
from .core import Xlat, split_flags
from .errno_gen import ERRNO as _ERRNO_PAIRS
from .errno_gen import KERNEL_ERRNO as _KERNEL_ERRNO
from .signals_gen import SIGNALS as _SIGNAL_PAIRS
from .signals_gen import SIGRTMAX, SIGRTMIN

ERRNO = Xlat(_ERRNO_PAIRS + tuple((n, v) for n, v, _ in _KERNEL_ERRNO))
SIGNALS = Xlat(_SIGNAL_PAIRS)
#: include/linux/err.h (kernel-internal): -MAX_ERRNO..-1 are a syscall's errors.
MAX_ERRNO = 4095
_MAX_SIGNAL_SET = 255  # highest number strace's -e signal= accepts (observed)
_KERNEL_TEXTS = {v: t for _, v, t in _KERNEL_ERRNO if t}


def errno_name(n: int) -> str | None:
    """The name strace prints for errno ``n`` (EAGAIN, ERESTARTSYS...), else None
    (strace then prints ``-1 (errno N)``)."""
    return ERRNO.name(n)


def errno_text(n: int) -> str:
    """The explanation strace prints in parentheses: the kernel-internal restart
    codes have their own texts, everything else is strerror() (os.strerror)."""
    text = _KERNEL_TEXTS.get(n)
    return text if text is not None else os.strerror(n)


def signal_name(n: int) -> str:
    """SIGCHLD; SIGRTMIN for 32, SIGRT_<k> for 32+k up to SIGRTMAX (64);
    anything else as a plain decimal number, as strace 6.1 prints it."""
    name = SIGNALS.name(n)
    if name is not None:
        return name
    if n == SIGRTMIN:
        return "SIGRTMIN"
    if SIGRTMIN < n <= SIGRTMAX:
        return f"SIGRT_{n - SIGRTMIN}"
    return str(n)


def signal_number(name: str) -> int | None:
    """Parse a signal name as strace's -e signal= accepts it: with or without SIG,
    any case, SIGRTMIN, SIGRT_<k> (k <= 32), or a decimal number 0..255 (strace 6.1
    keeps a 256-bit signal set; SIGIOT, SIGPOLL, SIGRTMAX and " 5" are rejected)."""
    s = name
    if s.isdigit() and s.isascii():
        n = int(s)
        return n if n <= _MAX_SIGNAL_SET else None
    up = s.upper()
    if not up.startswith("SIG"):
        up = "SIG" + up
    v = SIGNALS.value(up)
    if v is not None:
        return v
    if up == "SIGRTMIN":
        return SIGRTMIN
    if up.startswith("SIGRT_") and up[6:].isdigit():
        n = SIGRTMIN + int(up[6:])
        return n if n <= SIGRTMAX else None
    return None


def __getattr__(name: str) -> Xlat:
    """The generated flag and value tables (tables_gen), imported on first use: a run
    that decodes nothing does not pay for building them (PEP 562)."""
    tables_gen = load(f"{__name__}.tables_gen")
    if name not in tables_gen.__all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value: Xlat = getattr(tables_gen, name)
    globals()[name] = value
    return value


__all__ = ["Xlat", "split_flags", "ERRNO", "MAX_ERRNO", "SIGNALS", "SIGRTMIN", "SIGRTMAX",
           "errno_name", "errno_text", "signal_name", "signal_number"]
