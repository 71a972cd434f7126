#!/usr/bin/env python3
"""Generate src/pstrace/xlat/ioctlent_gen.py: every ioctl request name the installed
kernel uapi headers define, by number, in the order strace 6.1's ioctlent table has
them (strace's maint/ioctls_gen.sh, ioctls_sym.sh, ioctls_hex.sh and ioctlsort.c).

Which macros: a `#define NAME [PREFIX]_IO/_IOR/_IOW/_IOWR/_IOC(...)` line (also the
_S and PREFIX_ spellings, DRM_IOWR...) in any header of the directories below, and
the legacy numbers (`#define NAME 0xTTNN`) of a few headers for their type byte TT.
gcc computes each value (a name that does not compile alone is left out).  Then, as
strace's ioctlsort: one definition per name (asm/ before asm-generic/), entries sorted
by (number, name), and an entry dropped when the entry before it has the same number
and a name that is a prefix of its own (SNDRV_PCM_IOCTL_STATUS hides ..._STATUS64).

`--check` compares the checked-in module instead of writing it.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cconsts

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/pstrace/xlat/ioctlent_gen.py"
INCLUDE = Path("/usr/include")
# (directory under INCLUDE, the name strace's table gives it)
DIRS = (("linux", "linux"), ("asm-generic", "asm-generic"),
        ("x86_64-linux-gnu/asm", "asm"), ("misc", "misc"), ("mtd", "mtd"),
        ("rdma", "rdma"), ("sound", "sound"), ("video", "video"), ("xen", "xen"))
# legacy numeric definitions: header -> type bytes (ioctls_gen.sh's ioctls_hex.sh calls)
HEX = {"linux/hdreg.h": "03", "scsi/sg.h": "22", "linux/fb.h": "46", "linux/kd.h": "4B",
       "linux/loop.h": "4C", "linux/cdrom.h": "53", "scsi/scsi.h": "53",
       "scsi/scsi_ioctl.h": "53", "asm/ioctls.h": "(46|54|66|74)",
       "asm-generic/ioctls.h": "(46|54|66|74)", "linux/vt.h": "56",
       "linux/videotext.h": "7[12]", "asm/sockios.h": "89",
       "asm-generic/sockios.h": "89", "linux/sockios.h": "89", "linux/wireless.h": "8B"}
_DEFINE = r"^[ \t]*#[ \t]*define[ \t]+([A-Z][A-Z0-9_]*)[ \t]+"
_SYM = re.compile(_DEFINE + r"(?:[A-Z]+)?_S?(?:IO|IOW|IOR|IOWR|IOC)[ \t]*\([^)]", re.M)
_ENUM = re.compile(r"^\s*([A-Z][A-Z0-9_]*)\s*=\s*_(?:IO|IOW|IOR|IOWR|IOC)\s*\(", re.M)
# headers that need others first (as strace's ioctls_sym.sh gives them)
_XEN_TYPES = ["<stdint.h>", "typedef uint32_t grant_ref_t;", "typedef uint16_t domid_t;"]
_NO_TIME_H = ["#define _LINUX_TIME_H", "#define _UAPI_LINUX_TIME_H"]
PRE = {"asm-generic/ioctls.h": ["<asm/termbits.h>", "<linux/serial.h>"],
       "asm/ioctls.h": ["<asm/termbits.h>", "<linux/serial.h>"],
       "linux/fs.h": ["<linux/blktrace_api.h>", "<linux/fiemap.h>"],
       "sound/asequencer.h": ["<sound/asound.h>"], "sound/emu10k1.h": ["<sound/asound.h>"],
       "linux/if_pppox.h": ["<netinet/in.h>"], "linux/if_tun.h": ["<linux/filter.h>"],
       "linux/ppp-ioctl.h": ["<linux/filter.h>"], "linux/gsmmux.h": ["<linux/if.h>"],
       "linux/isdn_ppp.h": ["<linux/if.h>"], "linux/sonet.h": ["<linux/atmioc.h>"],
       "linux/ivtvfb.h": ["<linux/videodev2.h>"], "linux/meye.h": ["<linux/videodev2.h>"],
       "linux/atm_zatm.h": ["<linux/atm.h>", *_NO_TIME_H], "linux/coda.h": _NO_TIME_H,
       "linux/raid/md_u.h": ["<linux/major.h>"],
       "xen/evtchn.h": _XEN_TYPES, "xen/gntdev.h": _XEN_TYPES}
PRE.update({f"linux/atm_{n}.h": ["<linux/atm.h>"] for n in ("eni", "he", "nicstar", "idt77105",
                                                             "tcp", "zatm")
            if f"linux/atm_{n}.h" not in PRE})
# strace leaves out the KVM requests of the other architectures (ioctls_sym.sh's
# arm/ppc/s390 lists) and the VIDIOC_SUBDEV_* aliases of VIDIOC_* requests
_OTHER_ARCH = re.compile(r"KVM_(ARM_|PPC_|S390_)[A-Z0-9_]+|KVM_ALLOCATE_RMA"
                         r"|KVM_CREATE_SPAPR_TCE(_64)?")
_BASE = ["<sys/types.h>", "<linux/types.h>", "<linux/ioctl.h>"]
_LINE = re.compile(r"^[^:\s]*c\.c:(\d+):", re.M)


def _headers() -> list[tuple[str, Path]]:
    """(strace's name, path) of every header to read, sorted by name."""
    found = []
    for sub, label in DIRS:
        for path in (INCLUDE / sub).rglob("*.h"):
            found.append((f"{label}/{path.relative_to(INCLUDE / sub)}", path))
    for name in HEX:
        if name.startswith("scsi/"):
            found.append((name, INCLUDE / name))
    return sorted(found)


def _macros(label: str, text: str) -> list[str]:
    """The request macros the header defines (continued lines joined, as in cpp -dD's
    output strace's regular expression reads)."""
    text = re.sub(r"\\\n", " ", text)
    found = _SYM.findall(text)
    if label.endswith("/binder.h"):   # its BC_*/BR_* commands are enum members
        for body in re.findall(r"^enum binder\w*\s*{(.*?)^}", text, re.M | re.S):
            found += _ENUM.findall(body)
    names = dict.fromkeys(n for n in found if not _OTHER_ARCH.fullmatch(n))
    if label in HEX:
        hexre = re.compile(_DEFINE + r"(0x" + HEX[label] + r"[0-9A-Fa-f]{2})\b", re.M | re.I)
        for m in hexre.finditer(text):
            if re.fullmatch(r"[A-Z][A-Z0-9_]*", m.group(1)):
                names.setdefault(m.group(1))
    return list(names)


def _values(label: str, names: list[str]) -> dict[str, int]:
    """The value of each name that compiles, by compiling the header's names together
    and leaving out every name an error points at until it compiles."""
    head = [f"#include {h}" if h.startswith("<") else h
            for h in (*_BASE, *PRE.get(label, []), f"<{label}>")]
    while names:
        lines = [*head, "#include <stdio.h>", "int main(void) {"]
        first = len(lines) + 1
        lines += [f'printf("%s %u\\n", "{n}", (unsigned)({n}));' for n in names]
        lines.append("return 0; }")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp, "c.c")
            src.write_text("\n".join(lines) + "\n")
            exe = Path(tmp, "c")
            res = subprocess.run(["gcc", "-w", "-o", str(exe), str(src)],
                                 capture_output=True, text=True)
            if res.returncode == 0:
                out = subprocess.run([str(exe)], capture_output=True, text=True,
                                     check=True).stdout
                return {n: int(v) for n, v in (line.split() for line in out.splitlines())}
        bad = {int(m) - first for m in _LINE.findall(res.stderr)}
        bad = {i for i in bad if 0 <= i < len(names)}
        if not bad:   # the header itself does not compile
            return {}
        names = [n for i, n in enumerate(names) if i not in bad]
    return {}


