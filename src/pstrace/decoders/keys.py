"""The kernel key retention service: add_key, request_key and keyctl, every command.

strace counterpart: keyctl.c.  Key serial numbers print as KEY_SPEC_* by name, else in
signed decimal.  keyctl prints the command, then the arguments that command takes; the
buffers the kernel fills (DESCRIBE, READ, GET_SECURITY, DH_COMPUTE, PKEY_QUERY, the
PKEY_ENCRYPT/DECRYPT/SIGN output, CAPABILITIES) at exit.  An unknown command's four
arguments print in hexadecimal.
"""
from __future__ import annotations

import struct

from ..values import Addr, Array, Int, Struct, Value
from ..xlat import (
    ERRNO,
    KEY_PERMS,
    KEY_REQKEYS,
    KEY_SPECS,
    KEYCTL_CAPS0,
    KEYCTL_CAPS1,
    KEYCTL_COMMANDS,
    KEYCTL_MOVE_FLAGS,
    KEYCTL_PKEY_OPS,
)
from ._bounded import buf_omit_nul
from ._fs_common import uid
from .base import Call, DecodeGen, const, decoder, flags_or_unknown, s32
from .io import iov_array

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

_DH_PARAMS = struct.Struct("<iii")              # struct keyctl_dh_params
_KDF_PARAMS = struct.Struct("<QQI8I4x")         # struct keyctl_kdf_params
_PKEY_QUERY = struct.Struct("<IIHHHH10I")       # struct keyctl_pkey_query
_PKEY_PARAMS = struct.Struct("<iII7I")          # struct keyctl_pkey_params
_U64 = 0xFFFFFFFFFFFFFFFF


def keyring(value: int) -> Value:
    """A key serial number: KEY_SPEC_* by name, else signed decimal."""
    return const(KEY_SPECS, s32(value), "d")


@decoder("add_key")
def _add_key(c: Call) -> list[Value]:
    return [c.str(0), c.str(1), c.buf(c.args[2], c.args[3]), c.ulong(3), keyring(c.args[4])]


@decoder("request_key")
def _request_key(c: Call) -> list[Value]:
    return [c.str(0), c.str(1), c.str(2), keyring(c.args[3])]


def _spare(words: tuple[int, ...]) -> list[tuple[str | None, Value]]:
    """A reserved array, printed only when some word of it is set."""
    if not any(words):
        return []
    return [("__spare", Array(tuple(Int(w, "x") for w in words)))]


def _ulong(v: int) -> Int:
    return Int(v & _U64, "u")


def _u32(v: int) -> Int:
    return Int(v & 0xFFFFFFFF, "u")


def _at_entry(c: Call) -> list[Value]:
    """The arguments of a command decoded at entry, after the command itself."""
    a = c.args
    name = KEYCTL_COMMANDS.name(c.uint(0))
    if name == "KEYCTL_GET_KEYRING_ID":
        return [keyring(a[1]), Int(s32(a[2]))]
    if name == "KEYCTL_JOIN_SESSION_KEYRING":
        return [c.str_at(a[1])]
    if name == "KEYCTL_UPDATE":
        return [keyring(a[1]), c.buf(a[2], a[3]), _ulong(a[3])]
    if name in ("KEYCTL_REVOKE", "KEYCTL_CLEAR", "KEYCTL_INVALIDATE",
                "KEYCTL_ASSUME_AUTHORITY"):
        return [keyring(a[1])]
    if name in ("KEYCTL_LINK", "KEYCTL_UNLINK"):
        return [keyring(a[1]), keyring(a[2])]
    if name == "KEYCTL_SEARCH":
        return [keyring(a[1]), c.str_at(a[2]), c.str_at(a[3]), keyring(a[4])]
    if name == "KEYCTL_CHOWN":
        return [keyring(a[1]), uid(a[2]), uid(a[3])]
    if name == "KEYCTL_SETPERM":
        return [keyring(a[1]), flags_or_unknown(KEY_PERMS, a[2], "KEY_???")]
    if name == "KEYCTL_INSTANTIATE":
        return [keyring(a[1]), c.buf(a[2], a[3]), _ulong(a[3]), keyring(a[4])]
    if name == "KEYCTL_NEGATE":
        return [keyring(a[1]), _u32(a[2]), keyring(a[3])]
    if name == "KEYCTL_SET_REQKEY_KEYRING":
        return [const(KEY_REQKEYS, s32(a[1]), "d", "KEY_REQKEY_DEFL_???")]
    if name == "KEYCTL_SET_TIMEOUT":
        return [keyring(a[1]), _u32(a[2])]
    if name == "KEYCTL_SESSION_TO_PARENT":
        return []
    if name == "KEYCTL_REJECT":
        return [keyring(a[1]), _u32(a[2]), const(ERRNO, a[3] & 0xFFFFFFFF, "u"),
                keyring(a[4])]
    if name == "KEYCTL_INSTANTIATE_IOV":
        return [keyring(a[1]), iov_array(c, a[2], a[3]), _ulong(a[3]), keyring(a[4])]
    if name == "KEYCTL_GET_PERSISTENT":
        return [uid(a[1]), keyring(a[2])]
    if name == "KEYCTL_RESTRICT_KEYRING":
        return [keyring(a[1]), c.str_at(a[2]), c.str_at(a[3])]
    if name == "KEYCTL_MOVE":
        return [keyring(a[1]), keyring(a[2]), keyring(a[3]),
                flags_or_unknown(KEYCTL_MOVE_FLAGS, a[4], "KEYCTL_MOVE_???")]
    return [Int(a[1], "x"), Int(a[2], "x"), Int(a[3], "x"), Int(a[4], "x")]


