"""System V IPC: message queues (msgget, msgsnd, msgrcv, msgctl), semaphores (semget,
semop, semtimedop, semctl) and shared memory (shmget, shmat, shmdt, shmctl).

A key prints as IPC_PRIVATE or in hex; the flags of the *get calls as their names, then
the permission bits in octal ("IPC_CREAT|IPC_EXCL|0600"; shmget's huge page size as
"21<<SHM_HUGE_SHIFT"); ids and counts as ints (the upper half of the register is not
looked at).  The *ctl calls print their command and the structure it reads or writes.
strace counterpart: ipc_msg.c, ipc_sem.c, ipc_shm.c, ipc_msgctl.c, ipc_semctl.c,
ipc_shmctl.c, print_msgbuf.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable

from ..values import Addr, Comment, Const, Int, Mode, Or, Shifted, Struct, Sym, Value
from ..xlat import (
    IPC_MSG_FLAGS,
    IPC_PRIVATE,
    IPC_RESOURCE_FLAGS,
    IPC_VERSION,
    MSGCTL_CMDS,
    SEMCTL_CMDS,
    SEMOP_FLAGS,
    SHM_FLAGS,
    SHM_HUGE_CONSTS,
    SHM_RESOURCE_FLAGS,
    SHMCTL_CMDS,
    Xlat,
)
from ._fs_common import tracee_array, uid, xval
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown
from .time import timespec_at

_U32 = 0xFFFFFFFF
_SEMBUF = struct.Struct("<HhH")          # struct sembuf: sem_num, sem_op, sem_flg
_MTYPE = struct.Struct("<q")             # struct msgbuf's long mtype


def _key(c: Call) -> Value:
    return const(IPC_PRIVATE, c.args[0] & _U32, "x")


def _resource_flags(value: int) -> Value:
    """"IPC_CREAT|0600": the flags (when any) or-ed with the permission bits in octal."""
    rest = value & ~0o777 & _U32
    perm = Mode(value & 0o777)
    return Or((flags(IPC_RESOURCE_FLAGS, rest), perm)) if rest else perm


@decoder("msgget")
def _msgget(c: Call) -> list[Value]:
    return [_key(c), _resource_flags(c.args[1])]


@decoder("semget")
def _semget(c: Call) -> list[Value]:
    return [_key(c), c.int_(1), _resource_flags(c.args[2])]


@decoder("shmget")
def _shmget(c: Call) -> list[Value]:
    value = c.args[2] & _U32
    shift = xval(SHM_HUGE_CONSTS, "SHM_HUGE_SHIFT")
    mask = xval(SHM_HUGE_CONSTS, "SHM_HUGE_MASK") << shift
    rest = value & ~0o777 & ~mask
    huge = (value & mask) >> shift
    parts: list[Value] = []
    if rest:
        parts.append(flags(SHM_RESOURCE_FLAGS, rest))
    if huge:
        raw = Shifted(Int(huge, "u"), shift)
        parts.append(Sym(raw, Shifted(Int(huge, "u"), "SHM_HUGE_SHIFT"),
                         verbose=Comment(raw, "SHM_HUGE_SHIFT")))
    parts.append(Mode(value & 0o777))
    return [_key(c), Int(c.args[1], "u"), Or(tuple(parts)) if len(parts) > 1 else parts[0]]


def _msgbuf(c: Call, addr: int, size: int) -> Value:
    """{mtype=N, mtext="..."}: the message's type and its first `size` bytes."""
    got = c.read_struct(addr, _MTYPE) if addr else None
    if got is None:
        return Addr(addr)
    return Struct((("mtype", Int(got[0])), ("mtext", c.buf(addr + _MTYPE.size, size))))


@decoder("msgsnd")
def _msgsnd(c: Call) -> list[Value]:
    return [c.int_(0), _msgbuf(c, c.args[1], c.args[2]), Int(c.args[2], "u"),
            flags_or_unknown(IPC_MSG_FLAGS, c.args[3], "MSG_???")]


@decoder("msgrcv")
def _msgrcv(c: Call) -> DecodeGen:
    yield [c.int_(0)]
    buf = Addr(c.args[1]) if c.failed else _msgbuf(c, c.args[1], c.args[2])
    return [buf, Int(c.args[2], "u"), c.long(3),
            flags_or_unknown(IPC_MSG_FLAGS, c.args[4], "MSG_???")]


