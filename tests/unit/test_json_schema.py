"""The --json schema against the classes it describes: every value class of values.py and
every event class has its definition, with one property per field (after jsonform's
renames), so a field added to a value or an event cannot be missing from the schema."""
from __future__ import annotations

import dataclasses
import inspect
import json

from pstrace import events, jsonform, values
from pstrace.schema import schema_text

DEFS = json.loads(schema_text())["$defs"]


def test_every_value_class_is_described() -> None:
    for name, cls in inspect.getmembers(values, inspect.isclass):
        if not issubclass(cls, values.Value) or name.startswith("_") or cls is values.Value:
            continue
        d = DEFS[f"value_{jsonform._snake(name)}"]
        renames = jsonform._RENAMES.get(name, {})
        want = {"type"}
        for f in dataclasses.fields(cls):
            key = renames.get(f.name, f.name)
            if key is None:
                continue
            if f.type == "bytes":
                want |= {"text", "utf8", "hex"}
            else:
                want.add(key)
        assert set(d["properties"]) == want, name


def test_every_event_class_is_described() -> None:
    kinds = json.loads(schema_text())["properties"]["type"]["enum"]
    for cls, (kind, _) in jsonform._EVENTS.items():
        assert kind in kinds and f"event_{kind}" in DEFS, cls
    for name, cls in inspect.getmembers(events, inspect.isclass):
        if issubclass(cls, events.Event) and cls is not events.Event:
            assert cls in jsonform._EVENTS, name


def test_non_utf8_and_truncated_strings() -> None:
    v = jsonform.value_json(values.Str(b"ab\xff", more=True))
    assert v == {"type": "str", "text": "ab\ufffd", "utf8": False, "hex": "6162ff",
                 "truncated": True}
