"""Decoders of the stat family: stat, lstat, fstat, newfstatat, statx, statfs, fstatfs,
ustat.

Without -v strace abbreviates struct stat to {st_mode, st_size (st_rdev for devices), ...}
and struct statx to {stx_mask, stx_attributes, stx_mode, stx_size, ...}; with -v every
field prints, time stamps followed by a local-time comment.  struct statfs always prints
whole.  On failure the buffer prints as its address.

strace counterpart: stat.c, print_struct_stat.c, statx.c, statfs.c, fetch_struct_statfs.c,
ustat.c.
"""
from __future__ import annotations

import functools
import os
import struct

from ..values import Addr, Const, Func, Int, Or, Struct, Sym, Value
from ..xlat import (
    AT_FLAGS,
    FILE_TYPES,
    FS_MAGIC,
    MODE_BITS,
    STATFS_FLAGS,
    STATX_ATTRS,
    STATX_FLAGS,
    STATX_MASKS,
)
from ._fs_common import (
    array,
    mask_of,
    merged_flags,
    symbolic_mode,
    timespec,
    uid,
    with_time_comment,
    xval,
)
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown

# struct stat on x86_64 (asm/stat.h): dev, ino, nlink, mode, uid, gid, pad, rdev, size,
# blksize, blocks, atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec, reserved[3]
_STAT = struct.Struct("<QQQIIIiQqqqqQqQqQ24x")


def makedev_value(dev: int) -> Value:
    return Sym(Int(dev, "x"), Func("makedev", (Int(os.major(dev), "x"), Int(os.minor(dev), "x"))))


# worked out once, not at every struct stat (issue #11: per-call cost)
_S_IFMT = mask_of(FILE_TYPES)
_DEVICES = (xval(FILE_TYPES, "S_IFCHR"), xval(FILE_TYPES, "S_IFBLK"))


def _is_device(mode: int) -> bool:
    return (mode & _S_IFMT) in _DEVICES


@functools.lru_cache(maxsize=256)   # (values are immutable; files share a few modes)
def file_mode(mode: int) -> Value:
    return symbolic_mode(FILE_TYPES, MODE_BITS, mode)


def stat_value(c: Call, addr: int) -> Value:
    """struct stat at addr (at syscall exit), or its address."""
    if c.failed or not addr:
        return Addr(addr)
    got = c.read_struct(addr, _STAT)
    if got is None:
        return Addr(addr)
    (dev, ino, nlink, mode, st_uid, st_gid, _pad, rdev, size, blksize, blocks,
     atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns) = got
    dev_field = ("st_rdev", makedev_value(rdev)) if _is_device(mode) else ("st_size", Int(size))
    if not c.opts.verbose:
        return Struct((("st_mode", file_mode(mode)), dev_field), elided=True)
    return Struct((
        ("st_dev", makedev_value(dev)), ("st_ino", Int(ino, "u")), ("st_mode", file_mode(mode)),
        ("st_nlink", Int(nlink, "u")), ("st_uid", uid(st_uid)), ("st_gid", uid(st_gid)),
        ("st_blksize", Int(blksize)), ("st_blocks", Int(blocks)), dev_field,
        ("st_atime", with_time_comment(Int(atime), atime, atime_ns)),
        ("st_atime_nsec", Int(atime_ns, "u")),
        ("st_mtime", with_time_comment(Int(mtime), mtime, mtime_ns)),
        ("st_mtime_nsec", Int(mtime_ns, "u")),
        ("st_ctime", with_time_comment(Int(ctime), ctime, ctime_ns)),
        ("st_ctime_nsec", Int(ctime_ns, "u")),
    ))


@decoder("stat", "lstat")
def _stat(c: Call) -> DecodeGen:
    yield [c.path(0)]
    return [stat_value(c, c.args[1])]


