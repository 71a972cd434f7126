"""syslog(2): the action always as "N /* SYSLOG_ACTION_NAME */" (whatever -X says), the
buffer read back for the READ actions, the console level for CONSOLE_LEVEL.

strace counterpart: syslog.c.
"""
from __future__ import annotations

from ..values import Addr, Comment, Int, Value
from ..xlat import CONSOLE_LEVELS, SYSLOG_ACTIONS, Xlat
from ._fs_common import xval
from .base import Call, DecodeGen, decoder, s32

_NO_ARGS = frozenset(("SYSLOG_ACTION_CLOSE", "SYSLOG_ACTION_OPEN", "SYSLOG_ACTION_CLEAR",
                      "SYSLOG_ACTION_CONSOLE_OFF", "SYSLOG_ACTION_CONSOLE_ON",
                      "SYSLOG_ACTION_SIZE_UNREAD", "SYSLOG_ACTION_SIZE_BUFFER"))
_READS = frozenset(("SYSLOG_ACTION_READ", "SYSLOG_ACTION_READ_ALL",
                    "SYSLOG_ACTION_READ_CLEAR"))


def _verbose(x: Xlat, value: int, unknown: str, name: str | None = None) -> Value:
    """strace's XLAT_STYLE_VERBOSE|FMT_D: the decimal number and the name in a comment."""
    return Comment(Int(value), name or x.name(value) or unknown, keep=True)


def _level(value: int) -> Value:
    debug = xval(CONSOLE_LEVELS, "LOGLEVEL_DEBUG")
    # strace names the level above the last one "LOGLEVEL_DEBUG+1" (all messages shown)
    return _verbose(CONSOLE_LEVELS, value, "LOGLEVEL_???",
                    "LOGLEVEL_DEBUG+1" if value == debug + 1 else None)


@decoder("syslog")
def _syslog(c: Call) -> DecodeGen:
    action = s32(c.args[0])
    name = SYSLOG_ACTIONS.name(action)
    head = _verbose(SYSLOG_ACTIONS, action, "SYSLOG_ACTION_???")
    length = c.int_(2)
    if name not in _READS:   # decoded at entry: nothing (no ", ") follows at exit
        c.sep_late = True
        if name in _NO_ARGS:
            yield [head]
        else:
            level = name == "SYSLOG_ACTION_CONSOLE_LEVEL"
            yield [head, Addr(c.args[1]), _level(s32(c.args[2])) if level else length]
        return []
    yield [head]
    addr = c.args[1]
    return [Addr(addr) if c.failed else c.buf(addr, c.ret), length]
