"""Where the ioctl families live: a module `decoders/ioctl_<family>.py` registers, with
@ioctl_family(TYPE, ...), a handler for the request types (_IOC_TYPE, the request's
second byte) it decodes; the registry imports every such module the first time an ioctl
of a registered-looking type is decoded, so a family only has to exist to take part.

A handler has a decoder's two phases for the whole call: it yields the values printed
at entry (the fd, the request, ...) and returns those printed at exit; or it returns
None *without yielding* when it does not decode this request, and ioctl.py's generic
printing (or the next handler of the type) takes over.

strace counterpart: the switch on _IOC_TYPE in ioctl.c's ioctl_decode().
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Generator
from typing import TypeVar

from ..values import Value
from .base import Call

IoctlGen = Generator[list[Value], None, "list[Value] | None"]
IoctlHandler = Callable[[Call, int], IoctlGen]
H = TypeVar("H", bound=IoctlHandler)

_HANDLERS: dict[int, list[IoctlHandler]] = {}
_loaded = False


def ioctl_family(*types: int) -> Callable[[H], H]:
    """Register a handler for requests whose _IOC_TYPE is one of types."""
    def register(func: H) -> H:
        for t in types:
            _HANDLERS.setdefault(t, []).append(func)
        return func
    return register


def handlers(ioc_type: int) -> list[IoctlHandler]:
    """The handlers registered for a request type (importing the families once)."""
    global _loaded
    if not _loaded:
        _loaded = True
        package = __name__.rpartition(".")[0]
        for mod in pkgutil.iter_modules(importlib.import_module(package).__path__):
            if mod.name.startswith("ioctl_"):
                importlib.import_module(f"{package}.{mod.name}")
    return _HANDLERS.get(ioc_type, [])
