/* tail(size): size bytes ending where an inaccessible page begins, so that a pointer
 * one element past them is unreadable and a struct one byte bigger is cut short. */
#include <sys/mman.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static inline void *tail(size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p + page, page, PROT_NONE);
	return p + page - size;
}
