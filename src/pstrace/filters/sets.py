"""The -e qualifier grammar: turn "trace=!open,%file", "signal=INT", "status=failed",
"quiet=attach", "read=3", "decode-fds=path" into sets.

strace counterpart: qualify_tokens()/qualify_syscall_tokens() in basic_filters.c and
the qualify_* functions of filter_qualify.c.  Rules observed from strace 6.1:

* a value starting with "!" selects the complement of what follows;
* "all" and "none" (case-sensitive, and only as the whole value after an optional "!")
  select everything / nothing; inside a list they are ordinary (invalid) tokens;
* tokens are separated by ","; empty tokens are skipped, but a value with no token at
  all is invalid and the whole value is named in the message ("invalid signal ','");
* each -e of the same qualifier replaces the previous one (the last one wins);
* syscall tokens: "?" prefix (no error if nothing matches, regexes still must compile),
  "/regex" (POSIX ERE, unanchored search over names), "%class", a number (a syscall
  number known to some personality), "all", or a name; each may end in a personality
  designator (@64, @32, @x32: looked up in that ABI's table only; the last "@" counts);
* other tokens are looked up case-insensitively (signal names with or without SIG,
  status, quiet, decode-fds names) or as decimal numbers (signals 0..255, fds 0..INT_MAX).
"""
from __future__ import annotations

from .._lazy_re import compile_lazily
from ..errors import PstraceError
from ..syscalls.catalog import CLASS_EXPRESSIONS, NAMES, by_name, compat_key
from ..xlat import signal_number

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterable, Mapping
    from dataclasses import dataclass
    from typing import TypeAlias, TypeVar

    T = TypeVar("T")
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass


INT_MAX = 2**31 - 1

#: -e status= names (strace 6.1 spelling).
STATUS_NAMES: tuple[str, ...] = ("successful", "failed", "unfinished", "unavailable",
                                 "detached")
#: -e quiet= names and strace's aliases, each to its canonical name.
QUIET_NAMES: dict[str, str] = {
    "attach": "attach", "exit": "exit", "exits": "exit",
    "path-resolution": "path-resolution", "personality": "personality",
    "thread-execve": "thread-execve", "superseded": "thread-execve",
}
#: -e decode-fds= names.
DECODE_FD_NAMES: tuple[str, ...] = ("path", "socket", "dev", "pidfd")
DECODE_PID_NAMES: tuple[str, ...] = ("pidns", "comm")   # --decode-pids= (-Y: comm)

_DIGITS = compile_lazily(r"[ \t\n\v\f\r]*\+?[0-9]+")
# POSIX bracket classes that Python's re lacks.
_POSIX_CLASSES = {
    "[:alpha:]": "a-zA-Z", "[:digit:]": "0-9", "[:alnum:]": "a-zA-Z0-9",
    "[:upper:]": "A-Z", "[:lower:]": "a-z", "[:space:]": r" \t\n\r\f\v",
    "[:punct:]": r"!-/:-@\[-`{-~", "[:xdigit:]": "0-9A-Fa-f", "[:blank:]": r" \t",
}


@dataclass(frozen=True, slots=True)
class NumberSet:
    """A set of numbers, possibly the complement of `members` (strace's number_set)."""

    members: frozenset[int] = frozenset()
    negated: bool = False

    def __contains__(self, n: object) -> bool:
        return (n in self.members) != self.negated

    @property
    def is_all(self) -> bool:
        return self.negated and not self.members

    @property
    def is_empty(self) -> bool:
        return not self.negated and not self.members


ALL_SET = NumberSet(frozenset(), True)
EMPTY_SET = NumberSet()


@dataclass(frozen=True, slots=True)
class NameSet:
    """A set of names (status, quiet, decode-fds), possibly a complement."""

    members: frozenset[str] = frozenset()
    negated: bool = False

    def __contains__(self, name: object) -> bool:
        return (name in self.members) != self.negated


def _split(value: str, kind: str) -> tuple[bool, str | None, list[str]]:
    """(negated, "all"/"none"/None, tokens); raises for a value with no token."""
    body = value.lstrip("!")   # each leading "!" inverts the rest (strace 6.1)
    negated = (len(value) - len(body)) % 2 == 1
    if body in ("all", "none"):
        return negated, body, []
    tokens = [t for t in body.split(",") if t]
    if not tokens:
        raise PstraceError(f"invalid {kind} '{value}'", 1)
    return negated, None, tokens


