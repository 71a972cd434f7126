"""--seccomp-bpf: the classic-BPF seccomp program that stops a tracee only on traced
syscalls (pure: syscall numbers in, sock_filter instructions out).

strace counterpart: filter_seccomp.c.  The program:

    ld  [arch]                      ; struct seccomp_data.arch
    jeq AUDIT_ARCH_X86_64, +1       ; any other ABI (int 0x80 from a 64-bit process):
    ret TRACE                       ;   always stop, the engine decides
    ld  [nr]
    jge __X32_SYSCALL_BIT -> TRACE  ; x32 numbers: always stop
    jge NSYSCALLS -> TRACE          ; numbers past strace's table: always stop
    per range [lo, hi] of traced numbers:
        jge lo, else skip 2 ; jge hi+1, skip 1 ; ret TRACE
    ret ALLOW

Every jump is local (offsets 0..2), so the program never hits the 8-bit jump limit;
its length is 8 + 3 * (number of ranges) instructions (at most BPF_MAXINSNS).

When it can be used without changing what pstrace prints (see `default_applies`), and
how the engine installs it, is described in `install_notes`.
"""
from __future__ import annotations

import struct

from . import consts_gen as C

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from collections.abc import Iterable

_SOCK_FILTER = struct.Struct("=HBBI")   # struct sock_filter: code, jt, jf, k

LD_W_ABS = C.BPF_LD | C.BPF_W | C.BPF_ABS
JEQ_K = C.BPF_JMP | C.BPF_JEQ | C.BPF_K
JGE_K = C.BPF_JMP | C.BPF_JGE | C.BPF_K
JSET_K = C.BPF_JMP | C.BPF_JSET | C.BPF_K
RET_K = C.BPF_RET | C.BPF_K

Insn = tuple[int, int, int, int]   # code, jt, jf, k


def ranges(nrs: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, merged [lo, hi] ranges of the syscall numbers."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(nrs)):
        if out and out[-1][1] + 1 == n:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def program(traced: Iterable[int], unknown_from: int) -> list[Insn]:
    """The filter for a tracee whose 64-bit syscalls in `traced` must stop, and every
    number from `unknown_from` on (the calls strace's table does not know).

    clone with CLONE_UNTRACED and every clone3 (whose flags are in memory) stop too: a
    child made untraced would get ENOSYS from each filtered call, so the engine clears
    that flag for the call (engine.untraced)."""
    trace = (RET_K, 0, 0, C.SECCOMP_RET_TRACE)
    prog: list[Insn] = [
        (LD_W_ABS, 0, 0, C.SECCOMP_DATA_ARCH),
        (JEQ_K, 1, 0, C.AUDIT_ARCH_X86_64),
        trace,
        (LD_W_ABS, 0, 0, C.SECCOMP_DATA_NR),
        (JGE_K, 0, 1, C.__X32_SYSCALL_BIT),
        trace,
        (JGE_K, 0, 1, unknown_from),
        trace,
        (JEQ_K, 0, 1, C.__NR_clone3),
        trace,
        (JEQ_K, 0, 4, C.__NR_clone),
        (LD_W_ABS, 0, 0, C.SECCOMP_DATA_ARGS),   # the low half of args[0], the flags
        (JSET_K, 0, 1, C.CLONE_UNTRACED),
        trace,
        (LD_W_ABS, 0, 0, C.SECCOMP_DATA_NR),
    ]
    for lo, hi in ranges(n for n in traced if 0 <= n < C.__X32_SYSCALL_BIT):
        prog.append((JGE_K, 0, 2, lo))
        prog.append((JGE_K, 1, 0, hi + 1))
        prog.append(trace)
    prog.append((RET_K, 0, 0, C.SECCOMP_RET_ALLOW))
    if len(prog) > C.BPF_MAXINSNS:
        raise ValueError("seccomp program too long")
    return prog


def notifying(prog: list[Insn]) -> list[Insn]:
    """The same program with user notification where it says TRACE: for a process
    pstrace hands over to a notification listener without tracing it (engine.handoff).
    SECCOMP_RET_USER_NOTIF takes precedence over the first filter's TRACE."""
    return [(RET_K, 0, 0, C.SECCOMP_RET_USER_NOTIF)
            if insn == (RET_K, 0, 0, C.SECCOMP_RET_TRACE) else insn for insn in prog]


def pack(prog: list[Insn]) -> bytes:
    """The program as the array of struct sock_filter the kernel takes."""
    return b"".join(_SOCK_FILTER.pack(*insn) for insn in prog)


def run(prog: list[Insn], nr: int, arch: int = C.AUDIT_ARCH_X86_64, arg0: int = 0) -> int:
    """Interpret the program for one syscall (what the kernel would return); for tests."""
    acc = 0
    pc = 0
    data = {C.SECCOMP_DATA_NR: nr, C.SECCOMP_DATA_ARCH: arch,
            C.SECCOMP_DATA_ARGS: arg0 & 0xFFFFFFFF}
    while True:
        code, jt, jf, k = prog[pc]
        if code == LD_W_ABS:
            acc = data[k]
            pc += 1
        elif code == JEQ_K:
            pc += 1 + (jt if acc == k else jf)
        elif code == JGE_K:
            pc += 1 + (jt if acc >= k else jf)
        elif code == JSET_K:
            pc += 1 + (jt if acc & k else jf)
        elif code == RET_K:
            return k
        else:
            raise ValueError(f"unknown instruction {code:#x}")


def default_applies(*, launched: bool, trace_all: bool, follow_forks: bool,
                    can_hand_over: bool, detach_on_execve: bool,
                    can_skip_nnp: bool) -> bool:
    """pstrace's extension: use the filter without --seccomp-bpf when it cannot change
    what is printed or how the command runs:
      * pstrace launched the command (a -p process has no filter of ours);
      * a trace set is given (with every call traced the filter saves nothing);
      * the filter is inherited, and a child nobody traces would get ENOSYS from every
        filtered call (strace refuses --seccomp-bpf without -f for this reason): with -f
        every child is traced; without -f each child is handed over to a seccomp
        notification listener that lets its calls go on untraced (engine.handoff), which
        needs a 5.6 kernel (`can_hand_over`) and a command that keeps CAP_SYS_ADMIN
        (no -u USER) to install the second filter;
      * not -b execve (a detached process keeps the filter);
      * no_new_privs is not needed (pstrace has CAP_SYS_ADMIN): setting it would stop
        set-user-ID programs from gaining privileges, a visible change.
    PSTRACE_SECCOMP=0 in the environment turns the default off."""
    return (launched and not trace_all and (follow_forks or can_hand_over)
            and not detach_on_execve and can_skip_nnp)
