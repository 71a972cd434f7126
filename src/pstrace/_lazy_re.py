"""Regular expressions compiled on first use.

A module-level ``re.compile`` costs 50 to 200 µs at import, and importing ``re`` itself
about 3 ms; the option and -e parsers and the string quoting hold a dozen patterns that
a run uses only when its command line or its trace needs them (issue #11: start-up).
``compile_lazily`` returns an object that behaves as the compiled pattern (``.match``,
``.fullmatch``, ``.sub``... are the pattern's own) and imports ``re`` and compiles the
pattern the first time one of them is asked for.  No strace counterpart.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    import re


class _Lazy:
    # __dict__: each attribute asked for is kept there, so that later uses (the quoting
    # of every escaped string) find the pattern's bound method without __getattr__
    __slots__ = ("_pattern", "_flags", "_compiled", "__dict__")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> object:
        compiled = self._compiled
        if compiled is None:
            import re
            compiled = self._compiled = re.compile(self._pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value


def compile_lazily(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), done when the pattern is first used."""
    return _Lazy(pattern, flags)  # type: ignore[return-value]
