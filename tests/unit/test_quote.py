"""pstrace.render.quote against the real strace 6.1.

Every expected string comes from strace itself: quote_probe.c replays byte strings
through failing syscalls (write(-1, buf, n), lgetxattr("/nonexistent", name, ...),
access(path, F_OK)), strace prints them, and each printed argument is compared with
quote()/cut_*() applied to the same bytes.  Missing gcc or strace is a failure.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    from pstrace.decoders.strings import cut_buffer, cut_cstring
    from pstrace.render.quote import XFlag, quote, quote_cut
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from pstrace.decoders.strings import cut_buffer, cut_cstring
    from pstrace.render.quote import XFlag, quote, quote_cut

PROBE_SOURCE = Path(__file__).with_name("quote_probe.c")
STRACE = "/usr/bin/strace"
DEFAULT_S = 32  # strace's default -s, what quote_cut is checked against without -s

# strace option spellings -> the mode they must select.
MODES: dict[str, tuple[list[str], XFlag]] = {
    "default": ([], XFlag.NONE),
    "none": (["--strings-in-hex=none"], XFlag.NONE),
    "x": (["-x"], XFlag.NON_ASCII),
    "non-ascii": (["--strings-in-hex=non-ascii"], XFlag.NON_ASCII),
    "xx": (["-xx"], XFlag.ALL),
    "all": (["--strings-in-hex=all"], XFlag.ALL),
    "bare": (["--strings-in-hex"], XFlag.ALL),
    "non-ascii-chars": (["--strings-in-hex=non-ascii-chars"], XFlag.NON_ASCII_CHARS),
}
BASIC_MODES = ["default", "x", "xx", "non-ascii-chars"]

_LINE = {
    "w": re.compile(r"write\(-1, (.*), (\d+)\) += -1 EBADF \(Bad file descriptor\)"),
    "x": re.compile(r'lgetxattr\("[^"]*", (.*), NULL, 0\) += -1 E\w+ \(.*\)'),
    "p": re.compile(r"access\((.*), F_OK\) += -1 E\w+ \(.*\)"),
}
PATH_PREFIX = b"/nonexistent-pstrace/"


@dataclass(frozen=True)
class Case:
    """One syscall of the probe: ``kind`` w/x/p, its bytes, and write's size."""

    kind: str
    data: bytes
    size: int | None = None  # write() size when larger than data (zero-filled)

    def line(self) -> str:
        extra = f" {self.size}" if self.size is not None else ""
        return f"{self.kind} {self.data.hex()}{extra}\n"

    def expected(self, xflag: XFlag, max_strlen: int) -> str:
        """What quote.py says strace prints for this argument."""
        if self.kind == "w":
            size = len(self.data) if self.size is None else self.size
            buf = self.data + bytes(max(size - len(self.data), 0))
            return quote_cut(*cut_buffer(buf, size, max_strlen), xflag)
        if self.kind == "x":
            # what a decoder reads: up to max_strlen + 1 bytes, or to the NUL
            return quote_cut(*cut_cstring(self.data[: max_strlen + 1], max_strlen), xflag)
        # pathnames ignore -s: they are cut at PATH_MAX - 1
        path_max = os.pathconf("/", "PC_PATH_MAX")
        return quote_cut(*cut_cstring(self.data[:path_max], path_max - 1), xflag)


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.fail("gcc is required to build quote_probe.c")
    if not os.access(STRACE, os.X_OK):
        pytest.fail(f"{STRACE} (strace 6.1, the oracle) is required")
    version = subprocess.run([STRACE, "-V"], capture_output=True, text=True).stdout
    assert version.startswith("strace -- version 6.1"), version
    exe = tmp_path_factory.mktemp("quote") / "quote_probe"
    subprocess.run([gcc, "-O", "-Wall", "-Werror", "-o", str(exe), str(PROBE_SOURCE)], check=True)
    return exe


