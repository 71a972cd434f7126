"""The tracer's own standard descriptors: fds 0 and 1 that were closed when pstrace
started get a placeholder (so that no file pstrace opens becomes its "stdin"), and once
the command is launched pstrace lets go of the stdin and stdout it inherited, so that
a pipeline the command is part of sees its ends closed when the command closes them.

strace counterpart: ensure_standard_fds_opened() and redirect_standard_fds() in strace.c.
"""
from __future__ import annotations

import os

_placeholder = [False, False]   # fds 0 and 1: opened by pstrace, not inherited


def _dummy() -> int:
    """The read end of a pipe whose write end is closed (reads give end of file)."""
    r, w = os.pipe()
    os.close(w)
    os.set_inheritable(r, False)
    return r


def ensure_opened() -> None:
    """Fill closed fds 0..2 with placeholders, remembering which of 0 and 1 they are."""
    while True:
        fd = _dummy()
        if fd > 2:
            os.close(fd)
            return
        if fd < 2:
            _placeholder[fd] = True


def redirect() -> None:
    """After the command is launched: the inherited stdin and stdout become placeholders
    (stderr stays: the tracer's messages go there)."""
    for fd in (0, 1):
        if not _placeholder[fd]:
            os.close(fd)
            got = _dummy()
            if got != fd:   # fd was taken meanwhile: place it by hand
                os.dup2(got, fd, inheritable=False)
                os.close(got)
            _placeholder[fd] = True