def _tokens_set(value: str, kind: str, lookup: Callable[[str], Iterable[T] | None]
                ) -> tuple[frozenset[T], bool]:
    negated, word, tokens = _split(value, kind)
    if word is not None:
        return frozenset(), negated != (word == "all")
    out: set[T] = set()
    for token in tokens:
        got = lookup(token)
        if got is None:
            raise PstraceError(f"invalid {kind} '{token}'", 1)
        out.update(got)
    return frozenset(out), negated


# --- syscalls --------------------------------------------------------------------

def _posix_ere(pattern: str) -> str:
    for posix, py in _POSIX_CLASSES.items():
        pattern = pattern.replace(posix, py)
    return pattern


# Python's messages for the mistakes people make -> glibc regerror()'s (observed).
_REGERROR = (
    ("missing ), unterminated subpattern", "Unmatched ( or \\("),
    ("nothing to repeat", "Invalid preceding regular expression"),
    ("bad escape (end of pattern)", "Trailing backslash"),
    ("unknown extension", "Invalid preceding regular expression"),
)


_INTERVAL = compile_lazily(r"\{(\d+)(,(\d*))?\}")


def _interval_error(pattern: str) -> str | None:
    """glibc regerror()'s message for an interval "{m,n}" that ERE rejects and Python
    takes as literal text, or None: a "{" with nothing to repeat, one never closed, one
    whose content is not m, m, or m,n with m <= n."""
    i, after_atom = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i, after_atom = i + 2, True
            continue
        if ch == "[":   # a bracket expression: "]" first is a member, not its end
            end = pattern.find("]", i + (3 if pattern[i + 1:i + 2] == "^" else 2))
            if end < 0:
                return None   # Python's own error says it
            i, after_atom = end + 1, True
            continue
        if ch == "{":
            if not after_atom:
                return "Invalid preceding regular expression"
            if "}" not in pattern[i:]:
                return "Unmatched \\{"
            m = _INTERVAL.match(pattern, i)
            if m is None or (m.group(3) and int(m.group(1)) > int(m.group(3))):
                return "Invalid content of \\{\\}"
            i = m.end()
            continue
        after_atom = ch not in "(|^"
        i += 1
    return None


def _compile(pattern: str) -> re.Pattern[str]:
    """A POSIX extended regex (strace: regcomp(REG_EXTENDED | REG_NOSUB))."""
    if "(?" in pattern:
        raise PstraceError(f"regcomp: {pattern}: Invalid preceding regular expression", 1)
    bad = _interval_error(pattern)
    if bad is not None:
        raise PstraceError(f"regcomp: {pattern}: {bad}", 1)
    import re  # only for a /regex token (issue #11: start-up)
    try:
        return re.compile(_posix_ere(pattern))
    except re.error as e:
        if str(e).startswith("unbalanced parenthesis"):   # a lone ")" is literal in ERE
            return _compile(pattern.replace(")", "\\)"))
        text = next((g for p, g in _REGERROR if str(e).startswith(p)),
                    "Invalid regular expression")
        raise PstraceError(f"regcomp: {pattern}: {text}", 1) from None


_Tables: TypeAlias = "dict[str, tuple[tuple[Mapping[int, str], Callable[[int], int]], ...]]"
_tables: _Tables = {}


def _personalities() -> _Tables:
    """Each personality's numbers and names, with the key a trace set holds for a number.
    Made with the first syscall token, which imports the i386 and x32 tables (not at
    every start: issue #11)."""
    if not _tables:
        from ..arch.x86_64.compat_nr import I386, X32
        _tables["64"] = ((NAMES, int),)
        _tables["32"] = ((I386, lambda nr: compat_key(1, nr)),)
        _tables["x32"] = ((X32, lambda nr: compat_key(2, nr)),)
    return _tables


