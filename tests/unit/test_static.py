"""The package's static checks, run by the test command: mypy --strict and ruff on src/
(their settings are in pyproject.toml)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_mypy_strict() -> None:
    r = _run("mypy", "--strict", "--cache-dir", "/tmp/pstrace-mypy-cache", "src/pstrace")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff() -> None:
    r = _run("ruff", "check", "src")
    assert r.returncode == 0, r.stdout + r.stderr
