"""bpf(2): the command by name, its part of union bpf_attr, and the size.

strace counterpart: bpf.c (SYS_FUNC(bpf), the BEGIN_BPF_CMD_DECODER blocks).  strace 6.1
reads `size` bytes of the attributes (none when size is 0 or more than a page, or the
command has no decoder: then the address), prints the fields of the command's part of
the union that `size` reaches (fields the kernel added later are left out of a shorter
size, bpf_attr.py), and after them ", ..." (-v: extra_data="\\x..." /* bytes N..M */)
when bytes past its own struct are not zero.  Most commands print at entry; those the
kernel answers in the attributes (the *_GET_NEXT_ID ones, PROG_QUERY, TASK_FD_QUERY,
OBJ_GET_INFO_BY_FD, the batch ones) read them again at exit and show what changed.
"""
from __future__ import annotations

import mmap
from collections.abc import Callable

from .. import xlat as X
from ..values import Addr, Changed, Comment, Const, Func, Int, Str, Struct, Sym, Value
from . import bpf_attr as A
from ._bounded import bounded_cstr
from ._fs_common import tracee_array, xval
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .bpf import ebpf_prog
from .bpf_attr import Attr, Layout, cstring_field, extra_data
from .bpf_info import obj_info
from .sockaddr import ifindex_value

Field = tuple[str | None, Value]
Exit = Callable[[bytes], Value]
"""The second half of a command decoded at exit: given the attributes read again."""


def kernel_version(v: int) -> Value:
    """KERNEL_VERSION(major, minor, patch); -X raw the number, -X verbose both."""
    return Sym(Int(v, "x"), Func("KERNEL_VERSION", (Int(v >> 16, "u"), Int(v >> 8 & 0xFF, "u"),
                                                    Int(v & 0xFF, "u"))))


class _Fields:
    """The fields of one struct as strace's PRINT_FIELD_* macros print them."""

    def __init__(self, c: Call, a: Attr) -> None:
        self.c, self.a = c, a
        self.out: list[Field] = []

    def add(self, name: str, v: Value) -> _Fields:
        self.out.append((name, v))
        return self

    def u(self, *names: str) -> _Fields:
        for n in names:
            self.add(n, Int(self.a[n], "u"))
        return self

    def x(self, *names: str) -> _Fields:
        for n in names:
            self.add(n, Int(self.a[n], "x"))
        return self

    def addr(self, *names: str) -> _Fields:
        for n in names:
            self.add(n, Addr(self.a[n]))
        return self

    def fd(self, *names: str) -> _Fields:
        for n in names:
            self.add(n, self.c.fd_value(s32(self.a[n])))
        return self

    def flags(self, name: str, table: X.Xlat, unknown: str, bits: int = 32) -> _Fields:
        """printflags: names|0xrest; 0 prints as the name of 0 when the table has one."""
        v = self.a[name]
        zero = table.name(0) if not v else None
        return self.add(name, Const(zero, 0) if zero else
                        flags_or_unknown(table, v, unknown, bits))

    def xval(self, name: str, table: X.Xlat, unknown: str) -> _Fields:
        return self.add(name, const(table, self.a[name], comment=unknown))

    def cstring(self, name: str) -> _Fields:
        return self.add(name, cstring_field(self.a.chars(name)))


def _struct(c: Call, raw: bytes, f: _Fields, attr_size: int | None = None,
            wrap: str | None = None) -> Value:
    """The fields (in a named inner struct when `wrap`), then the extra data."""
    size = f.a.layout.size if attr_size is None else attr_size
    fields = [(wrap, Struct(tuple(f.out)))] if wrap else f.out
    tail, elided = extra_data(c, raw, size)
    return Struct(tuple(fields + tail), elided)


def _numa_node(v: int) -> Value:
    """strace forces the verbose style: 4294967295 /* NUMA_NO_NODE */ (-X raw: the number)."""
    name = X.NUMA_NODE.name(v)
    if name is None:
        return Int(v, "u")
    shown = Comment(Int(v, "u"), name, keep=True)
    return Sym(Int(v, "u"), shown, verbose=shown)


