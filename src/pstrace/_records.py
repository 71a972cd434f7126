"""Dataclasses without the import-time cost (issue #11: start-up).

`dataclass` is a drop-in for the standard decorator on pstrace's record classes (values,
events, options...).  The standard one writes and compiles the source of every class's
__init__, __repr__, __eq__, __hash__, __setattr__... at each import (about a third of
pstrace's start-up).  tools/gen_records.py writes those same methods once into
_records_gen.py (compiled to bytecode like any module); here they are attached to the
class, which is then what the standard decorator makes: the same fields
(`dataclasses.fields()`, `replace()`, `asdict()` work), equality, hash, repr,
immutability (FrozenInstanceError), slots and pickling.

A class the generated module does not know as declared (a field added since the last
`python3 tools/gen_records.py`), or another use of the decorator, goes to the standard
decorator: slower to import, same behaviour.  No strace counterpart.
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
    """What the generated methods of `cls` depend on: per field in order, its name, its
    kind ("" no default, "default", "field" a dataclasses.field() without a factory,
    "factory"), whether it has a default, its repr and compare flags; and which of OWN
    its body defines (__hash__: "__hash__=None" when an own __eq__ unset it)."""
    body = cls.__dict__
    fields: list[tuple[object, ...]] = []
    for name in body.get("__annotations__", {}):
        d = body.get(name, dataclasses.MISSING)
        if isinstance(d, dataclasses.Field):
            factory = d.default_factory is not dataclasses.MISSING
            fields.append((name, "factory" if factory else "field",
                           factory or d.default is not dataclasses.MISSING, d.repr,
                           d.compare))
        else:
            given = d is not dataclasses.MISSING
            fields.append((name, "default" if given else "", given, True, True))
    own = tuple(m if body.get(m, 0) is not None else m + "=None" for m in OWN if m in body)
    return tuple(fields), own


def dataclass(cls: type | None = None, /, **kw: Any) -> Any:
    """dataclasses.dataclass, with the generated methods where they are current."""
    def wrap(c: type) -> type:
        maker = _records_gen.MAKERS.get(f"{c.__module__}.{c.__qualname__}")
        if (maker is None or c.__doc__ is None or maker[0] != (signature(c), kw)
                or any("__dataclass_fields__" in b.__dict__ for b in c.__mro__[1:])):
            return dataclasses.dataclass(c, **kw)
        return _build(c, cast(Maker, maker[1]), bool(kw.get("slots")))
    return wrap if cls is None else wrap(cls)


def _build(cls: type, make: Maker, slots: bool) -> type:
    body = dict(cls.__dict__)
    fields: dict[str, dataclasses.Field[Any]] = {}
    defaults = []
    for name, ctype in body.get("__annotations__", {}).items():
        d = body.pop(name, dataclasses.MISSING)
        f: Any = d if isinstance(d, dataclasses.Field) else dataclasses.field(default=d)
        f.name, f.type, f.kw_only = name, ctype, False
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        fields[name] = f
        if f.default_factory is not dataclasses.MISSING:
            defaults.append(f.default_factory)
        elif f.default is not dataclasses.MISSING:
            defaults.append(f.default)
    methods, bind = make(*defaults)
    extra = {"__match_args__": tuple(fields), "__dataclass_fields__": fields}
    if not slots:
        for name, f in fields.items():     # a default stays as the class attribute
            if f.default is not dataclasses.MISSING:
                setattr(cls, name, f.default)
            elif name in cls.__dict__:
                delattr(cls, name)
        for name, value in {**methods, **extra}.items():
            setattr(cls, name, value)
        bind(cls)
        return cls
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body.update(methods)
    body.update(extra)
    body["__slots__"] = tuple(fields)
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    bind(new)
    return new
