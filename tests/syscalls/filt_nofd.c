/* Test program for pstrace differential tests (tests/differential/test_filters.py,
 * test_path_no_fd_args): calls whose first argument is 0 but not a descriptor, with
 * /dev/full as fd 0; under -P /dev/full strace prints only the calls that take fds. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/full", O_RDWR);
	dup2(fd, 0);
	syscall(SYS_pidfd_open, 0, 0);
	syscall(SYS_memfd_create, 0, 0);
	syscall(SYS_io_uring_setup, 0, 0);
	syscall(SYS_io_uring_enter, 0, 0, 0, 0, 0, 0);
	syscall(SYS_io_uring_register, 0, 0, 0, 0);
	syscall(SYS_landlock_create_ruleset, 0, 0, 0);
	syscall(SYS_landlock_add_rule, 0, 0, 0, 0);
	syscall(SYS_landlock_restrict_self, 0, 0);
	syscall(SYS_mq_notify, 0, 0);
	syscall(SYS_mq_getsetattr, 0, 0, 0);
	syscall(SYS_mq_timedsend, 0, 0, 0, 0, 0);
	syscall(SYS_mq_timedreceive, 0, 0, 0, 0, 0);
	syscall(SYS_fsopen, 0, 0);
	syscall(SYS_fsmount, 0, 0, 0);
	syscall(SYS_memfd_secret, 0);
	syscall(SYS_write, 0, "x", 1);      /* fd 0: printed */
	syscall(SYS_fsync, 0);              /* fd 0: printed */
	return 0;
}