def _map_create(c: Call, raw: bytes) -> Value:
    a = Attr(A.MAP_CREATE, raw)
    f = _Fields(c, a).xval("map_type", X.BPF_MAP_TYPES, "BPF_MAP_TYPE_???")
    f.u("key_size", "value_size", "max_entries")
    if a.has("map_flags"):
        f.flags("map_flags", X.BPF_MAP_FLAGS, "BPF_F_???")
        if a.has("inner_map_fd"):
            f.fd("inner_map_fd")
            if a.has("numa_node") and a["map_flags"] & xval(X.BPF_MAP_FLAGS, "BPF_F_NUMA_NODE"):
                f.add("numa_node", _numa_node(a["numa_node"]))
            if a.has("map_name"):
                f.cstring("map_name")
                if a.has("map_ifindex"):
                    f.add("map_ifindex", ifindex_value(a["map_ifindex"]))
                    if a.has("btf_fd"):
                        f.fd("btf_fd").u("btf_key_type_id", "btf_value_type_id")
                        if a.has("btf_vmlinux_value_type_id"):
                            f.u("btf_vmlinux_value_type_id")
                            if a.has("map_extra"):
                                f.u("map_extra")
    return _struct(c, raw, f)


def _map_elem(update: bool) -> Callable[[Call, bytes], Value]:
    def decode(c: Call, raw: bytes) -> Value:
        a = Attr(A.MAP_ELEM, raw)
        f = _Fields(c, a).fd("map_fd").addr("key", "value")
        if update:
            f.xval("flags", X.BPF_MAP_UPDATE_ELEM_FLAGS, "BPF_???")
        elif a.has("flags"):
            f.flags("flags", X.BPF_MAP_LOOKUP_ELEM_FLAGS, "BPF_???", 64)
        return _struct(c, raw, f)
    return decode


def _simple(layout: Layout, build: Callable[[_Fields], object],
            wrap: str | None = None) -> Callable[[Call, bytes], Value]:
    """A command whose fields all print at entry, whatever the size."""
    def decode(c: Call, raw: bytes) -> Value:
        f = _Fields(c, Attr(layout, raw))
        build(f)
        return _struct(c, raw, f, wrap=wrap)
    return decode


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


def _prog_load(c: Call, raw: bytes) -> Value:
    a = Attr(A.PROG_LOAD, raw)
    f = _Fields(c, a).xval("prog_type", X.BPF_PROG_TYPES, "BPF_PROG_TYPE_???").u("insn_cnt")
    f.add("insns", ebpf_prog(c, a["insns"], a["insn_cnt"]))
    f.add("license", c.str_at(a["license"]))
    steps: list[tuple[str, Callable[[], object]]] = [
        ("log_level", lambda: f.u("log_level", "log_size").add(
            "log_buf", _log_buf(c, a["log_buf"], a["log_size"]))),
        ("kern_version", lambda: f.add("kern_version", kernel_version(a["kern_version"]))),
        ("prog_flags", lambda: f.flags("prog_flags", X.BPF_PROG_FLAGS, "BPF_F_???")),
        ("prog_name", lambda: f.cstring("prog_name")),
        ("prog_ifindex", lambda: f.add("prog_ifindex", ifindex_value(a["prog_ifindex"]))),
        ("expected_attach_type", lambda: f.xval("expected_attach_type", X.BPF_ATTACH_TYPE,
                                                "BPF_???")),
        ("prog_btf_fd", lambda: f.fd("prog_btf_fd").u("func_info_rec_size").addr(
            "func_info").u("func_info_cnt", "line_info_rec_size").addr("line_info").u(
            "line_info_cnt")),
        ("attach_btf_id", lambda: f.u("attach_btf_id")),
        ("attach_prog_fd", lambda: f.fd("attach_prog_fd")),
        ("fd_array", lambda: f.addr("fd_array"))]
    for name, step in steps:
        if not a.has(name):
            break
        step()
    return _struct(c, raw, f)


def _obj_pin(c: Call, raw: bytes) -> Value:
    a = Attr(A.OBJ_PIN, raw)
    f = _Fields(c, a).add("pathname", c.path_at(a["pathname"])).fd("bpf_fd")
    if a.has("file_flags"):
        f.flags("file_flags", X.BPF_FILE_MODE_FLAGS, "BPF_F_???")
    return _struct(c, raw, f)


def _prog_attach(c: Call, raw: bytes) -> Value:
    a = Attr(A.PROG_ATTACH, raw)
    f = _Fields(c, a).fd("target_fd", "attach_bpf_fd").xval(
        "attach_type", X.BPF_ATTACH_TYPE, "BPF_???").flags(
        "attach_flags", X.BPF_ATTACH_FLAGS, "BPF_F_???")
    if a.has("replace_bpf_fd"):
        f.fd("replace_bpf_fd")
    return _struct(c, raw, f)


