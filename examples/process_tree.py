"""The process tree of a command: who started whom, what each ran, how each ended.

    python examples/process_tree.py sh -c 'ls | wc -l'
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pstrace
from pstrace import values as V


@dataclass
class Proc:
    pid: int
    parent: int | None
    argv: list[str] = field(default_factory=list)
    end: str = "running"
    children: list[int] = field(default_factory=list)


def _argv(v: V.Value) -> list[str]:
    if isinstance(v, V.Array):
        return [x.data.decode(errors="backslashreplace") for x in v.items
                if isinstance(x, (V.Str, V.Path))]
    return []


def main(argv: list[str]) -> int:
    procs: dict[int, Proc] = {}
    with pstrace.trace(argv, follow=True, trace="execve", string_limit=4096) as session:
        for ev in session:
            if isinstance(ev, pstrace.Attach):
                procs[ev.pid] = Proc(ev.pid, ev.parent)
                if ev.parent in procs:
                    procs[ev.parent].children.append(ev.pid)
            elif isinstance(ev, pstrace.Syscall) and ev.name == "execve" and not ev.error:
                procs[ev.pid].argv = _argv(ev.args[1].value)
            elif isinstance(ev, pstrace.Exit) and ev.pid in procs:
                procs[ev.pid].end = (f"exited with {ev.code}" if ev.code is not None
                                     else f"killed by {ev.name}")

    def show(pid: int, depth: int) -> None:
        p = procs[pid]
        print(f"{'  ' * depth}{pid} {' '.join(p.argv) or '(no exec)'}  [{p.end}]")
        for child in p.children:
            show(child, depth + 1)

    for p in procs.values():
        if p.parent not in procs:
            show(p.pid, 0)
    return session.exit_status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
