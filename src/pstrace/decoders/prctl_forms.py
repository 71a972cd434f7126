"""prctl's composite argument and result forms: vector lengths, tagged-address
controls, and the "(NAME|NAME)" comments of hex results.

strace counterpart: prctl.c's sprint_sve_val/sprint_sme_val, sprint_tagged_addr_val
and its sprintflags_ex(..., SPFF_AUXSTR_MODE) return strings.
"""
from __future__ import annotations

from ..values import Int, Note, Styled, Sym, Value
from ..xlat import PR_MTE_TCF, PR_TAGGED_ADDR, PR_VL_LEN, Xlat, split_flags
from ._fs_common import xval
from .base import Call

_ENABLE = xval(PR_TAGGED_ADDR, "PR_TAGGED_ADDR_ENABLE")
_TCF_MASK = xval(PR_TAGGED_ADDR, "PR_MTE_TCF_MASK")
_TAG_MASK = xval(PR_TAGGED_ADDR, "PR_MTE_TAG_MASK")
_TAG_SHIFT = xval(PR_TAGGED_ADDR, "PR_MTE_TAG_SHIFT")
VL_MASKS = {"SVE": xval(PR_VL_LEN, "PR_SVE_VL_LEN_MASK"),
            "SME": xval(PR_VL_LEN, "PR_SME_VL_LEN_MASK")}


def _hx(v: int) -> str:
    """C's %#x: "0x1f", but "0" for zero."""
    return f"{v:#x}" if v else "0"


def flag_text(x: Xlat, value: int) -> str | None:
    """Names ORed, then the unknown bits in hex; None when no name matched (a zero
    value matches the table's zero name, PR_SPEC_NOT_AFFECTED)."""
    if not value:
        return x.name(0)
    names, rest = split_flags(x, value)
    if not names:
        return None
    return "|".join(names) + (f"|{rest:#x}" if rest else "")


def result_comment(c: Call, text: str | None) -> None:
    """A successful result printed in hex with `text` after it in parentheses (left
    out under -X raw), strace's RVAL_HEX|RVAL_STR."""
    c.rval = Int(c.ret, "x")
    if text is not None:
        note = Note(text)
        c.rcomment = Styled(Sym(None, note, verbose=note))


def _vl_text(flags_x: Xlat, mask: int, value: int) -> str | None:
    """"FLAGS|0xLEN" (unknown flag bits in hex); None without flag bits."""
    flags = value & ~mask
    if not flags:
        return None
    names, rest = split_flags(flags_x, flags)
    parts = [*names, f"{rest:#x}"] if rest else list(names)
    return "|".join(parts) + "|" + _hx(value & mask)


def vl_arg(flags_x: Xlat, mask: int, value: int) -> Value:
    """PR_SVE_SET_VL's / PR_SME_SET_VL's argument: the flags, then the length."""
    text = _vl_text(flags_x, mask, value)
    if text is None:
        return Int(value, "x")
    return Sym(Int(value, "x"), Note(text))


def vl_result(c: Call, flags_x: Xlat, mask: int) -> None:
    """The vector length a successful SVE/SME call returns, its flags in a comment."""
    if not c.failed and c.ret:
        result_comment(c, _vl_text(flags_x, mask, c.ret))


def tagged_text(value: int) -> str:
    """"[!]PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_x[|0xT<<PR_MTE_TAG_SHIFT][|0xREST]"."""
    enable = "PR_TAGGED_ADDR_ENABLE" if value & _ENABLE else "!PR_TAGGED_ADDR_ENABLE"
    tcf = value & _TCF_MASK
    parts = [enable, PR_MTE_TCF.name(tcf) or _hx(tcf)]
    tag = value & _TAG_MASK
    if tag:
        parts.append(f"{tag >> _TAG_SHIFT:#x}<<PR_MTE_TAG_SHIFT")
    rest = value & ~(_ENABLE | _TCF_MASK | _TAG_MASK)
    if rest:
        parts.append(f"{rest:#x}")
    return "|".join(parts)


def tagged_arg(value: int) -> Value:
    return Sym(Int(value, "x"), Note(tagged_text(value)))
