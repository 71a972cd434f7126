"""bpf(2): the command by name, its union bpf_attr, and the size.

strace counterpart: bpf.c (SYS_FUNC(bpf), the BEGIN_BPF_CMD_DECODER blocks).  strace 6.1
reads `size` bytes of the attributes (none when size is 0 or more than a page, or the
command has no decoder: then the address), prints the fields of the command's part of
the union that `size` covers (fields the kernel added later are left out of a shorter
size), and after them ", ..." (-v: extra_data="\\x..." /* bytes N..M */) when bytes past
its own struct are not zero.

Decoded so far: BPF_PROG_LOAD (its instructions print as their address: the eBPF
instruction printer is not written yet).  Other commands print the address of their
attributes.
"""
from __future__ import annotations

import mmap
import struct
from collections.abc import Callable

from ..values import Addr, Comment, Func, Int, Str, Struct, Sym, Value
from ..xlat import BPF_ATTACH_TYPE, BPF_COMMANDS, BPF_PROG_FLAGS, BPF_PROG_TYPES
from .base import Call, DecodeGen, const, decoder, flags_or_unknown
from .sockaddr import ifindex_value

Field = tuple[str | None, Value]
# BPF_PROG_LOAD's part of union bpf_attr (<linux/bpf.h>, as strace 6.1 knows it, up to
# fd_array): prog_type, insn_cnt, insns, license, log_level, log_size, log_buf,
# kern_version, prog_flags, prog_name[16], prog_ifindex, expected_attach_type,
# prog_btf_fd, func_info_rec_size, func_info, func_info_cnt, line_info_rec_size,
# line_info, line_info_cnt, attach_btf_id, attach_prog_fd, (padding), fd_array.
_PROG_LOAD = struct.Struct("<IIQQIIQII16sIIIIQIIQIII4xQ")
# offsets at which strace stops when the given size ends there or before
_PROG_LOAD_STOPS = {"log_level": 24, "kern_version": 40, "prog_flags": 44,
                    "prog_name": 48, "prog_ifindex": 64, "expected_attach_type": 68,
                    "prog_btf_fd": 72, "attach_btf_id": 108, "attach_prog_fd": 112,
                    "fd_array": 120}
_PROG_NAME_OFFSET = 48
_PROG_NAME_LEN = 16


def kernel_version(v: int) -> Value:
    """KERNEL_VERSION(major, minor, patch); -X raw the number, -X verbose both."""
    return Sym(Int(v, "x"), Func("KERNEL_VERSION", (Int(v >> 16, "u"), Int(v >> 8 & 0xFF, "u"),
                                                    Int(v & 0xFF, "u"))))


def cstring_field(raw: bytes) -> Value:
    """A char array: up to its NUL; without one, all but its last byte and "..."."""
    end = raw.find(b"\0")
    return Str(raw[:-1], more=True) if end < 0 else Str(raw[:end])


def _log_buf(c: Call, addr: int, size: int) -> Value:
    """strace's printstr_ex(..., QUOTE_0_TERMINATED): at most `size` bytes, to the NUL."""
    if not addr:
        return Addr(0)
    limit = c.opts.max_strlen
    data = c.read(addr, min(size, limit + 1)) if size else b""
    if data is None:
        return Addr(addr)
    end = data.find(b"\0")
    if end >= 0:
        return Str(data[:min(end, limit)], more=end > limit)
    return Str(data[:limit], more=size > limit or len(data) > 0 and size == len(data))


