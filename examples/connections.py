"""The network peers a command connects to: family, address and port of every
connect(2), whether it succeeded.

    python examples/connections.py curl -s http://127.0.0.1:8000/
"""
from __future__ import annotations

import sys

import pstrace
from pstrace import values as V


def peer(addr: V.Value) -> tuple[str, str, int | None] | None:
    """(family, address, port) from a decoded struct sockaddr."""
    if not isinstance(addr, V.Struct):
        return None
    fields = dict(addr.fields)
    family = fields.get("sa_family")
    fam = family.name if isinstance(family, V.Const) else str(family)
    host = port = None
    for key in ("sin_addr", "sin6_addr", "sun_path"):
        if key in fields:
            host = _text(fields[key])
    for key in ("sin_port", "sin6_port"):
        if key in fields:
            port = _number(fields[key])
    return fam, host or "", port


def _text(v: V.Value) -> str:
    """The address inside inet_addr("...") / inet_pton(..., "...") / a plain string."""
    if isinstance(v, (V.Str, V.Path)):
        return v.data.decode(errors="backslashreplace")
    for attr in ("args", "items", "sym", "raw", "value", "fields"):
        inner = getattr(v, attr, None)
        if isinstance(inner, tuple):
            for x in inner:
                x = x[1] if isinstance(x, tuple) else x
                text = _text(x)
                if text:
                    return text
        elif isinstance(inner, V.Value):
            text = _text(inner)
            if text:
                return text
    return ""


def _number(v: V.Value) -> int | None:
    """The port inside htons(N)."""
    if isinstance(v, V.Int):
        return v.value
    for attr in ("args", "sym", "raw", "value"):
        inner = getattr(v, attr, None)
        if isinstance(inner, tuple) and inner:
            return _number(inner[0])
        if isinstance(inner, V.Value):
            return _number(inner)
    return None


def main(argv: list[str]) -> int:
    with pstrace.trace(argv, follow=True, trace="connect") as session:
        for ev in session:
            if isinstance(ev, pstrace.Syscall) and ev.name == "connect":
                where = peer(ev.args[1].value)
                if where is None:
                    continue
                family, host, port = where
                outcome = "ok" if ev.error is None else ev.error
                print(f"{ev.pid} {family} {host} {'' if port is None else port} {outcome}")
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
