/* Strings that run into an unmapped page: a path and a -s string with no NUL before
 * the end of their page, and buffers of length -1.  strace prints the pointer, not a
 * readable prefix. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *s;
	struct iovec io;

	munmap(p + page, page);
	s = p + page - 3;
	memcpy(s, "abc", 3);                    /* no NUL before the unmapped page */
	open(s, O_RDONLY);
	chdir(s);
	getxattr("/", s, NULL, 0);              /* a string argument (-s applies) */
	s = p + page - 40;
	memset(s, 'x', 40);
	getxattr("/", s, NULL, 0);              /* longer than -s before the hole */
	memcpy(p + page - 4, "ab\0", 3);
	open(p + page - 4, O_RDONLY);           /* ends just before the hole: printed */
	/* a buffer of length -1: strace fetches -s + 1 bytes of it (umoven) */
	s = p + page - 32;
	memset(s, 'X', 31);
	s[31] = 0;
	io.iov_base = s;
	io.iov_len = (size_t)-1;
	writev(-1, &io, 1);
	io.iov_base = p + page - 64;
	writev(-1, &io, 1);
	return 0;
}