def _sembufs(c: Call, addr: int, count: int) -> Value:
    return tracee_array(c, addr, count, _SEMBUF, lambda v: Struct((
        ("sem_num", Int(v[0], "u")), ("sem_op", Int(v[1])),
        ("sem_flg", flags_or_unknown(SEMOP_FLAGS, v[2], "SEM_???")))))


@decoder("semop")
def _semop(c: Call) -> list[Value]:
    count = c.args[2] & _U32
    return [c.int_(0), _sembufs(c, c.args[1], count), Int(count, "u")]


@decoder("semtimedop")
def _semtimedop(c: Call) -> list[Value]:
    count = c.args[2] & _U32
    return [c.int_(0), _sembufs(c, c.args[1], count), Int(count, "u"),
            timespec_at(c, c.args[3])]


@decoder("shmat")
def _shmat(c: Call) -> DecodeGen:
    c.sep_late = True   # no argument follows at exit
    yield [c.int_(0), Addr(c.args[1]), flags_or_unknown(SHM_FLAGS, c.args[2], "SHM_???")]
    if not c.failed:
        c.rval = Int(c.ret, "x")   # the address it attached at
    return []


@decoder("shmdt")
def _shmdt(c: Call) -> list[Value]:
    return [Addr(c.args[0])]



# --- the *ctl calls ---------------------------------------------------------------------
# struct ipc64_perm: key, uid, gid, cuid, cgid, mode, seq, 2 unused longs
_PERM = struct.Struct("<iIIIIIHH4xQQ")
_MSQID = struct.Struct(f"<{_PERM.size}xqqqQQQiiQQ")    # struct msqid64_ds after its perm
_MSGINFO = struct.Struct("<iiiiiH2xiH2x")               # struct msginfo
_SEMID = struct.Struct(f"<{_PERM.size}xqQqQQQQ")        # struct semid64_ds (x86_64)
_SEMINFO = struct.Struct("<10i")                        # struct seminfo
_SHMID = struct.Struct(f"<{_PERM.size}xQqqqiiQQQ")      # struct shmid64_ds
_SHMINFO = struct.Struct("<5Q")                         # struct shminfo64's used part
_SHM_INFO = struct.Struct("<i4x5Q")                     # struct shm_info


def _cmd(table: Xlat, value: int, unknown: str) -> Value:
    """A *ctl command: "IPC_STAT", with "IPC_64|" when the version bit is set."""
    v64 = xval(IPC_VERSION, "IPC_64")
    cmd = const(table, value & ~v64 & _U32, "x", unknown)
    return Or((Const("IPC_64", v64), cmd)) if value & v64 else cmd


def _perm(data: bytes, set_: bool) -> Struct:
    key, uid_, gid_, cuid, cgid, mode, _, _, _, _ = _PERM.unpack_from(data)
    fields: list[tuple[str | None, Value]] = [
        ("uid", uid(uid_)), ("gid", uid(gid_)), ("mode", Mode(mode))]
    if not set_:
        fields += [("key", Int(key & _U32, "u")), ("cuid", uid(cuid)), ("cgid", uid(cgid))]
    return Struct(tuple(fields))


def _read(c: Call, addr: int, st: struct.Struct, output: bool) -> bytes | None:
    if not addr or (output and c.failed):
        return None
    return c.read(addr, st.size)


def _msqid(c: Call, addr: int, set_: bool) -> Value:
    data = _read(c, addr, _MSQID, not set_)
    if data is None:
        return Addr(addr)
    stime, rtime, ctime, _, qnum, qbytes, lspid, lrpid, _, _ = _MSQID.unpack(data)
    fields: list[tuple[str | None, Value]] = [("msg_perm", _perm(data, set_))]
    if not set_:
        fields += [("msg_stime", Int(stime, "u")), ("msg_rtime", Int(rtime, "u")),
                   ("msg_ctime", Int(ctime, "u")), ("msg_qnum", Int(qnum, "u"))]
    fields.append(("msg_qbytes", Int(qbytes, "u")))
    if not set_:
        fields += [("msg_lspid", Int(lspid)), ("msg_lrpid", Int(lrpid))]
    return Struct(tuple(fields))


def _info(c: Call, addr: int, st: struct.Struct, names: tuple[str, ...],
          unsigned: frozenset[str] = frozenset()) -> Value:
    data = _read(c, addr, st, True)
    if data is None:
        return Addr(addr)
    return Struct(tuple((n, Int(v, "u" if n in unsigned else "d"))
                        for n, v in zip(names, st.unpack(data), strict=False)))


