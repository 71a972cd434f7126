/* tail(size): size bytes ending where an inaccessible page begins, so that a pointer
 * one element past them is unreadable and a struct one byte bigger is cut short. */
#include <sys/mman.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static inline void *tail(size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t len = (size + page - 1) / page * page;
	char *p = mmap(NULL, len + page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p + len, page, PROT_NONE);
	return p + len - size;
}
