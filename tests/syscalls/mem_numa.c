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
	/* memory policies: modes with and without their flags, an unknown mode with
	 * flags, node masks, the policy read back */
	int mode = -1;
	unsigned long mask[2] = { 1, 0 };
	syscall(SYS_set_mempolicy, 0 /* MPOL_DEFAULT */, NULL, 0);
	syscall(SYS_set_mempolicy, 2 | (1 << 15), mask, 2);   /* BIND|STATIC_NODES */
	syscall(SYS_set_mempolicy, 77 | (1 << 13), mask, 65);
	syscall(SYS_set_mempolicy, 0xdefaced00000001L, mask, 2);
	syscall(SYS_get_mempolicy, &mode, mask, 65, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, NULL, 0, page, 2 /* MPOL_F_ADDR */);
	syscall(SYS_get_mempolicy, &mode, mask, 65, NULL, 0x10);
	syscall(SYS_get_mempolicy, (void *)8, (void *)8, 65, NULL, 0);
	syscall(SYS_set_mempolicy, 0, NULL, 0);
	syscall(SYS_mbind, page, 4096, 1 /* MPOL_PREFERRED */, mask, 2, 0);
	syscall(SYS_mbind, page, 4096, 2 | (1 << 14), mask, 65, 1 | 2);
	syscall(SYS_mbind, -1L, -2L, 99, (void *)8, 129, 0xfffffff8L);
	syscall(SYS_set_mempolicy_home_node, page, 4096, 0, 0);
	syscall(SYS_set_mempolicy_home_node, -1L, -2L, -3L, -4L);
	int sfd = syscall(SYS_memfd_secret, 0x80000 /* O_CLOEXEC */);
	if (sfd >= 0)
		close(sfd);
	syscall(SYS_memfd_secret, 0xbeefcafe00000000L);
	syscall(SYS_memfd_secret, 0xde97face);
	return 0;
}
