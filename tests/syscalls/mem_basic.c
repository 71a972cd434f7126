/* Memory syscalls: brk, mmap, mprotect, munmap, mremap, madvise, msync, mlock, munlock,
 * mincore, each succeeding and failing. Deterministic under ASLR off. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdint.h>
#include <linux/mman.h>

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif

int main(void)
{
    long cur = syscall(SYS_brk, 0);
    syscall(SYS_brk, cur + 0x2000);
    syscall(SYS_brk, cur);

    char *p = (char *)syscall(SYS_mmap, 0, 0x4000, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    syscall(SYS_mmap, 0, 0x1000, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC | 0x100,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | MAP_STACK | MAP_GROWSDOWN, -1, 0);
    syscall(SYS_mmap, p + 0x3000, 0x1000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    syscall(SYS_mmap, p + 0x2000, 0x1000, PROT_READ,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    int fd = open("/dev/zero", O_RDWR);
    syscall(SYS_mmap, 0, 0x2000, PROT_READ, MAP_SHARED, fd, 0x1000);
    syscall(SYS_mmap, 0, 0x2000, PROT_READ, MAP_SHARED_VALIDATE | 0x800000, fd, 0);
    syscall(SYS_mmap, 0, 0x2000, PROT_READ, MAP_PRIVATE | MAP_DENYWRITE | MAP_EXECUTABLE, fd, 0);
    syscall(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ, MAP_SHARED, 99, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ, 0, -1, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ, 0xf | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, 0, 1UL << 46, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), -1, 0);
    syscall(SYS_mmap, 0, 0x1000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT | MAP_LOCKED | MAP_NONBLOCK | MAP_UNINITIALIZED | MAP_SYNC, -1, 0);

    syscall(SYS_mprotect, p, 0x1000, PROT_READ);
    syscall(SYS_mprotect, p, 0x1000, PROT_READ | PROT_WRITE | PROT_GROWSDOWN);
    syscall(SYS_mprotect, p + 1, 0x1000, PROT_NONE);
    syscall(SYS_mprotect, p, 0x1000, 0x8 | PROT_GROWSUP | 0x40000);

    syscall(SYS_madvise, p, 0x1000, MADV_DONTNEED);
    syscall(SYS_madvise, p, 0x1000, MADV_NORMAL);
    syscall(SYS_madvise, p, 0x1000, MADV_HUGEPAGE);
    syscall(SYS_madvise, p, 0x1000, 12345);
    syscall(SYS_madvise, p + 1, 0x1000, MADV_WILLNEED);

    syscall(SYS_msync, p, 0x1000, MS_SYNC);
    syscall(SYS_msync, p, 0x1000, MS_ASYNC | MS_INVALIDATE);
    syscall(SYS_msync, p, 0x1000, MS_SYNC | MS_ASYNC);
    syscall(SYS_msync, p, 0x1000, 0x10);

    syscall(SYS_mlock, p, 0x1000);
    syscall(SYS_munlock, p, 0x1000);
    syscall(SYS_mlock, (void *)-4096L, 0x2000);
    syscall(SYS_munlock, (void *)-4096L, 0x2000);
    syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE);
    syscall(SYS_munlockall);
    syscall(SYS_mlock2, p, 0x1000, MLOCK_ONFAULT);

    unsigned char vec[8];
    syscall(SYS_mincore, p, 0x4000, vec);
    syscall(SYS_mincore, p, 0x1000, (void *)1);
    syscall(SYS_mincore, p + 1, 0x1000, vec);
    syscall(SYS_mincore, 0, 0x1000, vec);

    char *q = (char *)syscall(SYS_mremap, p, 0x4000, 0x8000, MREMAP_MAYMOVE);
    syscall(SYS_mremap, q, 0x8000, 0x4000, 0);
    syscall(SYS_mremap, q, 0x4000, 0x4000, MREMAP_MAYMOVE | MREMAP_FIXED, q + 0x100000);
    syscall(SYS_mremap, q, 0x4000, 0x4000, 0x80);
    syscall(SYS_mremap, q + 1, 0x4000, 0x4000, MREMAP_MAYMOVE);

    syscall(SYS_munmap, q + 0x100000, 0x4000);
    syscall(SYS_munmap, q + 1, 0x4000);
    syscall(SYS_munmap, q, 0);
    return 0;
}
