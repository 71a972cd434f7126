/* Test program for pstrace differential tests (tests/differential/test_io.py,
 * test_memory_reads): one writev of 32 short buffers that all lie in one page, and
 * another whose buffers cross a page boundary.  strace reads tracee memory through a
 * small page cache, so the number of process_vm_readv calls is the number of pages. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(0, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iovec *io = (struct iovec *) (m + 2 * pg);
	memset(m, 'a', 2 * pg);
	for (int i = 0; i < 32; i++) {
		io[i].iov_base = m + 100 + 8 * i;
		io[i].iov_len = 8;
	}
	writev(-1, io, 32);
	for (int i = 0; i < 32; i++)
		io[i].iov_base = m + pg - 128 + 8 * i;   /* half in each page */
	writev(-1, io, 32);
	return 0;
}
