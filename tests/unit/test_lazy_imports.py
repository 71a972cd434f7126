"""Start-up: what `import pstrace.cli` loads (issue #11).  The command line must not
import a decoder family or the generated flag tables before a call needs them; the
public facade still offers every name (PEP 562 module attributes)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _modules_after(code: str, prefix: str = "pstrace") -> set[str]:
    res = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                          f"print('\\n'.join(m for m in sys.modules if m.startswith({prefix!r})))"],
                         capture_output=True, text=True, env={"PYTHONPATH": str(SRC)},
                         check=True)
    return set(res.stdout.split())


def test_cli_import_loads_no_heavy_standard_module() -> None:
    """dataclasses (with inspect, ast, dis, tokenize), typing, shutil (bz2, lzma) and
    shlex cost milliseconds each at every start: the command line needs none of them."""
    loaded = _modules_after("import pstrace.cli", "") - _modules_after("pass", "")
    assert "pstrace.cli.run" in loaded
    heavy = {"dataclasses", "inspect", "ast", "dis", "tokenize", "typing", "shutil", "bz2",
             "lzma", "shlex", "subprocess", "contextlib"}
    assert heavy & loaded == set()


def test_cli_import_loads_no_decoder_family_nor_tables() -> None:
    loaded = _modules_after("import pstrace.cli")
    assert "pstrace.cli.run" in loaded and "pstrace.decoders" in loaded
    families = {m for m in loaded if m.startswith("pstrace.decoders.")}
    assert families == {"pstrace.decoders.options"}   # the rest with the first call shown
    assert "pstrace.xlat.tables_gen" not in loaded


def test_a_decoder_is_found_through_its_family() -> None:
    from pstrace.decoders import lookup
    from pstrace.decoders.families_gen import FAMILY
    spec = lookup("openat")
    assert spec is not None and spec.func.__module__ == f"pstrace.decoders.{FAMILY['openat']}"
    assert lookup("no_such_call") is None


def test_facade_names_resolve_on_use() -> None:
    import pstrace
    from pstrace import events, values
    assert pstrace.Syscall is events.Syscall and pstrace.values is values
    assert callable(pstrace.trace) and set(pstrace.__all__) <= set(dir(pstrace))
    try:
        pstrace.no_such_name  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_xlat_tables_resolve_on_use() -> None:
    import pstrace.xlat as xlat
    from pstrace.xlat import tables_gen
    assert xlat.OPEN_FLAGS is tables_gen.OPEN_FLAGS
    try:
        xlat.NO_SUCH_TABLE  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("an unknown table must raise AttributeError")



ROOT = SRC.parent


def _imported_by_command(*args: str) -> set[str]:
    """The modules a run of the pstrace script (scripts/pstrace, as pip installs it)
    imports, from python -X importtime (its report goes to stderr); -S: none of what
    the site's .pth files import."""
    res = subprocess.run([sys.executable, "-S", "-X", "importtime",
                          str(ROOT / "scripts" / "pstrace"), *args],
                         capture_output=True, text=True, env={"PYTHONPATH": str(SRC)},
                         check=True)
    return {line.rsplit("|", 1)[1].strip() for line in res.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def test_a_run_with_nothing_to_print_loads_no_regex_nor_enums() -> None:
    """`pstrace -e trace=none -o /dev/null /bin/true`: the script is not pip's generated
    one (which imports re), regular expressions compile on first use, the signal
    functions come from _signal (signal makes IntEnum classes), neither enum, functools
    nor collections is imported (the imports of types are for the checker only), and
    nothing is loaded for what such a run has none of: decoded calls, flag tables,
    injection, children."""
    loaded = _imported_by_command("-e", "trace=none", "-o", "/dev/null", "/bin/true")
    assert {"pstrace.cli.run", "pstrace.engine.tracer", "_signal", "ctypes"} <= loaded
    unwanted = {"re", "signal", "typing", "dataclasses", "pstrace.xlat.tables_gen",
                "enum", "functools", "collections",   # (End, Arg and XFlag are not enums)
                "pstrace.inject.spec", "pstrace.decoders.families_gen",
                "pstrace.engine.handoff", "select",   # (no child to hand over)
                "pstrace.engine.untraced", "pstrace.inject",   # (no clone to keep traced)
                "pstrace.cli.usage", "pstrace.schema",   # (-h, -V, --json-schema only)
                "pstrace.filters.paths",   # (-P only)
                "pstrace.cli.reports",   # (--tree, --report, --perfetto only)
                "pstrace.engine.handoff_gen",   # (its syscall number is in _sys.consts_gen)
                "pstrace.decoders.base", "pstrace.decoders.retval",   # (no call shown)
                "pstrace.arch.x86_64.compat_nr"}     # (no i386 or x32 call)
    assert unwanted & loaded == set()


def test_a_decoding_run_loads_no_typing() -> None:
    """`pstrace -o /dev/null /bin/true` decodes every call of a program's start (exec,
    memory, files, signals): typing, which only the type checker needs, is not loaded
    by any decoder family that uses (issue #11: about 3 ms of every such run)."""
    loaded = _imported_by_command("-o", "/dev/null", "/bin/true")
    assert {"pstrace.decoders.process", "pstrace.decoders.mem",
            "pstrace.decoders._fs_common", "pstrace.xlat.tables_gen"} <= loaded
    assert {"typing", "dataclasses", "pstrace.inject.spec"} & loaded == set()


def test_flag_tables_are_made_on_use() -> None:
    """tables_gen keeps each of its 690 tables as a string until it is first asked for
    (unmarshalling them all as tuples took about 4 ms of every decoding run)."""
    made = subprocess.run([sys.executable, "-c", "from pstrace.xlat import tables_gen as T\n"
                           "before = sum(name in vars(T) for name in T.__all__)\n"
                           "from pstrace.xlat import OPEN_FLAGS\n"
                           "print(before, sum(name in vars(T) for name in T.__all__),"
                           " OPEN_FLAGS is T.OPEN_FLAGS)"],
                          capture_output=True, text=True, env={"PYTHONPATH": str(SRC)},
                          check=True)
    assert made.stdout.split() == ["0", "1", "True"]


def test_catalog_rows_are_made_on_use() -> None:
    made = subprocess.run([sys.executable, "-c", "import pstrace.cli\n"
                           "from pstrace.syscalls import catalog\n"
                           "print(sum(row is not None for row in catalog._BY_NR))"],
                          capture_output=True, text=True, env={"PYTHONPATH": str(SRC)},
                          check=True)
    assert int(made.stdout) < 10   # of about 360
    from pstrace.syscalls import catalog
    rows = catalog.ALL
    assert [row.nr for row in rows] == sorted(catalog.NAMES) and len(rows) > 300
    assert all(catalog.by_nr(row.nr) is row and catalog.by_name(row.name) is row
               and catalog.NAMES[row.nr] == row.name for row in rows)
    for nr in range(-1, catalog.NSYSCALLS + 2):
        assert catalog.known(0, nr) == (catalog.by_nr(nr) is not None)
    assert catalog.in_class("network") and all("network" in row.classes
                                               for row in catalog.in_class("network"))
