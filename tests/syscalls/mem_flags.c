/* Test program for pstrace differential tests (tests/differential/test_mem_misc.py): exercises the syscalls it names, succeeding and failing. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void){
 syscall(SYS_mmap, 0, 0x1000, -1L, 0xfffffff0L|MAP_PRIVATE, -1, 0);
 syscall(SYS_mmap, 0, 0x1000, 0xffffffffL, 0xfffffff0L|MAP_SHARED_VALIDATE, -1, 0);
 syscall(SYS_mmap, 0, 0x1000, 0, 0xfc000000L|MAP_PRIVATE, -1, 0);
 syscall(SYS_mmap, 0, 0x1000, 0, 0x00800000L|MAP_PRIVATE|MAP_HUGETLB|(63<<26), -1, 0);
 syscall(SYS_mmap, 0, 0x1000, 0, 0x1000000000L|MAP_PRIVATE, -1, 0);
 syscall(SYS_mmap, 0, 0x1000, 0x100000000L, 0x2L, -1L, 0);
 syscall(SYS_mmap, 0, 0x1000, 0x100000000L, 0x2L, 0x1ffffffffL, -1L);
 syscall(SYS_mmap, 0, 0x1000, 0x100000000L, 0x2L, 0x1ffffffffL, -4096L);
 syscall(SYS_mprotect, 0, 0x1000, -1L);
 syscall(SYS_mprotect, 0, 0x1000, 0xffff0000L);
 syscall(SYS_mprotect, 0, -1L, 0);
 syscall(SYS_madvise, 0, 0x1000, -1L);
 syscall(SYS_msync, 0, 0x1000, -1L);
 syscall(SYS_mlockall, -1L);
 syscall(SYS_mlock2, 0, 0x1000, -1L);
 syscall(SYS_mremap, 0, 0x1000, 0x1000, -1L, 0);
 syscall(SYS_mremap, 0, 0x1000, 0x1000, 0, 0x1234);
 syscall(SYS_munlockall, 1, 2);
 for (int i = 0; i < 120; i++) syscall(SYS_madvise, 0, 0, i);
 return 0;}
