"""Process-wide odds and ends: arch_prctl, set_tid_address, robust futex lists, resource
limits, getrandom, uname, sethostname/setdomainname, sysinfo, CPU affinity, getcpu,
sched_yield, personality, iopl, ioperm, lookup_dcookie.

strace counterpart: process.c (arch_prctl), resource.c, getrandom.c, uname.c,
hostname.c, sysinfo.c, affinity.c, getcpu.c, personality.c, iopl/ioperm in
x86_64's io.c, dcookie.c.
Every format was checked against strace 6.1 (tests/syscalls/misc_*.c).
"""
from __future__ import annotations

import struct

from ..values import (
    Addr,
    Array,
    Comment,
    Const,
    Int,
    Multiple,
    Note,
    Or,
    Set,
    Str,
    Struct,
    Styled,
    Sym,
    Value,
)
from ..xlat import (
    ARCH_PRCTL_CODES,
    GETRANDOM_FLAGS,
    PERSONALITY_FLAGS,
    PERSONALITY_TYPES,
    RLIMIT_RESOURCES,
    SCHED_POLICIES,
    X86_XFEATURE_BITS,
    X86_XFEATURES,
    split_flags,
)
from ._fs_common import xval
from .base import Call, DecodeGen, const, decoder, flags, flags_or_unknown

U32 = 0xFFFFFFFF
U64 = 0xFFFFFFFFFFFFFFFF
_U64 = struct.Struct("<Q")
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")
_RLIMIT = struct.Struct("<QQ")
_UTS_FIELD = 65  # __NEW_UTS_LEN + 1
_UTS_NAMES = ("sysname", "nodename", "release", "version", "machine", "domainname")
_SYSINFO = struct.Struct("<q3Q6QH6xQQI")


def out_ptr(c: Call, addr: int) -> bool:
    """True when an output pointer should be shown as its address (strace's rule: the
    call failed, or the pointer is NULL)."""
    return c.failed or not addr


# --- arch_prctl -------------------------------------------------------------------------

@decoder("arch_prctl")
def _arch_prctl(c: Call) -> DecodeGen:
    code = c.args[0] & U32
    name = ARCH_PRCTL_CODES.name(code)
    head: Value = Const(name, code) if name else Comment(Int(code, "x"), "ARCH_???")
    addr = c.args[1]
    if name in ("ARCH_GET_FS", "ARCH_GET_GS"):
        yield [head]
        if out_ptr(c, addr):
            return [Addr(addr)]
        got = c.read(addr, 8)
        return [Addr(addr) if got is None else Array((Addr(_U64.unpack(got)[0]),))]
    if name == "ARCH_GET_CPUID":
        yield []
        return [head]  # no second argument
    if name in ("ARCH_GET_XCOMP_SUPP", "ARCH_GET_XCOMP_PERM", "ARCH_GET_XCOMP_GUEST_PERM"):
        yield [head]
        got = None if out_ptr(c, addr) else c.read(addr, 8)
        return [Addr(addr) if got is None else Array((_xfeatures(_U64.unpack(got)[0]),))]
    if name in ("ARCH_REQ_XCOMP_PERM", "ARCH_REQ_XCOMP_GUEST_PERM"):
        bit = X86_XFEATURE_BITS.name(addr)
        num = Int(addr, "x")
        arg = Comment(num, bit or "XFEATURE_???")
        c.sep_late = True   # no argument follows at exit
        yield [head, Sym(num, arg, verbose=arg)]
        if not c.failed and c.ret > 0:
            c.rval = Int(c.ret, "x")
            names, rest = split_flags(X86_XFEATURES, c.ret)
            if names:
                text = Note("|".join(names) + (f"|{rest:#x}" if rest else ""))
                c.rcomment = Styled(Sym(None, text, verbose=text))
        return []
    yield []
    return [head, Int(addr, "x")]


def _xfeatures(mask: int) -> Value:
    """An XFEATURE_MASK_* set: its number and, but under -X raw, its names in a comment
    whatever -X says (strace: the macros are not public)."""
    num = Int(mask, "x")
    if not mask:
        return num
    names, rest = split_flags(X86_XFEATURES, mask)
    text = "|".join(names) + (f"|{rest:#x}" if rest else "") if names else \
        "XFEATURE_MASK_???"
    named = Comment(num, text)
    return Sym(num, named, verbose=named)


# --- thread bookkeeping ------------------------------------------------------------------

@decoder("set_tid_address")
def _set_tid_address(c: Call) -> list[Value]:
    return [c.hex(0)]


