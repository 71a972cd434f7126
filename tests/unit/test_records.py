"""The dataclasses of pstrace (values, events, options...), built with the generated
methods of _records_gen.py (issue #11: start-up), are what the standard
`dataclasses.dataclass` makes of the same source: fields, defaults, repr, equality,
hash, immutability, slots, match args, pickling."""
from __future__ import annotations

import dataclasses
import importlib
import pickle
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))
import gen_records  # noqa: E402  (tools/)

from pstrace._records import positional  # noqa: E402

MODULES = [importlib.import_module(f"pstrace.{m}") for m in gen_records.MODULES]


def _reference(module: ModuleType) -> dict[str, Any]:
    """The module's source run again with the standard decorator."""
    path = Path(module.__file__ or "")
    text = path.read_text()
    assert "_records import dataclass" in text
    text = text.replace("from .._records import dataclass", "from dataclasses import dataclass")
    text = text.replace("from ._records import dataclass", "from dataclasses import dataclass")
    package = module.__name__ if path.name == "__init__.py" else module.__name__.rpartition(".")[0]
    ns: dict[str, Any] = {"__name__": module.__name__, "__package__": package}
    exec(compile(text, str(path), "exec"), ns)
    return ns


def _records(module: ModuleType) -> list[str]:
    return [n for n, c in vars(module).items()
            if isinstance(c, type) and "__dataclass_fields__" in c.__dict__
            and c.__module__ == module.__name__]


def _field_facts(cls: type) -> list[tuple[object, ...]]:
    return [(f.name, f.type, repr(f.default), repr(f.default_factory), f.init, f.repr, f.hash, f.compare,
             f.kw_only) for f in dataclasses.fields(cls)]


def _outcome(fn: Any, arg: object) -> object:
    try:
        return fn(arg)
    except Exception as e:   # a sample a custom method cannot take: the same error
        return type(e)


OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__",
       "__getstate__", "__setstate__", "__match_args__", "__slots__")


CASES = [(m, n) for m in MODULES for n in _records(m)]


def test_every_record_class_uses_the_generated_methods() -> None:
    assert len(CASES) > 80
    for module, name in CASES:
        cls = getattr(module, name)
        assert cls.__init__.__module__ == "pstrace._records_gen", \
            f"{name}: run python3 tools/gen_records.py"


def test_the_twin_filled_records_have_a_positional_maker() -> None:
    """Each frozen slotted class filled through its mutable twin gets the generated
    maker (the others are their own)."""
    from pstrace.events import Syscall, SyscallEntry
    from pstrace.values import Int
    for cls in (Syscall, SyscallEntry):
        assert positional(cls) is not cls
    assert positional(Int) is Int


@pytest.mark.parametrize(("module", "name"), CASES, ids=[f"{m.__name__}.{n}" for m, n in CASES])
def test_same_as_the_standard_dataclass(module: ModuleType, name: str) -> None:
    ours, ref = getattr(module, name), _reference(module)[name]
    assert _field_facts(ours) == _field_facts(ref)
    for attr in ("__slots__", "__match_args__", "__qualname__", "__doc__", "__mro__"):
        if attr == "__mro__":
            assert [c.__name__ for c in ours.__mro__] == [c.__name__ for c in ref.__mro__]
        else:
            assert getattr(ours, attr, None) == getattr(ref, attr, None), attr
    assert (ours.__hash__ is None) == (ref.__hash__ is None)
    assert [m for m in OWN if m in ours.__dict__] == [m for m in OWN if m in ref.__dict__]
    required = [f for f in dataclasses.fields(ref) if f.default is dataclasses.MISSING]
    for sample in (1, b"x", ("a",)):
        args = [sample] * len(required)
        a, b, r = ours(*args), ours(*args), ref(*args)
        assert repr(a) == repr(r)
        # what the engine makes its events with: the same record, from every field
        made = positional(ours)(*(getattr(a, f.name) for f in dataclasses.fields(ref)))
        assert type(made) is ours and repr(made) == repr(a) and made == a
        assert a == b and not (a != b)
        assert (a == ours(*([2] * len(required)))) == (r == ref(*([2] * len(required))))
        if ref.__hash__ is not None:
            assert _outcome(hash, a) == _outcome(hash, r)
        for f in dataclasses.fields(ref) if ref.__dataclass_params__.frozen else ():
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(a, f.name, 0)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(made, f.name, 0)
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(a, f.name)
        assert pickle.loads(pickle.dumps(a)) == a
        assert dataclasses.replace(a) == a
        assert repr(dataclasses.asdict(a)) == repr(dataclasses.asdict(r))


def test_end_members_are_what_enum_members_were() -> None:
    """events.End is a plain class (no enum module at start-up, issue #11): its four
    members keep an Enum member's name, value (the JSON spelling), repr, and come back
    as the same objects from pickle (the watcher pickles events)."""
    from pstrace.events import End
    members = [End.RETURNED, End.VANISHED, End.SUPERSEDED, End.DETACHED]
    assert [(m.name, m.value) for m in members] == [
        ("RETURNED", "returned"), ("VANISHED", "vanished"), ("SUPERSEDED", "superseded"),
        ("DETACHED", "detached")]
    assert repr(End.RETURNED) == "<End.RETURNED: 'returned'>"
    assert hash(End.RETURNED) == hash("RETURNED")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert [pickle.loads(pickle.dumps(m, protocol)) for m in members] == members
        assert all(pickle.loads(pickle.dumps(m, protocol)) is m for m in members)
