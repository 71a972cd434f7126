/* Signal syscalls: rt_sigaction in its forms, masks, sigaltstack, waiting for signals,
 * queueing with data, and the siginfo of signals sent by kill/tgkill/sigqueue/timers. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SS_AUTODISARM
# define SS_AUTODISARM (1U << 31)
#endif

static volatile int got;

static void on_sig(int sig) { got = sig; }
static void on_info(int sig, siginfo_t *si, void *uc) { (void)si; (void)uc; got = sig; }
static char altstack[16384];

#define RT_SIGACTION(s, a, o, n) syscall(SYS_rt_sigaction, s, a, o, n)
#define RT_SIGPROCMASK(h, s, o, n) syscall(SYS_rt_sigprocmask, h, s, o, n)

struct ksa {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};

int main(void)
{
	struct sigaction sa, old;
	sigset_t set, oset;
	siginfo_t si;
	stack_t ss, oss;
	struct timespec ts = { 0, 1000 };

	/* rt_sigaction */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sig;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR1, NULL, &old);
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK | SA_NODEFER;
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGRTMIN + 2);
	sigaction(SIGUSR2, &sa, &old);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = SA_RESETHAND | SA_NOCLDSTOP | SA_NOCLDWAIT;
	sigfillset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, &old);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigdelset(&sa.sa_mask, SIGINT);
	sigaction(SIGCHLD, &sa, &old);
	sigaction(SIGRTMIN + 5, &sa, &old);
	sigaction(SIGRTMAX, &sa, &old);
	sigaction(SIGKILL, &sa, &old);
	RT_SIGACTION(SIGCHLD, (void *)1, NULL, 8);
	RT_SIGACTION(SIGUSR1, NULL, (void *)1, 8);
	RT_SIGACTION(SIGUSR1, NULL, NULL, 4);
	RT_SIGACTION(99, NULL, NULL, 8);
	{
		struct ksa k = { (void *)0x1234, 0x10000000 | 0x4 | 0x400, (void *)0, 0x5 };
		RT_SIGACTION(SIGHUP, &k, NULL, 8);
		k.flags = 0x4000000 | 0x800;
		k.restorer = (void *)0x4321;
		RT_SIGACTION(SIGHUP, &k, &k, 8);
		k.handler = (void *)1;
		k.flags = 0;
		k.mask = ~0ULL;
		RT_SIGACTION(SIGHUP, &k, &k, 8);
	}

	/* masks */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &oset);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigprocmask(SIG_SETMASK, NULL, &oset);
	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, &oset);
	sigdelset(&set, SIGUSR1);
	sigdelset(&set, SIGRTMIN + 1);
	sigprocmask(SIG_SETMASK, &set, &oset);
	sigemptyset(&set);
	sigprocmask(SIG_SETMASK, &set, &oset);
	RT_SIGPROCMASK(7, &set, NULL, 8);
	RT_SIGPROCMASK(SIG_BLOCK, (void *)1, NULL, 8);
	RT_SIGPROCMASK(SIG_BLOCK, NULL, (void *)1, 8);
	RT_SIGPROCMASK(SIG_BLOCK, &set, NULL, 16);
	{
		uint64_t m = (1ULL << 31) | (1ULL << 32) | (1ULL << 33) | (1ULL << 63) | 1;
		RT_SIGPROCMASK(SIG_BLOCK, &m, &m, 8);
		m = ~0ULL & ~(1ULL << 8);
		RT_SIGPROCMASK(SIG_SETMASK, &m, &m, 8);
		m = 0;
		RT_SIGPROCMASK(SIG_SETMASK, &m, NULL, 8);
	}

	/* signals sent to ourselves, handled */
	raise(SIGUSR1);
	kill(getpid(), SIGUSR1);
	syscall(SYS_tkill, getpid(), SIGUSR2);
	{
		union sigval v = { .sival_int = 42 };
		sigqueue(getpid(), SIGUSR2, v);
		v.sival_ptr = (void *)0xdeadbeef;
		sigqueue(getpid(), SIGRTMIN + 5 - 5 + 0 == 0 ? SIGUSR2 : SIGUSR2, v);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGRTMIN, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	{
		siginfo_t q;
		memset(&q, 0, sizeof q);
		q.si_signo = SIGRTMIN;
		q.si_code = -1;
		q.si_pid = getpid();
		q.si_uid = 0;
		q.si_value.sival_int = 7;
		syscall(SYS_rt_sigqueueinfo, getpid(), SIGRTMIN, &q);
		q.si_code = -42;
		syscall(SYS_rt_tgsigqueueinfo, getpid(), getpid(), SIGRTMIN, &q);
		q.si_code = 1;
		syscall(SYS_rt_sigqueueinfo, getpid(), SIGRTMIN, &q);
		syscall(SYS_rt_sigqueueinfo, getpid(), SIGRTMIN, (void *)1);
		syscall(SYS_rt_tgsigqueueinfo, 4242, 4242, SIGRTMIN, &q);
	}
	{
		timer_t t;
		struct sigevent sev;
		struct itimerspec its = { { 0, 0 }, { 0, 1000 } };
		memset(&sev, 0, sizeof sev);
		sev.sigev_notify = SIGEV_SIGNAL;
		sev.sigev_signo = SIGALRM;
		sev.sigev_value.sival_int = 99;
		timer_create(CLOCK_MONOTONIC, &sev, &t);
		sigemptyset(&set);
		sigaddset(&set, SIGALRM);
		sigprocmask(SIG_BLOCK, &set, NULL);
		timer_settime(t, 0, &its, NULL);
		sigtimedwait(&set, &si, NULL);
		timer_settime(t, 0, &its, NULL);
		sigemptyset(&set);
		sigsuspend(&set);
	}

	/* pending, waiting */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigpending(&oset);
	syscall(SYS_rt_sigpending, (void *)1, 8);
	syscall(SYS_rt_sigpending, &oset, 4);
	memset(&si, 0, sizeof si);
	sigtimedwait(&set, &si, &ts);
	sigtimedwait(&set, &si, &ts);
	sigtimedwait(&set, NULL, &ts);
	syscall(SYS_rt_sigtimedwait, &set, (void *)1, (void *)1, 8);
	syscall(SYS_rt_sigtimedwait, &set, NULL, &ts, 4);
	kill(getpid(), SIGTERM);
	sigwaitinfo(&set, &si);
	{
		int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
		signalfd(fd, &set, 0);
		syscall(SYS_signalfd4, -1, (void *)1, 8, 0);
		syscall(SYS_signalfd4, -1, &set, 8, 0x7);
		close(fd);
	}
	syscall(SYS_rt_sigsuspend, (void *)1, 8);
	syscall(SYS_rt_sigsuspend, &set, 4);

	/* sigaltstack */
	ss.ss_sp = altstack;
	ss.ss_size = sizeof altstack;
	ss.ss_flags = 0;
	sigaltstack(&ss, NULL);
	sigaltstack(NULL, &oss);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, &oss);
	sigaltstack(NULL, &oss);
	ss.ss_flags = 0;
	ss.ss_size = 10;
	sigaltstack(&ss, &oss);
	ss.ss_flags = 0x7;
	sigaltstack(&ss, &oss);
	syscall(SYS_sigaltstack, (void *)1, NULL);
	ss.ss_flags = SS_AUTODISARM;
	ss.ss_size = sizeof altstack;
	sigaltstack(&ss, NULL);
	sa.sa_handler = on_sig;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGWINCH, &sa, NULL);
	raise(SIGWINCH);

	/* pause */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	{
		struct sigaction a = { .sa_handler = on_sig };
		sigaction(SIGALRM, &a, NULL);
		/* long enough that a slow tracer on a loaded machine still reaches pause()
		   before the alarm (1 ms was lost to that race now and then) */
		ualarm(300000, 0);
		pause();
	}
	return 0;
}
