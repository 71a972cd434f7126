"""siginfo_t → Value for the `--- SIGxxx {...} ---` lines (placeholder: the signal
family replaces this with strace's full per-code layout)."""
from __future__ import annotations

import struct

from ..values import Const, Int, Struct, Value

_HEAD = struct.Struct("=iii4xiI")


def decode_siginfo(raw: bytes, opts) -> Value:
    from ..xlat import signal_name
    signo, _errno, code, pid, uid = _HEAD.unpack_from(raw)
    return Struct((("si_signo", Const(signal_name(signo))), ("si_code", Int(code)),
                   ("si_pid", Int(pid)), ("si_uid", Int(uid, "u"))))
