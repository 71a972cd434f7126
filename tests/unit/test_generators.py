"""Every checked-in generated module is what its generator makes from this machine's
headers (the generators' --check mode, which CI runs through this test)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"


@pytest.mark.parametrize("generator", ["gen_sys_consts.py", "gen_filter_consts.py",
                                       "gen_inject_consts.py", "gen_regs_consts.py",
                                       "gen_handoff_consts.py",
                                       "gen_tables.py",
                                       "gen_syscall_args.py", "gen_decoder_families.py",
                                       "gen_syscall_status.py", "gen_json_schema.py",
                                       "gen_records.py", "gen_ioctlent.py"])
def test_generated_module_is_current(generator: str) -> None:
    res = subprocess.run([sys.executable, str(TOOLS / generator), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
