"""An interface index as strace prints it: if_nametoindex("lo") when the interface
exists here (PRINT_FIELD_IFINDEX), else the number.

strace counterpart: print_ifindex() in print_ifindex.c.
"""
from __future__ import annotations

import socket as _socket

from ..values import Func, Int, Str, Sym, Value


def ifindex_value(index: int) -> Value:
    """An interface index: if_nametoindex("lo") when the interface exists here."""
    if index:
        try:
            name = _socket.if_indextoname(index)
        except OSError:
            name = None
        if name is not None:
            return Sym(Int(index, "u"), Func("if_nametoindex", (Str(name.encode()),)))
    return Int(index, "u")