def _in_table(token: str, table: Mapping[int, str]) -> list[int] | None:
    """The numbers of `table` (one personality) a token names, or None if it names
    nothing there."""
    if token.startswith("/"):
        rx = _compile(token[1:])
        return [nr for nr, name in table.items() if rx.search(name)] or None
    if token[:1].isdigit():
        n = int(token) if token.isdigit() and token.isascii() else -1
        return [n] if n in table else None
    # classes first, the legacy ones without "%" too ("ipc" is a class even where a
    # personality has an ipc(2)); then system call names
    if token == "all":
        return list(table)
    cls = CLASS_EXPRESSIONS.get("%" + token if token in _LEGACY_CLASSES else token)
    if cls is None:
        return [nr for nr, name in table.items() if name == token] or None
    return [nr for nr, name in table.items()    # other ABIs: by the 64-bit row's classes
            if (row := by_name(name)) is not None and cls in row.classes]


# strace's class names still taken without "%" (basic_filters.c's legacy names)
_LEGACY_CLASSES = frozenset(("desc", "file", "memory", "process", "signal", "ipc",
                             "network"))


def syscall_token(token: str) -> frozenset[int] | None:
    """The keys (x86_64 numbers, compat_key() for i386/x32 calls) one token selects, or
    None when it is invalid."""
    optional = token.startswith("?")
    if optional:
        token = token[1:]
    tables = _personalities()
    personalities = (*tables["64"], *tables["32"], *tables["x32"])
    if "@" in token:
        qualification = token
        token, _, designator = token.rpartition("@")
        if designator not in tables:
            raise PstraceError(f"incorrect personality designator '{designator}' in "
                               f"qualification '{qualification}'", 1)
        personalities = tables[designator]
    found: set[int] | None = None
    for table, key in personalities:
        numbers = _in_table(token, table)
        if numbers is not None:
            found = (found or set()) | {key(nr) for nr in numbers}
    if found is None:
        return frozenset() if optional else None
    return frozenset(found)


def parse_syscall_set(value: str) -> NumberSet:
    """A trace=/abbrev=/verbose=/raw=/inject= value: strace's "invalid system call"."""
    members, negated = _tokens_set(value, "system call", syscall_token)
    return NumberSet(members, negated)


# --- the other qualifiers ------------------------------------------------------------

def _signal_token(token: str) -> tuple[int] | None:
    n = signal_number(token)
    return None if n is None else (n,)


def parse_signal_set(value: str) -> NumberSet:
    members, negated = _tokens_set(value, "signal", _signal_token)
    return NumberSet(members, negated)


def _fd_token(token: str) -> tuple[int] | None:
    if not _DIGITS.fullmatch(token):
        return None
    n = int(token)
    return (n,) if n <= INT_MAX else None


def parse_fd_set(value: str) -> NumberSet:
    """read=/write= values: "invalid descriptor"."""
    members, negated = _tokens_set(value, "descriptor", _fd_token)
    return NumberSet(members, negated)


def _name_lookup(names: dict[str, str]) -> Callable[[str], tuple[str] | None]:
    def lookup(token: str) -> tuple[str] | None:
        got = names.get(token.lower())
        return None if got is None else (got,)
    return lookup


def parse_name_set(value: str, kind: str, names: Iterable[str] | dict[str, str]) -> NameSet:
    table = names if isinstance(names, dict) else {n: n for n in names}
    members, negated = _tokens_set(value, kind, _name_lookup(table))
    return NameSet(members, negated)


def parse_status_set(value: str) -> NameSet:
    return parse_name_set(value, "status", STATUS_NAMES)


def parse_quiet_set(value: str) -> NameSet:
    return parse_name_set(value, "quiet", QUIET_NAMES)


def parse_decode_fds(value: str) -> NameSet:
    return parse_name_set(value, "decode-fds", DECODE_FD_NAMES)


def parse_decode_pids(value: str) -> NameSet:
    return parse_name_set(value, "decode-pids", DECODE_PID_NAMES)


def parse_kvm(value: str) -> None:
    """-e kvm=: strace 6.1 knows only "vcpu" (and prints nothing of it without KVM)."""
    if value != "vcpu":
        raise PstraceError(f"invalid -e kvm= argument: '{value}'", 1)


def expand(s: NameSet, universe: Iterable[str]) -> frozenset[str]:
    """The explicit members of a name set within its universe."""
    return frozenset(n for n in universe if n in s)
