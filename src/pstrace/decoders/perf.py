"""perf_event_open(2): struct perf_event_attr, pid, cpu, group_fd, flags.

strace counterpart: perf.c (fetch_perf_event_attr, print_perf_event_attr).  strace 6.1
  * reads the attributes at entry: `size` bytes (0 means PERF_ATTR_SIZE_VER0, more than
    it knows means its own VER7 struct), the address when size is below VER0 or the
    memory unreadable; without -v only the part before wakeup_events, and the one-bit
    flags only when set;
  * prints them at exit, with "size=N => M" when the call failed with E2BIG (the kernel
    wrote the size it wants);
  * config by type (hardware and cache events by name, tracepoints in decimal, others
    in hex), sample_freq or sample_period as `freq` says, the bit fields in declaration
    order, then the fields the size covers; ", ..." when the given size was larger than
    what was printed.
"""
from __future__ import annotations

import errno
import struct

from ..values import Addr, Changed, Comment, Int, Note, Or, Shifted, Struct, Sym, Value
from ..xlat import (
    HW_BREAKPOINT_TYPE,
    PERF_ATTR_SIZE,
    PERF_BRANCH_SAMPLE_TYPE,
    PERF_CONSTS,
    PERF_EVENT_OPEN_FLAGS,
    PERF_EVENT_READ_FORMAT,
    PERF_EVENT_SAMPLE_FORMAT,
    PERF_HW_CACHE_ID,
    PERF_HW_CACHE_OP_ID,
    PERF_HW_CACHE_OP_RESULT_ID,
    PERF_HW_ID,
    PERF_SW_IDS,
    PERF_TYPE_ID,
)
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .time import clockid

# struct perf_event_attr as strace 6.1 knows it (<linux/perf_event.h>, up to sig_data):
# type, size, config, sample_period|freq, sample_type, read_format, the bit fields,
# wakeup_events|watermark, bp_type, bp_addr|config1, bp_len|config2, branch_sample_type,
# sample_regs_user, sample_stack_user, clockid, sample_regs_intr, aux_watermark,
# sample_max_stack, __reserved_2, aux_sample_size, __reserved_3, sig_data.
_ATTR = struct.Struct("<IIQQQQQIIQQQQIiQIHHIIQ")
_SIZE_FIELD = struct.Struct("<I")
_SIZE_OFFSET = 4
_WAKEUP_OFFSET = 48          # what strace reads without -v
# offsets of the fields strace prints only when the given size covers them
_OFFSETS = {"bp_len": 64, "branch_sample_type": 72, "sample_regs_user": 80,
            "sample_stack_user": 88, "clockid": 92, "sample_regs_intr": 96,
            "aux_watermark": 104, "sample_max_stack": 108, "__reserved_2": 110,
            "aux_sample_size": 112, "__reserved_3": 116, "sig_data": 120}
# the bit fields of the u64 at offset 40, in declaration order, with their widths
_BITS: tuple[tuple[str, int], ...] = (
    ("disabled", 1), ("inherit", 1), ("pinned", 1), ("exclusive", 1), ("exclude_user", 1),
    ("exclude_kernel", 1), ("exclude_hv", 1), ("exclude_idle", 1), ("mmap", 1),
    ("comm", 1), ("freq", 1), ("inherit_stat", 1), ("enable_on_exec", 1), ("task", 1),
    ("watermark", 1), ("precise_ip", 2), ("mmap_data", 1), ("sample_id_all", 1),
    ("exclude_host", 1), ("exclude_guest", 1), ("exclude_callchain_kernel", 1),
    ("exclude_callchain_user", 1), ("mmap2", 1), ("comm_exec", 1), ("use_clockid", 1),
    ("context_switch", 1), ("write_backward", 1), ("namespaces", 1), ("ksymbol", 1),
    ("bpf_event", 1), ("aux_output", 1), ("cgroup", 1), ("text_poke", 1),
    ("build_id", 1), ("inherit_thread", 1), ("remove_on_exec", 1), ("sigtrap", 1))
_RESERVED_1_SHIFT = sum(w for _, w in _BITS)
_PRECISE_IP = ("arbitrary skid", "constant skid", "requested to have 0 skid",
               "must have 0 skid")