def strace_print(probe: Path, cases: Sequence[Case], opts: Sequence[str]) -> list[str]:
    """Run the probe under strace once; return each case's printed argument."""
    out = probe.parent / f"out.{os.getpid()}.{random.getrandbits(32)}"
    cmd = [STRACE, "-o", str(out), "-e", "trace=write,lgetxattr,access", *opts, str(probe)]
    proc = subprocess.run(cmd, input="".join(c.line() for c in cases).encode(), capture_output=True)
    assert proc.returncode == 0, proc.stderr
    printed: list[str] = []
    lines = out.read_text(encoding="ascii").splitlines()
    out.unlink()
    for line in lines:
        if line.startswith("+++ ") or line.startswith("access(") and ", R_OK) " in line:
            continue  # the exit line, and the dynamic loader's /etc/ld.so.preload probe
        kind = line[0] if line[0] != "l" else "x"
        m = _LINE["p" if kind == "a" else kind].fullmatch(line)
        assert m, f"unexpected strace line: {line!r}"
        printed.append(m.group(1))
    assert len(printed) == len(cases)
    return printed


def check(probe: Path, cases: Sequence[Case], mode: str, max_strlen: int | None) -> int:
    """Compare strace and quote.py for ``cases``; return the number compared."""
    opts, xflag = MODES[mode]
    s_opts = [] if max_strlen is None else ["-s", str(max_strlen)]
    printed = strace_print(probe, cases, [*opts, *s_opts])
    s = DEFAULT_S if max_strlen is None else max_strlen
    mismatches = [
        (case, got, want)
        for case, got in zip(cases, printed)
        if got != (want := case.expected(xflag, s))
    ]
    assert not mismatches, "\n".join(
        f"{c.kind} {c.data!r} size={c.size}: strace {got} != ours {want}"
        for c, got, want in mismatches[:20]
    )
    return len(cases)


# --- the systematic byte patterns -------------------------------------------------

FOLLOWERS = b"0123456789aZ"


def pattern_bytes() -> list[bytes]:
    """Every byte alone and followed by each digit and a letter, plus specials."""
    out = [bytes([b]) for b in range(256)]
    out += [bytes([b, f]) for b in range(256) for f in FOLLOWERS]
    out += [
        b"",
        b"\x001",
        b"\x00a",
        b"\x00\x00\x001",
        b"\x0012",
        b"\x01\x02\x03",
        b"\t\n\v\f\r\a\b\x1b",
        b'say "hi" \\ there',
        b"\x7f0\x7f",
        b"\x80\xff\xfe0",
        "h\u00e9llo w\u00f6rld \u20ac \U0001f600".encode(),
        b"\x1b[31mred\x1b[0m\n",
        b"plain ascii text only",
        b"a\tb\nc",  # letter escapes only: not hex under -x
        b"a\tb\x01",  # one non-printable: all hex under -x
        b"line 1\nline 2\n" * 40,  # long, sparse escapes
        bytes(range(256)) * 3,  # long, dense escapes
        b"x" * 600 + b"\x01" + b"7" * 10,
    ]
    return out


@pytest.mark.parametrize("mode", list(MODES))
def test_write_buffers(probe: Path, mode: str) -> None:
    cases = [Case("w", data) for data in pattern_bytes()]
    check(probe, cases, mode, max_strlen=4096)


@pytest.mark.parametrize("mode", BASIC_MODES)
def test_nul_terminated(probe: Path, mode: str) -> None:
    # C strings cannot contain NUL: a NUL ends them (and never counts for -x).
    datas = [d for d in pattern_bytes() if d and 0 not in d and len(d) < 250]
    datas += [b"ab\x00\x01cd", b"ab\x00\x01"]  # the bytes after the NUL are ignored
    cases = [Case("x", d) for d in datas] + [Case("p", PATH_PREFIX + d) for d in datas]
    check(probe, cases, mode, max_strlen=4096)