@decoder("set_robust_list")
def _set_robust_list(c: Call) -> list[Value]:
    return [c.ptr(0), c.ulong(1)]


@decoder("get_robust_list")
def _get_robust_list(c: Call) -> DecodeGen:
    yield [c.pid_(0, "tid")]
    head, lenp = c.args[1], c.args[2]
    if c.failed:
        return [Addr(head), Addr(lenp)]
    out: list[Value] = []
    for addr, wrap in ((head, lambda v: Addr(v)), (lenp, lambda v: Int(v, "u"))):
        got = c.read(addr, 8) if addr else None
        out.append(Addr(addr) if got is None else Array((wrap(_U64.unpack(got)[0]),)))
    return out


# --- resource limits ---------------------------------------------------------------------

def rlim_value(v: int) -> Value:
    """RLIM64_INFINITY, "8192*1024" for multiples of 1024 above 1024, else decimal
    (observed: 1024 prints as 1024, 2048 as 2*1024)."""
    if v == U64:
        return Const("RLIM64_INFINITY", v, "u")
    if v > 1024 and v % 1024 == 0:
        return Multiple(v, 1024)
    return Int(v, "u")


def rlimit_at(c: Call, addr: int) -> Value:
    if not addr:
        return Addr(0)
    got = c.read_struct(addr, _RLIMIT)
    if got is None:
        return Addr(addr)
    return Struct((("rlim_cur", rlim_value(got[0])), ("rlim_max", rlim_value(got[1]))))


def resource(value: int) -> Value:
    return const(RLIMIT_RESOURCES, value & U32, comment="RLIMIT_???")


@decoder("getrlimit")
def _getrlimit(c: Call) -> DecodeGen:
    yield [resource(c.args[0])]
    addr = c.args[1]
    return [Addr(addr) if c.failed else rlimit_at(c, addr)]


@decoder("setrlimit")
def _setrlimit(c: Call) -> list[Value]:
    return [resource(c.args[0]), rlimit_at(c, c.args[1])]


@decoder("prlimit64")
def _prlimit64(c: Call) -> DecodeGen:
    yield [c.pid_(0), resource(c.args[1]), rlimit_at(c, c.args[2])]
    addr = c.args[3]
    return [Addr(addr) if c.failed else rlimit_at(c, addr)]


# --- getrandom -----------------------------------------------------------------------------

def hex_buf(c: Call, addr: int, size: int) -> Value:
    """A buffer strace prints with every byte as \\xNN (getrandom's random bytes), cut at -s."""
    want = min(size, c.opts.max_strlen)
    data = c.mem.read(c.pid, addr, want) if want else b""   # a buffer: -e verbose= keeps it
    if data is None:
        return Addr(addr)
    return Str(data, size > want, hex=True)


