"""--pidns-translation (--decode-pids=pidns): a process, thread, group or session id
that a tracee sees in its own pid namespace, as pstrace's namespace knows it, and the
/proc directory of a process known by its pid in pstrace's namespace (which is not
/proc/PID when /proc was mounted by another namespace, as under `unshare -p` without
remounting it).

Found from /proc's NSpid/NStgid/NSpgid/NSsid lines: each lists the id in every
namespace from /proc's own down to the process's; pstrace's namespace is the one at the
depth of its own NSpid line.  strace counterpart: pidns.c (translate_pid).
"""
from __future__ import annotations

import os
from typing import Literal

PidKind = Literal["tid", "tgid", "pgid", "sid"]
_FIELD = {"tid": "NSpid", "tgid": "NStgid", "pgid": "NSpgid", "sid": "NSsid"}


def _status(path: str) -> dict[str, list[int]]:
    """The NS* lines of a status file (empty when it is gone)."""
    out: dict[str, list[int]] = {}
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.startswith(b"NS"):
                    key, _, rest = line.partition(b":")
                    out[key.decode()] = [int(x) for x in rest.split()]
    except (OSError, ValueError):
        pass
    return out


def _ns_inode(proc_dir: str) -> int:
    try:
        return os.stat(f"{proc_dir}/ns/pid").st_ino
    except OSError:
        return 0


class _Own:
    """pstrace's own namespace: its inode, and its depth below /proc's namespace."""

    def __init__(self) -> None:
        self.ns = _ns_inode("/proc/self")
        self.depth = len(_status("/proc/self/status").get("NSpid", [0])) - 1
        try:
            self.proc_is_ours = int(os.readlink("/proc/self")) == os.getpid()
        except (OSError, ValueError):
            self.proc_is_ours = True


_OWN: _Own | None = None


def _own() -> _Own:
    global _OWN
    if _OWN is None:
        _OWN = _Own()
    return _OWN


def _scan(field: str, level: int, value: int, threads: bool,
          ns: int) -> tuple[str, list[int]] | None:
    """The /proc directory and `field` ids of the process (or thread) whose id at
    namespace depth `level` is `value`, preferring one in namespace `ns` itself."""
    found: tuple[str, list[int]] | None = None
    try:
        procs = [d for d in os.listdir("/proc") if d.isdigit()]
    except OSError:
        return None
    for p in procs:
        dirs = [f"/proc/{p}"]
        if threads:
            try:
                dirs = [f"/proc/{p}/task/{t}" for t in os.listdir(f"/proc/{p}/task")]
            except OSError:
                continue
        for d in dirs:
            ids = _status(f"{d}/status").get(field)
            if ids is None or len(ids) <= level or ids[level] != value:
                continue
            if _ns_inode(d) == ns:
                return d, ids
            if found is None:
                found = d, ids
    return found


def proc_dir(pid: int) -> str:
    """The /proc directory of the process that pstrace's namespace calls `pid`: its
    number in /proc's namespace is the "Pid:" of a pidfd's fdinfo (a thread that is
    not a group leader has no pidfd: it is looked for by its NSpid line)."""
    own = _own()
    if own.proc_is_ours:
        return f"/proc/{pid}"
    try:
        fd = os.pidfd_open(pid)
    except OSError:
        hit = _scan("NSpid", own.depth, pid, True, own.ns)
        return hit[0] if hit is not None else f"/proc/{pid}"
    try:
        with open(f"/proc/self/fdinfo/{fd}", "rb") as f:
            for line in f:
                if line.startswith(b"Pid:"):
                    return f"/proc/{int(line.split()[1])}"
    except (OSError, ValueError):
        pass
    finally:
        os.close(fd)
    return f"/proc/{pid}"


# namespace inode -> its depth below /proc's namespace (a namespace never moves)
_LEVELS: dict[int, int] = {}
# (namespace, kind, id) -> the /proc directory where it was found; checked again on use,
# as pids are reused (strace's translation cache)
_FOUND: dict[tuple[int, str, int], str] = {}


def translate(tracee: int, value: int, kind: PidKind) -> int:
    """`value`, an id of `kind` in the namespace of thread `tracee` (a pid in pstrace's
    namespace), as pstrace's namespace knows it; 0 when no such process is found."""
    own = _own()
    tdir = proc_dir(tracee)
    tns = _ns_inode(tdir)
    if tns == 0 or tns == own.ns:
        return value
    level = _LEVELS.get(tns)
    if level is None:
        level = _LEVELS[tns] = len(_status(f"{tdir}/status").get("NSpid", [])) - 1
    if level < own.depth:
        return 0
    field = _FIELD[kind]
    key = (tns, kind, value)
    cached = _FOUND.get(key)
    if cached is not None:
        ids = _status(f"{cached}/status").get(field)
        if ids is not None and len(ids) > level and ids[level] == value:
            return ids[own.depth]
    hit = _scan(field, level, value, kind == "tid", tns)
    if hit is None or len(hit[1]) <= own.depth:
        _FOUND.pop(key, None)
        return 0
    _FOUND[key] = hit[0]
    return hit[1][own.depth]
