"""The standard `signal` module's functions and constants, without its enum classes.

`signal` is CPython's C module `_signal` re-exported, plus the IntEnum classes Signals,
Handlers and Sigmasks and wrappers that turn results into their members; making those
classes costs about 1 ms of every start, and importing `enum` for them more (issue #11:
start-up).  pstrace needs only the numbers and the functions, which are `_signal`'s own:
the same handlers and masks, plain ints where `signal` gives enum members (equal to
them).  Elsewhere than CPython, where there may be no `_signal`, this is `signal`
itself.  No strace counterpart.
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    import signal
else:
    try:
        import _signal as signal
    except ImportError:
        import signal

__all__ = ["signal"]
