"""TEE (trusted execution environment) ioctls (type 0xa4, <linux/tee.h>): the version
at exit; the session, invoke and supplicant requests through their struct
tee_ioctl_buf_data (buf_len, and at buf_ptr the request and its parameters when
buf_len is consistent, else the pointer), " => " what came back after a success; the
cancel and close requests; shared memory allocation and registration (also the vendor
TEE_IOC_SHM_REGISTER_FD strace knows, printed unnamed).

strace counterpart: tee.c.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from ..values import Addr, Array, Changed, Comment, Int, Note, Or, Struct, Sym, Value
from ..xlat import (
    IOCTL_NAMES_TEE,
    TEE_CONSTS,
    TEE_IOCTL_GEN_CAPS,
    TEE_IOCTL_IMPL_IDS,
    TEE_IOCTL_LOGIN_TYPES,
    TEE_IOCTL_OPTEE_CAPS,
    TEE_IOCTL_ORIGINS,
    TEE_IOCTL_PARAM_ATTR_TYPES,
    TEE_IOCTL_SHM_FLAGS,
)
from ._fs_common import tracee_array, uid, xval
from ._ioctl_by_name import named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from .base import Call, const, flags_or_unknown, s32
from .ioctl import request_value

Fields = list[tuple[str | None, Value]]
Show = Callable[[tuple[Any, ...]], Fields]
_MAX_ARG = xval(TEE_CONSTS, "TEE_MAX_ARG_SIZE")
_META = xval(TEE_CONSTS, "TEE_IOCTL_PARAM_ATTR_META")
_REGISTER_FD = xval(TEE_CONSTS, "TEE_IOC_SHM_REGISTER_FD")
_BUF = struct.Struct("<QQ")            # struct tee_ioctl_buf_data: buf_ptr, buf_len
_PARAM = struct.Struct("<QQQQ")        # struct tee_ioctl_param: attr, a, b, c
_VERSION = struct.Struct("<III")
_OPEN = struct.Struct("<16s16sIIIIII")
_INVOKE = struct.Struct("<IIIIII")
_SUPP = struct.Struct("<II")
_CANCEL = struct.Struct("<II")
_CLOSE = struct.Struct("<I")
_SHM_ALLOC = struct.Struct("<QIi")
_SHM_REGISTER = struct.Struct("<QQIi")
_SHM_REGISTER_FD = struct.Struct("<qQI4xi4x")
_MEMREFS = frozenset(xval(TEE_IOCTL_PARAM_ATTR_TYPES, f"TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_{n}")
                     for n in ("INPUT", "OUTPUT", "INOUT"))
_NONE = xval(TEE_IOCTL_PARAM_ATTR_TYPES, "TEE_IOCTL_PARAM_ATTR_TYPE_NONE")
_GROUPS = frozenset(xval(TEE_IOCTL_LOGIN_TYPES, n) for n in (
    "TEE_IOCTL_LOGIN_GROUP", "TEE_IOCTL_LOGIN_GROUP_APPLICATION"))
_PLAIN_LOGINS = frozenset(v for _, v in TEE_IOCTL_LOGIN_TYPES) - _GROUPS
_OPTEE = xval(TEE_IOCTL_IMPL_IDS, "TEE_IMPL_ID_OPTEE")


def _shm_flags(v: int) -> Value:
    return flags_or_unknown(TEE_IOCTL_SHM_FLAGS, v, "TEE_IOCTL_SHM_???")


def _origin(v: int) -> Value:
    return const(TEE_IOCTL_ORIGINS, v, comment="TEEC_ORIGIN_???")


def _uuid(raw: bytes) -> Value:
    h = raw.hex()
    return Note(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")


def _param(e: tuple[Any, ...]) -> Value:
    attr, a, b, c = e
    kind = const(TEE_IOCTL_PARAM_ATTR_TYPES, attr & ~_META, comment="TEE_IOCTL_PARAM_ATTR_")
    if isinstance(kind, Comment):   # its comment has no "???": -X raw leaves it out too
        kind = Sym(kind.value, kind, verbose=kind)
    if attr & _META:
        kind = Or((kind, Note("TEE_IOCTL_PARAM_ATTR_META")))
    fields: Fields = [("attr", kind)]
    if attr in _MEMREFS:
        fields += [("shm_offs", Int(a, "x")), ("size", Int(b, "x")), ("shm_id", Int(c, "u"))]
    elif attr != _NONE:
        fields += [("a", Int(a, "x")), ("b", Int(b, "x")), ("c", Int(c, "x"))]
    return Struct(tuple(fields))


def _params(c: Call, addr: int, count: int) -> tuple[str, Value]:
    return ("params", tracee_array(c, addr, count, _PARAM, _param))


def _open_entry(g: tuple[Any, ...]) -> Fields:
    uuid, clnt_uuid, login, cancel_id, *_ = g
    fields: Fields = [("uuid", _uuid(uuid)), ("clnt_login", const(
        TEE_IOCTL_LOGIN_TYPES, login, comment="TEE_IOCTL_LOGIN_???"))]
    if login in _GROUPS:
        fields.append(("clnt_uuid", uid(struct.unpack_from("<I", clnt_uuid)[0])))
    elif login not in _PLAIN_LOGINS:
        fields.append(("clnt_uuid", Array(tuple(Int(b, "x") for b in clnt_uuid))))
    return [*fields, ("cancel_id", Int(cancel_id, "u")), ("num_params", Int(g[-1], "u"))]


def _open_exit(g: tuple[Any, ...]) -> Fields:
    return [("session", Int(g[4], "x")), ("ret", Int(g[5], "u")),
            ("ret_origin", _origin(g[6]))]


def _invoke_entry(g: tuple[Any, ...]) -> Fields:
    return [("func", Int(g[0], "u")), ("session", Int(g[1], "x")),
            ("cancel_id", Int(g[2], "u")), ("num_params", Int(g[5], "u"))]


def _invoke_exit(g: tuple[Any, ...]) -> Fields:
    return [("ret", Int(g[3], "u")), ("ret_origin", _origin(g[4]))]


# request: (its struct, entry fields, exit fields); num_params is the struct's last field
_BUF_REQUESTS: dict[str, tuple[struct.Struct, Show, Show]] = {
    "TEE_IOC_OPEN_SESSION": (_OPEN, _open_entry, _open_exit),
    "TEE_IOC_INVOKE": (_INVOKE, _invoke_entry, _invoke_exit),
    "TEE_IOC_SUPPL_RECV": (_SUPP, lambda g: [("func", Int(g[0], "u")),
                                             ("num_params", Int(g[1], "u"))],
                           lambda g: [("num_params", Int(g[1], "u"))]),
    "TEE_IOC_SUPPL_SEND": (_SUPP, lambda g: [("num_params", Int(g[1], "u"))],
                           lambda g: [("ret", Int(g[0], "u"))]),
}


def _fetch(c: Call, ptr: int, length: int, st: struct.Struct, entering: bool
           ) -> tuple[Any, ...] | None:
    """The request buf_ptr points to, when buf_len is consistent with it."""
    if length > _MAX_ARG or length < st.size:
        return None
    got = c.read_struct(ptr, st)
    if got is None or entering and st.size + _PARAM.size * got[-1] != length:
        return None
    return got


def _buf_request(c: Call, req: Value, spec: tuple[struct.Struct, Show, Show]) -> IoctlGen:
    st, entry, exit_ = spec
    arg = c.args[2]
    buf = c.read_struct(arg, _BUF) if arg else None
    if buf is None:
        c.sep_late = True
        yield [c.fd(0), req, Addr(arg)]
        return []
    ptr, length = buf
    head: tuple[str, Value] = ("buf_len", Int(length, "u"))
    got = _fetch(c, ptr, length, st, True)
    if got is None:
        c.sep_late = True
        yield [c.fd(0), req, Struct((head, ("buf_ptr", Addr(ptr))))]
        return []
    params = ptr + st.size if got[-1] else 0
    before = Struct((*entry(got), _params(c, params, got[-1])))
    yield [c.fd(0), req]
    after = _fetch(c, ptr, length, st, False) if not c.failed else None
    if after is None:
        return [Struct((head, ("buf_ptr", before)))]
    params = ptr + st.size if after[-1] else 0
    back = Struct((*exit_(after), _params(c, params, after[-1])))
    return [Struct((head, ("buf_ptr", Changed(before, back))))]


def _in_out(c: Call, req: Value, st: struct.Struct, entry: Show, exit_: Show) -> IoctlGen:
    """A struct printed at entry and, after a success, " => " its output fields."""
    arg = c.args[2]
    got = c.read_struct(arg, st) if arg else None
    yield [c.fd(0), req]
    if got is None:
        return [Addr(arg)]
    before = Struct(tuple(entry(got)))
    if c.failed:
        return [before]
    after = c.read_struct(arg, st)
    return [Changed(before, Addr(arg) if after is None else Struct(tuple(exit_(after))))]


def _at_entry(c: Call, req: Value, st: struct.Struct, show: Show) -> IoctlGen:
    arg = c.args[2]
    got = c.read_struct(arg, st) if arg else None
    c.sep_late = True
    yield [c.fd(0), req, Addr(arg) if got is None else Struct(tuple(show(got)))]
    return []


def _version(c: Call, req: Value) -> IoctlGen:
    arg = c.args[2]
    yield [c.fd(0), req]
    got = c.read_struct(arg, _VERSION) if arg and not c.failed else None
    if got is None:
        return [Addr(arg)]
    impl_id, impl_caps, gen_caps = got
    caps = flags_or_unknown(TEE_IOCTL_OPTEE_CAPS, impl_caps, "TEE_OPTEE_CAP_???") \
        if impl_id == _OPTEE else Int(impl_caps, "x")
    return [Struct((("impl_id", const(TEE_IOCTL_IMPL_IDS, impl_id, comment="TEE_IMPL_ID_???")),
                    ("gen_caps", flags_or_unknown(TEE_IOCTL_GEN_CAPS, gen_caps,
                                                  "TEE_GEN_CAP_???")),
                    ("impl_caps", caps)))]


def _shm(c: Call, req: Value, name: str) -> IoctlGen:
    if name == "TEE_IOC_SHM_ALLOC":
        return (yield from _in_out(
            c, req, _SHM_ALLOC,
            lambda g: [("size", Int(g[0], "x")), ("flags", _shm_flags(g[1]))],
            lambda g: [("size", Int(g[0], "x")), ("flags", _shm_flags(g[1])),
                       ("id", Int(g[2]))]))
    if name == "TEE_IOC_SHM_REGISTER":
        return (yield from _in_out(
            c, req, _SHM_REGISTER,
            lambda g: [("addr", Addr(g[0])), ("length", Int(g[1], "x")),
                       ("flags", _shm_flags(g[2]))],
            lambda g: [("length", Int(g[1], "x")), ("flags", _shm_flags(g[2])),
                       ("id", Int(g[3]))]))
    return (yield from _in_out(
        c, req, _SHM_REGISTER_FD,
        lambda g: [("fd", c.fd_value(s32(g[0] & 0xFFFFFFFF))), ("flags", _shm_flags(g[2]))],
        lambda g: [("size", Int(g[1], "x")), ("id", Int(g[3]))]))


@ioctl_family(0xA4)
def tee_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_TEE, code)
    if named is None:
        if code != _REGISTER_FD:
            return None
        return (yield from _shm(c, request_value(code), "TEE_IOC_SHM_REGISTER_FD"))
    name, req = named[0][0], named[1]
    if name in _BUF_REQUESTS:
        return (yield from _buf_request(c, req, _BUF_REQUESTS[name]))
    if name == "TEE_IOC_VERSION":
        return (yield from _version(c, req))
    if name == "TEE_IOC_CANCEL":
        return (yield from _at_entry(c, req, _CANCEL, lambda g: [
            ("cancel_id", Int(g[0], "u")), ("session", Int(g[1], "x"))]))
    if name == "TEE_IOC_CLOSE_SESSION":
        return (yield from _at_entry(c, req, _CLOSE, lambda g: [("session", Int(g[0], "x"))]))
    return (yield from _shm(c, req, name))
