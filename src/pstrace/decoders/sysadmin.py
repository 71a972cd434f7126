"""Whole-system administration calls: swapon, reboot, kexec_load, kexec_file_load and
the obsolete _sysctl.

strace counterpart: swapon.c, reboot.c, kexec.c, sysctl.c.  swapon's flag word ends
with the priority in decimal ("SWAP_FLAG_PREFER|42"); kexec_load's flags are an
architecture in the high half (KEXEC_ARCH_*) then flags; reboot's RESTART2 command has
a fourth argument, a string of at most 255 bytes.
"""
from __future__ import annotations

import struct

from ..values import Addr, Int, Or, Struct, Value
from ..xlat import (
    KEXEC_ARCH_VALUES,
    KEXEC_CONSTS,
    KEXEC_FILE_LOAD_FLAGS,
    KEXEC_LOAD_FLAGS,
    REBOOT_CMDS,
    REBOOT_MAGIC1,
    REBOOT_MAGIC2,
    SWAP_CONSTS,
    SWAP_FLAGS,
)
from ._bounded import bounded_cstr
from ._fs_common import tracee_array, xval
from .base import Call, const, decoder, flags_or_unknown

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

_PRIO_MASK = xval(SWAP_CONSTS, "SWAP_FLAG_PRIO_MASK")
_ARCH_MASK = xval(KEXEC_CONSTS, "KEXEC_ARCH_MASK")
_SEGMENT_MAX = xval(KEXEC_CONSTS, "KEXEC_SEGMENT_MAX")
_RESTART2 = xval(REBOOT_CMDS, "LINUX_REBOOT_CMD_RESTART2")
_RESTART2_ARG = 255   # the kernel copies at most 255 bytes into its 256-byte buffer
_SEGMENT = struct.Struct("<QQQQ")                # struct kexec_segment
_SYSCTL_ARGS = struct.Struct("<QiiQQQQ32x")      # struct __sysctl_args (int nlen padded)


@decoder("swapon")
def _swapon(c: Call) -> list[Value]:
    word = c.uint(1)
    prio = Int(word & _PRIO_MASK, "u")
    bits = word & ~_PRIO_MASK
    fl = Or((flags_or_unknown(SWAP_FLAGS, bits, "SWAP_FLAG_???"), prio)) if bits else prio
    return [c.path(0), fl]


@decoder("reboot")
def _reboot(c: Call) -> list[Value]:
    cmd = c.uint(2)
    out = [const(REBOOT_MAGIC1, c.uint(0), "x", "LINUX_REBOOT_MAGIC_???"),
           const(REBOOT_MAGIC2, c.uint(1), "x", "LINUX_REBOOT_MAGIC_???"),
           const(REBOOT_CMDS, cmd, "x", "LINUX_REBOOT_CMD_???")]
    if cmd == _RESTART2:
        out.append(bounded_cstr(c, c.args[3], _RESTART2_ARG))
    return out


def _segment(seg: tuple[Any, ...]) -> Value:
    return Struct((("buf", Addr(seg[0])), ("bufsz", Int(seg[1], "u")),
                   ("mem", Addr(seg[2])), ("memsz", Int(seg[3], "u"))))


@decoder("kexec_load")
def _kexec_load(c: Call) -> list[Value]:
    count, word = c.args[1], c.args[3]
    segs = Addr(c.args[2]) if count > _SEGMENT_MAX else \
        tracee_array(c, c.args[2], count, _SEGMENT, _segment)
    arch = const(KEXEC_ARCH_VALUES, word & _ARCH_MASK, "x", "KEXEC_ARCH_???")
    rest = word & ~_ARCH_MASK
    fl = Or((arch, flags_or_unknown(KEXEC_LOAD_FLAGS, rest, "KEXEC_???", 64))) \
        if rest else arch
    return [c.ptr(0), c.ulong(1), segs, fl]


@decoder("kexec_file_load")
def _kexec_file_load(c: Call) -> list[Value]:
    return [c.fd(0), c.fd(1), c.ulong(2), c.buf(c.args[3], c.args[2]),
            flags_or_unknown(KEXEC_FILE_LOAD_FLAGS, c.args[4], "KEXEC_FILE_???", 64)]


@decoder("_sysctl")
def _sysctl(c: Call) -> list[Value]:
    got = c.read_struct(c.args[0], _SYSCTL_ARGS)
    if got is None:
        return [c.ptr(0)]
    name, nlen, _, oldval, oldlenp, newval, newlen = got
    return [Struct((("name", Addr(name)), ("nlen", Int(nlen)), ("oldval", Addr(oldval)),
                    ("oldlenp", Addr(oldlenp)), ("newval", Addr(newval)),
                    ("newlen", Int(newlen, "u"))))]