@decoder("fstat")
def _fstat(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [stat_value(c, c.args[1])]


@decoder("newfstatat")
def _newfstatat(c: Call) -> DecodeGen:
    yield [c.dirfd(0), c.path(1)]
    return [stat_value(c, c.args[2]), flags_or_unknown(AT_FLAGS, c.args[3], "AT_???")]


# --- statx ----------------------------------------------------------------------------

# struct statx (linux/stat.h): mask, blksize, attributes, nlink, uid, gid, mode, pad,
# ino, size, blocks, attributes_mask, 4 x statx_timestamp {sec, nsec, pad}
# (atime, btime, ctime, mtime), rdev major/minor, dev major/minor, mnt_id,
# dio_mem_align, dio_offset_align, spare.
_STATX = struct.Struct("<IIQIIIH2xQQQQ" + "qI4x" * 4 + "IIIIQII")
_STATX_SIZE = 256


def statx_flags(value: int) -> Value:
    """The sync type (AT_STATX_SYNC_AS_STAT, the zero one, or FORCE/DONT_SYNC) first,
    then the other AT_* flags.  strace prints the two parts separately, so -X raw gives
    "0x2000|0x100", "|0x1000" or "" (a zero sync type prints nothing) and -X verbose
    "0 /* AT_STATX_SYNC_AS_STAT */|0x1000 /* AT_EMPTY_PATH */" (observed from 6.1)."""
    value &= 0xFFFFFFFF
    sync_mask = xval(STATX_FLAGS, "AT_STATX_FORCE_SYNC") | xval(STATX_FLAGS, "AT_STATX_DONT_SYNC")
    sync, rest = value & sync_mask, value & ~sync_mask
    if sync:
        first: Value = flags(STATX_FLAGS, sync)
    else:
        zero = Const("AT_STATX_SYNC_AS_STAT", 0)
        first = Sym(raw=None, sym=zero, verbose=zero)   # raw prints nothing for it
    if not rest:
        return first
    return Or((first, flags(STATX_FLAGS, rest)))


def statx_mask(value: int) -> Value:
    return flags_or_unknown(STATX_MASKS, value, "STATX_???")


def _stx_time(sec: int, nsec: int) -> Value:
    return with_time_comment(timespec(sec, nsec), sec, nsec)


def statx_value(c: Call, addr: int) -> Value:
    if c.failed or not addr:
        return Addr(addr)
    data = c.read(addr, _STATX.size)
    if data is None:
        return Addr(addr)
    (mask, blksize, attrs, nlink, s_uid, s_gid, mode, ino, size, blocks, attrs_mask,
     a_s, a_n, b_s, b_n, c_s, c_n, m_s, m_n, rmaj, rmin, dmaj, dmin, mnt_id,
     dio_mem, dio_off) = _STATX.unpack(data)
    head = [("stx_mask", statx_mask(mask))]
    if not c.opts.verbose:
        return Struct((*head, ("stx_attributes", flags(STATX_ATTRS, attrs)),
                       ("stx_mode", file_mode(mode)), ("stx_size", Int(size, "u"))), elided=True)
    fields: list[tuple[str | None, Value]] = [
        *head, ("stx_blksize", Int(blksize, "u")),
        ("stx_attributes", flags(STATX_ATTRS, attrs)),
        ("stx_nlink", Int(nlink, "u")), ("stx_uid", uid(s_uid)), ("stx_gid", uid(s_gid)),
        ("stx_mode", file_mode(mode)), ("stx_ino", Int(ino, "u")), ("stx_size", Int(size, "u")),
        ("stx_blocks", Int(blocks, "u")),
        ("stx_attributes_mask", flags(STATX_ATTRS, attrs_mask)),
    ]
    for name, bit, sec, nsec in (("stx_atime", "STATX_ATIME", a_s, a_n),
                                 ("stx_btime", "STATX_BTIME", b_s, b_n),
                                 ("stx_ctime", "STATX_CTIME", c_s, c_n),
                                 ("stx_mtime", "STATX_MTIME", m_s, m_n)):
        if mask & xval(STATX_MASKS, bit):
            fields.append((name, _stx_time(sec, nsec)))
    fields += [("stx_rdev_major", Int(rmaj, "u")), ("stx_rdev_minor", Int(rmin, "u")),
               ("stx_dev_major", Int(dmaj, "u")), ("stx_dev_minor", Int(dmin, "u"))]
    if mask & xval(STATX_MASKS, "STATX_MNT_ID"):
        fields.append(("stx_mnt_id", Int(mnt_id, "x")))
    if mask & xval(STATX_MASKS, "STATX_DIOALIGN"):
        fields += [("stx_dio_mem_align", Int(dio_mem, "u")),
                   ("stx_dio_offset_align", Int(dio_off, "u"))]
    return Struct(tuple(fields))


@decoder("statx")
def _statx(c: Call) -> DecodeGen:
    yield [c.dirfd(0), c.path(1), statx_flags(c.args[2]), statx_mask(c.args[3])]
    return [statx_value(c, c.args[4])]


# --- statfs ---------------------------------------------------------------------------

# struct statfs on x86_64 (asm-generic/statfs.h, 64-bit words): type, bsize, blocks,
# bfree, bavail, files, ffree, fsid[2] (int), namelen, frsize, flags, spare[4]
_STATFS = struct.Struct("<qqQQQQQIIqqq32x")

# f_flags bit the kernel sets when the other f_flags bits are valid.  Kernel-internal:
# include/linux/statfs.h in the kernel sources; no installed header defines it, so the
# generator cannot read it.  strace prints it first.
ST_VALID = 0x0020


def statfs_flags(value: int) -> Value:
    value &= 0xFFFFFFFFFFFFFFFF
    f = flags(STATFS_FLAGS, value & ~ST_VALID)
    if value & ST_VALID:
        return merged_flags(("ST_VALID",), f, value)
    return f


def statfs_value(c: Call, addr: int) -> Value:
    if c.failed or not addr:
        return Addr(addr)
    got = c.read_struct(addr, _STATFS)
    if got is None:
        return Addr(addr)
    (ftype, bsize, blocks, bfree, bavail, files, ffree, fsid0, fsid1, namelen, frsize,
     fflags) = got
    return Struct((
        ("f_type", const(FS_MAGIC, ftype & 0xFFFFFFFFFFFFFFFF)),
        ("f_bsize", Int(bsize)), ("f_blocks", Int(blocks, "u")), ("f_bfree", Int(bfree, "u")),
        ("f_bavail", Int(bavail, "u")), ("f_files", Int(files, "u")),
        ("f_ffree", Int(ffree, "u")),
        ("f_fsid", Struct((("val", array(c, (Int(fsid0, "x"), Int(fsid1, "x")))),))),
        ("f_namelen", Int(namelen)), ("f_frsize", Int(frsize)),
        ("f_flags", statfs_flags(fflags)),
    ))


@decoder("statfs")
def _statfs(c: Call) -> DecodeGen:
    yield [c.path(0)]
    return [statfs_value(c, c.args[1])]


@decoder("fstatfs")
def _fstatfs(c: Call) -> DecodeGen:
    yield [c.fd(0)]
    return [statfs_value(c, c.args[1])]


_USTAT = struct.Struct("<I4xQ")   # struct ustat's f_tfree (daddr_t) and f_tinode (ino_t)


@decoder("ustat")
def _ustat(c: Call) -> DecodeGen:
    yield [makedev_value(c.uint(0))]
    addr = c.args[1]
    got = c.read_struct(addr, _USTAT) if addr and not c.failed else None
    if got is None:
        return [Addr(addr)]
    return [Struct((("f_tfree", Int(got[0], "u")), ("f_tinode", Int(got[1], "u"))))]
