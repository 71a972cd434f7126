"""Fail one kind of call, chosen by a Python predicate on the decoded call: here every
open of a file whose name ends in SUFFIX fails with EACCES, which strace's -e inject=
cannot express.  Shows how the command copes.

    python examples/fail_on_predicate.py .conf cat /etc/host.conf /etc/hostname
"""
from __future__ import annotations

import sys

import pstrace
from pstrace import values as V


def main(argv: list[str]) -> int:
    suffix, command = argv[0].encode(), argv[1:]

    def is_target(call: pstrace.SyscallEntry) -> bool:
        path = call.args[1].value
        return isinstance(path, V.Path) and path.data.endswith(suffix)

    rule = pstrace.Inject("openat", error="EACCES", where=is_target)
    with pstrace.trace(command, follow=True, trace="openat", inject=rule) as session:
        for ev in session:
            if isinstance(ev, pstrace.Syscall) and ev.injected:
                print(f"failed on purpose: {ev}")
    print(f"exit status: {session.exit_status}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
