/* remap_file_pages, process_madvise, vmsplice, futex_waitv, fadvise64, the xattr calls,
 * setitimer/getitimer and membarrier (tests/differential/test_misc_admin.py): valid and invalid
 * arguments, unknown flags and advice, garbage in the upper half of int arguments,
 * arrays cut by an unmapped page, attribute values with and without a trailing NUL.
 * Nothing lasting: the attributes go on a scratch file that is removed. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#ifndef __NR_futex_waitv
#define __NR_futex_waitv 449
#endif
#ifndef __NR_process_madvise
#define __NR_process_madvise 440
#endif

int main(void)
{
	long garbage = (long)0xdefaced00000000ULL;
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = page + 4096;	/* unmapped */
	struct iovec iov[3] = { { "012", 3 }, { "34567", 5 }, { "89abcde", 7 } };
	struct iovec *last = (void *)(end - sizeof iov[0]);
	struct futex_waitv w[3];
	struct timespec ts = { 1, 2 };	/* long past: no call waits */
	struct itimerval it = { { 1, 2 }, { 0, 0 } }, old;	/* never armed */
	char name[] = "/tmp/pstrace-xattr-XXXXXX";
	unsigned int futex_word = 0;
	int fds[2], f, i;

	munmap(end, 4096);
	*last = iov[0];
	syscall(SYS_remap_file_pages, page, 4096, PROT_READ | PROT_WRITE, 0, MAP_PRIVATE);
	syscall(SYS_remap_file_pages, page, 8192, 0, -1L, MAP_SHARED | MAP_FIXED | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT));
	syscall(SYS_remap_file_pages, 0, 0, garbage, 1, 0xf | MAP_NORESERVE);
	syscall(SYS_remap_file_pages, end, 4096, PROT_EXEC | 0x100, 0, MAP_ANONYMOUS | 0x80000000);

	syscall(__NR_process_madvise, -1, iov, 3, MADV_COLD, 0);
	syscall(__NR_process_madvise, garbage | -1, NULL, -1L, garbage | MADV_PAGEOUT, garbage | 1);
	syscall(__NR_process_madvise, 0, last, 2, 0xdeadc0de, 0);
	syscall(__NR_process_madvise, 1000, iov, 0, MADV_WILLNEED, 0xffffffff);

	if (pipe(fds) == 0) {
		syscall(SYS_vmsplice, fds[1], iov, 3, SPLICE_F_NONBLOCK);
		syscall(SYS_vmsplice, garbage | fds[1], last, 2, garbage | SPLICE_F_GIFT | 0x80);
		syscall(SYS_vmsplice, -1, NULL, 0, 0);
		close(fds[0]);
		close(fds[1]);
	}

	for (i = 0; i < 3; i++) {
		w[i].val = i + 1;	/* never the word's value: no call waits */
		w[i].uaddr = (unsigned long)&futex_word;
		w[i].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
		w[i].__reserved = 0;
	}
	syscall(__NR_futex_waitv, w, 1, 0, NULL, CLOCK_MONOTONIC);	/* EAGAIN */
	syscall(__NR_futex_waitv, w, 3, 0, &ts, CLOCK_MONOTONIC);	/* EAGAIN */
	w[1].flags = 0xff;
	w[1].__reserved = 7;
	syscall(__NR_futex_waitv, w, 2, 0, NULL, CLOCK_REALTIME);
	syscall(__NR_futex_waitv, NULL, garbage | 1, garbage | 1, end, garbage | 0xffffffff);
	syscall(__NR_futex_waitv, end - sizeof w[0], 2, 0, NULL, CLOCK_TAI);
	syscall(__NR_futex_waitv, w, 0, 0, NULL, CLOCK_MONOTONIC);

	syscall(SYS_fadvise64, -1, 0, 0, POSIX_FADV_NORMAL);
	syscall(SYS_fadvise64, garbage | -1, -1L, -1L, garbage | POSIX_FADV_DONTNEED);
	syscall(SYS_fadvise64, 0, 4096, 1, 0xdeadca75);

	f = mkstemp(name);
	syscall(SYS_fsetxattr, f, "user.pstrace", "foo\0bar", 8, XATTR_CREATE);
	syscall(SYS_fsetxattr, f, "user.pstrace", "foo\0bar", 7, XATTR_REPLACE);
	syscall(SYS_fgetxattr, f, "user.pstrace", page, 64);
	syscall(SYS_fgetxattr, f, "user.pstrace", page, 2);
	syscall(SYS_fgetxattr, f, "user.pstrace", NULL, 0);
	syscall(SYS_getxattr, name, "user.pstrace", end - 1, 64);
	syscall(SYS_lsetxattr, name, "user.other", page, 65537, 0);
	syscall(SYS_setxattr, name, "user.other", "value\0", 6, garbage | 0x4);
	syscall(SYS_listxattr, name, page, 4096);
	syscall(SYS_llistxattr, name, page, 0);
	syscall(SYS_flistxattr, f, end - 4, 4096);
	syscall(SYS_removexattr, name, "user.other");
	syscall(SYS_fremovexattr, garbage | f, "user.pstrace");
	syscall(SYS_getxattr, "/nonexistent", "user.x", page, 65537);
	close(f);
	unlink(name);

	syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	syscall(SYS_membarrier, garbage | MEMBARRIER_CMD_QUERY, garbage | MEMBARRIER_CMD_FLAG_CPU, 0);
	syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU,
		garbage | 3);
	syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
	syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
	syscall(SYS_membarrier, 0x1234, 0x10, -1);
	syscall(SYS_membarrier, -1, 0, -1);

	syscall(SYS_setitimer, ITIMER_REAL, &it, &old);
	syscall(SYS_getitimer, ITIMER_REAL, &old);
	memset(&it, 0xee, sizeof it);
	syscall(SYS_setitimer, ITIMER_VIRTUAL, &it, NULL);
	syscall(SYS_setitimer, garbage | 0xdeadbeef, &it, end);
	memset(&it, 0, sizeof it);
	syscall(SYS_setitimer, ITIMER_REAL, &it, NULL);
	return 0;
}
