"""-e inject= and -e fault=: parse the rules (spec) and apply them to tracees (tamper).

Public API: ``build_table(qualifiers, warn)`` -> ``InjectTable | None`` for the CLI,
``parse_inject(value, fault, warn)`` for one value, and ``Injector`` for the engine.
The names are imported on first use (PEP 562): the engine reads inject.consts_gen when
it clears a clone's CLONE_UNTRACED (engine/untraced.py), the rules' parser and the
tamperer only a run with rules needs (issue #11).
"""
from __future__ import annotations

from .._modules import load

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from .spec import InjectTable, Rule, When, build_table, parse_inject
    from .tamper import Injector

__all__ = ["InjectTable", "Rule", "When", "build_table", "parse_inject", "Injector"]

_HOME = {"InjectTable": "spec", "Rule": "spec", "When": "spec", "build_table": "spec",
         "parse_inject": "spec", "Injector": "tamper"}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(load(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
