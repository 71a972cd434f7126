/* Test program for pstrace differential tests (tests/differential/test_filters.py,
 * test_unknown_numbers): calls numbered past strace 6.1's table (cachestat 451 and
 * fchmodat2 452 on newer kernels), which strace prints as syscall_0x1c3(...) whatever
 * -e trace= says, even under its seccomp filter, and never counts under -c. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	syscall(451, -1L, 0L, 0L, 0L, 0xfeedL, 0xbeefL);
	syscall(SYS_getpid);
	syscall(452, -1L, "", 0L, 0L, 0L, 0L);
	return 0;
}
