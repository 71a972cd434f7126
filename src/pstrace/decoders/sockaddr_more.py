"""The newer socket address families strace 6.1 prints field by field: AF_RXRPC (with its
AF_INET / AF_INET6 transport), AF_IEEE802154, AF_ALG, AF_NFC (and its LLCP form),
AF_VSOCK, AF_QIPCRTR, AF_XDP, AF_MCTP.  sockaddr.py calls `family_fields` with the
address bytes (zero-padded as strace pads its copy) and a printer of inet transports.

Several fields print in strace's forced verbose style (PRINT_FIELD_XVAL_VERBOSE): a
known value as "0x9c4 /* YFS_FS_SERVICE */" in every style but -X raw.
strace counterpart: sockaddr.c (print_sockaddr_data_rxrpc ... _mctp).
"""
from __future__ import annotations

import struct as _struct
from collections.abc import Callable

from .. import xlat as X
from ..values import Comment, Int, Str, Struct, Sym, Value, Verbatim
from ..xlat import Xlat, split_flags
from ._ifindex import ifindex_value
from .base import Call, const, flags_or_unknown, s32
from .bpf_attr import cstring_field

Fields = list[tuple[str | None, Value]]
Transport = Callable[[int, bytes], "Fields | None"]
"""Given AF_INET or AF_INET6 and the transport's bytes (from its family on), the fields
after the family (sockaddr.py's inet printers), None when too short."""

SOCKADDR_RXRPC = 36
RXRPC_TRANSPORT = 8          # offsetof(struct sockaddr_rxrpc, transport)
SOCKADDR_IN = 16
SIN6_MIN_LEN = 24
SOCKADDR_IEEE802154 = 20
SOCKADDR_ALG_NEW = 24        # sizeof(struct sockaddr_alg_new), before salg_name[]
SOCKADDR_NFC = 16
SOCKADDR_NFC_LLCP = 96       # the 64-bit struct sockaddr_nfc_llcp
NFC_LLCP_MAX_SERVICE_NAME = 63
SOCKADDR_VM = 16
SOCKADDR_QRTR = 12
SOCKADDR_XDP = 16
SOCKADDR_MCTP = 12


def _verbose_xval(table: Xlat, value: int, unknown: str | None, fmt: str = "x") -> Value:
    """PRINT_FIELD_XVAL_VERBOSE: "0x2 /* NAME */" (-X raw: 0x2); an unknown value as
    "0x7 /* UNKNOWN */", or bare without a default."""
    name = table.name(value)
    num = Int(value, fmt)
    if name is None:
        return Comment(num, unknown) if unknown else num
    shown = Comment(num, name, keep=True)
    return Sym(num, shown, verbose=shown)


def _verbose_flags(table: Xlat, value: int, unknown: str) -> Value:
    """PRINT_FIELD_FLAGS_VERBOSE: 0x1001 /* NAME|0x1 */, 0x2 /* CRYPTO_ALG_??? */."""
    if not value:
        return Int(0)
    names, rest = split_flags(table, value)
    if not names:
        return Comment(Int(value, "x"), unknown)
    text = "|".join([*names, *([f"{rest:#x}"] if rest else [])])
    shown = Comment(Int(value, "x"), text, keep=True)
    return Sym(Int(value, "x"), shown, verbose=shown)


def _xval(table: Xlat, value: int) -> Value:
    """PRINT_FIELD_XVAL with no default: the name, else the number in hex."""
    return const(table, value, "x")


def _rxrpc(data: bytes, addrlen: int, transport: Transport) -> Fields:
    service, ttype, tlen, family = _struct.unpack_from("<HHHH", data, 2)
    fields: Fields = [
        ("srx_service", _verbose_xval(X.RXRPC_SERVICES, service, "???_SERVICE")),
        ("transport_type", const(X.SOCKET_TYPES, ttype, "x", "SOCK_???")),
        ("transport_len", Int(tlen, "u"))]
    avail = min(tlen, addrlen - RXRPC_TRANSPORT)
    rest = data[RXRPC_TRANSPORT + 2:RXRPC_TRANSPORT + max(avail, 2)]
    fam = const(X.SOCKET_FAMILIES, family, "x", "AF_???")
    name = X.SOCKET_FAMILIES.name(family)
    inner: Fields = []
    if name in ("AF_INET", "AF_INET6"):
        wanted = SOCKADDR_IN if name == "AF_INET" else SIN6_MIN_LEN
        label = "sin" if name == "AF_INET" else "sin6"
        inner = [(f"{label}_family", fam)]
        body = transport(family, data[RXRPC_TRANSPORT:RXRPC_TRANSPORT + avail]) \
            if tlen >= wanted else None
        if body is not None:
            inner += body
        elif rest:
            inner.append((None, Str(rest)))
        wrapped: Fields = [(label, Struct(tuple(inner)))]
    else:
        wrapped = [("family", fam)] + ([(None, Str(rest))] if rest else [])
    return fields + [("transport", Struct(tuple(wrapped)))]


def _ieee802154(data: bytes) -> Fields:
    addr_type, pan_id = _struct.unpack_from("<IH", data, 4)
    f: Fields = [("addr_type", _verbose_xval(X.IEEE802154_ADDR_TYPES, addr_type,
                                             "IEEE802154_ADDR_???")),
                 ("pan_id", _verbose_xval(X.IEEE802154_PAN_IDS, pan_id, None))]
    kind = X.IEEE802154_ADDR_TYPES.name(addr_type)
    if kind == "IEEE802154_ADDR_SHORT":
        short = int.from_bytes(data[10:12], "little")
        f.append(("short_addr", _verbose_xval(X.IEEE802154_ADDRS, short, None)))
    elif kind != "IEEE802154_ADDR_NONE":
        hw = data[10:18]
        f.append(("hwaddr", Sym(Str(hw, hex=True), Verbatim(":".join(f"{b:02x}" for b in hw)))))
    return [("addr", Struct(tuple(f)))]