def _order(label: str) -> tuple[int, str]:
    """asm/ sorts before asm-generic/ (ioctlsort's exception), else by name."""
    return (0 if label.startswith("asm/") else 1, label)


def _header_values(header: tuple[str, Path]) -> tuple[str, dict[str, int]]:
    label, path = header
    names = _macros(label, path.read_text(errors="replace"))
    return label, _values(label, names) if names else {}


def entries() -> list[tuple[str, int]]:
    """(name, number) of every request, in strace's ioctlent order."""
    defs: dict[str, tuple[str, int]] = {}
    with ThreadPoolExecutor(os.cpu_count()) as pool:   # one gcc per header
        per_header = list(pool.map(_header_values, _headers()))
    for label, values in per_header:
        for name, value in values.items():
            old = defs.get(name)
            if old is None or _order(label) < _order(old[0]):
                defs[name] = (label, value)
    table = sorted((v, n) for n, (_, v) in defs.items()
                   if not (n.startswith("VIDIOC_SUBDEV_")
                           and defs.get("VIDIOC_" + n[14:], ("", -1))[1] == v))
    kept = [(n, v) for i, (v, n) in enumerate(table)
            if not (i and table[i - 1][0] == v and n.startswith(table[i - 1][1]))]
    return kept


def generate() -> str:
    rows = "".join(f"    ({n!r}, {v:#010x}),\n" for n, v in entries())
    return ("# generated by tools/gen_ioctlent.py, do not edit\n"
            '"""Every ioctl request name of the installed kernel uapi headers, sorted by\n'
            'number then name (strace\'s ioctlent table)."""\n\n'
            "IOCTLENT: tuple[tuple[str, int], ...] = (\n" + rows + ")\n")


if __name__ == "__main__":
    sys.exit(cconsts.main(OUT, generate))
