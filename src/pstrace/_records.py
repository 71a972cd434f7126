"""Frozen slotted dataclasses without the import-time cost (issue #11: start-up).

`dataclass(frozen=True, slots=True)` is a drop-in for the standard decorator on the
record classes of values.py and events.py.  The standard one writes and compiles the
source of every class's __init__, __repr__, __eq__, __hash__, __setattr__... at each
import (about a third of pstrace's start-up).  tools/gen_records.py writes those same
methods once into _records_gen.py (compiled to bytecode like any module); here they are
attached to the class, which is then exactly what the standard decorator makes: the same
fields (`dataclasses.fields()`, `replace()`, `asdict()` work), equality, hash, repr,
immutability (FrozenInstanceError), slots and pickling.

A class the generated module does not know as declared (a field added since the last
`python3 tools/gen_records.py`), or any other use of the decorator, goes to the
standard decorator: slower to import, same behaviour.  No strace counterpart.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, cast

from . import _records_gen

Maker = Callable[..., tuple[dict[str, Any], Callable[[type], None]]]
# Methods the class body may define itself, which the decorator then keeps.
OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def signature(cls: type) -> tuple[object, ...]:
    """What the generated methods of `cls` depend on: its fields in order (with whether
    each has a default and, for a dataclasses.field(), its repr and compare flags) and
    which of OWN its body defines (__hash__: "None" when only implicitly unset)."""
    body = cls.__dict__
    fields: list[tuple[object, ...]] = []
    for name in body.get("__annotations__", {}):
        d = body.get(name, dataclasses.MISSING)
        if isinstance(d, dataclasses.Field):
            fields.append((name, "field", d.default is not dataclasses.MISSING, d.repr,
                           d.compare))
        else:
            given = d is not dataclasses.MISSING
            fields.append((name, "default" if given else "", given, True, True))
    own = tuple(m if body.get(m, 0) is not None else m + "=None" for m in OWN if m in body)
    return tuple(fields), own


def dataclass(cls: type | None = None, /, **kw: Any) -> Any:
    """dataclasses.dataclass, with the generated methods for frozen slotted classes."""
    def wrap(c: type) -> type:
        maker = _records_gen.MAKERS.get(f"{c.__module__}.{c.__qualname__}")
        if (maker is None or kw != {"frozen": True, "slots": True}
                and kw != {"frozen": True, "slots": True, "eq": False}
                or c.__doc__ is None or maker[0] != (signature(c), kw.get("eq", True))
                or any("__dataclass_fields__" in b.__dict__ for b in c.__mro__[1:])):
            return dataclasses.dataclass(c, **kw)
        return _build(c, cast(Maker, maker[1]))
    return wrap if cls is None else wrap(cls)


def _build(cls: type, make: Maker) -> type:
    body = dict(cls.__dict__)
    annotations = body.get("__annotations__", {})
    fields: dict[str, dataclasses.Field[Any]] = {}
    defaults = []
    for name, ctype in annotations.items():
        d = body.pop(name, dataclasses.MISSING)
        f: Any = d if isinstance(d, dataclasses.Field) else dataclasses.field(default=d)
        f.name, f.type, f.kw_only = name, ctype, False
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        fields[name] = f
        if f.default is not dataclasses.MISSING:
            defaults.append(f.default)
    methods, bind = make(*defaults)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body.update(methods)
    body["__slots__"] = tuple(fields)
    body["__match_args__"] = tuple(fields)
    body["__dataclass_fields__"] = fields
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    bind(new)
    return new
