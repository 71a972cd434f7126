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
    assert families <= {"pstrace.decoders.base", "pstrace.decoders.families_gen",
                        "pstrace.decoders.retval", "pstrace.decoders.strings"}
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
