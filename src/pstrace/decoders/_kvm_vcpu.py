"""-e kvm=vcpu: why a vcpu left KVM_RUN, read from the struct kvm_run the tracee mapped
from the vcpu's descriptor, as KVM_RUN's return comment ("= 0 (KVM_EXIT_IO)").

The descriptor must be a vcpu ("anon_inode:kvm-vcpu:N" in /proc/PID/fd, N a number);
its struct kvm_run is the tracee's first mapping of that name on an anonymous-inode
device (major 0) in /proc/PID/maps, at least sizeof(struct kvm_run) long and
readable.  Otherwise nothing is printed.

strace counterpart: kvm.c's vcpu_get_info() (over the mmap cache, mmap_cache.c) and
kvm_ioctl_run_attach_auxstr().
"""
from __future__ import annotations

import struct

from ..values import Const, Note, Value
from ..xlat import KVM_EXIT_REASON, KVM_RUN_LAYOUT
from .base import Call, fd_path
from .pidns import proc_dir

_VCPU_PREFIX = "anon_inode:kvm-vcpu:"
_LAYOUT = dict(KVM_RUN_LAYOUT.pairs)
_RUN_SIZE = _LAYOUT["KVM_RUN_SIZE"]
_EXIT_REASON = struct.Struct(f"<{_LAYOUT['KVM_RUN_EXIT_REASON']}xI")


def _run_mapping(pid: int, path: str) -> tuple[int, int] | None:
    """(start, length) of the first mapping of `path` on a major-0 device, or None."""
    try:
        with open(f"{proc_dir(pid)}/maps", "rb") as f:
            lines = f.read().decode("utf-8", "surrogateescape").splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split(maxsplit=5)
        if len(fields) < 6 or fields[5] != path or not fields[3].startswith("00:"):
            continue
        start, _, end = fields[0].partition("-")
        lo, hi = int(start, 16), int(end, 16)
        return lo, max(hi - lo, 0)
    return None


def exit_reason(c: Call, fd: int) -> Value | None:
    """The exit reason of the vcpu `fd` of the tracee (after a successful KVM_RUN):
    its KVM_EXIT_* name, "KVM_EXIT_???", or None when there is no vcpu to read."""
    path = fd_path(c.pid, fd)
    if path is None or not path.startswith(_VCPU_PREFIX):
        return None
    if not path[len(_VCPU_PREFIX):].isdigit():
        return None
    mapping = _run_mapping(c.pid, path)
    if mapping is None or mapping[1] < _RUN_SIZE:
        return None
    data = c.mem.read(c.pid, mapping[0], _RUN_SIZE)   # whatever -e verbose= says
    if data is None:
        return None
    (reason,) = _EXIT_REASON.unpack_from(data)
    name = KVM_EXIT_REASON.name(reason)
    return Note("KVM_EXIT_???") if name is None else Const(name, reason)