def _prog_test_run(c: Call, raw: bytes) -> Value:
    a = Attr(A.PROG_TEST_RUN, raw)
    f = _Fields(c, a).fd("prog_fd").u("retval", "data_size_in", "data_size_out").addr(
        "data_in", "data_out").u("repeat", "duration")
    if a.has("ctx_size_in"):
        f.u("ctx_size_in", "ctx_size_out").addr("ctx_in", "ctx_out")
    if a.has("flags"):
        f.flags("flags", X.BPF_TEST_RUN_FLAGS, "BPF_F_???").u("cpu")
    if a.has("batch_size"):
        f.u("batch_size")
    return _struct(c, raw, f, wrap="test")


def _get_fd_by_id(layout: Layout, id_name: str) -> Callable[[Call, bytes], Value]:
    def decode(c: Call, raw: bytes) -> Value:
        a = Attr(layout, raw)
        f = _Fields(c, a).u(id_name, "next_id")
        if a.has("open_flags"):
            f.flags("open_flags", X.BPF_FILE_MODE_FLAGS, "BPF_F_???")
        return _struct(c, raw, f)
    return decode


def _raw_tracepoint_open(c: Call, raw: bytes) -> Value:
    a = Attr(A.RAW_TRACEPOINT_OPEN, raw)
    tp_name_size = 128    # strace's TP_NAME_SIZE: a name read up to 128 bytes
    f = _Fields(c, a).add("name", bounded_cstr(c, a["name"], tp_name_size)).fd("prog_fd")
    return _struct(c, raw, f, wrap="raw_tracepoint")


def _btf_load(c: Call, raw: bytes) -> Value:
    a = Attr(A.BTF_LOAD, raw)
    f = _Fields(c, a).add("btf", c.buf(a["btf"], a["btf_size"])).addr("btf_log_buf").u(
        "btf_size", "btf_log_size", "btf_log_level")
    return _struct(c, raw, f)


def _iter_info(c: Call, addr: int, count: int) -> Value:
    return tracee_array(c, addr, count, A.U32, lambda got: Struct((("map", Struct((
        ("map_fd", c.fd_value(s32(got[0]))),))),)))


def _link_create(c: Call, raw: bytes) -> Value:
    a = Attr(A.LINK_CREATE, raw)
    f = _Fields(c, a).fd("prog_fd", "target_fd").xval(
        "attach_type", X.BPF_ATTACH_TYPE, "BPF_???").x("flags")
    if not a.has("target_btf_id"):
        return _struct(c, raw, f, wrap="link_create")
    kind = X.BPF_ATTACH_TYPE.name(a["attach_type"]) if a["attach_type"] else "0"
    cut = raw[:a.len]
    if kind == "0":
        if a["target_btf_id"]:
            f.u("target_btf_id")
        end = A.LINK_CREATE.offset("target_btf_id") + 4
    elif kind == "BPF_TRACE_ITER":
        it = Attr(A.LINK_CREATE_ITER, cut)
        f.add("iter_info", _iter_info(c, it["iter_info"], it["iter_info_len"]))
        f.add("iter_info_len", Int(it["iter_info_len"], "u"))
        end = A.LINK_CREATE_ITER.size
    elif kind == "BPF_PERF_EVENT":
        pe = Attr(A.LINK_CREATE_PERF, cut)
        f.add("perf_event", Struct((("bpf_cookie", Int(pe["bpf_cookie"], "x")),)))
        end = A.LINK_CREATE_PERF.size
    elif kind == "BPF_TRACE_KPROBE_MULTI":
        k = Attr(A.LINK_CREATE_KPROBE, cut)
        cnt = k["cnt"]
        f.add("kprobe_multi", Struct((
            ("flags", flags_or_unknown(X.BPF_LINK_CREATE_KPROBE_MULTI_FLAGS, k["kflags"],
                                       "BPF_F_???")),
            ("cnt", Int(cnt, "u")),
            ("syms", tracee_array(c, k["syms"], cnt, A.U64, lambda g: c.str_at(g[0]))),
            ("addrs", tracee_array(c, k["addrs"], cnt, A.U64, lambda g: Int(g[0], "x"))),
            ("cookies", tracee_array(c, k["cookies"], cnt, A.U64,
                                     lambda g: Int(g[0], "x"))))))
        end = A.LINK_CREATE_KPROBE.size
    else:
        end = A.LINK_CREATE.offset("target_btf_id")
    return _struct(c, raw, f, end, wrap="link_create")


def _link_update(c: Call, raw: bytes) -> Value:
    a = Attr(A.LINK_UPDATE, raw)
    f = _Fields(c, a).fd("link_fd", "new_prog_fd").flags("flags", X.BPF_ATTACH_FLAGS,
                                                          "BPF_F_???")
    if a["flags"] & xval(X.BPF_ATTACH_FLAGS, "BPF_F_REPLACE"):
        f.fd("old_prog_fd")
    return _struct(c, raw, f, wrap="link_update")


