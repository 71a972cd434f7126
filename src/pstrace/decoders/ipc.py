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


@decoder("msgctl")
def _msgctl(c: Call) -> DecodeGen:
    raw = c.args[1] & _U32
    cmd = MSGCTL_CMDS.name(raw & ~xval(IPC_VERSION, "IPC_64"))
    head = [c.int_(0), _cmd(MSGCTL_CMDS, raw, "MSG_???")]
    addr = c.args[2]
    if cmd == "IPC_SET":
        yield []
        return [*head, _msqid(c, addr, True)]
    if cmd not in ("IPC_STAT", "MSG_STAT", "MSG_STAT_ANY", "IPC_INFO", "MSG_INFO"):
        yield []
        return [*head, Addr(addr)]
    yield head
    if cmd in ("IPC_INFO", "MSG_INFO"):
        return [_info(c, addr, _MSGINFO, ("msgpool", "msgmap", "msgmax", "msgmnb",
                                          "msgmni", "msgssz", "msgtql", "msgseg"),
                      frozenset(("msgseg",)))]
    return [_msqid(c, addr, False)]


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


@decoder("semctl")
def _semctl(c: Call) -> DecodeGen:
    raw = c.args[2] & _U32
    cmd = SEMCTL_CMDS.name(raw & ~xval(IPC_VERSION, "IPC_64"))
    head = [c.int_(0), c.int_(1), _cmd(SEMCTL_CMDS, raw, "SEM_???")]
    addr = c.args[3]
    if cmd == "IPC_SET":
        yield []
        return [*head, _semid(c, addr, True)]
    if cmd not in ("IPC_STAT", "SEM_STAT", "SEM_STAT_ANY", "IPC_INFO", "SEM_INFO"):
        yield []
        return [*head, Addr(addr)]
    yield head
    if cmd in ("IPC_INFO", "SEM_INFO"):
        return [_info(c, addr, _SEMINFO, ("semmap", "semmni", "semmns", "semmnu",
                                          "semmsl", "semopm", "semume", "semusz",
                                          "semvmx", "semaem"))]
    return [_semid(c, addr, False)]


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


@decoder("shmctl")
def _shmctl(c: Call) -> DecodeGen:
    raw = c.args[1] & _U32
    cmd = SHMCTL_CMDS.name(raw & ~xval(IPC_VERSION, "IPC_64"))
    head = [c.int_(0), _cmd(SHMCTL_CMDS, raw, "SHM_???")]
    addr = c.args[2]
    if cmd == "IPC_SET":
        yield []
        return [*head, _shmid(c, addr, True)]
    if cmd not in ("IPC_STAT", "SHM_STAT", "SHM_STAT_ANY", "IPC_INFO", "SHM_INFO"):
        yield []
        return [*head, Addr(addr)]
    yield head
    if cmd == "IPC_INFO":
        limits = ("shmmax", "shmmin", "shmmni", "shmseg", "shmall")
        return [_info(c, addr, _SHMINFO, limits, frozenset(limits))]
    if cmd == "SHM_INFO":
        usage = ("used_ids", "shm_tot", "shm_rss", "shm_swp", "swap_attempts",
                 "swap_successes")
        return [_info(c, addr, _SHM_INFO, usage, frozenset(usage[1:]))]
    return [_shmid(c, addr, False)]
