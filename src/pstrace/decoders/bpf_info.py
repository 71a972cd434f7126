"""BPF_OBJ_GET_INFO_BY_FD's info buffer: struct bpf_map_info or struct bpf_prog_info,
chosen by what the descriptor is (its /proc link: anon_inode:bpf-map, anon_inode:bpf-prog),
printed at exit; the fields the kernel changed since entry print as "before => after".
Without -v, or for another kind of descriptor, the buffer's address.

strace counterpart: print_bpf_obj_info(), print_bpf_map_info(), print_bpf_prog_info()
and print_boottime() in bpf.c.
"""
from __future__ import annotations

import mmap
import time
from collections.abc import Callable

from .. import xlat as X
from ..values import Addr, Changed, Comment, Int, LocalTime, Str, Struct, Sym, Value
from . import bpf_attr as A
from ._fs_common import tracee_array
from .base import Call, const, fd_path, flags_or_unknown
from .bpf import ebpf_prog
from .bpf_attr import Attr, cstring_field, extra_data
from .fs_stat import makedev_value
from .sockaddr import ifindex_value

Field = tuple[str | None, Value]
InfoAtExit = Callable[[int, int], Value]
"""Given the info address and length read at exit, the info as printed."""

# the prog info counts and addresses whose entry value strace shows when it changed
_PROG_SAVED = ("jited_prog_len", "xlated_prog_len", "nr_map_ids", "nr_jited_ksyms",
               "nr_jited_func_lens", "jited_ksyms", "jited_func_lens", "func_info_rec_size",
               "nr_func_info", "nr_line_info", "jited_line_info", "line_info_rec_size",
               "jited_line_info_rec_size", "nr_prog_tags")
_ADDR_FIELDS = ("jited_ksyms", "jited_func_lens", "jited_line_info")


def _fetch(c: Call, addr: int, size: int) -> bytes | None:
    return c.read(addr, size) if 0 < size <= mmap.PAGESIZE else None


