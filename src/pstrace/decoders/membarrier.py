"""membarrier(2): the command, its flags, and the CPU when MEMBARRIER_CMD_FLAG_CPU asks
for one; MEMBARRIER_CMD_QUERY's answer, a mask of commands, in hexadecimal with the
commands named after it in the -X style ("= 0x1ff (MEMBARRIER_CMD_GLOBAL|...)").

strace counterpart: membarrier.c.
"""
from __future__ import annotations

from ..values import Int, Styled, Value
from ..xlat import MEMBARRIER_CMDS, MEMBARRIER_FLAGS
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown

_QUERY = xval(MEMBARRIER_CMDS, "MEMBARRIER_CMD_QUERY")
_FLAG_CPU = xval(MEMBARRIER_FLAGS, "MEMBARRIER_CMD_FLAG_CPU")


@decoder("membarrier")
def _membarrier(c: Call) -> DecodeGen:
    cmd, fl = c.uint(0), c.uint(1)
    out: list[Value] = [const(MEMBARRIER_CMDS, cmd, "x", "MEMBARRIER_CMD_???"),
                        flags_or_unknown(MEMBARRIER_FLAGS, fl, "MEMBARRIER_CMD_FLAG_???")]
    if fl & _FLAG_CPU:
        out.append(c.int_(2))
    c.sep_late = True   # nothing follows at exit: the return value only
    yield out
    if cmd == _QUERY and not c.failed and c.ret:
        c.rval = Int(c.ret, "x")
        c.rcomment = Styled(flags(MEMBARRIER_CMDS, c.ret))
    return []
