"""The parts of union bpf_attr (and of struct bpf_map_info / bpf_prog_info) as strace 6.1
knows them, and a reader that sees only the bytes the caller's size covers.

strace counterpart: bpf_attr.h (the *_struct layouts and their *_struct_size), and the
"if (len <= offsetof(struct X, field)) break;" checks of bpf.c: a field the given size
does not reach is not printed (it came with a later kernel).  Fields keep <linux/bpf.h>
names; the layouts follow the C rules (a __u64 is 8-aligned).
"""
from __future__ import annotations

import struct

from ..values import Comment, Str, Value
from .base import Call

Field = tuple[str | None, Value]
U32 = struct.Struct("<I")
U64 = struct.Struct("<Q")

_ALIGN = {"I": 4, "Q": 8, "s": 1}


class Layout:
    """A C struct of __u32 ("I"), __u64 ("Q") and char arrays ("16s"): each field's
    offset, and the size strace compares the caller's with (`size`: sizeof, or the end
    of the last field when strace uses offsetofend)."""

    def __init__(self, fields: str, sizeof: bool = True) -> None:
        self.offsets: dict[str, tuple[int, str]] = {}
        end, align = 0, 1
        for spec in fields.split():
            name, code = spec.split(":")
            a = _ALIGN[code[-1]]
            align = max(align, a)
            end = (end + a - 1) // a * a
            self.offsets[name] = (end, code)
            end += struct.calcsize("<" + code)
        self.size = (end + align - 1) // align * align if sizeof else end

    def offset(self, name: str) -> int:
        return self.offsets[name][0]


class Attr:
    """The caller's `size` bytes read as `layout`: missing bytes read as zero, as strace's
    zero-filled copy."""

    def __init__(self, layout: Layout, raw: bytes) -> None:
        self.layout = layout
        self.len = min(len(raw), layout.size)
        self.data = raw[:self.len].ljust(layout.size, b"\0")

    def __getitem__(self, name: str) -> int:
        off, code = self.layout.offsets[name]
        value: int = struct.unpack_from("<" + code, self.data, off)[0]
        return value

    def chars(self, name: str, cut: bool = True) -> bytes:
        """A char array field, cut where the caller's size ends (strace's
        PRINT_FIELD_CSTRING_SZ), or whole with the missing bytes zero (`cut` False)."""
        off, code = self.layout.offsets[name]
        end = off + struct.calcsize(code)
        return self.data[off:min(end, max(self.len, off)) if cut else end]

    def has(self, name: str) -> bool:
        """The caller's size reaches past the start of `name`."""
        return self.len > self.layout.offset(name)


def cstring_field(raw: bytes) -> Value:
    """A char array: up to its NUL; without one, all but its last byte and "..."."""
    end = raw.find(b"\0")
    return Str(raw[:-1], more=True) if end < 0 else Str(raw[:end])


def extra_data(c: Call, raw: bytes, attr_size: int) -> tuple[list[Field], bool]:
    """Nonzero bytes past the struct: the struct is elided (", ...") or with -v ends with
    extra_data="\\x.." /* bytes N..M */ (strace's decode_attr_extra_data)."""
    tail = raw[attr_size:]
    if not tail.strip(b"\0"):
        return [], False
    if not c.opts.verbose:
        return [], True
    return [("extra_data", Comment(Str(tail, hex=True),
                                   f"bytes {attr_size}..{attr_size + len(tail) - 1}"))], False


L = Layout
MAP_CREATE = L("map_type:I key_size:I value_size:I max_entries:I map_flags:I inner_map_fd:I "
               "numa_node:I map_name:16s map_ifindex:I btf_fd:I btf_key_type_id:I "
               "btf_value_type_id:I btf_vmlinux_value_type_id:I map_extra:Q")
MAP_ELEM = L("map_fd:I key:Q value:Q flags:Q")     # LOOKUP_ELEM, UPDATE_ELEM
MAP_DELETE_ELEM = L("map_fd:I key:Q")
MAP_GET_NEXT_KEY = L("map_fd:I key:Q next_key:Q")
MAP_FREEZE = L("map_fd:I")
PROG_LOAD = L("prog_type:I insn_cnt:I insns:Q license:Q log_level:I log_size:I log_buf:Q "
              "kern_version:I prog_flags:I prog_name:16s prog_ifindex:I "
              "expected_attach_type:I prog_btf_fd:I func_info_rec_size:I func_info:Q "
              "func_info_cnt:I line_info_rec_size:I line_info:Q line_info_cnt:I "
              "attach_btf_id:I attach_prog_fd:I pad:I fd_array:Q")
