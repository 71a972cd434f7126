/* Descriptor-making and scheduling calls with valid and invalid arguments:
 * getrusage, sched_getparam/sched_setparam, sched_get_priority_min/max,
 * sched_rr_get_interval, inotify_init/1, epoll_create/1, pidfd_open,
 * close_range (garbage in the upper 32 bits of int arguments, unknown flags). */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	struct sched_param sp;
	struct timespec ts;
	void *bad = (void *)8;

	syscall(SYS_getrusage, GARBAGE | (unsigned long)-1, NULL);
	syscall(SYS_getrusage, 12345, bad);
	syscall(SYS_getrusage, RUSAGE_CHILDREN, bad);
	syscall(SYS_sched_getparam, GARBAGE, &sp);
	syscall(SYS_sched_getparam, 0, bad);
	sp.sched_priority = -1;
	syscall(SYS_sched_setparam, 0, &sp);
	syscall(SYS_sched_setparam, 0, bad);
	syscall(SYS_sched_get_priority_min, SCHED_FIFO);
	syscall(SYS_sched_get_priority_max, GARBAGE | SCHED_RR);
	syscall(SYS_sched_get_priority_max, 0x123);
	syscall(SYS_sched_rr_get_interval, 0, NULL);
	syscall(SYS_sched_rr_get_interval, GARBAGE | 0xffffffffUL, &ts);
	syscall(SYS_sched_rr_get_interval, 0, &ts);
	syscall(SYS_sched_rr_get_interval, 0, bad);
	syscall(SYS_inotify_init1, 0x80000 | 0x10);
	syscall(SYS_inotify_init1, 0x800);
	syscall(SYS_epoll_create, GARBAGE | 0);
	syscall(SYS_epoll_create1, 0x80000);
	syscall(SYS_epoll_create1, 0x7);
	syscall(SYS_pidfd_open, GARBAGE | (unsigned long)getpid(), 0);
	syscall(SYS_pidfd_open, 0, 0x801);
	syscall(SYS_close_range, 1000, 1001, 0);
	syscall(SYS_close_range, 0xfffffffeU, 0xffffffffU, 1);
	syscall(SYS_close_range, GARBAGE | 3, 0, 0xfffffffcU | 2);
	return 0;
}