def _out_len(c: Call, size: int) -> int:
    """The bytes the kernel wrote: the return value, at most the buffer's size."""
    return size if 0 <= c.ret and c.ret & _U64 > size else c.ret


def _dh_params(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _DH_PARAMS) if addr else None
    if got is None:
        return Addr(addr)
    names = ("private", "prime", "base")
    return Struct(tuple((n, keyring(v)) for n, v in zip(names, got, strict=True)))


def _kdf_params(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _KDF_PARAMS) if addr else None
    if got is None:
        return Addr(addr)
    hashname, otherinfo, length = got[0], got[1], got[2]
    # the kernel does not look at otherinfo when otherinfolen is 0
    other = c.buf(otherinfo, length) if length else Addr(otherinfo)
    return Struct((("hashname", c.str_at(hashname)), ("otherinfo", other),
                   ("otherinfolen", Int(length, "u")), *_spare(got[3:])))


def _pkey_query(got: tuple[Any, ...]) -> Value:
    return Struct((
        ("supported_ops", flags_or_unknown(KEYCTL_PKEY_OPS, got[0], "KEYCTL_SUPPORTS_???")),
        ("key_size", Int(got[1], "u")), ("max_data_size", Int(got[2], "u")),
        ("max_sig_size", Int(got[3], "u")), ("max_enc_size", Int(got[4], "u")),
        ("max_dec_size", Int(got[5], "u")), *_spare(got[6:])))


def _caps(c: Call, addr: int, size: int) -> Value:
    """KEYCTL_CAPABILITIES' bytes: the first two as flags, any other in hex."""
    def item(i: int, b: int) -> Value:
        if i == 0:
            return flags_or_unknown(KEYCTL_CAPS0, b, "KEYCTL_CAPS0_???")
        if i == 1:
            return flags_or_unknown(KEYCTL_CAPS1, b, "KEYCTL_CAPS1_???")
        return Int(b, "x")

    if not addr:
        return Addr(0)
    if size == 0:
        return Array(())
    shown = size if c.opts.verbose else min(size, c.opts.max_strlen)
    data = c.read(addr, min(size, shown + 1))
    if data is None:
        return Addr(addr)
    return Array(tuple(item(i, b) for i, b in enumerate(data[:shown])), shown < size)


@decoder("keyctl")
def _keyctl(c: Call) -> DecodeGen:
    a = c.args
    cmd = c.uint(0)
    head = const(KEYCTL_COMMANDS, cmd, "x", "KEYCTL_???")
    name = KEYCTL_COMMANDS.name(cmd)
    if name in ("KEYCTL_DESCRIBE", "KEYCTL_READ", "KEYCTL_GET_SECURITY"):
        yield [head, keyring(a[1])]
        if c.failed:
            return [Addr(a[2]), _ulong(a[3])]
        n = _out_len(c, a[3])
        return [buf_omit_nul(c, a[2], n) if name != "KEYCTL_READ" else c.buf(a[2], n),
                _ulong(a[3])]
    if name == "KEYCTL_DH_COMPUTE":
        yield [head, _dh_params(c, a[1])]
        out = Addr(a[2]) if c.failed else c.buf(a[2], _out_len(c, a[3]))
        return [out, _ulong(a[3]), _kdf_params(c, a[4])]
    if name == "KEYCTL_PKEY_QUERY":
        yield [head, keyring(a[1]), Int(a[2], "x"), c.str_at(a[3])]
        got = None if c.failed or not a[4] else c.read_struct(a[4], _PKEY_QUERY)
        return [Addr(a[4]) if got is None else _pkey_query(got)]
    if name in ("KEYCTL_PKEY_ENCRYPT", "KEYCTL_PKEY_DECRYPT", "KEYCTL_PKEY_SIGN",
                "KEYCTL_PKEY_VERIFY"):
        return (yield from _pkey_op(c, head, name != "KEYCTL_PKEY_VERIFY"))
    if name == "KEYCTL_CAPABILITIES":
        yield [head]
        out = Addr(a[1]) if c.failed else _caps(c, a[1], min(a[2], c.ret & _U64))
        return [out, _ulong(a[2])]
    c.sep_late = True   # decoded at entry: nothing follows at exit
    yield [head, *_at_entry(c)]
    return []


def _pkey_op(c: Call, head: Value, out: bool) -> DecodeGen:
    """PKEY_ENCRYPT/DECRYPT/SIGN write their output (op2) at exit; VERIFY reads two."""
    a = c.args
    got = c.read_struct(a[1], _PKEY_PARAMS) if a[1] else None
    entry: list[Value] = [head]
    if got is None:
        entry += [Addr(a[1]), c.str_at(a[2]), Addr(a[3]), Addr(a[4])]
    else:
        key_id, in_len, len2 = got[0], got[1], got[2]
        entry += [Struct((("key_id", keyring(key_id)), ("in_len", Int(in_len, "u")),
                          ("out_len" if out else "in2_len", Int(len2, "u")),
                          *_spare(got[3:]))),
                  c.str_at(a[2]), c.buf(a[3], in_len)]
        if not out:
            entry.append(c.buf(a[4], len2))
    if got is None or not out:
        c.sep_late = True
        yield entry
        return []
    yield entry
    return [Addr(a[4]) if c.failed else c.buf(a[4], got[2])]
