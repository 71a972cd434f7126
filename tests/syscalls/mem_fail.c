/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void){
 syscall(SYS_mremap, 0, 0x1000, 0x1000, MREMAP_DONTUNMAP, 0x1234);
 syscall(SYS_mremap, 0, 0x1000, 0x1000, MREMAP_FIXED, 0x1234);
 syscall(SYS_mremap, 0, 0x1000, 0x1000, 8, 0x1234);
 syscall(SYS_mremap, 0, 0x1000, 0x1000, 0x100000000L, 0x1234);
 syscall(SYS_madvise, 0, 0x1000, 0x100000000L);
 syscall(SYS_madvise, 0, 0x1000, -1L);
 syscall(SYS_msync, 0, 0x1000, 0x100000000L);
 syscall(SYS_mlock, -1L, -1L);
 syscall(SYS_munmap, -1L, -1L);
 syscall(SYS_mincore, 0, 0x1000, 0);
 syscall(SYS_brk, -1L);
 return 0;}
