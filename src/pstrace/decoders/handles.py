"""Calls that make or close whole sets of descriptors: inotify_init/inotify_init1,
epoll_create/epoll_create1, pidfd_open, close_range, eventfd/eventfd2, userfaultfd.
Their new descriptor is a return value -y decorates (syscalls/facts.py).  strace
counterpart: inotify.c, epoll.c, pidfd_open.c, close_range.c, eventfd.c, userfaultfd.c.
"""
from __future__ import annotations

from ..values import Int, Value
from ..xlat import (
    CLOSE_RANGE_FLAGS,
    EPOLL_CREATE_FLAGS,
    EVENTFD_FLAGS,
    INOTIFY_INIT_FLAGS,
    PIDFD_OPEN_FLAGS,
    UFFD_FLAGS,
)
from .base import Call, decoder, flags_or_unknown


@decoder("inotify_init", "epoll_create")
def _no_flags(c: Call) -> list[Value]:
    return [] if c.name == "inotify_init" else [c.int_(0)]


@decoder("inotify_init1")
def _inotify_init1(c: Call) -> list[Value]:
    return [flags_or_unknown(INOTIFY_INIT_FLAGS, c.args[0], "IN_???")]


@decoder("epoll_create1")
def _epoll_create1(c: Call) -> list[Value]:
    return [flags_or_unknown(EPOLL_CREATE_FLAGS, c.args[0], "EPOLL_???")]


@decoder("pidfd_open")
def _pidfd_open(c: Call) -> list[Value]:
    return [c.pid_(0), flags_or_unknown(PIDFD_OPEN_FLAGS, c.args[1], "PIDFD_???")]


@decoder("close_range")
def _close_range(c: Call) -> list[Value]:
    return [Int(c.args[0] & 0xFFFFFFFF, "u"), Int(c.args[1] & 0xFFFFFFFF, "u"),
            flags_or_unknown(CLOSE_RANGE_FLAGS, c.args[2], "CLOSE_RANGE_???")]


@decoder("eventfd", "eventfd2")
def _eventfd(c: Call) -> list[Value]:
    initval: list[Value] = [c.uint_(0)]
    if c.name == "eventfd":
        return initval
    return [*initval, flags_or_unknown(EVENTFD_FLAGS, c.args[1], "EFD_???")]


@decoder("userfaultfd")
def _userfaultfd(c: Call) -> list[Value]:
    return [flags_or_unknown(UFFD_FLAGS, c.args[0], "UFFD_???")]
