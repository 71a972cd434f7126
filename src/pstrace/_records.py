"""Dataclasses without the import-time cost (issue #11: start-up).

`dataclass` is a drop-in for the standard decorator on pstrace's record classes (values,
events, options...).  The standard one writes and compiles the source of every class's
__init__, __repr__, __eq__, __hash__, __setattr__... at each import (about a third of
pstrace's start-up).  tools/gen_records.py writes those same methods once into
_records_gen.py (compiled to bytecode like any module); here they are attached to the
class, which is then what the standard decorator makes: the same fields
(`dataclasses.fields()`, `replace()`, `asdict()` work), equality, hash, repr,
immutability (FrozenInstanceError), slots and pickling.

The dataclasses module itself (which imports inspect, ast, dis, tokenize...) is not
imported at start-up either: `field` and `replace` here stand in for dataclasses' own,
and a class's `__dataclass_fields__` (dataclasses.Field objects) is built on first use.

A class the generated module does not know as declared (a field added since the last
`python3 tools/gen_records.py`), or another use of the decorator, goes to the standard
decorator: slower to import, same behaviour.  No strace counterpart.
"""
from __future__ import annotations

from . import _records_gen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")

    Maker = Callable[..., tuple[dict[str, Any], Callable[[type], None]]]
# per class "module.qualname": (its signature, its Maker), from the generated module
MAKERS: dict[str, Any] = _records_gen.MAKERS
# Methods the class body may define itself, which the decorator then keeps.
OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


class _Missing:
    """dataclasses.MISSING's stand-in: no default given."""


MISSING = _Missing()


class Field:
    """What `field()` returns in a class body: the arguments of dataclasses.field that
    pstrace's records use (others go to dataclasses.field itself, through the
    standard decorator)."""

    __slots__ = ("default", "default_factory", "repr", "compare")

    def __init__(self, default: Any, default_factory: Any, repr: bool,  # noqa: A002
                 compare: bool) -> None:
        self.default, self.default_factory = default, default_factory
        self.repr, self.compare = repr, compare

    def real(self) -> Any:
        """The dataclasses.Field these arguments make."""
        import dataclasses
        kw: dict[str, Any] = {"repr": self.repr, "compare": self.compare}
        if self.default is not MISSING:
            kw["default"] = self.default
        if self.default_factory is not MISSING:
            kw["default_factory"] = self.default_factory
        return dataclasses.field(**kw)


def field(*, default: Any = MISSING, default_factory: Any = MISSING, repr: bool = True,  # noqa: A002
          compare: bool = True) -> Any:
    """dataclasses.field, for the arguments pstrace uses."""
    return Field(default, default_factory, repr, compare)


def replace(obj: Any, /, **changes: Any) -> Any:
    """dataclasses.replace, for records whose fields are all positional __init__
    arguments (__match_args__ names them), as pstrace's records are."""
    for name in type(obj).__match_args__:
        if name not in changes:
            changes[name] = getattr(obj, name)
    return type(obj)(**changes)


def signature(cls: type) -> tuple[object, ...]:
    """What the generated methods of `cls` depend on: per field in order, its name, its
    kind ("" no default, "default", "field" a field() without a factory, "factory"),
    whether it has a default, its repr and compare flags; and which of OWN its body
    defines (__hash__: "__hash__=None" when an own __eq__ unset it)."""
    body = cls.__dict__
    fields: list[tuple[object, ...]] = []
    for name in body.get("__annotations__", {}):
        d = body.get(name, MISSING)
        if isinstance(d, Field):
            factory = d.default_factory is not MISSING
            fields.append((name, "factory" if factory else "field",
                           factory or d.default is not MISSING, d.repr, d.compare))
        else:
            given = d is not MISSING
            fields.append((name, "default" if given else "", given, True, True))
    own = tuple(m if body.get(m, 0) is not None else m + "=None" for m in OWN if m in body)
    return tuple(fields), own


def dataclass(cls: type | None = None, /, **kw: Any) -> Any:
    """dataclasses.dataclass, with the generated methods where they are current."""
    def wrap(c: type) -> type:
        maker = MAKERS.get(f"{c.__module__}.{c.__qualname__}")
        if (maker is None or c.__doc__ is None or maker[0] != (signature(c), kw)
                or any("__dataclass_fields__" in b.__dict__ for b in c.__mro__[1:])):
            return _standard(c, kw)
        return _build(c, maker[1], bool(kw.get("slots")))
    return wrap if cls is None else wrap(cls)


def _standard(cls: type, kw: dict[str, Any]) -> type:
    """The standard decorator, our field()s made dataclasses.field()s first."""
    import dataclasses
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field):
            setattr(cls, name, value.real())
    made: type = dataclasses.dataclass(cls, **kw)
    return made


class _Fields:
    """A record class's __dataclass_fields__, made on first use (dataclasses.fields(),
    asdict(), is_dataclass()...): dataclasses.Field objects as the standard decorator
    makes them, which then replace this descriptor on the class."""

    def __init__(self, fields: dict[str, tuple[object, Field]]) -> None:
        self.fields = fields
        self.owner: type | None = None

    def __get__(self, obj: object, objtype: type | None = None) -> dict[str, Any]:
        import dataclasses
        made: dict[str, Any] = {}
        for name, (ctype, spec) in self.fields.items():
            f = spec.real()
            f.name, f.type, f.kw_only = name, ctype, False
            f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            made[name] = f
        if self.owner is not None:
            type.__setattr__(self.owner, "__dataclass_fields__", made)
        return made


# per record class, the generated function that makes one from all its fields' values
_POSITIONAL: dict[type, Callable[..., Any]] = {}


def positional(cls: type[T]) -> Callable[..., T]:
    """What makes an instance of record class `cls` fastest from every field's value, in
    order (all fields are positional): for a frozen slotted class filled through its
    mutable twin, a generated function that makes it as the twin without the call of
    its __init__ through the type (a third of the cost, issue #11); else the class."""
    return _POSITIONAL.get(cls, cls)


def _build(cls: type, make: Maker, slots: bool) -> type:
    body = dict(cls.__dict__)
    fields: dict[str, tuple[object, Field]] = {}
    defaults = []
    for name, ctype in body.get("__annotations__", {}).items():
        d = body.pop(name, MISSING)
        f = d if isinstance(d, Field) else Field(d, MISSING, True, True)
        fields[name] = (ctype, f)
        if f.default_factory is not MISSING:
            defaults.append(f.default_factory)
        elif f.default is not MISSING:
            defaults.append(f.default)
    methods, bind = make(*defaults)
    fast = methods.pop("_positional", None)
    lazy = _Fields(fields)
    extra = {"__match_args__": tuple(fields), "__dataclass_fields__": lazy}
    if not slots:
        for name, (_, f) in fields.items():     # a default stays as the class attribute
            if f.default is not MISSING:
                setattr(cls, name, f.default)
            elif name in cls.__dict__:
                delattr(cls, name)
        for name, value in {**methods, **extra}.items():
            setattr(cls, name, value)
        bind(cls)
        lazy.owner = cls
        return cls
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    body.update(methods)
    body.update(extra)
    body["__slots__"] = tuple(fields)
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    bind(new)
    lazy.owner = new
    if fast is not None:
        _POSITIONAL[new] = fast
    return new
