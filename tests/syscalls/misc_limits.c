/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <asm/prctl.h>
#include <linux/futex.h>
#include <unistd.h>
#include <stdint.h>
#include <string.h>
#include <linux/random.h>
int main(void){
 unsigned long fs = 0;
 syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
 syscall(SYS_arch_prctl, ARCH_GET_FS, 1);
 syscall(SYS_arch_prctl, ARCH_SET_FS, fs);
 syscall(SYS_arch_prctl, ARCH_GET_GS, &fs);
 syscall(SYS_arch_prctl, 0x3001, &fs);
 syscall(SYS_arch_prctl, 0x3002, 0);
 /* the extended CPU state features: masks as "0x... /* XFEATURE_MASK_* * /", bits */
 unsigned long long xf = 0;
 syscall(SYS_arch_prctl, ARCH_GET_XCOMP_SUPP, &xf);
 syscall(SYS_arch_prctl, ARCH_GET_XCOMP_PERM, &xf);
 syscall(SYS_arch_prctl, ARCH_GET_XCOMP_GUEST_PERM, &xf);
 syscall(SYS_arch_prctl, ARCH_GET_XCOMP_SUPP, 0);
 syscall(SYS_arch_prctl, ARCH_GET_XCOMP_SUPP, 1);
 syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 18);
 syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 1);
 syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, 0xdeadface);
 syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_GUEST_PERM, 12);
 syscall(SYS_arch_prctl, 0x9999, 0);
 syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0);
 syscall(SYS_arch_prctl, ARCH_SET_CPUID, 1);
 int tid;
 syscall(SYS_set_tid_address, &tid);
 syscall(SYS_set_tid_address, 0);
 char rl[24];
 syscall(SYS_set_robust_list, rl, 24);
 syscall(SYS_set_robust_list, rl, 25);
 void *head; size_t len;
 syscall(SYS_get_robust_list, 0, &head, &len);
 syscall(SYS_get_robust_list, 0, 1, &len);
 syscall(SYS_get_robust_list, 0, &head, 1);
 syscall(SYS_get_robust_list, 999999, &head, &len);
 static char rseqbuf[64] __attribute__((aligned(32)));
 syscall(SYS_rseq, rseqbuf, 32, 0, 0x53053053);
 syscall(SYS_rseq, rseqbuf, 32, 1, 0x53053053);
 syscall(SYS_rseq, rseqbuf, 31, 2, 0x53053053);
 struct rlimit r; struct rlimit64 { uint64_t c, m; } r64, n64;
 syscall(SYS_getrlimit, RLIMIT_STACK, &r);
 syscall(SYS_getrlimit, RLIMIT_NOFILE, &r);
 syscall(SYS_getrlimit, RLIMIT_CORE, &r);
 syscall(SYS_getrlimit, 99, &r);
 syscall(SYS_getrlimit, RLIMIT_CPU, 1);
 syscall(SYS_setrlimit, RLIMIT_CORE, &r);
 syscall(SYS_setrlimit, RLIMIT_CORE, 1);
 syscall(SYS_prlimit64, 0, RLIMIT_STACK, 0, &r64);
 syscall(SYS_prlimit64, 0, RLIMIT_AS, 0, &r64);
 syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, 0, &r64);
 n64.c = 8192*1024+1; n64.m = 3*1024*1024;
 syscall(SYS_prlimit64, 0, RLIMIT_STACK, &n64, &r64);
 n64.c = 1024; n64.m = 2048;
 syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &n64, &r64);
 n64.c = 1023; n64.m = 0;
 syscall(SYS_prlimit64, 0, RLIMIT_MSGQUEUE, &n64, 0);
 n64.c = -2; n64.m = -1;
 syscall(SYS_prlimit64, 0, RLIMIT_MSGQUEUE, &n64, 0);
 syscall(SYS_prlimit64, 0, RLIMIT_NICE, 1, 1);
 syscall(SYS_prlimit64, 12345, RLIMIT_RTTIME, 0, &r64);
 syscall(SYS_prlimit64, 0, 1000, 0, &r64);
 for (int i=0;i<17;i++) syscall(SYS_prlimit64, 0, i, 0, &r64);
 char buf[64];
 syscall(SYS_getrandom, buf, 0, 0);
 syscall(SYS_getrandom, buf, 4, GRND_NONBLOCK);
 syscall(SYS_getrandom, buf, 4, GRND_RANDOM|GRND_INSECURE|8);
 syscall(SYS_getrandom, 1, 4, 0);
 syscall(SYS_getrandom, buf, 4, 0x100);
 struct utsname u;
 syscall(SYS_uname, &u);
 syscall(SYS_uname, 1);
 struct sysinfo si;
 syscall(SYS_sysinfo, 1);
 return 0;}
