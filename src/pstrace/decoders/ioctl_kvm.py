"""KVM ioctls (type 0xae, <linux/kvm.h>), x86_64: KVM_CREATE_VM and KVM_CREATE_VCPU
return a descriptor (-y decorates it); KVM_SET_USER_MEMORY_REGION's region;
KVM_GET/SET_REGS's struct kvm_regs and KVM_GET/SET_SREGS's struct kvm_sregs (without -v
a few registers then "..."); KVM_SET_CPUID2 and KVM_GET_SUPPORTED/EMULATED_CPUID's
struct kvm_cpuid2 (its entries only with -v); KVM_CHECK_EXTENSION's capability; the
other requests named, their argument as a number.  Getters print at exit.  Under
-e kvm=vcpu, a successful KVM_RUN's return comment is the vcpu's exit reason
(_kvm_vcpu.py).

strace counterpart: kvm.c and linux/x86_64/arch_kvm.c.
"""
from __future__ import annotations

import struct

from ..values import ELIDED, Addr, Array, Int, Struct, Value
from ..xlat import IOCTL_NAMES_KVM, KVM_CAP, KVM_CPUID_FLAGS, KVM_MEM_FLAGS
from ._fs_common import tracee_array
from ._ioctl_by_name import Arg, decode_by_name, named_request
from ._ioctl_registry import IoctlGen, ioctl_family
from ._kvm_vcpu import exit_reason
from .base import Call, const, flags_or_unknown

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (issue #11)
if TYPE_CHECKING:
    from typing import Any

Fields = list[tuple[str | None, Value]]
_REGION = struct.Struct("<IIQQQ")
_REGS_NAMES = ("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rsp", "rbp", "r8", "r9", "r10",
               "r11", "r12", "r13", "r14", "r15", "rip", "rflags")
_REGS = struct.Struct(f"<{len(_REGS_NAMES)}Q")
_SEGMENT = "QIHBBBBBBBBxx"   # struct kvm_segment
_DTABLE = "QH6x"             # struct kvm_dtable
_SEGMENTS = ("cs", "ds", "es", "fs", "gs", "ss", "tr", "ldt")
_SREGS = struct.Struct(f"<{_SEGMENT * 8}{_DTABLE * 2}QQQQQQQ4Q")
_CPUID2 = struct.Struct("<II")
_CPUID_ENTRY = struct.Struct("<IIIIIII3I")
_SEGMENT_FIELDS = ("base", "limit", "selector", "type", "present", "dpl", "db", "s", "l",
                   "g", "avl")


def _region(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _REGION) if addr else None
    if got is None:
        return Addr(addr)
    slot, flags, guest, size, user = got
    return Struct((("slot", Int(slot, "u")),
                   ("flags", flags_or_unknown(KVM_MEM_FLAGS, flags, "KVM_MEM_???")),
                   ("guest_phys_addr", Int(guest, "x")), ("memory_size", Int(size, "u")),
                   ("userspace_addr", Int(user, "x"))))


def _regs(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _REGS) if addr else None
    if got is None:
        return Addr(addr)
    regs = dict(zip(_REGS_NAMES, got, strict=True))
    if not c.opts.verbose:
        return _abbrev_regs(regs)
    return Struct(tuple((n, Int(v, "x")) for n, v in regs.items()))


def _abbrev_regs(regs: dict[str, int]) -> Value:
    """{rax=.., ..., rsp=.., rbp=.., ..., rip=.., rflags=..} (strace without -v)."""
    return Struct((("rax", Int(regs["rax"], "x")), (None, ELIDED),
                   ("rsp", Int(regs["rsp"], "x")), ("rbp", Int(regs["rbp"], "x")),
                   (None, ELIDED), ("rip", Int(regs["rip"], "x")),
                   ("rflags", Int(regs["rflags"], "x"))))


def _segment(g: tuple[Any, ...]) -> Value:
    return Struct(tuple((n, Int(v, "x" if n == "base" else "u"))
                        for n, v in zip(_SEGMENT_FIELDS, g, strict=True)))


def _sregs(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _SREGS) if addr else None
    if got is None:
        return Addr(addr)
    n = len(_SEGMENT_FIELDS)
    segments = [_segment(got[i * n:(i + 1) * n]) for i in range(8)]
    if not c.opts.verbose:
        return Struct((("cs", segments[0]),), elided=True)
    rest = got[8 * n:]
    fields: Fields = list(zip(_SEGMENTS, segments, strict=True))
    for i, name in enumerate(("gdt", "idt")):
        base, limit = rest[2 * i:2 * i + 2]
        fields.append((name, Struct((("base", Int(base, "x")), ("limit", Int(limit, "u"))))))
    cr0, cr2, cr3, cr4, cr8, efer, apic_base, *bitmap = rest[4:]
    fields += [("cr0", Int(cr0, "u")), ("cr2", Int(cr2, "u")), ("cr3", Int(cr3, "u")),
               ("cr4", Int(cr4, "u")), ("cr8", Int(cr8, "u")), ("efer", Int(efer, "u")),
               ("apic_base", Int(apic_base, "x")),
               ("interrupt_bitmap", Array(tuple(Int(w, "x") for w in bitmap)))]
    return Struct(tuple(fields))


def _cpuid_entry(e: tuple[Any, ...]) -> Value:
    function, index, flags, eax, ebx, ecx, edx, *_ = e
    return Struct((("function", Int(function, "x")), ("index", Int(index, "x")),
                   ("flags", flags_or_unknown(KVM_CPUID_FLAGS, flags, "KVM_CPUID_FLAG_???")),
                   ("eax", Int(eax, "x")), ("ebx", Int(ebx, "x")), ("ecx", Int(ecx, "x")),
                   ("edx", Int(edx, "x"))))


def _cpuid2(c: Call, addr: int) -> Value:
    got = c.read_struct(addr, _CPUID2) if addr else None
    if got is None:
        return Addr(addr)
    nent = got[0]
    entries: Value = tracee_array(c, addr + _CPUID2.size, nent, _CPUID_ENTRY, _cpuid_entry) \
        if c.opts.verbose else Array((), elided=bool(nent))
    return Struct((("nent", Int(nent, "u")), ("entries", entries)))


_ARGS = {
    "KVM_SET_USER_MEMORY_REGION": Arg(_region),
    "KVM_SET_REGS": Arg(_regs), "KVM_GET_REGS": Arg(_regs, at_exit=True),
    "KVM_SET_SREGS": Arg(_sregs), "KVM_GET_SREGS": Arg(_sregs, at_exit=True),
    "KVM_SET_CPUID2": Arg(_cpuid2),
    "KVM_GET_SUPPORTED_CPUID": Arg(_cpuid2, at_exit=True),
    "KVM_GET_EMULATED_CPUID": Arg(_cpuid2, at_exit=True),
    "KVM_CHECK_EXTENSION": Arg(lambda c, a: const(KVM_CAP, a, comment="KVM_CAP_???")),
    "KVM_CREATE_VCPU": Arg(lambda c, a: Int(a & 0xFFFFFFFF, "u")),
}
_RETURN_FD = frozenset(("KVM_CREATE_VM", "KVM_CREATE_VCPU"))


@ioctl_family(0xAE)
def kvm_ioctl(c: Call, code: int) -> IoctlGen:
    named = named_request(IOCTL_NAMES_KVM, code)
    if named is None:
        return None
    got = yield from decode_by_name(c, code, IOCTL_NAMES_KVM, _ARGS)
    if not c.failed and _RETURN_FD.intersection(named[0]):
        c.rval = c.fd_value(c.ret)   # a new descriptor (-y decorates it)
    if c.opts.kvm_vcpu and not c.failed and "KVM_RUN" in named[0]:
        c.rcomment = exit_reason(c, c.sint(0))
    return got
