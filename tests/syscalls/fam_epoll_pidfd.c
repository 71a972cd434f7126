/* The epoll set calls (epoll_ctl with every op and an unknown one, epoll_wait,
 * epoll_pwait, epoll_pwait2 returning events, none, or failing), flock, fallocate,
 * pidfd_send_signal and pidfd_getfd, with valid and invalid arguments: bad pointers,
 * garbage in the upper 32 bits of int arguments, unknown flags. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	void *bad = (void *)8;
	int p[2];
	struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP, .data.u64 = 0x1122334455667788ULL };
	struct epoll_event out[4];
	struct timespec ts = { 0, 1000 };
	uint64_t mask = 1 << (SIGUSR1 - 1);

	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, SIG_IGN);
	if (pipe(p))
		return 1;
	int ep = epoll_create1(0);
	syscall(SYS_epoll_ctl, GARBAGE | ep, GARBAGE | EPOLL_CTL_ADD, GARBAGE | p[0], &ev);
	ev.events = EPOLLOUT | 0x00f00000;
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[1], bad);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[1], NULL);
	syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], &ev);
	syscall(SYS_epoll_ctl, ep, 0x77, p[1], &ev);
	syscall(SYS_epoll_ctl, -1, EPOLL_CTL_ADD, -2, bad);
	syscall(SYS_epoll_wait, ep, out, 4, 0);
	if (write(p[1], "x", 1) != 1)
		return 1;
	syscall(SYS_epoll_wait, GARBAGE | ep, out, GARBAGE | 4, GARBAGE | 0);
	syscall(SYS_epoll_wait, ep, bad, 4, 0);
	syscall(SYS_epoll_wait, -1, out, 4, -1);
	syscall(SYS_epoll_pwait, ep, out, 4, 0, &mask, 8);
	syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
	syscall(SYS_epoll_pwait, ep, out, 4, 0, &mask, 4);
	syscall(SYS_epoll_pwait, -1, out, 4, 0, &mask, 8);
	syscall(SYS_epoll_pwait2, ep, out, 4, &ts, &mask, 8);
	syscall(SYS_epoll_pwait2, ep, out, 4, NULL, NULL, 0);
	syscall(SYS_epoll_pwait2, ep, out, 4, bad, &mask, 8);
	syscall(SYS_epoll_pwait2, -1, out, 4, &ts, &mask, 8);

	int fd = open("/dev/null", O_RDONLY);
	syscall(SYS_flock, GARBAGE | fd, GARBAGE | LOCK_SH | LOCK_NB);
	syscall(SYS_flock, fd, LOCK_UN);
	syscall(SYS_flock, -1, 0x1000);
	syscall(SYS_flock, fd, 0);
	syscall(SYS_fallocate, GARBAGE | fd, GARBAGE | 0x3, -1L, 4096L);
	syscall(SYS_fallocate, fd, 0xdeadca75, 0x7fffffffffffffffL, 0L);
	syscall(SYS_fallocate, -1, 0x800, 0L, 1L);
	syscall(SYS_fallocate, fd, 0, 0L, 1L);

	int pidfd = syscall(SYS_pidfd_open, getpid(), 0);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = 42;
	syscall(SYS_pidfd_send_signal, GARBAGE | pidfd, GARBAGE | 0, NULL, GARBAGE | 0);
	syscall(SYS_pidfd_send_signal, pidfd, SIGUSR2, &si, 0);
	syscall(SYS_pidfd_send_signal, pidfd, SIGUSR1, bad, 0x10);
	syscall(SYS_pidfd_send_signal, -1, 0x55, NULL, 0);
	syscall(SYS_pidfd_getfd, GARBAGE | pidfd, GARBAGE | fd, GARBAGE | 0);
	syscall(SYS_pidfd_getfd, pidfd, fd, 0x1);
	syscall(SYS_pidfd_getfd, fd, fd, 0);
	syscall(SYS_pidfd_getfd, -1, -1, 0);
	return 0;
}