def _changed_u(before: int, after: int) -> Value:
    return Int(after, "u") if before == after else Changed(Int(before, "u"), Int(after, "u"))


def _get_next_id(c: Call, raw: bytes) -> Exit:
    before = Attr(A.GET_NEXT_ID, raw)

    def done(raw2: bytes) -> Value:
        a = Attr(A.GET_NEXT_ID, raw2)
        f = _Fields(c, a).u("start_id")
        f.add("next_id", _changed_u(before["next_id"], a["next_id"]))
        if not a.has("open_flags"):
            return Struct(tuple(f.out))
        f.flags("open_flags", X.BPF_FILE_MODE_FLAGS, "BPF_F_???")
        return _struct(c, raw2, f)
    return done


def _obj_get_info_by_fd(c: Call, raw: bytes) -> Exit:
    before = Attr(A.OBJ_GET_INFO_BY_FD, raw)
    info_exit = obj_info(c, s32(before["bpf_fd"]), before["info"], before["info_len"])

    def done(raw2: bytes) -> Value:
        a = Attr(A.OBJ_GET_INFO_BY_FD, raw2)
        f = _Fields(c, a).fd("bpf_fd")
        f.add("info_len", _changed_u(before["info_len"], a["info_len"]))
        f.add("info", info_exit(a["info"], a["info_len"]))
        return _struct(c, raw2, f, wrap="info")
    return done


def _prog_query(c: Call, raw: bytes) -> Exit:
    before = Attr(A.PROG_QUERY, raw)

    def done(raw2: bytes) -> Value:
        a = Attr(A.PROG_QUERY, raw2)
        f = _Fields(c, before).fd("target_fd").xval(
            "attach_type", X.BPF_ATTACH_TYPE, "BPF_???").flags(
            "query_flags", X.BPF_QUERY_FLAGS, "BPF_F_QUERY_???").flags(
            "attach_flags", X.BPF_ATTACH_FLAGS, "BPF_F_???")
        f.add("prog_ids", tracee_array(c, a["prog_ids"], a["prog_cnt"], A.U32,
                                       lambda g: Int(g[0], "u"), output=True))
        f.add("prog_cnt", _changed_u(before["prog_cnt"], a["prog_cnt"]))
        return _struct(c, raw2, f, wrap="query")
    return done


def _task_fd_query(c: Call, raw: bytes) -> Exit:
    before = Attr(A.TASK_FD_QUERY, raw)

    def done(raw2: bytes) -> Value:
        a = Attr(A.TASK_FD_QUERY, raw2)
        f = _Fields(c, before).add("pid", c.pid_value(s32(before["pid"]))).fd("fd").u(
            "flags")
        f.add("buf_len", _changed_u(before["buf_len"], a["buf_len"]))
        f.a = a
        f.add("buf", bounded_cstr(c, a["buf"], min(before["buf_len"], a["buf_len"])))
        f.u("prog_id").xval("fd_type", X.BPF_TASK_FD_TYPE, "BPF_FD_TYPE_???").x(
            "probe_offset", "probe_addr")
        return _struct(c, raw2, f, wrap="task_fd_query")
    return done


def _batch(names: tuple[str, ...]) -> Callable[[Call, bytes], Exit]:
    """MAP_*_BATCH: the fields at entry, then "=> {batch={count=N}}" when count changed."""
    def decode(c: Call, raw: bytes) -> Exit:
        a = Attr(A.MAP_LOOKUP_BATCH, raw)
        f = _Fields(c, a)
        for n in names:
            if n == "count":
                f.u(n)
            elif n == "map_fd":
                f.fd(n)
            else:
                f.addr(n)
        f.flags("elem_flags", X.BPF_MAP_LOOKUP_ELEM_FLAGS, "BPF_???", 64).x("flags")
        entry = _struct(c, raw, f, wrap="batch")

        def done(raw2: bytes) -> Value:
            after = Attr(A.MAP_LOOKUP_BATCH, raw2)["count"]
            if after == a["count"]:
                return entry
            return Changed(entry, Struct((("batch", Struct((("count", Int(after, "u")),))),)))
        return done
    return decode


