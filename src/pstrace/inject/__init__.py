"""-e inject= and -e fault=: parse the rules (spec) and apply them to tracees (tamper).

Public API: ``build_table(qualifiers, warn)`` -> ``InjectTable | None`` for the CLI,
``parse_inject(value, fault, warn)`` for one value, and ``Injector`` for the engine.
"""
from .spec import InjectTable, Rule, When, build_table, parse_inject
from .tamper import Injector

__all__ = ["InjectTable", "Rule", "When", "build_table", "parse_inject", "Injector"]
