/* io_uring_setup and io_uring_enter (tests/differential/test_fam_uring.py): a ring set
 * up (the kernel writes sizes, features and offsets back), unknown flags and reserved
 * words, ATTACH_WQ with a descriptor, NULL and unreadable params; io_uring_enter on the
 * ring with every flag, a signal mask, a bad mask size, a bad descriptor. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/io_uring.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	syscall(SYS_io_uring_setup, 0xdefaced00000002UL, NULL);
	syscall(SYS_io_uring_setup, 2UL, (void *)8);
	int ring = syscall(SYS_io_uring_setup, 2UL, &p);
	memset(&p, 0, sizeof(p));
	p.flags = 0xffffffffU;
	p.sq_thread_cpu = 7;
	p.resv[1] = 0xabc;
	syscall(SYS_io_uring_setup, 1UL, &p);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_ATTACH_WQ;
	p.wq_fd = open("/dev/null", O_RDONLY);
	syscall(SYS_io_uring_setup, 2UL, &p);
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	syscall(SYS_io_uring_enter, ring, 0UL, 0UL, 0UL, NULL, 0UL);
	syscall(SYS_io_uring_enter, ring, 1UL, 2UL, 0xffffffffUL, &mask, 8UL);
	syscall(SYS_io_uring_enter, ring, 0UL, 0UL, (unsigned long)IORING_ENTER_GETEVENTS,
		&mask, 3UL);
	syscall(SYS_io_uring_enter, -1, 0UL, 0UL, 0UL, (void *)8, 8UL);
	return 0;
}
