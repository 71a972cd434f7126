"""The engine's ptrace/wait/signal constants are generated from the kernel headers:
the checked-in module must be what the generator makes on this machine."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_sys_consts_are_current() -> None:
    res = subprocess.run([sys.executable, str(ROOT / "tools/gen_sys_consts.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_values_match_python() -> None:
    import os
    import signal

    from pstrace._sys import consts_gen as K
    assert K.__WALL == 0x40000000
    assert K.WNOHANG == os.WNOHANG and K.WSTOPPED == os.WSTOPPED
    assert K.SIGCHLD == signal.SIGCHLD and K.SIGSTOP == signal.SIGSTOP