_VER0 = xval(PERF_ATTR_SIZE, "PERF_ATTR_SIZE_VER0")
_HW_MASK = xval(PERF_CONSTS, "PERF_HW_EVENT_MASK")
_HARDWARE, _SOFTWARE, _TRACEPOINT, _HW_CACHE, _BREAKPOINT = (xval(PERF_TYPE_ID, n) for n in (
    "PERF_TYPE_HARDWARE", "PERF_TYPE_SOFTWARE", "PERF_TYPE_TRACEPOINT", "PERF_TYPE_HW_CACHE",
    "PERF_TYPE_BREAKPOINT"))
_BP_VALID = xval(HW_BREAKPOINT_TYPE, "HW_BREAKPOINT_X") | xval(HW_BREAKPOINT_TYPE,
                                                               "HW_BREAKPOINT_RW")
_BRANCH_STACK = xval(PERF_EVENT_SAMPLE_FORMAT, "PERF_SAMPLE_BRANCH_STACK")
_STACK_USER = xval(PERF_EVENT_SAMPLE_FORMAT, "PERF_SAMPLE_STACK_USER")


def _size_value(size: int) -> Value:
    return const(PERF_ATTR_SIZE, size, comment="PERF_ATTR_SIZE_???")


def _bp_type(bp_type: int) -> Value:
    """By name; an unknown one with "HW_BREAKPOINT_INVALID" for combinations of the
    known bits (R/W with X), dropped under -X raw like any "???" comment."""
    if HW_BREAKPOINT_TYPE.name(bp_type) is not None:
        return const(HW_BREAKPOINT_TYPE, bp_type)
    text = "HW_BREAKPOINT_INVALID" if bp_type <= _BP_VALID else "HW_BREAKPOINT_???"
    return Sym(Int(bp_type, "x"), Comment(Int(bp_type, "x"), text), Note(text))


def _config(kind: int, config: int) -> Value:
    if kind == _SOFTWARE:
        return const(PERF_SW_IDS, config, comment="PERF_COUNT_SW_???")
    if kind == _TRACEPOINT:
        return Int(config, "u")
    if kind not in (_HARDWARE, _HW_CACHE):
        return Int(config, "x")
    parts: list[Value] = []
    if config >> 32:
        parts.append(Shifted(Int(config >> 32, "x"), 32))
    if kind == _HARDWARE:
        return Or((*parts, const(PERF_HW_ID, config & _HW_MASK, comment="PERF_COUNT_HW_???")))
    if (config & _HW_MASK) >> 24:
        parts.append(Shifted(Int((config & _HW_MASK) >> 24, "x"), 24))
    parts += [Shifted(const(PERF_HW_CACHE_OP_RESULT_ID, (config >> 16) & 0xFF,
                            comment="PERF_COUNT_HW_CACHE_RESULT_???"), 16),
              Shifted(const(PERF_HW_CACHE_OP_ID, (config >> 8) & 0xFF,
                            comment="PERF_COUNT_HW_CACHE_OP_???"), 8),
              const(PERF_HW_CACHE_ID, config & 0xFF, comment="PERF_COUNT_HW_CACHE_???")]
    return Or(tuple(parts))


def _bit_fields(bits: int, verbose: bool) -> list[tuple[str | None, Value]]:
    out: list[tuple[str | None, Value]] = []
    shift = 0
    for name, width in _BITS:
        v = (bits >> shift) & ((1 << width) - 1)
        shift += width
        if name == "precise_ip":
            out.append((name, Comment(Int(v, "u"), _PRECISE_IP[v], keep=True)))
        elif verbose or v:
            out.append((name, Int(v, "u")))
    if bits >> _RESERVED_1_SHIFT:
        out.append(("__reserved_1", Comment(Int(bits >> _RESERVED_1_SHIFT, "x"), "Bits 63..38",
                                            keep=True)))
    return out