OBJ_PIN = L("pathname:Q bpf_fd:I file_flags:I")
PROG_ATTACH = L("target_fd:I attach_bpf_fd:I attach_type:I attach_flags:I replace_bpf_fd:I")
PROG_DETACH = L("target_fd:I dummy:I attach_type:I")
PROG_TEST_RUN = L("prog_fd:I retval:I data_size_in:I data_size_out:I data_in:Q data_out:Q "
                  "repeat:I duration:I ctx_size_in:I ctx_size_out:I ctx_in:Q ctx_out:Q "
                  "flags:I cpu:I batch_size:I", sizeof=False)
GET_NEXT_ID = L("start_id:I next_id:I open_flags:I")
PROG_GET_FD_BY_ID = L("prog_id:I next_id:I open_flags:I")
MAP_GET_FD_BY_ID = L("map_id:I next_id:I open_flags:I")
OBJ_GET_INFO_BY_FD = L("bpf_fd:I info_len:I info:Q")
PROG_QUERY = L("target_fd:I attach_type:I query_flags:I attach_flags:I prog_ids:Q prog_cnt:I",
               sizeof=False)
RAW_TRACEPOINT_OPEN = L("name:Q prog_fd:I", sizeof=False)
BTF_LOAD = L("btf:Q btf_log_buf:Q btf_size:I btf_log_size:I btf_log_level:I", sizeof=False)
BTF_GET_FD_BY_ID = L("btf_id:I")
TASK_FD_QUERY = L("pid:I fd:I flags:I buf_len:I buf:Q prog_id:I fd_type:I probe_offset:Q "
                  "probe_addr:Q")
MAP_LOOKUP_BATCH = L("in_batch:Q out_batch:Q keys:Q values:Q count:I map_fd:I elem_flags:Q "
                     "flags:Q")
MAP_UPDATE_BATCH = MAP_LOOKUP_BATCH   # the same union member; fewer fields printed
# LINK_CREATE: the union after flags read as each of its members
LINK_CREATE = L("prog_fd:I target_fd:I attach_type:I flags:I target_btf_id:I pad:I u1:Q u2:Q "
                "u3:Q")
LINK_CREATE_PERF = L("prog_fd:I target_fd:I attach_type:I flags:I bpf_cookie:Q")
LINK_CREATE_ITER = L("prog_fd:I target_fd:I attach_type:I flags:I iter_info:Q iter_info_len:I")
LINK_CREATE_KPROBE = L("prog_fd:I target_fd:I attach_type:I flags:I kflags:I cnt:I syms:Q "
                       "addrs:Q cookies:Q")
LINK_UPDATE = L("link_fd:I new_prog_fd:I flags:I old_prog_fd:I")
LINK_GET_FD_BY_ID = L("link_id:I")
MAP_INFO = L("type:I id:I key_size:I value_size:I max_entries:I map_flags:I name:16s "
             "ifindex:I btf_vmlinux_value_type_id:I netns_dev:Q netns_ino:Q btf_id:I "
             "btf_key_type_id:I btf_value_type_id:I pad:I map_extra:Q")
PROG_INFO = L("type:I id:I tag:8s jited_prog_len:I xlated_prog_len:I jited_prog_insns:Q "
              "xlated_prog_insns:Q load_time:Q created_by_uid:I nr_map_ids:I map_ids:Q "
              "name:16s ifindex:I gpl_compatible:I netns_dev:Q netns_ino:Q nr_jited_ksyms:I "
              "nr_jited_func_lens:I jited_ksyms:Q jited_func_lens:Q btf_id:I "
              "func_info_rec_size:I func_info:Q nr_func_info:I nr_line_info:I line_info:Q "
              "jited_line_info:Q nr_jited_line_info:I line_info_rec_size:I "
              "jited_line_info_rec_size:I nr_prog_tags:I prog_tags:Q run_time_ns:Q run_cnt:Q "
              "recursion_misses:Q verified_insns:I", sizeof=False)
