"""The API's events against strace 6.1: for every family program of the differential
suite (tests/syscalls, the table of test_const_style), ``str(event)`` of each event the
public API yields equals the line strace 6.1 prints, so the Python view and the text
view cannot drift.  The programs are traced without -f, so no line interleaves."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from differential.test_const_style import NORMALISERS, PROGRAMS, setup_identity
from harness import build, normalise, run_strace, run_traced

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"
API_TRACER = Path(__file__).resolve().parent / "api_tracer.py"
OPTIONS: dict[str, tuple[list[str], dict[str, object]]] = {
    "default": ([], {}),
    "-v": (["-v"], {"verbose": True}),
    "-s8": (["-s", "8"], {"string_limit": 8}),
}


@pytest.mark.parametrize("opt", list(OPTIONS))
@pytest.mark.parametrize("prog", list(PROGRAMS))
def test_api_lines_equal_strace(prog: str, opt: str, tmp_path: Path) -> None:
    trace, how = PROGRAMS[prog]
    args, kwargs = OPTIONS[opt]
    exe = build(SYSCALLS / f"{prog}.c")
    cmd = [str(exe)]
    if how in ("dir", "net"):
        cmd.append(str(tmp_path))
    if how == "net":
        port = 48600 + 4 * list(PROGRAMS).index(prog) + list(OPTIONS).index(opt)
        cmd += [str(port), prog]
    extra = (setup_identity,) if how == "setup" and "-v" in args else ()
    out = []
    for run in ("strace", "api"):
        if how == "setup":
            subprocess.run(["rm", "-rf", *map(str, tmp_path.iterdir())], check=True)
            subprocess.run([str(exe), "setup"], cwd=tmp_path, check=True)
        if run == "strace":
            r = run_strace([*args, "-e", "trace=" + trace], cmd, cwd=tmp_path)
        else:
            options = json.dumps({**kwargs, "trace": trace})
            r = run_traced([sys.executable, str(API_TRACER)], [options], cmd, cwd=tmp_path,
                           name="api")
        assert not r.timed_out
        out.append(normalise(r.trace, (*NORMALISERS, *extra)).splitlines())
    want, got = out
    assert len(want) > 3, want
    assert got == want
