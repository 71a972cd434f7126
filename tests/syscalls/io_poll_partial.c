/* poll with an array that runs into an unmapped page: strace prints the readable
 * entries, then an elision with the address where reading stopped; -P /dev/null still
 * sees fd 9 (/dev/null) in it. */
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct pollfd *pf;

	munmap(p + page, page);
	dup2(open("/dev/null", O_WRONLY), 9);
	pf = (struct pollfd *)(p + page) - 1;
	pf[0].fd = 9;
	pf[0].events = POLLOUT | POLLWRBAND;
	poll(pf, 2, 0);
	poll(pf, 1, 0);
	return 0;
}
