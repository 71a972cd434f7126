/* Test program for pstrace differential tests (tests/differential/test_dump_edges.py):
 * -e read=/-e write= dumps of failed writes (dumped whole), failed reads (not dumped),
 * buffers over 1 MiB (wider offsets) and buffers running into an unmapped page. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <fcntl.h>
#include <unistd.h>

#define BIG ((1 << 20) + 64)

int main(void)
{
	int fd = open("/dev/null", O_RDWR);   /* fd 3 */
	size_t len = (BIG + 4096) & ~4095UL;   /* page-aligned: end is unmapped */
	char *big = mmap(0, len + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(big + len, 4096);
	for (size_t i = 0; i < len; i++)
		big[i] = (char) i;
	char *end = big + len;

	syscall(SYS_pwrite64, fd, "\0", 1, -3L);                 /* EINVAL, still dumped */
	syscall(SYS_pread64, fd, big, 16, -3L);                  /* EINVAL, not dumped */
	syscall(SYS_write, fd, big, BIG);                        /* 6-digit offsets */
	syscall(SYS_write, fd, end - (1 << 17), (1 << 17) + 1);  /* the last byte is unmapped */
	syscall(SYS_write, fd, end - 100, 70000);                /* beyond the first 64 KiB */
	syscall(SYS_write, fd, end, 16);                         /* nothing readable */
	struct iovec iov[2] = { { big, 20 }, { big + 100, 5 } };
	syscall(SYS_pwritev, fd, iov, 2, -3L, 0);                /* EINVAL, dumped whole */
	syscall(SYS_read, fd, big, 16);                          /* 0 bytes: nothing */
	return 0;
}
