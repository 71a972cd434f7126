"""--json against its schema and against the API: every line pstrace --json writes for
the family programs of tests/syscalls, under a dozen option sets, is one JSON object that
validates against the schema `pstrace --json-schema` prints; and the objects equal the
API's events of the same run serialized by pstrace.jsonform (same pid namespace, ASLR
off: the same pids and addresses)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from harness import build, pstrace_command, run_pstrace, run_traced

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
JSON_TRACER = Path(__file__).resolve().parent / "json_tracer.py"

# Programs that need a driver (proc_attach_target: its fds), sleep a second
# (misc_sleep_interrupted) or stop for a tracer (proc_clone_ptrace without -f) are left out.
SKIP = {"proc_attach_target", "misc_sleep_interrupted", "proc_clone_ptrace"}
PROGRAMS = sorted(p.stem for p in SYSCALLS.glob("*.c") if p.stem not in SKIP)
NET = {"net_socket", "net_msg", "net_sockopt"}

OPTION_SETS: dict[str, list[str]] = {
    "default": [], "-tt-T-i": ["-tt", "-T", "-i"], "-yy-x": ["-yy", "-x"],
    "-v-Xraw": ["-v", "-X", "raw"], "-r-C": ["-r", "-C"], "-c": ["-c"],
    "-ff": ["-ff", "-o", "{out}"], "-z-s4": ["-z", "-s", "4", "-e", "signal=!SIGCHLD"],
}


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    text = subprocess.run([*pstrace_command(), "--json-schema"], capture_output=True,
                          check=True, text=True).stdout
    schema = json.loads(text)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    assert cls is jsonschema.Draft202012Validator
    return cls(schema)


def _script(tmp: Path, first_port: int) -> str:
    """One shell command running every program in a directory of its own."""
    lines = []
    for i, prog in enumerate(PROGRAMS):
        exe = build(SYSCALLS / f"{prog}.c")
        d = tmp / prog
        d.mkdir()
        args = f"{d} {first_port + 4 * i} {prog}" if prog in NET else str(d)
        setup = f"{exe} setup; " if prog in ("fs_stat", "fs_dir") else ""
        lines.append(f"(cd {d} && {setup}{exe} {args}) >/dev/null 2>&1")
    return "\n".join(lines) + "\nexit 0\n"


_CONSTRAINED = {"type", "kind", "schema", "fmt", "end", "how", "clock", "hex", "injected"}


def _shape(x: Any, key: str | None = None) -> Any:
    """An object with the numbers and strings the schema does not constrain blanked:
    many lines then share one shape, validated once (jsonschema takes milliseconds per
    line)."""
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, (int, float)):
        return x if key == "personality" else 0
    if isinstance(x, str):
        return x if key in _CONSTRAINED else ""
    if isinstance(x, list):
        return [_shape(i) for i in x]
    return {k: _shape(v, k) for k, v in x.items()}


def _validate(validator: jsonschema.protocols.Validator, objs: list[dict[str, Any]]) -> None:
    shapes = {json.dumps(_shape(o)): o for o in objs}
    for obj in shapes.values():
        validator.validate(obj)


def _objects(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode().splitlines()]


@pytest.mark.parametrize("opt", list(OPTION_SETS))
def test_every_line_validates(opt: str, tmp_path: Path,
                              validator: jsonschema.protocols.Validator) -> None:
    script = _script(tmp_path, 47000 + 4 * len(PROGRAMS) * list(OPTION_SETS).index(opt))
    args = OPTION_SETS[opt] if opt == "-ff" else [*OPTION_SETS[opt], "-o", "{out}"]
    r = run_pstrace(["--json", "-f", *args], ["/bin/sh", "-c", script],
                    cwd=tmp_path, timeout=120)
    assert not r.timed_out and r.returncode == 0, r.stderr[-2000:]
    if opt == "-ff":
        assert r.out is None and len(r.out_files) > len(PROGRAMS)
        objs = [o for data in r.out_files.values() for o in _objects(data)]
    else:
        objs = _objects(r.trace)
    kinds = {o["type"] for o in objs}
    _validate(validator, objs)
    if opt == "-c":
        assert kinds == {"summary"}
    else:
        assert {"syscall", "signal", "exit", "attach"} <= kinds, kinds
        names = {o["name"] for o in objs if o["type"] == "syscall"}
        assert {"openat", "read", "mmap", "socket", "clone", "wait4"} <= names
    if opt == "-r-C":
        assert objs[-1]["type"] == "summary" and objs[-1]["calls"] > 1000
    if opt == "-z-s4":
        assert all(o["errno"] == 0 for o in objs if o["type"] == "syscall"
                   and o["end"] == "returned")
        assert not any(o["name"] == "SIGCHLD" for o in objs if o["type"] == "signal")


# Deterministic programs (no random bytes, clocks, inodes in their arguments).
API_PROGRAMS = ["mem_basic", "mem_flags", "misc_ids", "sig_basic", "proc_exec"]


@pytest.mark.parametrize("prog", API_PROGRAMS)
def test_json_equals_api_events(prog: str, tmp_path: Path,
                                validator: jsonschema.protocols.Validator) -> None:
    exe = build(SYSCALLS / f"{prog}.c")
    cmd = [str(exe), str(tmp_path)]
    cli = run_pstrace(["--json", "-y"], cmd, cwd=tmp_path)
    api = run_traced([sys.executable, str(JSON_TRACER)], [json.dumps({"decode_fds": True})],
                     cmd, cwd=tmp_path, name="api")
    assert cli.returncode == api.returncode
    got, want = _objects(cli.stderr), _objects(api.stderr)
    for objs in (got, want):   # where each tracer built the first execve's environment
        execve = next(o for o in objs if o["type"] == "syscall")
        execve["args"][2]["value"]["value"]["value"] = 0
    _validate(validator, got)
    assert len(want) > 10
    assert got == want
