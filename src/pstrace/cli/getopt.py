"""A GNU getopt_long reimplementation, with glibc 2.36's messages.

Python's getopt module neither abbreviates long options the GNU way nor prints
glibc's messages, so strace's parsing rules are rebuilt here: clustered short
options, attached or separate arguments, unique-prefix abbreviation of long
options (aliases with the same key and argument kind are not ambiguous),
``--`` ends the options and, with a leading "+" in the optstring
(REQUIRE_ORDER), the first non-option ends them too.
"""

from __future__ import annotations

from pstrace.cli.options import Arg, LongOpt

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from dataclasses import dataclass
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass


class GetoptError(Exception):
    """A getopt diagnostic; ``message`` lacks the trailing "Try ..." line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Parsed:
    """One option as getopt_long returns it.

    ``key`` is the short letter or the long option's key; ``name`` is the long
    option's table name ("" for short options); ``arg`` is the optarg or None.
    """

    key: str
    name: str
    arg: str | None


def _short_table(optstring: str) -> dict[str, int]:
    table: dict[str, int] = {}
    chars = optstring.lstrip("+-")
    i = 0
    while i < len(chars):
        letter = chars[i]
        i += 1
        kind = Arg.NONE
        if chars[i:i + 2] == "::":
            kind, i = Arg.OPTIONAL, i + 2
        elif chars[i:i + 1] == ":":
            kind, i = Arg.REQUIRED, i + 1
        table[letter] = kind
    return table


def _find_long(prog: str, body: str, longopts: Sequence[LongOpt]) -> LongOpt:
    """Resolve the name part of ``--body`` to a table row (exact or prefix)."""
    name = body.split("=", 1)[0]
    for opt in longopts:
        if opt.name == name:
            return opt
    found: LongOpt | None = None
    ambiguous: list[LongOpt] = []
    for opt in longopts:
        if opt.exact or not opt.name.startswith(name):
            continue
        if found is None:
            found = opt
        elif (opt.arg, opt.key) != (found.arg, found.key):
            # glibc compares each later match with the first match only.
            if not ambiguous:
                ambiguous.append(found)
            ambiguous.append(opt)
    if ambiguous:
        listed = "".join(f" '--{opt.name}'" for opt in ambiguous)
        raise GetoptError(
            f"{prog}: option '--{body}' is ambiguous; possibilities:{listed}")
    if found is None:
        raise GetoptError(f"{prog}: unrecognized option '--{body}'")
    return found


def getopt_long(argv: Sequence[str], optstring: str,
                longopts: Sequence[LongOpt]) -> Iterator[Parsed | int]:
    """Yield each option of argv[1:] in order, then the index of the first
    operand (an int) as the last item.  Raises GetoptError on a bad option.
    """
    prog = argv[0] if argv else ""
    shorts = _short_table(optstring)
    optind = 1
    while optind < len(argv):
        arg = argv[optind]
        if arg == "--":
            optind += 1
            break
        if not arg.startswith("-") or arg == "-":
            break
        optind += 1
        if arg.startswith("--"):
            body = arg[2:]
            opt = _find_long(prog, body, longopts)
            if "=" in body:
                if opt.arg == Arg.NONE:
                    raise GetoptError(
                        f"{prog}: option '--{opt.name}' doesn't allow an argument")
                yield Parsed(opt.key, opt.name, body.split("=", 1)[1])
            elif opt.arg == Arg.REQUIRED:
                if optind >= len(argv):
                    raise GetoptError(
                        f"{prog}: option '--{opt.name}' requires an argument")
                yield Parsed(opt.key, opt.name, argv[optind])
                optind += 1
            else:
                yield Parsed(opt.key, opt.name, None)
            continue
        pos = 1
        while pos < len(arg):
            letter = arg[pos]
            pos += 1
            kind = shorts.get(letter)
            if kind is None or letter == ":":
                raise GetoptError(f"{prog}: invalid option -- '{letter}'")
            if kind == Arg.NONE:
                yield Parsed(letter, "", None)
                continue
            if pos < len(arg):
                yield Parsed(letter, "", arg[pos:])
            elif kind == Arg.OPTIONAL:
                yield Parsed(letter, "", None)
            elif optind < len(argv):
                yield Parsed(letter, "", argv[optind])
                optind += 1
            else:
                raise GetoptError(
                    f"{prog}: option requires an argument -- '{letter}'")
            break
    yield optind
