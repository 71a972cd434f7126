"""The committed syscall catalog equals what the installed strace 6.1 prints now.

Re-runs tools/catalog_probe.py against /usr/bin/strace (no skip: if strace is missing
or is another version the test fails) and compares with data/syscalls_x86_64.tsv.
"""
from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_strace_is_6_1() -> None:
    assert shutil.which("strace"), "strace must be installed: it is the oracle"
    out = subprocess.run(["strace", "-V"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("strace -- version 6.1\n"), out


def test_catalog_tsv_matches_strace() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "catalog_probe.py")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    committed = (ROOT / "data" / "syscalls_x86_64.tsv").read_text()
    if r.stdout != committed:
        diff = "".join(difflib.unified_diff(committed.splitlines(True), r.stdout.splitlines(True),
                                            "committed", "strace"))
        raise AssertionError("catalog differs from strace:\n" + diff[:6000])


def test_catalog_sanity() -> None:
    """Facts known independently of the probe (strace(1) manual: -e trace=%file etc.)."""
    rows = {}
    for line in (ROOT / "data" / "syscalls_x86_64.tsv").read_text().splitlines():
        if not line.startswith("#"):
            nr, name, nargs, cls = line.split("\t")
            rows[name] = (int(nr), int(nargs), set(cls.split(",")))
    assert rows["read"] == (0, 3, {"desc"})
    assert rows["mmap"][1] == 6
    assert {"file", "stat", "stat_like"} <= rows["stat"][2]
    assert "network" in rows["socket"][2]
    assert "process" in rows["execve"][2] and "file" in rows["execve"][2]
    assert "statfs_like" in rows["fstatfs"][2]
    assert len(rows) > 350