def _attr(raw: bytes, size: int, new_size: int | None, verbose: bool) -> Value:
    (kind, given, config, period, sample_type, read_format, bits, wakeup, bp_type, config1,
     config2, branch, regs_user, stack_user, clock, regs_intr, aux_watermark, max_stack,
     reserved_2, aux_sample_size, reserved_3, sig_data) = _ATTR.unpack(
         raw.ljust(_ATTR.size, b"\0"))
    size_v = _size_value(given)
    f: list[tuple[str | None, Value]] = [
        ("type", const(PERF_TYPE_ID, kind, comment="PERF_TYPE_???")),
        ("size", size_v if new_size is None else Changed(size_v, _size_value(new_size))),
        ("config", _config(kind, config)),
        ("sample_freq" if bits >> 10 & 1 else "sample_period", Int(period, "u")),
        ("sample_type", flags_or_unknown(PERF_EVENT_SAMPLE_FORMAT, sample_type,
                                         "PERF_SAMPLE_???", 64)),
        ("read_format", flags_or_unknown(PERF_EVENT_READ_FORMAT, read_format,
                                         "PERF_FORMAT_???", 64)),
        *_bit_fields(bits, verbose)]
    if verbose:
        bp = kind == _BREAKPOINT
        f.append(("wakeup_watermark" if bits >> 14 & 1 else "wakeup_events", Int(wakeup, "u")))
        if bp:
            f.append(("bp_type", _bp_type(bp_type)))
        f.append(("bp_addr" if bp else "config1", Int(config1, "x")))
        covered = [name for name, off in _OFFSETS.items() if off < size]
        tail: list[tuple[str, Value]] = [
            ("bp_len", Int(config2, "u")) if bp else ("config2", Int(config2, "x"))]
        if sample_type & _BRANCH_STACK:
            tail.append(("branch_sample_type", flags_or_unknown(
                PERF_BRANCH_SAMPLE_TYPE, branch, "PERF_SAMPLE_BRANCH_???", 64)))
        tail.append(("sample_regs_user", Int(regs_user, "x")))
        if sample_type & _STACK_USER:
            tail.append(("sample_stack_user", Int(stack_user, "x")))
        if bits >> 25 & 1:   # use_clockid
            tail.append(("clockid", clockid(clock)))
        # __reserved_2/3, when set and covered, are a comment after the field before them
        max_stack_v: Value = Int(max_stack, "u")
        if reserved_2 and "__reserved_2" in covered:
            max_stack_v = Comment(max_stack_v, f"bytes 110..111: {reserved_2:#x}", keep=True)
        aux_size_v: Value = Int(aux_sample_size, "u")
        if reserved_3 and "__reserved_3" in covered:
            aux_size_v = Comment(aux_size_v, f"bytes 116..119: {reserved_3:#x}", keep=True)
        tail += [("sample_regs_intr", Int(regs_intr, "x")),
                 ("aux_watermark", Int(aux_watermark, "u")),
                 ("sample_max_stack", max_stack_v),
                 ("aux_sample_size", aux_size_v),
                 ("sig_data", Int(sig_data, "x"))]
        f += [(name, v) for name, v in tail if {"config2": "bp_len"}.get(name, name) in covered]
    more = given > size if given else size < _VER0
    return Struct(tuple(f), elided=more)


def _fetch(c: Call, addr: int) -> tuple[bytes, int] | None:
    """The attributes as strace reads them at entry, and how many bytes it read."""
    # strace's umoven of the size field: a field cut by an unmapped page warns
    got = c.fetch(addr + _SIZE_OFFSET, 4) if addr and c.opts.deref else None
    if got is None:
        return None
    size = min(_SIZE_FIELD.unpack(got)[0], _ATTR.size) or _VER0
    if size < _VER0:
        return None
    if not c.opts.verbose:
        size = _WAKEUP_OFFSET
    raw = c.read(addr, size)
    return None if raw is None else (raw, size)


def attr_at(c: Call, addr: int) -> Value:
    """The struct perf_event_attr at addr as strace prints it when no size comes back
    (PERF_EVENT_IOC_MODIFY_ATTRIBUTES too), or the address."""
    fetched = _fetch(c, addr)
    return Addr(addr) if fetched is None else _attr(*fetched, None, c.opts.verbose)


@decoder("perf_event_open")
def _perf_event_open(c: Call) -> DecodeGen:
    addr = c.args[0]
    fetched = _fetch(c, addr)
    yield []
    attr: Value
    if fetched is None:
        attr = c.ptr(0)
    else:
        new_size = None
        if c.error == errno.E2BIG:
            got = c.read(addr + _SIZE_OFFSET, 4)
            new_size = None if got is None else _SIZE_FIELD.unpack(got)[0]
        attr = _attr(*fetched, new_size, c.opts.verbose)
    return [attr, Int(s32(c.args[1])), Int(s32(c.args[2])), c.fd(3),
            flags_or_unknown(PERF_EVENT_OPEN_FLAGS, c.args[4], "PERF_FLAG_???", 64)]


__all__ = ["attr_at"]
