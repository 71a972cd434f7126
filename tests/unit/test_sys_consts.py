"""The engine's ptrace/wait/signal constants agree with Python's own (their freshness
against the headers is tests/unit/test_generators.py)."""
from __future__ import annotations



def test_values_match_python() -> None:
    import os
    import signal

    from pstrace._sys import consts_gen as K
    assert K.__WALL == 0x40000000
    assert K.WNOHANG == os.WNOHANG and K.WSTOPPED == os.WSTOPPED
    assert K.SIGCHLD == signal.SIGCHLD and K.SIGSTOP == signal.SIGSTOP
