/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py,
 * test_const_style.py): the prctl options with flag, sub-command and composite
 * arguments (prctl.c, prctl_forms.c) and capget/capset, succeeding and failing.
 * Nothing here changes what later calls see: settings are restored or rejected. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/prctl.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <unistd.h>
int main(void){
 const unsigned long g = 0xdefaced00000000UL;  /* garbage above the int arguments */
 int v = 0;
 /* task names: 15 bytes without a NUL among them print with "..." */
 syscall(SYS_prctl, PR_SET_NAME, "0123456789abcde", 0, 0, 0);
 syscall(SYS_prctl, PR_SET_NAME, "short", 0, 0, 0);
 char name[16];
 syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
 /* sub-commands and flags */
 syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
 syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 0xff, 0, 0);
 syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
 syscall(SYS_prctl, PR_CAP_AMBIENT, 0xff, 1, 2, 3);
 syscall(SYS_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0);
 syscall(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT, 0, 0);
 syscall(SYS_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, 0xff, 0, 0);
 syscall(SYS_prctl, PR_MCE_KILL, 0xaaaa, 0xbbbb, 0xcccc, 0xdddd);
 syscall(SYS_prctl, PR_MCE_KILL_GET, 0xaaaa, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_SECUREBITS, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_SECUREBITS, 0xbadc0ded00000000UL, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_KEEP_CAPS_LOCKED | 0x1000, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_TSC, g | PR_TSC_ENABLE, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_TSC, 0xff, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_TSC, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_TSC, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_UNALIGN, PR_UNALIGN_NOPRINT | PR_UNALIGN_SIGBUS | 4, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_UNALIGN, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_FP_MODE, PR_FP_MODE_FR | 0x20, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_FP_MODE, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_ENDIAN, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_ENDIAN, 7, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_MM, 0xff, 1, 2, 3);
 syscall(SYS_prctl, PR_SET_MM, PR_SET_MM_BRK, 1, 2, 3);
 syscall(SYS_prctl, PR_SET_VMA, PR_SET_VMA_ANON_NAME, 1, 4096, "anon");
 syscall(SYS_prctl, PR_SET_VMA, 0xff, 1, 2, 3);
 syscall(SYS_prctl, PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0, 0, 0);
 syscall(SYS_prctl, PR_GET_SPECULATION_CTRL, 0xff, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0xff, 0, 0);
 syscall(SYS_prctl, PR_SET_SPECULATION_CTRL, 0xff, 0xff, 0, 0);
 syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, 0xff, 1, 2, 3);
 syscall(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
 /* composite forms (arm64 options: EINVAL here) */
 syscall(SYS_prctl, PR_SVE_SET_VL, PR_SVE_VL_INHERIT | 0x10, 0, 0, 0);
 syscall(SYS_prctl, PR_SVE_SET_VL, 0x10, 0, 0, 0);
 syscall(SYS_prctl, PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC | 0x10000000, 0, 0, 0);
 syscall(SYS_prctl, PR_SVE_GET_VL, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_SME_SET_VL, PR_SME_SET_VL_ONEXEC | PR_SME_VL_INHERIT, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC
         | (0xcafeUL << PR_MTE_TAG_SHIFT) | 0x1000000, 0, 0, 0);
 syscall(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL, 0, 1, 2, 3);
 syscall(SYS_prctl, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
 syscall(SYS_prctl, PR_PAC_RESET_KEYS, PR_PAC_APIAKEY | PR_PAC_APGAKEY | 0x100, 0, 0, 0);
 syscall(SYS_prctl, PR_PAC_RESET_KEYS, 0x100, 0, 0, 0);
 syscall(SYS_prctl, PR_PAC_SET_ENABLED_KEYS, PR_PAC_APDAKEY, 0x100, 0, 0);
 syscall(SYS_prctl, PR_PAC_GET_ENABLED_KEYS, 0, 0, 0, 0);
 /* capget/capset: header, then one (version 1) or two (versions 2, 3) data words */
 struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
 struct __user_cap_data_struct d[2];
 syscall(SYS_capget, &h, d);
 syscall(SYS_capset, &h, d);
 syscall(SYS_capget, 0, 0);
 syscall(SYS_capget, &h, 0);
 syscall(SYS_capget, &h, 1);
 h.version = _LINUX_CAPABILITY_VERSION_1;
 syscall(SYS_capget, &h, d);
 h.version = 0xbadc0ded;
 h.pid = -1;
 syscall(SYS_capset, &h, d);
 h.version = _LINUX_CAPABILITY_VERSION_3;
 h.pid = 0;
 d[0].effective = 1U << CAP_KILL;
 d[0].permitted = 0;
 d[0].inheritable = 0x80000000U;
 d[1].effective = 1U << (CAP_BPF - 32);
 d[1].permitted = 1U << 30;
 d[1].inheritable = 0;
 syscall(SYS_capset, &h, d);
 syscall(SYS_capset, &h, 1);
 return 0;
}
