"""The constant-table type (Xlat) and strace's bit-flag splitting.

strace counterpart: struct xlat and printflags_ex()/printxval() in src/xlat.c.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


class Xlat:
    """An immutable table of (name, value) pairs in strace's print order."""

    __slots__ = ("pairs", "_by_value")

    pairs: tuple[tuple[str, int], ...]
    _by_value: dict[int, str] | None

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        # A tuple of (str, int) pairs (what tables_gen and most callers give) is kept
        # as it is, and the by-value map is made at the first lookup: most tables are
        # only printed from by value a few times, or never (issue #11: start-up).
        object.__setattr__(self, "pairs", pairs if type(pairs) is tuple else tuple(pairs))
        object.__setattr__(self, "_by_value", None)

    def __setattr__(self, key: str, value: object) -> None:
        raise AttributeError("Xlat is immutable")

    def name(self, value: int) -> str | None:
        """The first name whose value is exactly ``value``, else None."""
        by_value = self._by_value
        if by_value is None:
            by_value = {}
            for n, v in self.pairs:
                by_value.setdefault(v, n)          # first name with a value wins
            object.__setattr__(self, "_by_value", by_value)
        return by_value.get(value)

    def value(self, name: str) -> int | None:
        """The value of ``name`` (linear scan; meant for parsing options, not hot paths)."""
        for n, v in self.pairs:
            if n == name:
                return v
        return None

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __repr__(self) -> str:
        return f"Xlat({len(self.pairs)} pairs)"


def split_flags(x: Xlat, value: int) -> tuple[tuple[str, ...], int]:
    """strace's flag printing: walk ``x.pairs`` in order; a name matches when all its
    (non-zero) bits are still among the *remaining* bits, which it then consumes.

    Returns the matched names in print order and the bits left unmatched. Because
    matched bits are consumed, a composite listed first hides its parts, e.g.
    O_SYNC (__O_SYNC|O_DSYNC) prints alone, as strace prints it.
    """
    names: list[str] = []
    rest = value
    for n, v in x.pairs:
        if v and (rest & v) == v:
            names.append(n)
            rest &= ~v
            if not rest:
                break
    return tuple(names), rest
