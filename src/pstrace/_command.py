"""The pstrace command's start (the console script and python -m pstrace): the command
line's modules load with the cyclic garbage collector off, then every object they made
is frozen out of its reach (issue #11: start-up).

Loading pstrace.cli allocates tens of thousands of long-lived objects (classes,
functions, tables) and no garbage: the collections the allocations would trigger
meanwhile find nothing and cost about 4% of the start.  gc.freeze() then moves those
objects to the permanent generation, so that the full collections of a long trace do not
walk them again each time.  No strace counterpart.
"""
from __future__ import annotations

import gc

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import NoReturn


def command(argv: list[str] | None = None) -> NoReturn:
    """pstrace.cli.command, its modules loaded as said above."""
    gc.disable()
    try:
        from .cli import command as run
    finally:
        gc.freeze()
        gc.enable()
    run(argv)
