"""Parse -e inject=SET:TOKENS and -e fault=SET:TOKENS into rules, with strace 6.1's
diagnostics.

strace counterpart: parse_inject_token(), parse_inject_expression() and
qualify_inject_common() in filter_qualify.c.  Rules observed from strace 6.1:

* the value is split on ":"; the first field is the syscall set (the -e trace= grammar,
  src/pstrace/filters/sets.py), empty fields are skipped; an empty set ("" or a value
  starting with ":") is "invalid system call ''" before any token is looked at;
* every token is checked first ("invalid inject argument 'VALUE'" / "invalid fault
  argument 'VALUE'", exit 1), then the set ("invalid system call 'x'"), then whether
  an action was given (inject= needs one of error, retval, signal, delay_enter,
  delay_exit, poke_enter, poke_exit; fault= defaults to error=ENOSYS);
* error= and retval= are exclusive and each key but when= may appear once; the last
  when= wins;  fault= only accepts error=, syscall= and when=;
* a retval that a tracee may read as an error gets a warning, not an error;
* each later rule replaces an earlier one for the syscalls both select.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from .._lazy_re import compile_lazily
from ..errors import PstraceError
from ..filters.sets import NumberSet, parse_syscall_set
from ..syscalls.catalog import by_name
from ..xlat import ERRNO, MAX_ERRNO, SIGRTMAX, signal_number
from . import consts_gen as K

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field
    from typing import Any
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field

#: strace's own limits on when= (its counters are 16-bit): first/step 1..65535,
#: last 1..65534.
MAX_WHEN = 65535
#: poke_enter=/poke_exit= data per argument, in bytes (observed: 1024 ok, 1025 not).
MAX_POKE = 1024
#: the arguments poke can address: @arg1..@arg7 (strace's limit).
MAX_POKE_ARG = 7

_U64 = (1 << 64) - 1
_U32 = (1 << 32) - 1
_INT_PREFIX = compile_lazily(r"[ \t\n\v\f\r]*[+-]?[0-9]+")
_DELAY = compile_lazily(
    r"[ \t\n\v\f\r]*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(s|ms|us|ns)?")
_DELAY_UNIT_NS = {"s": 1e9, "ms": 1e6, "us": 1e3, "ns": 1.0}
_C_LITERAL = compile_lazily(r"[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)")
_HEX = compile_lazily(r"(?:0[xX])?((?:[0-9a-fA-F]{2})+)")
_POKE_ARG = compile_lazily(r"@arg([1-9])=(.*)", re.S)


@dataclass(frozen=True, slots=True)
class When:
    """Which invocations (counted from 1, per syscall and per thread) are tampered
    with: first, then every step-th up to last (step 0: only first)."""

    first: int = 1
    last: int | None = None     # None: no end
    step: int = 1

    def fires(self, n: int) -> bool:
        if n < self.first or (self.last is not None and n > self.last):
            return False
        if self.step == 0:
            return n == self.first
        return (n - self.first) % self.step == 0


@dataclass(frozen=True, slots=True)
class Rule:
    """What to do to one invocation (strace's struct inject_data)."""

    error: int | None = None         # errno to return
    retval: int | None = None        # value to return (unsigned 64-bit)
    signo: int | None = None         # signal delivered on entry
    scno: int | None = None          # syscall run instead of -1 (syscall=NAME)
    delay_enter_ns: int | None = None
    delay_exit_ns: int | None = None
    poke_enter: tuple[tuple[int, bytes], ...] | None = None   # (arg index 0.., data)
    poke_exit: tuple[tuple[int, bytes], ...] | None = None
    when: When = field(default_factory=When)
    # a Python predicate on the decoded call at entry (pstrace.Inject's `where`):
    # the rule applies only to the invocations it accepts, and only those are counted
    where: Callable[[Any], bool] | None = field(default=None, compare=False)

    @property
    def tampers(self) -> bool:
        """The syscall is replaced and its return value written (error= / retval=)."""
        return self.error is not None or self.retval is not None

    @property
    def has_action(self) -> bool:
        return (self.tampers or self.signo is not None or self.delay_enter_ns is not None
                or self.delay_exit_ns is not None or self.poke_enter is not None
                or self.poke_exit is not None)


@dataclass(frozen=True, slots=True)
class InjectTable:
    """Every -e inject=/fault= rule in command-line order; a later one wins for the
    syscalls it selects."""

    rules: tuple[tuple[NumberSet, Rule], ...] = ()

    def rule_for(self, nr: int) -> Rule | None:
        for numbers, rule in reversed(self.rules):
            if nr in numbers:
                return rule
        return None

    def add(self, numbers: NumberSet, rule: Rule) -> InjectTable:
        return InjectTable(self.rules + ((numbers, rule),))


class _Invalid(Exception):
    """One token is not acceptable: the whole value is named in the message."""


# --- tokens ----------------------------------------------------------------------

def _c_uint(text: str, hi: int) -> int:
    """strace's string_to_uint_upto(): decimal, leading blanks and a sign allowed,
    nothing after the digits, 0..hi; -1 when it is not such a number."""
    if not _INT_PREFIX.fullmatch(text):
        return -1
    n = int(text)
    return n if 0 <= n <= hi else -1


def _when(value: str) -> When:
    """first[..last][+[step]]."""
    m = _INT_PREFIX.match(value)
    if m is None:
        raise _Invalid
    first = int(m.group())
    if not 1 <= first <= MAX_WHEN:
        raise _Invalid
    rest = value[m.end():]
    last: int | None = None
    step = 0
    if rest.startswith("."):
        if not rest.startswith(".."):
            raise _Invalid
        m = _INT_PREFIX.match(rest, 2)
        if m is None:
            raise _Invalid
        last = int(m.group())
        if not first <= last <= MAX_WHEN - 1:
            raise _Invalid
        rest = rest[m.end():]
        step = 1                # "F..L" is "F..L+1"
    if rest.startswith("+"):
        rest = rest[1:]
        step = 1
        if rest:
            step = _c_uint(rest, MAX_WHEN)
            if step < 1:
                raise _Invalid
    elif rest:
        raise _Invalid
    return When(first, last, step)


def _errno(value: str) -> int:
    n = _c_uint(value, MAX_ERRNO)
    if n < 0:
        n = (ERRNO.value(value.upper()) or 0) if value.isascii() else 0
    if n < 1:
        raise _Invalid
    return n


def _retval(value: str, warn: Callable[[str], None]) -> int:
    """strtoull(value, 0): C literals in any base, a sign, leading blanks; then
    strace's warnings for values a tracee would take for an error (x86_64 and its
    32-bit compat personality)."""
    m = _C_LITERAL.fullmatch(value)
    if m is None:
        raise _Invalid
    digits = m.group(2)
    n = int(digits, 16 if digits[:2] in ("0x", "0X") else 8 if digits[0] == "0" else 10)
    if n > _U64:
        raise _Invalid
    if m.group(1) == "-":
        n = (-n) & _U64
    if n > _U64 - MAX_ERRNO:
        warn(f"Inadvertent injection of error {(-n) & _U64} is possible for retval={n}")
    else:
        n32 = n & _U32
        if n32 > _U32 - MAX_ERRNO:
            warn(f"Inadvertent injection of error {(-n32) & _U32} is possible in compat "
                 f"personality for retval={n}")
        elif n32 != n:
            warn(f"Injected return value {n} will be clipped to {n32} in compat "
                 "personality")
    return n


def _signal(value: str) -> int:
    n = signal_number(value) if value.isascii() else None
    if n is None or not 1 <= n <= SIGRTMAX:
        raise _Invalid
    return n


def _delay_ns(value: str) -> int:
    """strace's time specification: a strtod() number, optionally s/ms/us/ns
    (default us); finite and not negative."""
    m = _DELAY.fullmatch(value)
    if m is None:
        raise _Invalid
    x = float(m.group(1))
    if not math.isfinite(x) or x < 0:
        raise _Invalid
    return int(x * _DELAY_UNIT_NS[m.group(2) or "us"])


def _pure_syscall(value: str) -> int:
    row = by_name(value)
    if row is None or "pure" not in row.classes:
        raise _Invalid
    return row.nr


def _pokes(value: str) -> tuple[tuple[int, bytes], ...]:
    """@argN=HEX[,@argM=HEX...]; empty items are skipped, each argument once."""
    out: dict[int, bytes] = {}
    for item in value.split(","):
        if not item:
            continue
        m = _POKE_ARG.fullmatch(item)
        if m is None:
            raise _Invalid
        arg = int(m.group(1))
        h = _HEX.fullmatch(m.group(2))
        if arg > MAX_POKE_ARG or arg - 1 in out or h is None:
            raise _Invalid
        data = bytes.fromhex(h.group(1))
        if len(data) > MAX_POKE:
            raise _Invalid
        out[arg - 1] = data
    if not out:
        raise _Invalid
    return tuple(out.items())


def _apply_token(token: str, r: dict[str, Any], fault: bool,
                 warn: Callable[[str], None]) -> None:
    key, sep, value = token.partition("=")
    if not sep:
        raise _Invalid
    if key == "when":
        r["when"] = _when(value)
        return
    if key == "error":
        if "error" in r or "retval" in r:
            raise _Invalid
        r["error"] = _errno(value)
        return
    if key == "syscall":        # fault= accepts it too (strace 6.1)
        if "scno" in r:
            raise _Invalid
        r["scno"] = _pure_syscall(value)
        return
    if fault:
        raise _Invalid
    if key == "retval":
        if "error" in r or "retval" in r:
            raise _Invalid
        r["retval"] = _retval(value, warn)
        return
    name = {"signal": "signo", "delay_enter": "delay_enter_ns",
            "delay_exit": "delay_exit_ns", "poke_enter": "poke_enter",
            "poke_exit": "poke_exit"}.get(key)
    if name is None or name in r:
        raise _Invalid
    parse = {"signo": _signal, "delay_enter_ns": _delay_ns,
             "delay_exit_ns": _delay_ns, "poke_enter": _pokes, "poke_exit": _pokes}[name]
    r[name] = parse(value)


# --- the whole value ----------------------------------------------------------------

def parse_inject(value: str, fault: bool = False,
                 warn: Callable[[str], None] = lambda _m: None) -> tuple[NumberSet, Rule]:
    """One -e inject= (or fault=, with ``fault``) value: the syscalls it selects and
    the rule.  Raises PstraceError with strace's message (exit status 1); ``warn``
    receives strace's non-fatal warnings, in order, as they occur."""
    kind = "fault" if fault else "inject"
    if value == "" or value.startswith(":"):
        raise PstraceError("invalid system call ''", 1)
    set_text, *tokens = value.split(":")
    fields: dict[str, Any] = {}
    try:
        for token in tokens:
            if token:
                _apply_token(token, fields, fault, warn)
    except _Invalid:
        raise PstraceError(f"invalid {kind} argument '{value}'", 1) from None
    numbers = parse_syscall_set(set_text)
    rule = Rule(**fields)
    if not rule.has_action:
        if not fault:
            raise PstraceError(f"invalid {kind} argument '{value}'", 1)
        rule = Rule(**{**fields, "error": K.ENOSYS})
    return numbers, rule


def build_table(qualifiers: list[tuple[str, str]],
                warn: Callable[[str], None] = lambda _m: None) -> InjectTable | None:
    """The rules of every ("inject", value) and ("fault", value) qualifier, in order;
    None when there are none."""
    table = InjectTable()
    for name, value in qualifiers:
        if name in ("inject", "fault"):
            table = table.add(*parse_inject(value, name == "fault", warn))
    return table if table.rules else None