def _ctl(c: Call, table: Xlat, at: int, unknown: str, ids: list[Value],
         ds: Callable[[Call, int, bool], Value],
         infos: dict[str, Callable[[Call, int], Value]]) -> DecodeGen:
    """A *ctl call whose command is argument `at` and buffer the next one: IPC_SET's
    struct at entry, the *_STAT and *_INFO ones at exit, the address otherwise."""
    raw = c.args[at] & _U32
    cmd = table.name(raw & ~xval(IPC_VERSION, "IPC_64")) or ""
    head = [*ids, _cmd(table, raw, unknown)]
    addr = c.args[at + 1]
    if cmd == "IPC_SET":
        yield []
        return [*head, ds(c, addr, True)]
    info = infos.get(cmd)
    if info is None and not cmd.endswith(("_STAT", "_STAT_ANY")):
        yield []
        return [*head, Addr(addr)]
    yield head
    return [info(c, addr) if info is not None else ds(c, addr, False)]


def _msginfo(c: Call, addr: int) -> Value:
    return _info(c, addr, _MSGINFO, ("msgpool", "msgmap", "msgmax", "msgmnb", "msgmni",
                                     "msgssz", "msgtql", "msgseg"), frozenset(("msgseg",)))


@decoder("msgctl")
def _msgctl(c: Call) -> DecodeGen:
    return (yield from _ctl(c, MSGCTL_CMDS, 1, "MSG_???", [c.int_(0)], _msqid,
                            {"IPC_INFO": _msginfo, "MSG_INFO": _msginfo}))


def _semid(c: Call, addr: int, set_: bool) -> Value:
    data = _read(c, addr, _SEMID, not set_)
    if data is None:
        return Addr(addr)
    otime, _, ctime, _, nsems, _, _ = _SEMID.unpack(data)
    fields: list[tuple[str | None, Value]] = [("sem_perm", _perm(data, set_))]
    if not set_:
        fields += [("sem_otime", Int(otime, "u")), ("sem_ctime", Int(ctime, "u")),
                   ("sem_nsems", Int(nsems, "u"))]
    return Struct(tuple(fields))


def _seminfo(c: Call, addr: int) -> Value:
    return _info(c, addr, _SEMINFO, ("semmap", "semmni", "semmns", "semmnu", "semmsl",
                                     "semopm", "semume", "semusz", "semvmx", "semaem"))


@decoder("semctl")
def _semctl(c: Call) -> DecodeGen:
    return (yield from _ctl(c, SEMCTL_CMDS, 2, "SEM_???", [c.int_(0), c.int_(1)], _semid,
                            {"IPC_INFO": _seminfo, "SEM_INFO": _seminfo}))


def _shmid(c: Call, addr: int, set_: bool) -> Value:
    data = _read(c, addr, _SHMID, not set_)
    if data is None:
        return Addr(addr)
    segsz, atime, dtime, ctime, cpid, lpid, nattch, _, _ = _SHMID.unpack(data)
    fields: list[tuple[str | None, Value]] = [("shm_perm", _perm(data, set_))]
    if not set_:
        fields += [("shm_segsz", Int(segsz, "u")), ("shm_cpid", c.pid_value(cpid)),
                   ("shm_lpid", c.pid_value(lpid)), ("shm_nattch", Int(nattch, "u")),
                   ("shm_atime", Int(atime, "u")), ("shm_dtime", Int(dtime, "u")),
                   ("shm_ctime", Int(ctime, "u"))]
    return Struct(tuple(fields))


_SHM_LIMITS = ("shmmax", "shmmin", "shmmni", "shmseg", "shmall")
_SHM_USAGE = ("used_ids", "shm_tot", "shm_rss", "shm_swp", "swap_attempts",
              "swap_successes")


@decoder("shmctl")
def _shmctl(c: Call) -> DecodeGen:
    return (yield from _ctl(
        c, SHMCTL_CMDS, 1, "SHM_???", [c.int_(0)], _shmid,
        {"IPC_INFO": lambda c, a: _info(c, a, _SHMINFO, _SHM_LIMITS, frozenset(_SHM_LIMITS)),
         "SHM_INFO": lambda c, a: _info(c, a, _SHM_INFO, _SHM_USAGE,
                                        frozenset(_SHM_USAGE[1:]))}))
