"""The one exception family.  A PstraceError's message is printed as "pstrace: MSG"."""
from __future__ import annotations


class PstraceError(Exception):
    """A fatal error with strace's message text and exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
