"""Shared by the small constant generators (gen_sys_consts, gen_filter_consts,
gen_inject_consts): compile a C program against this machine's headers, print each
value, and write the module or check the checked-in one (`--check`)."""
from __future__ import annotations

import difflib
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Mapping


def run_c(source: str, flags: Iterable[str] = ()) -> str:
    """Compile and run a C program; its standard output."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "c.c")
        src.write_text(source)
        exe = Path(tmp, "c")
        subprocess.run(["gcc", *flags, "-o", str(exe), str(src)], check=True)
        return subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout


def values(headers: Iterable[str], names: Iterable[str],
           exprs: Mapping[str, str] | None = None,
           flags: Iterable[str] = ()) -> tuple[str, list[str]]:
    """`NAME = value` lines for each macro that the headers define (and each named C
    expression), and the names the headers did not define."""
    names = list(names)
    lines = [f"#include {h}" for h in headers] + ["#include <stdio.h>",
                                                  "#include <stddef.h>", "int main(void) {"]
    for n in names:
        lines.append(f'#ifdef {n}\n printf("{n} = %lld\\n", (long long)({n}));\n#endif')
    for n, e in (exprs or {}).items():
        lines.append(f' printf("{n} = %lld\\n", (long long)({e}));')
    lines.append("return 0; }")
    body = run_c("\n".join(lines) + "\n", flags)
    found = {line.split(" = ")[0] for line in body.splitlines()}
    return body, [n for n in names if n not in found]


def main(out: Path, generate: Callable[[], str], argv: list[str] | None = None) -> int:
    """Write `out`, or with --check exit 1 and print a diff when it is stale."""
    argv = sys.argv[1:] if argv is None else argv
    text = generate()
    if "--check" in argv:
        old = out.read_text() if out.exists() else ""
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(True), text.splitlines(True), str(out), "generated"))
            return 1
        return 0
    out.write_text(text)
    return 0
