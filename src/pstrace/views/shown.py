"""What the show-filters let through, shared by the text and the JSON views (so a line
strace would not print is no JSON object either): -e status= / -z / -Z for calls,
-e signal= for signals, stops and deaths by a signal, -qq for exits, -e quiet= for the
tracer's messages.
strace counterpart: the filtering in syscall.c (syscall_exiting_trace's status check),
strace.c (print_signalled, print_exited) and the quiet flags of the messages.
"""
from __future__ import annotations

from ..events import End, Exit, Message, Syscall

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Container


def call_shown(ev: Syscall, status: frozenset[str] | None) -> bool:
    """-e status=: whether the call's line is shown (detached calls always are)."""
    if status is None or ev.end is End.DETACHED:
        return True
    if ev.end is End.RETURNED:
        return ("failed" if ev.fails else "successful") in status
    return "unfinished" in status


def exit_shown(ev: Exit, signals: Container[int] | None, quiet_exit: bool) -> bool:
    """An exit line unless -qq; a death by a signal as that signal's lines (-e signal=)."""
    if ev.code is not None:
        return not quiet_exit
    return signals is None or ev.signo in signals


def message_shown(ev: Message, quiet_attach: bool, quiet_exit: bool) -> bool:
    """A tracer's message unless the -e quiet= class it belongs to is silenced."""
    return ev.quiet is None or (ev.quiet == "exit" and not quiet_exit) \
        or (ev.quiet == "attach" and not quiet_attach)
