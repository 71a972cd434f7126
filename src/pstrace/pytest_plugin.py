"""The pytest plugin, installed with the package (entry point ``pytest11``:
``pstrace``): the `syscalls` fixture, whose ``watch()`` traces the test's own process
and every process it starts inside a ``with`` block (pstrace.watch), then answers what
they did:

    def test_offline(syscalls, tmp_path):
        with syscalls.watch() as w:
            subprocess.run(["my-tool", "--offline", tmp_path], check=True)
        assert not w.connections()
        assert w.files_written() <= {tmp_path / "out.txt"}

pytest imports this module only when it runs; pstrace itself never imports pytest.
strace counterpart: none.
"""
from __future__ import annotations

import pytest

from .watcher import Watch


class Syscalls:
    """What the `syscalls` fixture gives a test: watch() blocks, and the last one's
    answers."""

    def __init__(self) -> None:
        self.watches: list[Watch] = []

    def watch(self) -> Watch:
        """A `with` block that traces this process and the processes it starts."""
        w = Watch()
        self.watches.append(w)
        return w


@pytest.fixture
def syscalls() -> Syscalls:
    """Trace what the test does to the system: ``with syscalls.watch() as w: ...``."""
    return Syscalls()
