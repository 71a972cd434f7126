/* Test program for pstrace differential tests (tests/differential/test_keys_sched.py):
 * init_module/finit_module/delete_module, sethostname/setdomainname and
 * lookup_dcookie, all failing
 * (nothing is loaded or renamed): bad pointers, lengths past the kernel's limit,
 * unknown flags, garbage in the upper 32 bits of int arguments. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	char *page = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page + 4096, 4096);
	char *end = page + 4096;
	syscall(SYS_init_module, NULL, 0, NULL);
	syscall(SYS_init_module, end, -1L, "param=1");
	syscall(SYS_finit_module, GARBAGE | 0xffffffffUL, "", 0);
	syscall(SYS_finit_module, -1, end, 3);
	syscall(SYS_finit_module, -1, "x", 0xff);
	syscall(SYS_delete_module, "pstrace_no_such_module", O_NONBLOCK | O_TRUNC);
	syscall(SYS_delete_module, "pstrace_no_such_module", GARBAGE | 0x10);
	syscall(SYS_delete_module, NULL, 0);
	syscall(SYS_sethostname, NULL, 64);
	syscall(SYS_sethostname, end, GARBAGE | 65);
	syscall(SYS_sethostname, end, 5);
	syscall(SYS_setdomainname, NULL, GARBAGE | 63);
	syscall(SYS_setdomainname, end, -1);
	char buf[64];
	syscall(SYS_lookup_dcookie, 0, NULL, 0);
	syscall(SYS_lookup_dcookie, 0xf157feeddeadfaceUL, buf, sizeof(buf));
	syscall(SYS_lookup_dcookie, -1L, end, -1L);
	return 0;
}
