"""process_vm_readv/process_vm_writev: the process, the local iovecs with the data
moved (readv: as much as was read; writev: each whole), the remote iovecs as
addresses, the counts and the flags.

strace counterpart: process_vm.c.
"""
from __future__ import annotations

from ..values import Value
from .base import Call, DecodeGen, decoder
from .io import iov_array


@decoder("process_vm_readv")
def _process_vm_readv(c: Call) -> DecodeGen:
    yield [c.pid_(0)]
    local = iov_array(c, c.args[1], c.args[2], contents=False) if c.failed else \
        iov_array(c, c.args[1], c.args[2], data_size=c.ret)
    return [local, c.ulong(2), iov_array(c, c.args[3], c.args[4], contents=False),
            c.ulong(4), c.ulong(5)]


@decoder("process_vm_writev")
def _process_vm_writev(c: Call) -> list[Value]:
    return [c.pid_(0), iov_array(c, c.args[1], c.args[2]), c.ulong(2),
            iov_array(c, c.args[3], c.args[4], contents=False), c.ulong(4), c.ulong(5)]
