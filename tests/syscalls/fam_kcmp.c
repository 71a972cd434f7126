/* kcmp with every type and an unknown one: KCMP_FILE with descriptors of both
 * processes (the same file: which of two differs varies), KCMP_EPOLL_TFD with a slot, NULL and a bad pointer, garbage in the upper
 * 32 bits of the pids and type. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	pid_t pid = getpid();
	int a = open("/dev/null", O_RDONLY), b = open("/dev/zero", O_RDONLY);
	struct kcmp_epoll_slot slot = { a, b, 7 };

	syscall(SYS_kcmp, GARBAGE | pid, GARBAGE | pid, GARBAGE | KCMP_FILE, b, b);
	syscall(SYS_kcmp, pid, pid, KCMP_FILE, a, a);
	syscall(SYS_kcmp, -1, -1, KCMP_FILE, -1, 1000);
	for (int t = KCMP_VM; t < KCMP_EPOLL_TFD; t++)
		syscall(SYS_kcmp, pid, pid, t, 1, 2);
	syscall(SYS_kcmp, pid, pid, KCMP_EPOLL_TFD, a, &slot);
	syscall(SYS_kcmp, pid, -1, KCMP_EPOLL_TFD, a, NULL);
	syscall(SYS_kcmp, pid, pid, KCMP_EPOLL_TFD, a, (void *)8);
	syscall(SYS_kcmp, pid, pid, 0x1234, 0xdeadbeefUL, GARBAGE);
	return 0;
}
