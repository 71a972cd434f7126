"""--color: the terminal colours of the strace text (syscall names, errors, signals,
exits), applied where the renderer makes those pieces of text (render/lines.py), never
by rewriting finished lines.  `PLAIN` adds nothing, so text to files and pipes stays
strace's byte for byte; `width()` is a line's printed width, for the -a column.

The codes are ECMA-48 SGR sequences.  A traced string can never carry a raw ESC (the
renderer quotes it as "\\33"), so every ESC in a line is one of ours.

strace counterpart: none (strace 6.1 has no colour).
"""
from __future__ import annotations

import os

from .._lazy_re import compile_lazily

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass

_RESET = "\x1b[0m"
_SGR = compile_lazily(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True, slots=True)
class Palette:
    """The SGR code of each kind of text ("" for none)."""

    name: str = ""
    error: str = ""
    signal: str = ""
    exit_ok: str = ""
    exit_bad: str = ""

    def paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if code else text


PLAIN = Palette()
COLORS = Palette(name="\x1b[1;36m", error="\x1b[1;31m", signal="\x1b[1;35m",
                 exit_ok="\x1b[1;32m", exit_bad="\x1b[1;31m")


def width(text: str) -> int:
    """How many columns `text` takes on a terminal (its length without colour codes)."""
    if "\x1b" not in text:
        return len(text)
    return len(_SGR.sub("", text))


def choose(mode: str, fd: int | None) -> Palette:
    """--color=always|never|auto for output `fd` (None: files, as -ff's): auto colours
    a terminal, unless NO_COLOR is set to a non-empty value (https://no-color.org) or
    TERM is "dumb"; an explicit --color=always wins over NO_COLOR."""
    if mode == "always":
        return COLORS
    if (mode == "never" or fd is None or os.environ.get("NO_COLOR")
            or os.environ.get("TERM") == "dumb"):
        return PLAIN
    try:
        return COLORS if os.isatty(fd) else PLAIN
    except OSError:
        return PLAIN