def _alg(data: bytes, addrlen: int) -> Fields:
    feat, mask = _struct.unpack_from("<II", data, 16)
    return [("salg_type", cstring_field(data[2:16])),
            ("salg_feat", _verbose_flags(X.ALG_SOCKADDR_FLAGS, feat, "CRYPTO_ALG_???")),
            ("salg_mask", _verbose_flags(X.ALG_SOCKADDR_FLAGS, mask, "CRYPTO_ALG_???")),
            ("salg_name", cstring_field(data[SOCKADDR_ALG_NEW:addrlen]))]


def _nfc(data: bytes, addrlen: int) -> Fields:
    dev, target, proto = _struct.unpack_from("<III", data, 4)
    f: Fields = [("dev_idx", ifindex_value(dev)), ("target_idx", Int(target, "x")),
                 ("nfc_protocol", const(X.NFC_SOCKADDR_PROTOCOLS, proto, "x",
                                        "NFC_PROTO_???"))]
    if addrlen < SOCKADDR_NFC_LLCP:
        if addrlen > SOCKADDR_NFC:
            f.append((None, Verbatim("...")))
        return f
    dsap, ssap = data[16], data[17]
    size = int.from_bytes(data[88:96], "little")
    name = data[18:18 + min(NFC_LLCP_MAX_SERVICE_NAME, size)]
    return f + [("dsap", _verbose_xval(X.NFC_SAPS, dsap, None)),
                ("ssap", _verbose_xval(X.NFC_SAPS, ssap, None)),
                ("service_name", Str(name)), ("service_name_len", Int(size, "u"))]


def _vsock(data: bytes) -> Fields:
    reserved, port, cid, flags = _struct.unpack_from("<HIIB", data, 2)
    zero = data[13:16]
    f: Fields = [("svm_reserved1", Int(reserved, "x"))] if reserved else []
    f += [("svm_cid", _xval(X.VSOCK_CIDS, cid)), ("svm_port", _xval(X.VSOCK_PORTS, port)),
          ("svm_flags", flags_or_unknown(X.VSOCK_FLAGS, flags, "VMADDR_FLAG_???"))]
    if any(zero):
        f.append(("svm_zero", Str(zero, hex=True)))
    return f


def _qrtr(data: bytes) -> Fields:
    node, port = _struct.unpack_from("<II", data, 4)
    return [("sq_node", _xval(X.QIPCRTR_NODES, node)),
            ("sq_port", _xval(X.QIPCRTR_PORTS, port))]


def _xdp(c: Call, data: bytes) -> Fields:
    flags, ifindex, queue, fd = _struct.unpack_from("<HIII", data, 2)
    f: Fields = [("sxdp_flags", flags_or_unknown(X.XDP_SOCKADDR_FLAGS, flags, "XDP_???")),
                 ("sxdp_ifindex", ifindex_value(ifindex)), ("sxdp_queue_id", Int(queue, "u"))]
    if flags & X.XDP_SOCKADDR_FLAGS.value("XDP_SHARED_UMEM"):
        f.append(("sxdp_shared_umem_fd", c.fd_value(s32(fd))))
    elif fd:
        f.append(("sxdp_shared_umem_fd", Int(fd, "x")))
    return f


def _mctp(data: bytes) -> Fields:
    pad0, net, addr, typ, tag, pad1 = _struct.unpack_from("<HIBBBB", data, 2)
    f: Fields = [("__smctp_pad0", Int(pad0, "x"))] if pad0 else []
    f += [("smctp_network", _xval(X.MCTP_NETS, net)),
          ("smctp_addr", Struct((("s_addr", _xval(X.MCTP_ADDRS, addr)),))),
          ("smctp_type", Int(typ, "x")), ("smctp_tag", Int(tag, "x"))]
    if pad1:
        f.append(("__smctp_pad1", Int(pad1, "x")))
    return f


def family_fields(c: Call, name: str | None, data: bytes, addrlen: int,
                  transport: Transport) -> Fields | None:
    """The fields after sa_family for these families, None for the others (and for a
    length below the family's struct: strace prints sa_data)."""
    if name == "AF_RXRPC" and addrlen >= SOCKADDR_RXRPC:
        return _rxrpc(data, addrlen, transport)
    if name == "AF_IEEE802154" and addrlen >= SOCKADDR_IEEE802154:
        return _ieee802154(data)
    if name == "AF_ALG" and addrlen > SOCKADDR_ALG_NEW:
        return _alg(data, addrlen)
    if name == "AF_NFC" and addrlen >= SOCKADDR_NFC:
        return _nfc(data, addrlen)
    if name == "AF_VSOCK" and addrlen >= SOCKADDR_VM:
        return _vsock(data)
    if name == "AF_QIPCRTR" and addrlen >= SOCKADDR_QRTR:
        return _qrtr(data)
    if name == "AF_XDP" and addrlen >= SOCKADDR_XDP:
        return _xdp(c, data)
    if name == "AF_MCTP" and addrlen >= SOCKADDR_MCTP:
        return _mctp(data)
    return None


__all__ = ["family_fields"]