_ENTRY: dict[str, Callable[[Call, bytes], Value]] = {
    "BPF_MAP_CREATE": _map_create,
    "BPF_MAP_LOOKUP_ELEM": _map_elem(False),
    "BPF_MAP_LOOKUP_AND_DELETE_ELEM": _map_elem(False),
    "BPF_MAP_UPDATE_ELEM": _map_elem(True),
    "BPF_MAP_DELETE_ELEM": _simple(A.MAP_DELETE_ELEM, lambda f: f.fd("map_fd").addr("key")),
    "BPF_MAP_GET_NEXT_KEY": _simple(A.MAP_GET_NEXT_KEY,
                                    lambda f: f.fd("map_fd").addr("key", "next_key")),
    "BPF_MAP_FREEZE": _simple(A.MAP_FREEZE, lambda f: f.fd("map_fd")),
    "BPF_PROG_LOAD": _prog_load,
    "BPF_OBJ_PIN": _obj_pin,
    "BPF_OBJ_GET": _obj_pin,
    "BPF_PROG_ATTACH": _prog_attach,
    "BPF_PROG_DETACH": _simple(A.PROG_DETACH, lambda f: f.fd("target_fd").xval(
        "attach_type", X.BPF_ATTACH_TYPE, "BPF_???")),
    "BPF_PROG_TEST_RUN": _prog_test_run,
    "BPF_PROG_GET_FD_BY_ID": _get_fd_by_id(A.PROG_GET_FD_BY_ID, "prog_id"),
    "BPF_MAP_GET_FD_BY_ID": _get_fd_by_id(A.MAP_GET_FD_BY_ID, "map_id"),
    "BPF_RAW_TRACEPOINT_OPEN": _raw_tracepoint_open,
    "BPF_BTF_LOAD": _btf_load,
    "BPF_BTF_GET_FD_BY_ID": _simple(A.BTF_GET_FD_BY_ID, lambda f: f.u("btf_id")),
    "BPF_LINK_CREATE": _link_create,
    "BPF_LINK_UPDATE": _link_update,
    "BPF_LINK_GET_FD_BY_ID": _simple(A.LINK_GET_FD_BY_ID, lambda f: f.u("link_id")),
}
_AT_EXIT: dict[str, Callable[[Call, bytes], Exit]] = {
    "BPF_PROG_GET_NEXT_ID": _get_next_id,
    "BPF_MAP_GET_NEXT_ID": _get_next_id,
    "BPF_BTF_GET_NEXT_ID": _get_next_id,
    "BPF_LINK_GET_NEXT_ID": _get_next_id,
    "BPF_OBJ_GET_INFO_BY_FD": _obj_get_info_by_fd,
    "BPF_PROG_QUERY": _prog_query,
    "BPF_TASK_FD_QUERY": _task_fd_query,
    "BPF_MAP_LOOKUP_BATCH": _batch(("in_batch", "out_batch", "keys", "values", "count",
                                    "map_fd")),
    "BPF_MAP_LOOKUP_AND_DELETE_BATCH": _batch(("in_batch", "out_batch", "keys", "values",
                                               "count", "map_fd")),
    "BPF_MAP_UPDATE_BATCH": _batch(("keys", "values", "count", "map_fd")),
    "BPF_MAP_DELETE_BATCH": _batch(("keys", "count", "map_fd")),
}
# the commands whose return value strace prints as a descriptor (RVAL_FD)
_RETURNS_FD = frozenset({
    "BPF_MAP_CREATE", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET", "BPF_PROG_GET_FD_BY_ID",
    "BPF_MAP_GET_FD_BY_ID", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID", "BPF_LINK_CREATE",
    "BPF_LINK_GET_FD_BY_ID"})


@decoder("bpf")
def _bpf(c: Call) -> DecodeGen:
    cmd, addr, size = c.args[0] & 0xFFFFFFFF, c.args[1], c.args[2] & 0xFFFFFFFF
    name = X.BPF_COMMANDS.name(cmd) or ""
    head = const(X.BPF_COMMANDS, cmd, comment="BPF_???")
    known = name in _ENTRY or name in _AT_EXIT
    raw = c.read(addr, size) if known and 0 < size <= mmap.PAGESIZE else None
    if raw is None or name in _ENTRY:
        # decoded whole at entry: nothing follows at exit (the ", " is not printed)
        c.sep_late = True
        yield [head, Addr(addr) if raw is None else _ENTRY[name](c, raw), Int(size, "u")]
        if raw is not None and not c.failed and name in _RETURNS_FD:
            c.rval = c.fd_value(c.ret)
        return []
    done = _AT_EXIT[name](c, raw)
    yield [head]
    raw2 = c.read(addr, size)
    return [Addr(addr) if raw2 is None else done(raw2), Int(size, "u")]


__all__ = ["cstring_field", "kernel_version"]