def _prog_load(c: Call, raw: bytes, size: int) -> list[Field]:
    (prog_type, insn_cnt, insns, license_, log_level, log_size, log_buf, kern_version_,
     prog_flags, _name, prog_ifindex, attach_type, btf_fd, func_rec_size, func_info,
     func_cnt, line_rec_size, line_info, line_cnt, attach_btf_id, attach_prog_fd,
     fd_array) = _PROG_LOAD.unpack(raw.ljust(_PROG_LOAD.size, b"\0")[:_PROG_LOAD.size])
    f: list[Field] = [
        ("prog_type", const(BPF_PROG_TYPES, prog_type, comment="BPF_PROG_TYPE_???")),
        ("insn_cnt", Int(insn_cnt, "u")), ("insns", Addr(insns)),
        ("license", c.str_at(license_))]
    groups: list[tuple[str, Callable[[], list[Field]]]] = [
        ("log_level", lambda: [("log_level", Int(log_level, "u")),
                               ("log_size", Int(log_size, "u")),
                               ("log_buf", _log_buf(c, log_buf, log_size))]),
        ("kern_version", lambda: [("kern_version", kernel_version(kern_version_))]),
        ("prog_flags", lambda: [("prog_flags", flags_or_unknown(BPF_PROG_FLAGS, prog_flags,
                                                                "BPF_F_???"))]),
        ("prog_name", lambda: [("prog_name", cstring_field(
            raw[_PROG_NAME_OFFSET:_PROG_NAME_OFFSET + min(_PROG_NAME_LEN,
                                                          size - _PROG_NAME_OFFSET)]))]),
        ("prog_ifindex", lambda: [("prog_ifindex", ifindex_value(prog_ifindex))]),
        ("expected_attach_type", lambda: [("expected_attach_type", const(
            BPF_ATTACH_TYPE, attach_type, comment="BPF_???"))]),
        ("prog_btf_fd", lambda: [
            ("prog_btf_fd", c.fd_value(btf_fd)), ("func_info_rec_size", Int(func_rec_size, "u")),
            ("func_info", Addr(func_info)), ("func_info_cnt", Int(func_cnt, "u")),
            ("line_info_rec_size", Int(line_rec_size, "u")), ("line_info", Addr(line_info)),
            ("line_info_cnt", Int(line_cnt, "u"))]),
        ("attach_btf_id", lambda: [("attach_btf_id", Int(attach_btf_id, "u"))]),
        ("attach_prog_fd", lambda: [("attach_prog_fd", c.fd_value(attach_prog_fd))]),
        ("fd_array", lambda: [("fd_array", Addr(fd_array))])]
    for name, fields in groups:
        if size <= _PROG_LOAD_STOPS[name]:
            break
        f += fields()
    return f


# command -> (its decoder, the size of its struct in strace 6.1)
_DECODERS: dict[str, tuple[Callable[[Call, bytes, int], list[Field]], int]] = {
    "BPF_PROG_LOAD": (_prog_load, _PROG_LOAD.size),
}


def _extra(c: Call, raw: bytes, struct_size: int) -> list[Field]:
    """Nonzero bytes past the command's struct."""
    tail = raw[struct_size:]
    if not tail.strip(b"\0"):
        return []
    if not c.opts.verbose:
        return []     # the caller marks the struct elided
    return [("extra_data", Comment(Str(tail, hex=True),
                                   f"bytes {struct_size}..{struct_size + len(tail) - 1}"))]


@decoder("bpf")
def _bpf(c: Call) -> DecodeGen:
    cmd, addr, size = c.args[0] & 0xFFFFFFFF, c.args[1], c.args[2] & 0xFFFFFFFF
    name = BPF_COMMANDS.name(cmd)
    head = const(BPF_COMMANDS, cmd, comment="BPF_???")
    entry = _DECODERS.get(name or "")
    raw = c.read(addr, size) if entry and 0 < size <= mmap.PAGESIZE else None
    yield []
    if entry is None or raw is None:
        return [head, Addr(addr), Int(size, "u")]
    func, struct_size = entry
    if not c.failed:
        c.rval = c.fd_value(c.ret)     # these commands return a new descriptor (-y)
    fields = func(c, raw, size) + _extra(c, raw, struct_size)
    elided = not c.opts.verbose and bool(raw[struct_size:].strip(b"\0"))
    return [head, Struct(tuple(fields), elided), Int(size, "u")]


__all__ = ["kernel_version"]
