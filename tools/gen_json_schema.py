"""Writes src/pstrace/schema/pstrace-1.json, the JSON Schema (draft 2020-12) of pstrace's
--json objects, from the descriptions below (one row per value and event type, in the
order of values.py and events.py).  `--check`: exit 1 if the checked-in file differs.
docs/json.md documents the same fields in prose."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import cconsts

OUT = Path(__file__).resolve().parent.parent / "src" / "pstrace" / "schema" / "pstrace-1.json"

I = {"type": "integer"}; S = {"type": "string"}; B = {"type": "boolean"}; N = {"type": "number"}
def nul(x): return {"anyOf": [x, {"type": "null"}]}
V = {"$ref": "#/$defs/value"}
VL = {"type": "array", "items": V}
SL = {"type": "array", "items": S}
TEXT = {"text": S, "utf8": B, "hex": {"type": "string", "pattern": "^([0-9a-f]{2})*$"}}
FMT = {"enum": ["d", "u", "x", "o", "x8", "x2"]}
def obj(desc, props, opt=()):
    return {"description": desc, "type": "object",
            "properties": {"type": S, **props},
            "required": ["type"] + [k for k in props if k not in opt],
            "additionalProperties": False}
values = {
 "int": obj("An integer, and the format strace prints it in (d signed, u unsigned, x hex, o octal, x8/x2 zero-padded hex).", {"value": I, "fmt": FMT}),
 "const": obj("A named constant (AT_FDCWD, SEEK_SET) and its number when known; fmt: how -X raw prints the number.", {"name": S, "value": nul(I), "fmt": S}),
 "flags": obj("Flags: the names ORed, then `rest` (bits no name matched, 0 if none) printed in rest_fmt; `zero` is what an empty set prints as; `value` the whole number when known.", {"names": SL, "rest": I, "rest_fmt": S, "zero": S, "value": nul(I)}),
 "str": obj("A string: `text` (UTF-8; U+FFFD where the bytes are not UTF-8), `utf8` false when they are not, then `hex` holds the exact bytes; `truncated`: cut at -s (strace's trailing ...).", {**TEXT, "truncated": B}, opt=("hex",)),
 "path": obj("A pathname, as `str` (never cut at -s).", {**TEXT, "truncated": B}, opt=("hex",)),
 "abstract_path": obj("An abstract unix socket name (without its leading NUL), as `str`.", TEXT, opt=("hex",)),
 "hw_addr": obj("A hardware (MAC) address: its bytes (`hex`).", TEXT, opt=("hex",)),
 "fd_target": obj("What a descriptor refers to (-y/-yy): kind, the /proc/PID/fd link `path`, `deleted`, the `inode` of pipes and sockets; -yy: the socket `protocol`, inet `local`/`peer` endpoints, unix `peer_inode` and `bound` name, netlink's [protocol name, port id] or protocol number (`netlink`), the `device`, a pidfd's `pid`.", {
    "kind": {"enum": ["file", "pipe", "socket", "anon", "device", "pidfd", "other"]},
    "path": S, "deleted": B, "inode": nul(I), "protocol": nul(S),
    "local": nul({"$ref": "#/$defs/endpoint"}), "peer": nul({"$ref": "#/$defs/endpoint"}),
    "peer_inode": nul(I), "bound": nul(V), "device": nul({"$ref": "#/$defs/device"}), "pid": nul(I),
    "netlink": {"anyOf": [{"type": "array", "prefixItems": [S, I], "items": False, "minItems": 2}, I, {"type": "null"}]}}),
 "fd": obj("A file descriptor `num`; `target` its -y/-yy decoration (null without -y).", {"num": I, "target": nul(V)}),
 "pid": obj("A process or thread id; `comm` its name with --decode-pids=comm (-Y), else null; `ns_pid` the same id in the tracer's pid namespace with --pidns-translation when the tracee's namespace numbers it otherwise, else null.", {"value": I, "comm": nul(S), "ns_pid": nul(I)}),
 "addr": obj("A tracee address (0 is NULL).", {"value": I}),
 "struct": obj("A structure: its fields in strace's order (`name` null for a field printed alone); `elided`: abbreviated (strace's , ...).", {"fields": {"type": "array", "items": {"type": "object", "properties": {"name": nul(S), "value": V}, "required": ["name", "value"], "additionalProperties": False}}, "elided": B}),
 "array": obj("An array: its items; `elided`: cut (strace's ...); `budget`: strace's text budget for it, if any.", {"items": VL, "elided": B, "budget": nul(I)}),
 "sig_set": obj("A signal set: names without SIG; `negated`: strace's ~[...].", {"names": SL, "negated": B}),
 "changed": obj("An in/out value: before => after.", {"before": V, "after": V}),
 "func": obj("A function-like form: makedev(...), htons(...).", {"name": S, "args": VL}),
 "comment": obj("A value with strace's comment: `text` a fixed remark or a value; `keep`: kept by -X raw; `before`: the comment comes first.", {"value": nul(V), "text": {"anyOf": [S, V]}, "keep": B, "before": B}),
 "or": obj("A number made of parts ORed together.", {"items": VL}),
 "mode": obj("A file mode: `value`, the `names` of its type and set-id bits, `perm` the bits left (null: all), `symbolic`: a st_mode-like field.", {"value": I, "names": SL, "perm": nul(I), "symbolic": B}),
 "multiple": obj("A whole multiple of a unit (8192*1024).", {"value": I, "unit": I}),
 "set": obj("A set of numbers ([0 1 64]); `negated`: its complement (~[ICMP_ECHO]).", {"items": VL, "negated": B}),
 "named": obj("name=value.", {"name": S, "value": V}),
 "indexed": obj("An element with its index ([VINTR]=0x3): a name, a number or a value.", {"index": {"anyOf": [{"type": ["string", "integer"]}, V]}, "value": V}),
 "shifted": obj("value<<shift.", {"value": V, "shift": {"type": ["string", "integer"]}}),
 "offset": obj("base+delta.", {"base": V, "delta": V}),
 "labeled": obj("A value with strace's word before it (left {...}).", {"label": S, "value": V}),
 "parts": obj("Several results in one return comment.", {"items": VL}),
 "note": obj("A fixed remark (Timeout, unterminated).", {"text": S}),
 "verbatim": obj("An argument of a parsed log kept as the text it had (a form the log reader does not type).", {"text": S}),
 "ref": obj("The address of a named field (&sin6_addr).", {"name": S}),
 "wait_status": obj("A wait status: kind exited (code), signaled (signal, core), stopped (signal; syscall_stop: the 0x80 bit of PTRACE_O_TRACESYSGOOD), continued, unknown (code: the whole status, which no W* macro explains); `event`: the bits from 16 up, a ptrace event (null when 0).", {"kind": {"enum": ["exited", "signaled", "stopped", "continued", "unknown"]}, "code": I, "signal": S, "core": B, "syscall_stop": B, "event": nul(V)}),
 "resuming": obj("restart_syscall's argument: the interrupted call's name.", {"name": S}),
 "errno": obj("An error number returned zero-extended (`value`), and that error.", {"value": I, "errno": I}),
 "sym": obj("A value with a numeric (`raw`, null: none) and a symbolic form (`sym`); `note`/`verbose`: what -X verbose prints.", {"raw": nul(V), "sym": V, "note": nul(V), "verbose": nul(V)}),
 "styled": obj("A return comment printed in the -X style.", {"value": V}),
 "unreadable": obj("Where an array ran into unreadable memory.", {"addr": I}),
 "count": obj("A count a comment gives (35 vars): n and the words for one and many.", {"n": I, "one": S, "many": S}),
 "sizeof": obj("count * sizeof(ctype).", {"count": I, "ctype": S}),
 "byte_range": obj("Bytes first..last of a struct.", {"first": I, "last": I}),
 "local_time": obj("A time since the epoch (sec, nsec), as a comment shows it in the local time zone; `digits`: of the fraction (9, or 6 for a timeval).", {"sec": I, "nsec": I, "digits": I}),
 "ticks": obj("A clock_t: value ticks, hz a second.", {"value": I, "hz": I}),
 "ambiguous": obj("A number several names stand for.", {"names": SL, "value": I}),
 "elided": obj("strace's bare ... (left out).", {}),
 "netlink_message": obj("A netlink message: its header (struct nlmsghdr) and its payload (null: none).", {"header": V, "payload": nul(V)}),
 "netlink_attr": obj("A netlink attribute: its header (struct nlattr) and its value (null: none).", {"header": V, "value": nul(V)}),
}
T = nul(N)
def ev(desc, props, opt=()):
    p = {"schema": {"const": "pstrace/1"}, "type": S, "pid": I, **props}
    return {"description": desc, "type": "object", "properties": p,
            "required": ["schema", "type", "pid"] + [k for k in props if k not in opt],
            "additionalProperties": False}
TIMES = {"time": N, "relative": N, "ip": nul(I)}
TOPT = ("time", "relative", "ip")
ARG = {"type": "object", "properties": {"name": nul(S), "ctype": nul(S), "keyword": B, "value": V},
       "required": ["name", "ctype", "keyword", "value"], "additionalProperties": False}
events = {
 "syscall": ev("A system call, entry and exit merged.", {
    "name": S, "nr": I, "personality": {"enum": [0, 1, 2]},
    "args": {"type": "array", "items": ARG},
    "end": {"enum": ["returned", "vanished", "superseded", "detached"]}, "unfinished": B,
    "retval": nul(I), "rvalue": nul(V), "rcomment": nul(V),
    "errno": I, "error": nul(S), "strerror": nul(S), "failed": B,
    "injected": {"type": ["boolean", "string"]}, "delayed": B,
    "time": N, "time_exit": T, "duration": T, "relative": N, "ip": I},
    opt=("time", "time_exit", "duration", "relative", "ip")),
 "syscall_entry": ev("A system call entered (the API's entries=True; --json does not write these).", {"name": S, "nr": I, "personality": I, "args": {"type": "array", "items": ARG}, **TIMES}, opt=TOPT),
 "signal": ev("A signal delivered.", {"signo": I, "name": S, "siginfo": nul(V), **TIMES}, opt=TOPT),
 "stop": ev("A group-stop.", {"signo": I, "name": S, **TIMES}, opt=TOPT),
 "exit": ev("A thread's end: `code`, or killed by `signo` (`name`, `core`).", {"code": nul(I), "signo": nul(I), "name": nul(S), "core": B, "time": N, "relative": N}, opt=("time", "relative")),
 "attach": ev("A thread began to be traced.", {"how": {"enum": ["launch", "daemon", "attach", "fork"]}, "threads": I, "parent": nul(I)}),
 "detach": ev("The tracer let a thread go.", {"unknown": B}),
 "exec": ev("A successful execve.", {"old_pid": I, "time": N, "relative": N}, opt=("time", "relative")),
 "personality": ev("A thread's calls switched ABI.", {"mode": S, "time": N, "relative": N}, opt=("time", "relative")),
 "comm": ev("-Y: the thread's name (/proc/PID/comm), when first traced and after a call that changed it.", {"comm": S}),
 "message": ev("A message of the tracer (a decoding warning, news of an unknown pid); `quiet`: the -e quiet= class that silences it.", {"text": S, "quiet": nul(S)}),
 "io_dump": ev("-e read=/write= data.", {"fd": I, "buffers": {"type": "array", "items": {"type": "object", "properties": TEXT, "required": ["text", "utf8"], "additionalProperties": False}}, "vectored": B,
    "unfetched": nul({"type": "object", "properties": {"size": I, "addr": I}, "required": ["size", "addr"], "additionalProperties": False})}),
 "summary": ev("-c/-C: the summary table, the last object (pid 0).", {"clock": {"enum": ["system", "wall"]}, "columns": SL,
    "rows": {"type": "array", "items": {"$ref": "#/$defs/summary_row"}}, "total": {"$ref": "#/$defs/summary_row"}}),
 "unparsed": ev("--parse: a line of the log it could not read back into an event: `text` the line without its `prefix` (pid, time...).", {"text": S, "prefix": S}),
}
ROW = {"type": "object", "properties": {"name": S, "calls": I, "errors": I, "seconds": N, "min": N, "max": N, "percent": N, "usecs_per_call": I},
       "required": ["name", "calls", "errors", "seconds", "min", "max", "percent", "usecs_per_call"], "additionalProperties": False}
defs = {}
for k, d in values.items():
    d["properties"]["type"] = {"const": k}
    defs["value_" + k] = d
for k, d in events.items():
    d["properties"]["type"] = {"const": k}
    defs["event_" + k] = d
defs["summary_row"] = ROW
defs["value"] = {"type": "object", "required": ["type"],
   "properties": {"type": {"enum": list(values)}},
   "allOf": [{"if": {"properties": {"type": {"const": k}}}, "then": {"$ref": f"#/$defs/value_{k}"}} for k in values]}
defs["endpoint"] = {"type": "object", "properties": {"address": S, "port": I}, "required": ["address", "port"], "additionalProperties": False}
defs["device"] = {"type": "object", "properties": {"kind": {"enum": ["char", "block"]}, "major": I, "minor": I}, "required": ["kind", "major", "minor"], "additionalProperties": False}
kinds = list(events)
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://github.com/pstrace/pstrace/schema/pstrace-1.json",
  "title": "pstrace --json event (schema pstrace/1)",
  "description": "One line of pstrace --json output. Documented in docs/json.md.",
  "type": "object", "required": ["schema", "type"],
  "properties": {"schema": {"const": "pstrace/1"}, "type": {"enum": kinds}},
  "allOf": [{"if": {"properties": {"type": {"const": k}}}, "then": {"$ref": f"#/$defs/event_{k}"}} for k in kinds],
  "$defs": defs}


def main() -> int:
    return cconsts.main(OUT, lambda: json.dumps(schema, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
