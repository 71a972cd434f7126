"""Checks of the JSON Lines a differential run wrote through tests/jsonout/dual.py:

* every line is one JSON object that validates against the schema pstrace ships
  (the draft 2020-12 schema of `pstrace --json-schema`);
* the objects are the events strace's own text of the same test shows: read back with
  pstrace.parse(), strace's lines give the same multiset of calls (pid, name, error),
  signals (pid, name) and exits (pid, code or signal) as the JSON objects do;
* every named constant carries its number.

Lines whose shape (the object with the numbers and free strings blanked) was validated
once are not validated again: jsonschema takes about a millisecond an object.
`COUNTS["lines"]` counts the JSON lines checked in this process, "compared" and
"unreadable" the outputs compared with strace's text or not."""
from __future__ import annotations

import collections
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

import pstrace
from pstrace.events import Event, Exit, Signal, Syscall, Unparsed
from pstrace.schema import schema_text

COUNTS = collections.Counter[str]()

# fields whose strings the schema constrains (enums, consts): kept in a shape
_CONSTRAINED = {"type", "kind", "schema", "fmt", "end", "how", "clock", "injected"}


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    assert cls is jsonschema.Draft202012Validator
    return cls(schema)


def _shape(x: Any, key: str | None = None) -> Any:
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, (int, float)):
        return x if key in ("personality", "netlink") else (0.5 if isinstance(x, float) else 0)
    if isinstance(x, str):
        return x if key in _CONSTRAINED else ("x" if x else "")
    if isinstance(x, list):
        return [_shape(i, key) for i in x]
    return {k: _shape(v, k) for k, v in x.items()}


_SEEN: set[str] = set()


def objects(data: bytes) -> list[dict[str, Any]]:
    """The lines of a JSON Lines output, each validated."""
    out = []
    for line in data.decode().splitlines():
        obj = json.loads(line)
        assert isinstance(obj, dict) and obj["schema"] == "pstrace/1", line
        shape = json.dumps(_shape(obj), sort_keys=True)
        if shape not in _SEEN:
            validator().validate(obj)
            _SEEN.add(shape)
        out.append(obj)
    COUNTS["lines"] += len(out)
    return out


def _key_json(o: dict[str, Any], pids: bool) -> tuple[object, ...] | None:
    pid = o["pid"] if pids else 0
    if o["type"] == "syscall":
        return ("syscall", pid, o["name"], o["errno"] if o["end"] == "returned" else None)
    if o["type"] == "signal":
        return ("signal", pid, o["name"])
    if o["type"] == "exit":
        return ("exit", pid, o["code"], o["name"])
    return None


def _key_event(ev: Event, pids: bool) -> tuple[object, ...] | None:
    pid = ev.pid if pids else 0
    if isinstance(ev, Syscall):
        return ("syscall", pid, ev.name, ev.errno if ev.retval is not None else None)
    if isinstance(ev, Signal):
        return ("signal", pid, ev.name)
    if isinstance(ev, Exit):
        return ("exit", pid, ev.code, ev.name)
    return None


def _named_with_numbers(x: Any) -> None:
    """A live trace's named constants carry their numbers (a log's text may not)."""
    if isinstance(x, dict):
        if x.get("type") == "const":
            assert isinstance(x["value"], int), f"const without its number: {x}"
        for v in x.values():
            _named_with_numbers(v)
    elif isinstance(x, list):
        for v in x:
            _named_with_numbers(v)


def same_events(objs: Iterable[dict[str, Any]], strace_text: bytes) -> None:
    """The JSON objects show the calls, signals and exits strace's text shows.  Where
    the parser cannot read a line of the text (a prefix combination it does not know
    yet, the tracee's own output on stderr) the text is not a reference: the objects
    are then only validated (COUNTS["unreadable"] counts such outputs)."""
    events = list(pstrace.parse(strace_text.decode(errors="surrogateescape").splitlines(True)))
    if any(isinstance(ev, Unparsed) and not ev.text.startswith("strace: ") for ev in events):
        COUNTS["unreadable"] += 1
        return
    COUNTS["compared"] += 1
    objs = list(objs)
    for o in objs:
        _named_with_numbers(o)
    # pids where every line of the text has one (strace prefixes them only once a second
    # process is traced; "1700000000 execve(" is -ttt's unix seconds, which the parser
    # reads as a pid: then the pids are not compared)
    read = [ev.pid for ev in events if _key_event(ev, False)]
    pids = all(read) and set(read) <= {o["pid"] for o in objs}
    want = collections.Counter(k for ev in events if (k := _key_event(ev, pids)))
    got = collections.Counter(k for o in objs if (k := _key_json(o, pids)))
    if got != want:
        raise AssertionError("--json and strace's text differ:\n"
                             f"  only in JSON: {sorted(map(str, (got - want).elements()))[:20]}\n"
                             f"  only in text: {sorted(map(str, (want - got).elements()))[:20]}")


def side_outputs(side: Path) -> dict[str, bytes]:
    """What dual.py wrote: {"": the file} or {".PID": each -ff file}; the files removed."""
    out = {}
    for f in sorted(side.parent.glob(side.name + "*")):
        out[f.name[len(side.name):]] = f.read_bytes()
        f.unlink()
    return out