def _boottime(ns: int) -> Value:
    """A boot-time stamp and, as a comment, the approximate local time, to the second
    (strace's print_boottime; -X raw leaves the comment out)."""
    offset = time.clock_gettime_ns(time.CLOCK_REALTIME) - \
        time.clock_gettime_ns(time.CLOCK_BOOTTIME)
    shown = Comment(Int(ns, "u"), LocalTime((ns + offset) // 1_000_000_000, 0))
    return Sym(Int(ns, "u"), shown, verbose=shown)


def _map_info(c: Call, buf: bytes) -> Value:
    a = Attr(A.MAP_INFO, buf)
    f: list[Field] = [
        ("type", const(X.BPF_MAP_TYPES, a["type"], comment="BPF_MAP_TYPE_???")),
        *((n, Int(a[n], "u")) for n in ("id", "key_size", "value_size", "max_entries")),
        ("map_flags", flags_or_unknown(X.BPF_MAP_FLAGS, a["map_flags"], "BPF_F_???"))]
    if a.has("name"):
        f.append(("name", cstring_field(a.chars("name", cut=False))))
        if a.has("ifindex"):
            f += [("ifindex", ifindex_value(a["ifindex"])),
                  ("btf_vmlinux_value_type_id", Int(a["btf_vmlinux_value_type_id"], "u")),
                  ("netns_dev", makedev_value(a["netns_dev"])),
                  ("netns_ino", Int(a["netns_ino"], "u"))]
            if a.has("btf_id"):
                f += [(n, Int(a[n], "u")) for n in ("btf_id", "btf_key_type_id",
                                                    "btf_value_type_id")]
                tail, elided = extra_data(c, buf, A.MAP_INFO.size)
                return Struct(tuple(f + tail), elided)
    return Struct(tuple(f))


def _prog_info(c: Call, buf: bytes, saved: Attr) -> Value:
    a = Attr(A.PROG_INFO, buf)

    def kept(name: str) -> Value:
        show = (lambda v: Addr(v)) if name in _ADDR_FIELDS else (lambda v: Int(v, "u"))
        if saved[name] != a[name]:
            return Changed(show(saved[name]), show(a[name]))
        return show(a[name])

    jited_len = a["jited_prog_len"]
    f: list[Field] = [
        ("type", const(X.BPF_PROG_TYPES, a["type"], comment="BPF_PROG_TYPE_???")),
        ("id", Int(a["id"], "u")), ("tag", Str(a.chars("tag"), hex=True)),
        ("jited_prog_len", kept("jited_prog_len")),
        ("jited_prog_insns", _hex_buf(c, a["jited_prog_insns"], jited_len)),
        ("xlated_prog_len", kept("xlated_prog_len")),
        ("xlated_prog_insns", ebpf_prog(c, a["xlated_prog_insns"],
                                        min(saved["xlated_prog_len"], a["xlated_prog_len"]) // 8))]
    groups: list[tuple[str, Callable[[], list[Field]]]] = [
        ("load_time", lambda: _load_time(c, a, saved, kept)),
        ("ifindex", lambda: [("ifindex", ifindex_value(a["ifindex"])),
                             ("gpl_compatible", Int(a["gpl_compatible"] & 1, "u")),
                             ("netns_dev", makedev_value(a["netns_dev"])),
                             ("netns_ino", Int(a["netns_ino"], "u"))]),
        ("nr_jited_ksyms", lambda: [(n, kept(n)) for n in (
            "nr_jited_ksyms", "nr_jited_func_lens", "jited_ksyms", "jited_func_lens")]),
        ("btf_id", lambda: [
            ("btf_id", Int(a["btf_id"], "u")), ("func_info_rec_size", kept("func_info_rec_size")),
            ("func_info", Addr(a["func_info"])), ("nr_func_info", kept("nr_func_info")),
            ("nr_line_info", kept("nr_line_info")), ("line_info", Addr(a["line_info"])),
            *((n, kept(n)) for n in ("jited_line_info", "nr_jited_line_info",
                                     "line_info_rec_size", "jited_line_info_rec_size",
                                     "nr_prog_tags")),
            ("prog_tags", Addr(a["prog_tags"]))]),
        ("run_time_ns", lambda: [(n, Int(a[n], "u")) for n in ("run_time_ns", "run_cnt")]),
        ("recursion_misses", lambda: [("recursion_misses", Int(a["recursion_misses"], "u"))]),
        ("verified_insns", lambda: [("verified_insns", Int(a["verified_insns"], "u"))])]
    for name, group in groups:
        if not a.has(name):
            return Struct(tuple(f))
        f += group()
    tail, elided = extra_data(c, buf, A.PROG_INFO.size)
    return Struct(tuple(f + tail), elided)


def _load_time(c: Call, a: Attr, saved: Attr,
               kept: Callable[[str], Value]) -> list[Field]:
    return [("load_time", _boottime(a["load_time"])),
            ("created_by_uid", Int(a["created_by_uid"], "u")),
            ("nr_map_ids", kept("nr_map_ids")),
            ("map_ids", tracee_array(c, a["map_ids"], min(saved["nr_map_ids"], a["nr_map_ids"]),
                                     A.U32, lambda g: Int(g[0], "u"))),
            ("name", cstring_field(a.chars("name", cut=False)))]


def _hex_buf(c: Call, addr: int, size: int) -> Value:
    """strace's printstr_ex(..., QUOTE_FORCE_HEX): the bytes in hex, cut at -s."""
    v = c.buf(addr, size)
    return Str(v.data, v.more, hex=True) if isinstance(v, Str) else v


def obj_info(c: Call, fd: int, addr: int, size: int) -> InfoAtExit:
    """At entry: which printer the descriptor calls for, and (for a program) the counts
    the caller passed; the returned function prints the info at exit."""
    kind = fd_path(c.pid, fd) if c.opts.verbose and fd >= 0 else None
    entry = _fetch(c, addr, size) if kind in ("anon_inode:bpf-map", "anon_inode:bpf-prog") \
        else None
    saved = Attr(A.PROG_INFO, entry or b"")

    def at_exit(addr2: int, size2: int) -> Value:
        buf = _fetch(c, addr2, size2) if kind in ("anon_inode:bpf-map",
                                                   "anon_inode:bpf-prog") else None
        if buf is None:
            return Addr(addr2)
        if kind == "anon_inode:bpf-map":
            return _map_info(c, buf)
        return _prog_info(c, buf, saved)
    return at_exit


__all__ = ["obj_info"]
