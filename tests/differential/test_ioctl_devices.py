"""Differential test of the device ioctl families (decoders/ioctl_watchdog.py,
ioctl_random.py, ioctl_counter.py, ioctl_lirc.py, ioctl_hdio.py, ...) against strace 6.1:
every named request of each family on a descriptor that is no such device, so the kernel
fails them and what is compared is the decoding of the entry arguments (structs, NULL, bad
and page-cut pointers) and of the request names, in each xlat style; with an injected
success, the getters' results too.  strace's warnings (a struct cut by an unmapped page)
are compared apart from the trace."""
from __future__ import annotations

from pathlib import Path

import pytest

from harness import DEFAULT_NORMALISERS, build, compare, normalise, run_pstrace, run_strace

SYSCALLS = Path(__file__).resolve().parent.parent / "syscalls"

# program -> a piece of strace's output that shows the family was decoded, not printed
# generically
FAMILIES = {
    "ioctl_watchdog": "WDIOC_SETTIMEOUT, [42]",
    "ioctl_random": 'buf_size=8, buf="entropy\\0"}',
    "ioctl_counter": "scope=COUNTER_SCOPE_SIGNAL, parent=200, id=255}",
    "ioctl_lirc": "IPMICTL_SET_MAINTENANCE_MODE_CMD or LIRC_SET_REC_CARRIER_RANGE, [38000]",
    "ioctl_hdio": "HDIO_SET_NICE, 1 << IDE_NICE_1)",
    "ioctl_rtc": "uvalue=1<<RTC_FEATURE_ALARM|1<<RTC_FEATURE_ALARM_WAKEUP_ONLY, index=0}",
    "ioctl_perf": 'PERF_EVENT_IOC_SET_FILTER, "filter")',
    "ioctl_uffdio": "range={start=0x7e000000, len=0x1000}, mode=UFFDIO_REGISTER_MODE_MISSING|0x100",
    "ioctl_kd": "kb_index=1, kb_value=0x104 /* K_F5 */}",
    "ioctl_tee": "clnt_login=TEE_IOCTL_LOGIN_GROUP, clnt_uuid=42, cancel_id=7",
    "ioctl_kvm": "flags=KVM_MEM_READONLY|0x10, guest_phys_addr=0x1000, memory_size=4096",
    "ioctl_ptp": "period={sec=1, nsec=0, reserved=0x9}, index=2, flags=PTP_PEROUT_ONE_SHOT",
}


@pytest.mark.parametrize("opts", [[], ["-v"], ["-X", "raw"], ["-X", "verbose"],
                                  ["-e", "inject=ioctl:retval=0"]])
@pytest.mark.parametrize("program", sorted(FAMILIES))
def test_ioctl_family(program: str, opts: list[str]) -> None:
    exe = build(SYSCALLS / f"{program}.c")
    args = [*opts, "-e", "trace=ioctl", "-o", "{out}"]   # warnings apart from the trace
    want, got = run_strace(args, [str(exe)]), run_pstrace(args, [str(exe)])
    if "-X" not in opts:
        assert FAMILIES[program] in normalise(want.trace, DEFAULT_NORMALISERS)
    compare(want, got, DEFAULT_NORMALISERS)
    assert normalise(got.stderr, DEFAULT_NORMALISERS) == \
        normalise(want.stderr, DEFAULT_NORMALISERS)
