/* Test program for pstrace differential tests (tests/differential/test_generic.py): the
 * system calls strace 6.1 prints generically (arguments as numbers and addresses, its
 * printargs) and so does pstrace (docs/syscalls.md: "generic"), called with garbage in
 * every argument, upper 32 bits included, and with small numbers and NULL. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static void call(long nr)
{
	syscall(nr, GARBAGE | 1, GARBAGE | 0xfffffff2UL, -1L, 0L, 0x1234UL, GARBAGE);
	syscall(nr, 0L, 1L, 2L, 3L, 4L, 5L);
}

int main(void)
{
	static const long numbers[] = {
		SYS_sysfs, SYS_create_module, SYS_get_kernel_syms, SYS_query_module,
		SYS_nfsservctl, SYS_getpmsg, SYS_putpmsg, SYS_afs_syscall, SYS_tuxcall,
		SYS_security, SYS_epoll_ctl_old, SYS_epoll_wait_old, SYS_vserver, SYS_rseq,
	};
	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		call(numbers[i]);
	return 0;
}
