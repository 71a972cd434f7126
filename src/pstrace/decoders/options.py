"""The options decoders look at: DecodeOptions, made from the command line (or the
API's arguments) before anything is traced.  Its own module, free of the values and
the decoders' helpers, so that making the options does not load them: a run that
decodes nothing never does (issue #11: start-up).  strace counterpart: the globals
of strace.c that the decoders read (max_strlen, abbrev, xflag ...).
"""
from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from dataclasses import dataclass, field

    from ..values import FdTarget
else:   # the same classes, faster to import (issue #11)
    from .._records import dataclass, field


@dataclass(frozen=True, slots=True)
class DecodeOptions:
    """The options decoders look at (a subset of the command line)."""

    max_strlen: int = 32
    verbose: bool = False          # -v: structs unabbreviated
    decode_fds: frozenset[str] = frozenset()   # -y: {"path"}, -yy: {"path", "socket", "dev"}
    xflag: int = 0                 # -x / -xx (the renderer uses it; decoders rarely need it)
    deref: bool = True             # -e verbose=SET: False for calls outside SET, whose
                                   # structs, arrays and int pointers print as addresses
    pid_comm: bool = False         # --decode-pids=comm (-Y): a pid's process name
    pidns: bool = False            # --decode-pids=pidns: a pid in pstrace's namespace too
    kvm_vcpu: bool = False         # -e kvm=vcpu: KVM_RUN's return comment, the exit reason
    sockets: dict[int, FdTarget] = field(default_factory=dict, compare=False, repr=False)
    # -yy: the socket details found so far, kept as strace keeps them (fdinfo.py)
