/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/mman.h>
#include <unistd.h>
#include <asm/prctl.h>
int main(void){
 unsigned long v;
 syscall(SYS_arch_prctl, ARCH_SET_GS, 0);
 syscall(SYS_arch_prctl, ARCH_MAP_VDSO_64, 0x1000);
 syscall(SYS_arch_prctl, ARCH_GET_FS, 0);
 syscall(SYS_set_robust_list, 0, 0);
 char *p = mmap(0, 0x40000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
 p[0]=1; p[0x2000]=1; p[0x3000] = 1;
 unsigned char vec[64];
 syscall(SYS_mincore, p, 0x40000, vec);
 syscall(SYS_mincore, p, 0x5000, vec);
 unsigned g[70000];
 syscall(SYS_getgroups, 0, g);
 for (int i = 0; i < 40; i++) g[i] = i;
 syscall(SYS_setgroups, 40, g);
 syscall(SYS_getgroups, 40, g);
 syscall(SYS_setgroups, 65536, g);
 syscall(SYS_setgroups, 65537, g);
 /* arrays that run into an unmapped page: the readable elements, then an elision */
 char *q = mmap(0, 0x2000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);
 munmap(q + 0x1000, 0x1000);
 unsigned *h = (unsigned *)(q + 0x1000) - 1;
 h[0] = -1;
 syscall(SYS_setgroups, 2, h);
 h = (unsigned *)(q + 0x1000) - 2; h[0] = -2; h[1] = -3;
 syscall(SYS_setgroups, 3, h);
 return 0;}
