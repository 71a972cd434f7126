"""Regular expressions compiled on first use.

A module-level ``re.compile`` costs 50 to 200 µs at import; the option and -e parsers
hold about ten that a run uses only when its command line needs them (issue #11:
start-up).  ``compile_lazily`` returns an object that behaves as the compiled pattern
(``.match``, ``.fullmatch``, ``.sub``... are the pattern's own) and compiles it the
first time one of them is asked for.  No strace counterpart.
"""
from __future__ import annotations

import re


class _Lazy:
    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        return getattr(compiled, name)


def compile_lazily(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), done when the pattern is first used."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]
