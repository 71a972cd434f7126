/* migrate_pages and move_pages (tests/differential/test_mem_misc.py): node masks of
 * maxnode bits, page arrays, nodes, each page's status (its node, or -EFAULT for a
 * page that is not mapped), flags with garbage above 32 bits, NULL arrays, none, an
 * array running into unmapped memory, a failed call (status printed as its address),
 * a pid that names nobody. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long me = syscall(SYS_getpid);
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *pages[3];
	int nodes[3] = { 0, 0, 0 }, status[3] = { 7, 7, 7 };
	unsigned long oldm[2] = { 1, 0 }, newm[2] = { 1, 0xdeadbeef };
	void **tail;

	page[0] = 1;
	pages[0] = page;
	pages[1] = page + 4096;   /* never touched: not present */
	pages[2] = (void *)4096;  /* not mapped */
	syscall(SYS_move_pages, me, 3, pages, NULL, status, 0);
	syscall(SYS_move_pages, me, 1, pages, nodes, status, 0xfacefeed00000002UL);
	syscall(SYS_move_pages, me, 0, pages, NULL, status, 0);
	syscall(SYS_move_pages, me, 1, pages, nodes, status, 0x10);
	syscall(SYS_move_pages, me, 1, NULL, NULL, NULL, 0);
	syscall(SYS_move_pages, 99999, 1, pages, NULL, status, 0);
	tail = (void **)(page + 4096) - 1;
	*tail = page;
	munmap(page + 4096, 4096);
	syscall(SYS_move_pages, me, 2, tail, NULL, status, 0);
	syscall(SYS_migrate_pages, me, 2, oldm, newm);
	syscall(SYS_migrate_pages, me, 65, oldm, newm);
	syscall(SYS_migrate_pages, me, 0, NULL, NULL);
	syscall(SYS_migrate_pages, me, 129, oldm, (void *)8);
	syscall(SYS_migrate_pages, 0xdefaced00000000L | me, 1, NULL, NULL);
	return 0;
}
