"""Disk quotas: quotactl and quotactl_fd, every command.

strace counterpart: quota.c.  The command word prints as QCMD(Q_CMD, TYPE) (-X raw: the
number in decimal, -X verbose: both); what follows depends on the command: a quota
format and a path (Q_QUOTAON), an id and a struct (the get/set commands: a get's
struct at exit), a struct alone (info, statistics), a flag word in brackets (the XFS
on/off/remove commands), nothing (sync, off), else the id and the address.  Without -v
the structs end with "..." after their first fields.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from ..values import Addr, Array, Func, Int, Struct, Sym, Value
from ..xlat import (
    IF_DQBLK_VALID,
    IF_DQINFO_FLAGS,
    IF_DQINFO_VALID,
    QUOTA_CMDS,
    QUOTA_FORMATS,
    QUOTA_TYPES,
    XFS_DQBLK_FLAGS,
    XFS_QUOTA_FLAGS,
)
from ._fs_common import uid, xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown

_SUBCMDSHIFT = 8
_SUBCMDMASK = 0xFF
_DQBLK = struct.Struct("<8QI")            # struct if_dqblk as strace reads it (packed)
_NEXTDQBLK = struct.Struct("<8QII")       # struct if_nextdqblk
_DQINFO = struct.Struct("<QQII")          # struct if_dqinfo
_DISK_QUOTA = struct.Struct("<bBHI6QiiHH4xQQQiH10x")   # fs_disk_quota_t (112 bytes)
_QFILESTAT = "QQI4x"                       # fs_qfilestat_t (24 bytes)
_QUOTA_STAT = struct.Struct(f"<bxHb3x{_QFILESTAT}{_QFILESTAT}IiiiHH4x")  # fs_quota_stat_t
_QUOTA_STATV = struct.Struct("<bxHI" + "QQI4x" * 3 + "iiiHH64x")       # fs_quota_statv
_U32 = struct.Struct("<I")

_DQBLK_NAMES = ("dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace", "dqb_ihardlimit",
                "dqb_isoftlimit", "dqb_curinodes")


def _q(name: str) -> int:
    return xval(QUOTA_CMDS, name)


def qcmd(word: int) -> Value:
    """QCMD(Q_GETQUOTA, USRQUOTA); -X raw the word in decimal."""
    cmd, qtype = word >> _SUBCMDSHIFT, word & _SUBCMDMASK
    sym = Func("QCMD", (const(QUOTA_CMDS, cmd, "x", "Q_???"),
                        const(QUOTA_TYPES, qtype, "x", "???QUOTA")))
    return Sym(Int(word, "u"), sym)


def _dqblk(c: Call, got: tuple[Any, ...], next_: bool) -> Value:
    fields: list[tuple[str | None, Value]] = [
        (n, Int(v, "u")) for n, v in zip(_DQBLK_NAMES, got[:6], strict=True)]
    if c.opts.verbose:
        fields += [("dqb_btime", Int(got[6], "u")), ("dqb_itime", Int(got[7], "u")),
                   ("dqb_valid", flags_or_unknown(IF_DQBLK_VALID, got[8], "QIF_???"))]
    if next_:
        fields.append(("dqb_id", Int(got[9], "u")))
    return Struct(tuple(fields), not c.opts.verbose)


def _dqinfo(c: Call, got: tuple[Any, ...]) -> Value:
    return Struct((("dqi_bgrace", Int(got[0], "u")), ("dqi_igrace", Int(got[1], "u")),
                   ("dqi_flags", flags_or_unknown(IF_DQINFO_FLAGS, got[2], "DQF_???")),
                   ("dqi_valid", flags_or_unknown(IF_DQINFO_VALID, got[3], "IIF_???"))))


def _disk_quota(c: Call, got: tuple[Any, ...]) -> Value:
    fields: list[tuple[str | None, Value]] = [
        ("d_version", Int(got[0])),
        ("d_flags", flags_or_unknown(XFS_DQBLK_FLAGS, got[1], "FS_???_QUOTA")),
        ("d_fieldmask", Int(got[2], "x")), ("d_id", Int(got[3], "u"))]
    fields += [(n, Int(v, "u")) for n, v in zip(
        ("d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit", "d_ino_softlimit",
         "d_bcount", "d_icount"), got[4:10], strict=True)]
    if c.opts.verbose:
        fields += [("d_itimer", Int(got[10])), ("d_btimer", Int(got[11])),
                   ("d_iwarns", Int(got[12], "u")), ("d_bwarns", Int(got[13], "u")),
                   ("d_rtb_hardlimit", Int(got[14], "u")),
                   ("d_rtb_softlimit", Int(got[15], "u")), ("d_rtbcount", Int(got[16], "u")),
                   ("d_rtbtimer", Int(got[17])), ("d_rtbwarns", Int(got[18], "u"))]
    return Struct(tuple(fields), not c.opts.verbose)


def _filestat(got: tuple[Any, ...]) -> Value:
    return Struct((("qfs_ino", Int(got[0], "u")), ("qfs_nblks", Int(got[1], "u")),
                   ("qfs_nextents", Int(got[2], "u"))))


def _limits(got: tuple[Any, ...]) -> list[tuple[str | None, Value]]:
    return [("qs_btimelimit", Int(got[0])), ("qs_itimelimit", Int(got[1])),
            ("qs_rtbtimelimit", Int(got[2])), ("qs_bwarnlimit", Int(got[3], "u")),
            ("qs_iwarnlimit", Int(got[4], "u"))]


def _quota_stat(c: Call, got: tuple[Any, ...]) -> Value:
    fields: list[tuple[str | None, Value]] = [("qs_version", Int(got[0]))]
    if c.opts.verbose:
        fields += [("qs_flags", flags_or_unknown(XFS_QUOTA_FLAGS, got[1], "FS_QUOTA_???")),
                   ("qs_uquota", _filestat(got[3:6])), ("qs_gquota", _filestat(got[6:9])),
                   ("qs_incoredqs", Int(got[9], "u")), *_limits(got[10:15])]
    return Struct(tuple(fields), not c.opts.verbose)


def _quota_statv(c: Call, got: tuple[Any, ...]) -> Value:
    fields: list[tuple[str | None, Value]] = [("qs_version", Int(got[0]))]
    if c.opts.verbose:
        fields += [("qs_flags", flags_or_unknown(XFS_QUOTA_FLAGS, got[1], "FS_QUOTA_???")),
                   ("qs_incoredqs", Int(got[2], "u")),
                   ("qs_uquota", _filestat(got[3:6])), ("qs_gquota", _filestat(got[6:9])),
                   ("qs_pquota", _filestat(got[9:12])), *_limits(got[12:17])]
    return Struct(tuple(fields), not c.opts.verbose)


Reader = Callable[[Call, tuple[Any, ...]], Value]

# command -> (struct, printer, read at exit (a get), the id printed before it)
_STRUCTS: dict[int, tuple[struct.Struct, Reader, bool, bool]] = {
    _q("Q_GETQUOTA"): (_DQBLK, lambda c, g: _dqblk(c, g, False), True, True),
    _q("Q_SETQUOTA"): (_DQBLK, lambda c, g: _dqblk(c, g, False), False, True),
    _q("Q_GETNEXTQUOTA"): (_NEXTDQBLK, lambda c, g: _dqblk(c, g, True), True, True),
    _q("Q_XGETQUOTA"): (_DISK_QUOTA, _disk_quota, True, True),
    _q("Q_XGETNEXTQUOTA"): (_DISK_QUOTA, _disk_quota, True, True),
    _q("Q_XSETQLIM"): (_DISK_QUOTA, _disk_quota, False, True),
    _q("Q_GETINFO"): (_DQINFO, _dqinfo, True, False),
    _q("Q_SETINFO"): (_DQINFO, _dqinfo, False, False),
    _q("Q_XGETQSTAT"): (_QUOTA_STAT, _quota_stat, True, False),
    _q("Q_XGETQSTATV"): (_QUOTA_STATV, _quota_statv, True, False),
    _q("Q_GETFMT"): (_U32, lambda c, g: Array((const(QUOTA_FORMATS, g[0], "x",
                                                      "QFMT_VFS_???"),)), True, False),
}
_NOTHING = frozenset((_q("Q_QUOTAOFF"), _q("Q_SYNC"), _q("Q_XQUOTASYNC")))
_XFLAGS = {_q("Q_XQUOTAON"): (XFS_QUOTA_FLAGS, "FS_QUOTA_???"),
           _q("Q_XQUOTAOFF"): (XFS_QUOTA_FLAGS, "FS_QUOTA_???"),
           _q("Q_XQUOTARM"): (XFS_DQBLK_FLAGS, "FS_???_QUOTA")}


Later = Callable[[], Value]


def _data(c: Call, cmd: int, qid: int, addr: int) -> tuple[list[Value], Later | None]:
    """The arguments after the command (and the special file or descriptor) printed at
    entry, and for a get command the reader of the struct the kernel fills."""
    if cmd in _NOTHING:
        return [], None
    if cmd == _q("Q_QUOTAON"):
        return [const(QUOTA_FORMATS, qid, "x", "QFMT_VFS_???"), c.path_at(addr)], None
    if cmd in _XFLAGS:
        x, unknown = _XFLAGS[cmd]
        got = c.read_struct(addr, _U32)
        return [Addr(addr) if got is None else Array((flags_or_unknown(x, got[0], unknown),))], None
    entry = _STRUCTS.get(cmd)
    if entry is None:
        return [uid(qid), Addr(addr)], None
    st, printer, at_exit, with_id = entry
    head: list[Value] = [uid(qid)] if with_id else []

    def later() -> Value:
        got = None if c.failed else c.read_struct(addr, st)
        return Addr(addr) if got is None else printer(c, got)

    if at_exit:
        return head, later
    got = c.read_struct(addr, st)
    return [*head, Addr(addr) if got is None else printer(c, got)], None


def _decode(c: Call, first: list[Value], word: int) -> DecodeGen:
    rest, later = _data(c, word >> _SUBCMDSHIFT, c.uint(2), c.args[3])
    c.sep_late = later is None   # decoded at entry: nothing follows at exit
    yield [*first, *rest]
    return [] if later is None else [later()]


@decoder("quotactl")
def _quotactl(c: Call) -> DecodeGen:
    word = c.uint(0)
    return (yield from _decode(c, [qcmd(word), c.path(1)], word))


@decoder("quotactl_fd")
def _quotactl_fd(c: Call) -> DecodeGen:
    word = c.uint(1)
    return (yield from _decode(c, [c.fd_value(c.sint(0)), qcmd(word)], word))
