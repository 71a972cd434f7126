/* POSIX timers and timerfd with valid and invalid arguments: timer_settime (relative,
 * absolute, unknown flags, bad pointers), timer_gettime, timer_getoverrun,
 * timer_delete, timer_create with every sigev_notify kind, an unknown one, a value and
 * bad pointers, timerfd_create/settime/gettime; garbage in the upper 32 bits of int
 * arguments. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

int main(void)
{
	void *bad = (void *)8;
	struct sigevent sev;
	int tid = -1;
	struct itimerspec its = { { 1, 2 }, { 100, 3 } }, old;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
	int tid2 = -1;
	sev.sigev_value.sival_ptr = (void *)0xdeadbeefbadc0dedUL;
	sev.sigev_signo = SIGALRM;
	sev.sigev_notify = SIGEV_SIGNAL;
	syscall(SYS_timer_create, GARBAGE | CLOCK_REALTIME, &sev, &tid2);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = getpid();
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, bad);
	sev.sigev_notify = SIGEV_THREAD;
	sev._sigev_un._sigev_thread._function = (void (*)(__sigval_t))0x1234;
	sev._sigev_un._sigev_thread._attribute = (void *)0x5678;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid2);
	sev.sigev_notify = 0x77;
	sev.sigev_signo = 0x7fff;
	syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &tid2);
	syscall(SYS_timer_create, 0x99, bad, NULL);
	syscall(SYS_timer_create, CLOCK_REALTIME, NULL, NULL);
	syscall(SYS_timer_settime, GARBAGE | tid, GARBAGE | 0, &its, &old);
	syscall(SYS_timer_settime, tid, TIMER_ABSTIME, &its, NULL);
	syscall(SYS_timer_settime, tid, 0x10, &its, NULL);
	syscall(SYS_timer_settime, tid, 0, bad, bad);
	syscall(SYS_timer_settime, tid, 0, &its, bad);
	syscall(SYS_timer_settime, tid, 0, NULL, NULL);
	syscall(SYS_timer_gettime, GARBAGE | tid, &old);
	syscall(SYS_timer_gettime, tid, bad);
	syscall(SYS_timer_gettime, 12345, &old);
	syscall(SYS_timer_getoverrun, GARBAGE | tid);
	syscall(SYS_timer_getoverrun, -1);
	syscall(SYS_timer_delete, GARBAGE | tid);
	syscall(SYS_timer_delete, tid);

	int fd = syscall(SYS_timerfd_create, GARBAGE | CLOCK_MONOTONIC, GARBAGE | TFD_CLOEXEC | TFD_NONBLOCK);
	syscall(SYS_timerfd_create, 0x77, 0x4);
	syscall(SYS_timerfd_settime, GARBAGE | fd, GARBAGE | 0, &its, &old);
	syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL);
	syscall(SYS_timerfd_settime, fd, 0x40, &its, NULL);
	syscall(SYS_timerfd_settime, fd, 0, bad, bad);
	syscall(SYS_timerfd_settime, fd, 0, &its, bad);
	syscall(SYS_timerfd_gettime, GARBAGE | fd, &old);
	syscall(SYS_timerfd_gettime, fd, bad);
	syscall(SYS_timerfd_gettime, -1, &old);
	return 0;
}