@decoder("getrandom")
def _getrandom(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    buf: Value = Addr(addr) if c.failed or not addr else hex_buf(c, addr, c.ret)
    return [buf, c.ulong(1),
            flags_or_unknown(GETRANDOM_FLAGS, c.args[2], "GRND_???")]


# --- uname, sysinfo, host and domain names ---------------------------------------------------

@decoder("sethostname", "setdomainname")
def _setname(c: Call) -> list[Value]:
    # the length is an unsigned int; beyond the kernel's limit the name is an address
    size = c.args[1] & U32
    name = Addr(c.args[0]) if size > _UTS_FIELD - 1 else c.buf(c.args[0], size)
    return [name, Int(size, "u")]


@decoder("uname")
def _uname(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    if out_ptr(c, addr):
        return [Addr(addr)]
    count = len(_UTS_NAMES) if c.opts.verbose else 2
    data = c.read(addr, _UTS_FIELD * count)
    if data is None:
        return [Addr(addr)]
    fields = []
    for i, name in enumerate(_UTS_NAMES[:count]):
        raw = data[i * _UTS_FIELD:(i + 1) * _UTS_FIELD]
        nul = raw.find(b"\0")
        # printed whole, never cut at -s (strace prints the fixed-size field)
        fields.append((name, Str(raw if nul < 0 else raw[:nul], nul < 0)))
    return [Struct(tuple(fields), elided=not c.opts.verbose)]


@decoder("sysinfo")
def _sysinfo(c: Call) -> DecodeGen:
    yield []
    addr = c.args[0]
    if out_ptr(c, addr):
        return [Addr(addr)]
    got = c.read_struct(addr, _SYSINFO)
    if got is None:
        return [Addr(addr)]
    (uptime, l1, l2, l3, tram, fram, sram, bram, tswap, fswap, procs,
     thigh, fhigh, unit) = got
    def u(v: int) -> Int:
        return Int(v, "u")
    return [Struct((
        ("uptime", Int(uptime)), ("loads", Array((u(l1), u(l2), u(l3)))),
        ("totalram", u(tram)), ("freeram", u(fram)), ("sharedram", u(sram)),
        ("bufferram", u(bram)), ("totalswap", u(tswap)), ("freeswap", u(fswap)),
        ("procs", u(procs)), ("totalhigh", u(thigh)), ("freehigh", u(fhigh)),
        ("mem_unit", u(unit))))]


# --- scheduling ---------------------------------------------------------------------------

@decoder("sched_yield")
def _sched_yield(c: Call) -> list[Value]:
    return []


def cpu_set(c: Call, addr: int, size: int) -> Value:
    """[0 1 64]: the numbers of the set bits of a CPU mask of `size` bytes; the address
    when it cannot be read (with strace's "umoven: short read" warning when partly)."""
    data = (c.fetch(addr, size) if c.opts.deref else None) if size else b""
    if data is None:
        return Addr(addr)
    return Set(tuple(Int(i * 8 + b) for i, byte in enumerate(data) for b in range(8)
                     if byte >> b & 1))


@decoder("sched_getaffinity")
def _sched_getaffinity(c: Call) -> DecodeGen:
    yield [c.pid_(0), c.ulong(1)]
    addr = c.args[2]
    if c.failed or not addr:
        return [Addr(addr)]
    return [cpu_set(c, addr, min(c.ret, c.args[1]))]


@decoder("sched_setaffinity")
def _sched_setaffinity(c: Call) -> list[Value]:
    addr = c.args[2]
    return [c.pid_(0), c.ulong(1), cpu_set(c, addr, c.args[1]) if addr else Addr(0)]


@decoder("getcpu")
def _getcpu(c: Call) -> DecodeGen:
    yield []
    out: list[Value] = []
    for addr in c.args[:2]:
        if out_ptr(c, addr):
            out.append(Addr(addr))
            continue
        got = c.read(addr, 4)
        out.append(Addr(addr) if got is None else Array((Int(_U32.unpack(got)[0], "u"),)))
    return out + [c.ptr(2)]


# --- personality ----------------------------------------------------------------------------

def persona_value(p: int) -> Value:
    """PER_LINUX32|ADDR_NO_RANDOMIZE; "0x67 /* PER_??? */|UNAME26|0x14500"."""
    mask = xval(PERSONALITY_TYPES, "PER_MASK")
    t = p & mask
    name = PERSONALITY_TYPES.name(t)
    head: Value = Const(name, t) if name is not None else Comment(Int(t, "x"), "PER_???")
    if not p & ~mask & U32:
        return head
    return Or((head, flags(PERSONALITY_FLAGS, p & ~mask & U32)))


@decoder("personality")
def _personality(c: Call) -> DecodeGen:
    # Everything prints at exit: the decoder must set the return comment there.
    p = c.args[0] & U32
    yield []
    if not c.failed:
        c.rcomment = Styled(persona_value(c.ret & U32))
    return [Int(p, "x") if p == U32 else persona_value(p)]


# --- scheduling parameters -------------------------------------------------------------

def _sched_param(c: Call, addr: int) -> Value:
    """struct sched_param: [sched_priority]."""
    got = c.read(addr, 4) if addr else None
    return Addr(addr) if got is None else Array((Int(_I32.unpack(got)[0]),))


@decoder("sched_getparam")
def _sched_getparam(c: Call) -> DecodeGen:
    yield [c.pid_(0)]
    addr = c.args[1]
    return [Addr(addr) if c.failed else _sched_param(c, addr)]


@decoder("sched_setparam")
def _sched_setparam(c: Call) -> list[Value]:
    return [c.pid_(0), _sched_param(c, c.args[1])]


@decoder("sched_get_priority_min", "sched_get_priority_max")
def _sched_priority_range(c: Call) -> list[Value]:
    return [const(SCHED_POLICIES, c.args[0] & U32, comment="SCHED_???")]


@decoder("iopl")
def _iopl(c: Call) -> list[Value]:
    return [c.int_(0)]


@decoder("ioperm")
def _ioperm(c: Call) -> list[Value]:
    return [c.hex(0), c.hex(1), c.int_(2)]     # from, num, turn_on


@decoder("lookup_dcookie")
def _lookup_dcookie(c: Call) -> DecodeGen:
    yield []   # everything at exit: the path the kernel wrote
    addr = c.args[1]
    return [c.ulong(0), Addr(addr) if c.failed else c.buf(addr, c.ret), c.ulong(2)]