def cut_patterns(s: int) -> list[bytes]:
    out = []
    for n in {max(s - 1, 0), s, s + 1, s + 2}:
        out.append(b"abcdefghijklmnopqrstuvwxyz"[:n].ljust(n, b"z"))
        for pos in range(n):
            base = bytearray(b"m" * n)
            base[pos] = 1  # short octal escape at pos; maybe widened by a digit after it
            out.append(bytes(base))
            out.append(bytes(base[: pos + 1]) + b"7" * (n - pos - 1))
            base[pos] = 0
            out.append(bytes(base))
            out.append(bytes(base[: pos + 1]) + b"1" * (n - pos - 1))
    return out


@pytest.mark.parametrize("s", [0, 1, 2, 3, 4, 7, 31, 32, 33, None])
@pytest.mark.parametrize("mode", BASIC_MODES)
def test_cut(probe: Path, s: int | None, mode: str) -> None:
    eff = DEFAULT_S if s is None else s
    datas = cut_patterns(eff)
    cases = [Case("w", d) for d in datas]
    cases += [Case("w", b"ab", size=eff + 3), Case("w", b"\x01", size=2)]  # zero-filled tail
    cases += [Case("x", d) for d in datas if d] + [Case("p", PATH_PREFIX + d) for d in datas]
    check(probe, cases, mode, max_strlen=s)


@pytest.mark.parametrize("mode", ["default", "x"])
def test_path_max(probe: Path, mode: str) -> None:
    path_max = os.pathconf("/", "PC_PATH_MAX")
    cases = []
    for n in range(path_max - 3, path_max + 3):
        cases.append(Case("p", (PATH_PREFIX + b"a" * n)[:n]))
        cases.append(Case("p", (PATH_PREFIX + b"\x01" * n)[:n]))
    cases.append(Case("p", PATH_PREFIX + b"b" * 2 * path_max))
    check(probe, cases, mode, max_strlen=3)


# --- random strings, one strace run per batch ---------------------------------------

_ALPHABET = st.sampled_from(b"\x00\x01\x07\x08\t\n\x1b\x1f !\"'09\\az\x7f\x80\xc3\xa9\xff01234567")
_RANDOM = st.lists(st.integers(0, 255), max_size=48) | st.lists(_ALPHABET, max_size=48)


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    batch=st.lists(_RANDOM.map(bytes), min_size=1, max_size=150),
    s=st.integers(0, 50),
    mode=st.sampled_from(BASIC_MODES),
)
def test_random_batches(probe: Path, batch: list[bytes], s: int, mode: str) -> None:
    cases = [Case("w", d) for d in batch]
    cases += [Case("x", d) for d in batch if d and d[0]]
    cases += [Case("p", PATH_PREFIX + d) for d in batch]
    check(probe, cases, mode, max_strlen=s)


# --- pure checks (no tracing) -------------------------------------------------------


def test_from_option() -> None:
    assert XFlag.from_option(None) is XFlag.ALL
    for spelling, (opts, xflag) in MODES.items():
        if opts and opts[0].startswith("--strings-in-hex="):
            assert XFlag.from_option(opts[0].split("=", 1)[1]) is xflag, spelling
    assert [int(XFlag.NONE), int(XFlag.NON_ASCII), int(XFlag.ALL)] == [0, 1, 2]


def test_nul_terminated_flag() -> None:
    assert quote(b"a\x01\x00\xff", XFlag.NONE, nul_terminated=True) == '"a\\1"'
    assert quote(b"ab\x00\xff", XFlag.NON_ASCII, nul_terminated=True) == '"ab"'
    assert quote(b"a\x01\x00", XFlag.NONE) == '"a\\1\\0"'


def test_cut_helpers() -> None:
    assert cut_buffer(b"abcdef", 6, 3) == (b"abc", True)
    assert cut_buffer(b"abc", 3, 3) == (b"abc", False)
    assert cut_buffer(b"abcdef", 4, 10) == (b"abcd", False)
    assert cut_cstring(b"abcd", 3) == (b"abc", True)
    assert cut_cstring(b"abc\x00", 3) == (b"abc", False)
    assert cut_cstring(b"abc", 3) == (b"abc", False)
    assert cut_cstring(b"", 0) == (b"", False)
    assert cut_cstring(b"a", 0) == (b"", True)
